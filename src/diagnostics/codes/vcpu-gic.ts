/**
 * @fileoverview Codes XM0259–XM0261 and XM0267: a vCPU count and an interrupt count that the tools
 * read in a way the file probably does not mean, an xm value xend cannot receive, and an xl-only
 * gfx_passthru kind xm passes on unchecked (XM0201–XM0258 are in cross.ts and spec-strings.ts).
 */
import { defineCodes } from '../registry.js';

/** Findings about nr_spis in the eSPI range, xm's vcpus = 0, xm values xend cannot receive, and xl's gfx_passthru kinds in xm. */
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
});
