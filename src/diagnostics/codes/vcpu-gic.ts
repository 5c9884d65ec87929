/**
 * @fileoverview Codes XM0259–XM0261, XM0267, XM0272 and XM0273: a vCPU count and an interrupt
 * count that the tools read in a way the file probably does not mean, an xm value xend cannot
 * receive, an xl-only gfx_passthru kind xm passes on unchecked, xm pci and cpus items xm reads as
 * nothing, and xm's cpu joined to a cpus it cannot join (XM0201–XM0258 are in cross.ts and
 * spec-strings.ts).
 */
import { defineCodes } from '../registry.js';

/** Findings about nr_spis in the eSPI range, xm's vcpus = 0, xm values xend cannot receive, xl's gfx_passthru kinds in xm, and xm's cpu and cpus. */
export const vcpuGicCodes = defineCodes({
  XM0259: {
    severity: 'warning',
    title: 'nr_spis in the extended SPI range, which only some Xen builds take',
    explanation:
      'Xen rounds nr_spis up to a multiple of 32. A count that then lies between 4064 and 5088 reaches interrupt IDs 4096 to 5119, the extended SPI (eSPI) range of a GICv3.1. Only a Xen built with CONFIG_GICV3_ESPI (off by default, and not with the new vGIC) takes it, and only when the host\'s GIC has at least (count - 4064) eSPIs; every other Xen refuses it in domain_vgic_init (-EINVAL, "more than 988 SPIs") and xl create fails. The guest then has the default 988 regular SPIs plus the eSPIs. Leave nr_spis out unless the guest needs eSPIs on a Xen built for them; a count of at most 960 works everywhere.',
    bad: 'gic_version = "v3"\nnr_spis = 4096',
    good: 'gic_version = "v3"\nnr_spis = 960',
  },
  XM0260: {
    severity: 'warning',
    title: 'vcpus = 0, which xm leaves out',
    explanation:
      'xm create passes vcpus to xend only when it is true in Python: create.py\'s vcpu_conf tests `if not maxvcpus and vcpus:` and `if maxvcpus and vcpus:`, so vcpus = 0 is dropped. xend then gives the guest its default of 1 vCPU (XendConfig: VCPUs_max 1), or, when maxvcpus is set, all maxvcpus vCPUs online (`if maxvcpus and not vcpus:` sends maxvcpus as vcpus). Either way the guest starts, with a vCPU count the file does not say. Write the number of vCPUs, or leave vcpus out. A negative vcpus is refused instead (XM0103: xm or xend fails on `1 << vcpus`). Reported for xm; the normalised vcpus is the count xend uses.',
    bad: 'vcpus = 0',
    good: 'vcpus = 1',
  },
  XM0261: {
    severity: 'error',
    title: 'xm value that xend cannot receive',
    explanation:
      'xm create sends the whole config to xend over XML-RPC (create.py make_domain: server.xend.domain.create(config)). Python 2\'s xmlrpclib writes a byte string into the request as it is, in an XML document read as UTF-8, so a string whose bytes are not UTF-8 (a Latin-1 "é" in a file that declares latin-1, or a "\\xe9" escape) or that holds a control character XML does not allow ("\\x01") makes the request not well-formed: xend fails to read it ("not well-formed (invalid token)") and the domain is not created. Write the value in ASCII, or in UTF-8 (declare "# -*- coding: utf-8 -*-" and save the file as UTF-8). Reported for xm, at the first such string of an option\'s value.',
    bad: 'kernel = "/boot/vmlinuz-caf\\xe9"',
    good: 'kernel = "/boot/vmlinuz-caf\\xc3\\xa9"',
  },
  XM0267: {
    severity: 'warning',
    title: 'gfx_passthru kind that xm does not know',
    explanation:
      'gfx_passthru = "igd" or "default" names a kind of graphics passthrough that libxl knows (libxl_gfx_passthru_kind, Xen 4.6 and later) and xl reads. xm never knew kinds: create.py copies the value into the image settings unconverted, and xend (image.py) hands any true value to qemu-dm as text, "-gfx_passthru igd", without a check. What qemu-dm (qemu-xen-traditional) then makes of a word is not in the sources xmcfg checked; it is not xl\'s kind, and passthrough may well be off. For xm write gfx_passthru = 1 (on); keep the kind for an xl file. Reported for xm, HVM guests only (xm passes gfx_passthru for builder = "hvm").',
    bad: 'builder = "hvm"\ngfx_passthru = "igd"',
    good: 'builder = "hvm"\ngfx_passthru = 1',
  },
  XM0272: {
    severity: 'warning',
    title: 'xm: a pci function or cpus item that xm reads as nothing',
    explanation:
      'xm takes the item without an error, but it adds nothing: in a pci string, a function range of three or more parts (`01:00.0-1-2`: xen/util/pci.py\'s pci_func_list_map_fn returns no function for it, so none of those functions is assigned, and a string of only such items assigns no device at all); in cpus, a range that runs backwards (`3-1`: xend\'s range(3, 2) is empty, so no CPU is added) or a `^` item whose number does not read while no CPU is selected yet (`^x` first: the list comprehension that removes it runs over an empty list and never calls int()). The guest is created without what the item seems to say. Write the functions or CPUs themselves. Reported for xm.',
    bad: 'pci = [ "01:00.0-1-2" ]\ncpus = "3-1"',
    good: 'pci = [ "01:00.0-2" ]\ncpus = "1-3"',
  },
  XM0273: {
    severity: 'error',
    title: 'xm: cpu together with a cpus list or an empty cpus',
    explanation:
      'xend puts the deprecated cpu in front of cpus and reads the result as one CPU list string (XendConfig._parse_sxp: `cfg[\'cpus\'] = "%s,%s" % (str(cfg[\'cpu\']), cfg[\'cpus\'])`). With cpus a per-vCPU list, that string holds the list as Python prints it ("2,[\'0-1\', \'3\']"), and with cpus = "" it ends in an empty item ("2,"): xend fails to read either, and the domain is not created. Name the CPU in cpus and drop cpu. Reported for xm.',
    bad: 'vcpus = 2\ncpu = 2\ncpus = ["0-1", "3"]',
    good: 'vcpus = 2\ncpus = ["2,0-1", "2,3"]',
  },
});
