/**
 * @fileoverview What xl does with the boot options of each guest type (xl_parse.c, the switch on
 * the guest type in parse_config_data): an HVM `kernel` named hvmloader is dropped with a warning,
 * `bios_path_override` without `bios` is warned about; a PV or PVH guest takes `firmware` only as
 * pvgrub32/pvgrub64, never together with `kernel`, and needs a kernel, a firmware or a bootloader.
 * xm read these options its own way: a PV guest without kernel went through pygrub (xmPvBoot).
 * An HVM guest's boot order goes to QEMU, which refuses letters it does not know (hvmBootOrder).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { makeDiag, valueAt, keyAt, type Rule, type RuleInput } from './context.js';
import { builderKind, isHvmloader, subSpan } from '../../normalize/index.js';
import { guestKind, guestTypeRelated } from './guest-type.js';

/** A finding about the whole file: check moves it to the file's anchor (decision 051). */
const FILE_START: Span = { start: 0, end: 0 };

/** How a guest type is named in messages. */
const KIND_NAME = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' } as const;

/** An HVM kernel whose file name is hvmloader (XM0223): xl warns and ignores it. */
export const hvmKernelIsHvmloader: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || typeof config.kernel !== 'string' || !isHvmloader(config.kernel)) return [];
  if (guestKind(config, dialect, unknown) !== 'hvm') return [];
  return [
    makeDiag('XM0223', valueAt(spans, '/kernel'), `xl ignores kernel "${config.kernel}" on an HVM guest: it warns "you seem to be using kernel directive to override HVM guest firmware. Ignore that."`, {
      hint: 'remove kernel: hvmloader is the default firmware (use firmware_override for another one)',
      related: guestTypeRelated(config, spans),
    }),
  ];
};

/** bios_path_override on an HVM guest without bios (XM0225): xl warns. */
export const biosPathWithoutBios: Rule = ({ config, spans, dialect, effective, unknown }) => {
  if (typeof config.bios_path_override !== 'string') return [];
  // A bios that is written counts even when its value is refused: xl then exits on it (XM0104).
  if (effective.has('bios') || unknown.has('bios') || guestKind(config, dialect, unknown) !== 'hvm') return [];
  return [
    makeDiag('XM0225', keyAt(spans, '/bios_path_override'), 'bios_path_override without bios: xl warns "bios_path_override given without specific bios name", and libxl loads the file as its default firmware kind', {
      hint: 'set bios = "seabios", "ovmf" or "rombios" to the kind of firmware the file holds',
    }),
  ];
};

/** The PV firmware images Xen installs in XENFIRMWAREDIR (as pvgrub32.bin, pvgrub64.bin). */
const PV_FIRMWARE = ['pvgrub32', 'pvgrub64'];

/** true when `prefix` is a prefix of one of `names` (xl's strncmp(buf, name, strlen(buf))). */
function prefixOf(prefix: string, names: readonly string[]): boolean {
  return names.some((n) => n.startsWith(prefix));
}

/**
 * The boot options of a PV or PVH guest: firmware together with kernel (XM0226), a firmware other
 * than pvgrub32/pvgrub64 (XM0104), and nothing to boot at all (XM0227). xl checks them in this
 * order and exits on the first, so only that one is reported. An empty bootloader (XM0264), an empty
 * kernel (XM0265) and a pvgrub prefix (XM0266) pass xl, which asks only whether they are written, and
 * fail later in libxl (decision 070): reported when xl exits on none of the others.
 */
export const pvBoot: Rule = (input) => {
  const { config, dialect, unknown } = input;
  if (dialect !== 'xl') return [];
  const kind = guestKind(config, dialect, unknown);
  if (kind !== 'pv' && kind !== 'pvh') return [];
  // type and builder disagree: xl exits on that first (XM0206), and the guest type is not settled.
  if (config.type !== undefined && typeof config.builder === 'string' && builderKind(config.builder, dialect) !== kind) return [];
  const firmware = config.firmware;
  const refused = typeof firmware === 'string' ? pvFirmware(input, kind, firmware) : [];
  if (refused.length > 0) return refused;
  if (config.bootloader === '') return [emptyBootloader(input, kind)];
  if (typeof config.bootloader === 'string' && !unknown.has('disk') && diskCount(config) === 0) return [bootloaderWithoutDisk(input, kind)];
  // With a bootloader, libxl runs it and hands it the kernel's path inside the guest's disk.
  const bootloader = typeof config.bootloader === 'string' || unknown.has('bootloader');
  if (typeof firmware === 'string') return bootloader || PV_FIRMWARE.includes(firmware) ? [] : [firmwareFileMissing(input, kind, firmware)];
  if (config.kernel === '' && !bootloader) return [emptyKernel(input, kind)];
  // Unknown kernel, bootloader or firmware: one of them may be what the guest boots from.
  if (unknown.has('kernel') || unknown.has('bootloader') || unknown.has('firmware')) return [];
  if (typeof config.kernel === 'string' || typeof config.bootloader === 'string') return [];
  return [nothingToBoot(input, kind)];
};

/**
 * `bootloader = ""` on a PV or PVH guest (XM0264): xl sees a bootloader, and libxl runs it instead
 * of the kernel (libxl__bootloader_run tests only that one is written), so xl create fails: "cannot
 * run bootloader with no boot disk", or, with a disk, exec of libxl's own bin folder.
 */
function emptyBootloader({ config, spans }: RuleInput, kind: 'pv' | 'pvh'): Diagnostic {
  const fails = diskCount(config) === 0 ? 'libxl stops at "cannot run bootloader with no boot disk"' : 'libxl cannot run a bootloader without a name ("bootloader failed")';
  const boots = typeof config.kernel === 'string' ? 'kernel' : typeof config.firmware === 'string' ? 'firmware' : null;
  return makeDiag('XM0264', valueAt(spans, '/bootloader'), `empty bootloader on a ${KIND_NAME[kind]} guest: xl takes it as a bootloader and libxl runs it${boots === null ? '' : ` instead of the ${boots}`}; ${fails}`, {
    related: guestTypeRelated(config, spans),
    hint: boots === null ? 'name the bootloader (bootloader = "pygrub"), or set kernel and remove this line' : `remove this line to boot the ${boots}`,
  });
}

/** How many disks xl or xend hands on: any entry counts, a CD-ROM or an empty target too (libxl's boot disk is `disks[0]`). */
function diskCount(config: RuleInput['config']): number {
  return Array.isArray(config.disk) ? config.disk.length : 0;
}

/**
 * A PV or PVH guest with a bootloader and no disk (XM0252): libxl runs the bootloader whenever one
 * is written, even beside a kernel or firmware, on the guest's first disk (libxl_create.c:
 * `bootdisk = d_config->num_disks > 0 ? &d_config->disks[0] : NULL`), and libxl__bootloader_run
 * stops at "cannot run bootloader with no boot disk": the domain is not created (decision 067).
 */
function bootloaderWithoutDisk({ config, spans }: RuleInput, kind: 'pv' | 'pvh'): Diagnostic {
  const boots = typeof config.kernel === 'string' ? 'kernel' : typeof config.firmware === 'string' ? 'firmware' : null;
  return makeDiag('XM0252', valueAt(spans, '/bootloader'), `bootloader "${config.bootloader}" on a ${KIND_NAME[kind]} guest without any disk: libxl runs the bootloader${boots === null ? '' : ` instead of the ${boots}`} on the first disk, and stops at "cannot run bootloader with no boot disk"`, {
    related: guestTypeRelated(config, spans),
    hint: boots === null ? 'add the disk the bootloader reads (disk = ["phy:/dev/vg/guest,xvda,w"]), or set kernel and remove this line' : `remove this line to boot the ${boots}, or add the disk the bootloader reads`,
  });
}

/** firmware on a PV or PVH guest: not with kernel, and only a prefix of pvgrub32 / pvgrub64. */
function pvFirmware({ config, spans }: RuleInput, kind: 'pv' | 'pvh', firmware: string): Diagnostic[] {
  if (typeof config.kernel === 'string') {
    return [
      makeDiag('XM0226', keyAt(spans, '/firmware'), `kernel and firmware on a ${KIND_NAME[kind]} guest: xl exits with "both kernel and firmware specified"`, {
        related: [{ message: 'kernel is set here', span: keyAt(spans, '/kernel') }, ...(guestTypeRelated(config, spans) ?? [])],
        hint: 'keep kernel (direct boot) or firmware = "pvgrub64" (PV-GRUB), not both',
      }),
    ];
  }
  if (prefixOf(firmware, PV_FIRMWARE)) return [];
  return [
    makeDiag('XM0104', valueAt(spans, '/firmware'), `firmware must be pvgrub32 or pvgrub64 for a ${KIND_NAME[kind]} guest; got "${firmware}" (xl exits: "only pvgrub{32|64} supported as firmware options")`, {
      related: guestTypeRelated(config, spans),
      hint: kind === 'pv' ? 'use firmware = "pvgrub64", or kernel / bootloader; bios, uefi and firmware paths are for type = "hvm"' : 'use firmware = "pvgrub64", or kernel; bios, uefi and firmware paths are for type = "hvm"',
    }),
  ];
}

/**
 * `kernel = ""` on a PV or PVH guest without a bootloader (XM0265): xl sees a kernel, and libxl
 * cannot open a file named "" (xc_dom_kernel_file fails), so xl create fails.
 */
function emptyKernel({ config, spans }: RuleInput, kind: 'pv' | 'pvh'): Diagnostic {
  return makeDiag('XM0265', valueAt(spans, '/kernel'), `empty kernel on a ${KIND_NAME[kind]} guest: xl takes it as a kernel, and libxl cannot load a kernel file named ""`, {
    related: guestTypeRelated(config, spans),
    hint: 'name the kernel (kernel = "/boot/vmlinuz"), or remove this line and set bootloader = "pygrub"',
  });
}

/**
 * A PV or PVH `firmware` that is a shorter prefix of pvgrub32 / pvgrub64 (XM0266): xl accepts it
 * (strncmp over the value's length) and boots XENFIRMWAREDIR/<value>.bin, which Xen does not install.
 */
function firmwareFileMissing({ config, spans }: RuleInput, kind: 'pv' | 'pvh', firmware: string): Diagnostic {
  return makeDiag('XM0266', valueAt(spans, '/firmware'), `firmware "${firmware}" on a ${KIND_NAME[kind]} guest: xl accepts a prefix of pvgrub32 or pvgrub64 but loads the kernel "${firmware}.bin" from Xen's firmware folder, which Xen installs only as pvgrub32.bin and pvgrub64.bin`, {
    related: guestTypeRelated(config, spans),
    hint: 'write the whole name: firmware = "pvgrub64" (or "pvgrub32" for a 32-bit guest)',
  });
}

/** A PV or PVH guest without kernel, firmware or bootloader (XM0227), at the type that makes it one. */
function nothingToBoot({ config, spans }: RuleInput, kind: 'pv' | 'pvh'): Diagnostic {
  const by = config.type !== undefined ? '/type' : config.builder !== undefined ? '/builder' : null;
  const why = by === '/type' ? `type is "${config.type}"` : by === '/builder' ? `builder is "${config.builder}"` : 'no type is set, and xl defaults to PV';
  return makeDiag('XM0227', by ? valueAt(spans, by) : FILE_START, `a ${KIND_NAME[kind]} guest needs kernel, firmware or bootloader (${why}): xl exits with "Neither kernel nor bootloader specified"`, {
    hint: 'set kernel = "/boot/vmlinuz", bootloader = "pygrub" or firmware = "pvgrub64"; or type = "hvm"',
  });
}

/**
 * An xm PV guest without a kernel, or with a bootloader (XM0241, XM0242). xm never refused it: create.py adds the kernel
 * only `if vals.kernel`, and xend's XendDomainInfo._configureBootloader boots a PV guest that has no
 * kernel, or that has a bootloader, through the bootloader (pygrub when none is named:
 * `if not blexec or blexec == 'pygrub': blexec = osdep.pygrub_path`) on the first disk
 * (XendConfig.device_add marks the first vbd bootable). So without any disk xend fails with "Had a
 * bootloader specified, but no disks are bootable" (XM0241); with a disk the guest boots through
 * pygrub, which xl does not do on its own (XM0227), so the file is flagged for the move (XM0242).
 */
export const xmPvBoot: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xm') return [];
  if (unknown.has('builder') || unknown.has('kernel') || unknown.has('bootloader') || unknown.has('disk')) return [];
  // xm read builder only (it had no `type`): linux, netbsd or none is PV.
  if (config.builder !== undefined && (typeof config.builder !== 'string' || builderKind(config.builder, 'xm') !== 'pv')) return [];
  const bootloader = typeof config.bootloader === 'string' && config.bootloader !== '' ? config.bootloader : null;
  // `if vals.kernel:` and `elif not blexec and kernel:`: an empty string is no kernel, and a kernel
  // is booted directly only without a bootloader (beside one, xend runs the bootloader all the same).
  const kernel = typeof config.kernel === 'string' && config.kernel !== '';
  if (kernel && bootloader === null) return [];
  const why = config.builder !== undefined ? `builder is "${config.builder}"` : kernel ? 'a bootloader is set, which xend runs instead of the kernel' : 'no builder is set, and xm defaults to "linux" (PV)';
  const disks = diskCount(config);
  // Beside a kernel the bootloader alone makes xend need a disk: at it, whatever the builder.
  const at = kernel ? valueAt(spans, '/bootloader') : xmPvBootAt(config, spans, disks === 0 && bootloader !== null);
  if (disks === 0) {
    return [
      makeDiag('XM0241', at, `a PV guest ${kernel ? 'with a bootloader' : 'without kernel'} boots through ${bootloader === null ? 'pygrub (xend\'s default bootloader)' : `bootloader "${bootloader}"`}, which reads the first disk, and this guest has no disk (${why}): xend fails with "Had a bootloader specified, but no disks are bootable"`, {
        hint: kernel ? 'remove this line to boot the kernel directly, or add the disk the bootloader reads' : 'set kernel = "/boot/vmlinuz" for a direct boot, or add the disk the bootloader reads; or builder = "hvm"',
      }),
    ];
  }
  if (bootloader !== null) return [];
  return [
    makeDiag('XM0242', at, `a PV guest with neither kernel nor bootloader (${why}): xend booted it with pygrub from the first disk, but xl exits with "Neither kernel nor bootloader specified"`, {
      hint: 'write bootloader = "pygrub" so xm and xl boot it the same way, or set kernel',
    }),
  ];
};

/**
 * Where XM0241 or XM0242 points: the builder that makes the guest PV; else the key that leaves it
 * without a kernel: the bootloader that needs a disk (`needsDisk`), an empty kernel, an empty
 * bootloader; else the file (none of them is written: decision 051).
 */
function xmPvBootAt(config: RuleInput['config'], spans: RuleInput['spans'], needsDisk: boolean): Span {
  if (config.builder !== undefined) return valueAt(spans, '/builder');
  if (needsDisk) return valueAt(spans, '/bootloader');
  if (config.kernel === '') return valueAt(spans, '/kernel');
  if (config.bootloader === '') return valueAt(spans, '/bootloader');
  return FILE_START;
}

/** The boot devices a PC machine's QEMU takes (boot_device2nibble): floppy a/b, disk c, CD-ROM d, network n. */
const PC_BOOT_DEVICES = 'abcdn';

/**
 * An HVM boot order QEMU refuses (XM0110). libxl (and xend) hand `boot` to the device model as
 * `-boot order=…` unchecked; QEMU takes at most three of the letters a, b, c, d, n, none twice
 * (validate_bootdevices, then the PC machine's set_boot_dev), and otherwise exits, so the device
 * model does not start and the domain is destroyed. At the first letter refused.
 */
export const hvmBootOrder: Rule = ({ config, effective, spans, dialect, unknown }) => {
  const boot = config.boot;
  if (typeof boot !== 'string' || guestKind(config, dialect, unknown) !== 'hvm') return [];
  const setting = effective.get('boot');
  const at = (i: number): Span => (setting === undefined ? valueAt(spans, '/boot') : subSpan(setting.value, i, i + 1));
  const chars = [...boot];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const why = !PC_BOOT_DEVICES.includes(c) ? `QEMU knows no boot device "${c}" ("Invalid boot device")` : chars.indexOf(c) < i ? `"${c}" is given twice ("Boot device '${c}' was given twice")` : i >= 3 ? 'more than three boot devices ("Too many boot devices for PC")' : null;
    if (why !== null) {
      return [
        makeDiag('XM0110', at(offset), `boot = "${boot}": ${why}; the device model does not start and the domain is destroyed`, {
          hint: 'write up to three of c (disk), d (CD-ROM), n (network), a (floppy), e.g. boot = "dc"',
        }),
      ];
    }
    offset += c.length;
  }
  return [];
};
