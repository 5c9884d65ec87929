/**
 * @fileoverview Values xl reads and passes on but libxl or the hypervisor refuses when it builds the
 * domain (XM0234): altp2m_count and altp2m against the guest (x86 arch_sanitise_domain_config, the
 * altp2m_count series v10, libxl_create.c), vcpus past libxl's avail_vcpus bitmap, cap above 100 per
 * vCPU (libxl_sched.c), videoram and USB settings libxl__domain_build_info_setdefault refuses,
 * vmtrace_buf_kb, tsc_mode native_paravirt and Arm GIC vCPU limits. Sources: docs/xl-conformance.md.
 * xl only: xm had no altp2m_count, and xend kept the online vCPUs in a number, not a bitmap.
 */
import { plural, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NormalizedConfig } from '../../normalize/index.js';
import type { UnknownValues } from '../unknown-values.js';
import { makeDiag, valueAt, maxVcpusOf, maxVcpusRelated, maxmemOf, type Rule } from './context.js';
import { guestKind } from './guest-type.js';

/** MAX_NR_ALTP2M on x86: MAX_EPTP, the EPTP-list page's 4096 / 8 entries. */
export const MAX_NR_ALTP2M = 512;

/**
 * libxl refuses `avail_vcpus.size > HVM_MAX_VCPUS`: the size is in bytes ((vcpus + 7) / 8,
 * libxl_bitmap_alloc), so up to 128 * 8 vCPUs pass.
 */
export const MAX_AVAIL_VCPUS = 1024;

/**
 * Whether altp2m is on for the hypervisor: the mode written in altp2m (a name or 0-3), else the
 * legacy altp2mhvm of an HVM guest (libxl's default count reads it the same way). null when a
 * value that decides it is unknown.
 */
export function altp2mOn(config: NormalizedConfig, unknown: UnknownValues): { on: boolean; by: string | null } | null {
  if (unknown.has('altp2m')) return null;
  const mode = config.altp2m;
  if (mode !== undefined && mode !== 'disabled' && mode !== 0) return { on: true, by: '/altp2m' };
  // libxl: `if (altp2m == LIBXL_ALTP2M_MODE_DISABLED && libxl_defbool_val(…u.hvm.altp2m))` the
  // legacy switch turns altp2m on, also over an explicit altp2m = "disabled".
  if (unknown.has('altp2mhvm')) return null;
  if (config.altp2mhvm !== true) return { on: false, by: mode !== undefined ? '/altp2m' : null };
  const kind = guestKind(config, 'xl', unknown);
  if (kind === null) return null;
  return { on: kind === 'hvm', by: kind === 'hvm' ? '/altp2mhvm' : null };
}

/** altp2m_count the hypervisor refuses for the altp2m mode in effect (XM0234). */
export const altp2mCount: Rule = ({ config, spans, unknown }) => {
  const n = config.altp2m_count;
  if (typeof n !== 'number' || unknown.has('altp2m_count')) return [];
  const state = altp2mOn(config, unknown);
  if (state === null) return [];
  const at = valueAt(spans, '/altp2m_count');
  const related = state.by ? [{ message: 'altp2m is set here', span: valueAt(spans, state.by) }] : undefined;
  if (!state.on && n > 0) {
    return [makeDiag('XM0234', at, `altp2m_count = ${n} without altp2m: Xen refuses to create the domain ("altp2m.nr must be zero when altp2m is off")`, { related, hint: 'set altp2m = "mixed", "external" or "limited", or remove altp2m_count' })];
  }
  if (state.on && n === 0) {
    return [makeDiag('XM0234', at, 'altp2m_count = 0 with altp2m on: Xen refuses to create the domain ("altp2m must be requested with altp2m.nr > 0")', { related, hint: "remove altp2m_count for libxl's default of 10 views" })];
  }
  if (state.on && n > MAX_NR_ALTP2M) {
    return [makeDiag('XM0234', at, `altp2m_count = ${n} is above ${MAX_NR_ALTP2M} (MAX_NR_ALTP2M): Xen refuses to create the domain ("altp2m.nr must be <= ${MAX_NR_ALTP2M}")`, { related, hint: `use at most ${MAX_NR_ALTP2M}` })];
  }
  return [];
};

/** More vCPUs online at start than libxl's avail_vcpus bitmap may hold (XM0234). */
export const vcpusBitmap: Rule = ({ config, spans, dialect, unknown }) => {
  const n = config.vcpus;
  if (dialect !== 'xl' || typeof n !== 'number' || unknown.has('vcpus') || n <= MAX_AVAIL_VCPUS) return [];
  return [
    makeDiag('XM0234', valueAt(spans, '/vcpus'), `vcpus = ${n}: libxl refuses more than ${MAX_AVAIL_VCPUS} vCPUs online at start ("avail_vcpus bitmap contains too many VCPUS")`, {
      hint: `start with at most ${MAX_AVAIL_VCPUS} (vcpus), and let maxvcpus give the rest`,
    }),
  ];
};

/**
 * cap above 100 per vCPU: libxl sets the scheduling parameters when it builds the domain, and
 * sched_credit_domain_set / sched_credit2_domain_set (libxl_sched.c) refuse `cap > (max_vcpu_id +
 * 1) * 100` ("Cpu cap out of range"); -1 is libxl's "default" (LIBXL_DOMAIN_SCHED_PARAM_CAP_DEFAULT).
 */
export const capAboveVcpus: Rule = ({ config, spans, unknown }) => {
  const cap = config.cap;
  if (typeof cap !== 'number' || unknown.has('cap')) return [];
  const max = maxVcpusOf(config, unknown);
  if (max === null || cap <= max.value * 100) return [];
  const related = maxVcpusRelated(spans, max);
  return [
    makeDiag('XM0234', valueAt(spans, '/cap'), `cap = ${cap} is above 100 per vCPU (${max.value * 100} for ${plural(max.value, 'vCPU')}): with the credit and credit2 schedulers (credit2 is Xen's default) libxl refuses it ("Cpu cap out of range")`, {
      related,
      hint: `use at most ${max.value * 100}, or 0 for no cap`,
    }),
  ];
};

/** The emulated VGA of an HVM guest as xl sets it: vga, else stdvga (1 = std, else cirrus); null when unknown. */
function vgaKind(config: NormalizedConfig, unknown: UnknownValues): { kind: string; by: string | null } | null {
  if (unknown.has('vga')) return null;
  if (typeof config.vga === 'string') return { kind: config.vga === 'stdvga' ? 'std' : config.vga, by: '/vga' };
  if (unknown.has('stdvga')) return null;
  return config.stdvga === true ? { kind: 'std', by: '/stdvga' } : { kind: 'cirrus', by: config.stdvga === false ? '/stdvga' : null };
}

/** The device model libxl picks: device_model_version, else qemu-xen-traditional for a stub domain, else qemu-xen; null when unknown. */
export function deviceModel(config: NormalizedConfig, unknown: UnknownValues): string | null {
  if (unknown.has('device_model_version') || unknown.has('device_model_stubdomain_override')) return null;
  if (typeof config.device_model_version === 'string') return config.device_model_version;
  return config.device_model_stubdomain_override === true ? 'qemu-xen-traditional' : 'qemu-xen';
}

/** libxl's smallest videoram (MiB) per VGA with qemu-xen, and with qemu-xen-traditional (no minimum for cirrus: it ignores any other value). */
const VIDEORAM_MIN: Record<string, Record<string, number>> = {
  'qemu-xen': { cirrus: 8, std: 16, qxl: 128 },
  'qemu-xen-traditional': { std: 8 },
};

/** videoram below what libxl needs for the HVM guest's VGA, or qxl with qemu-xen-traditional (XM0234). */
export const videoramForVga: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || guestKind(config, dialect, unknown) !== 'hvm') return [];
  const vga = vgaKind(config, unknown);
  const dm = deviceModel(config, unknown);
  if (vga === null || dm === null) return [];
  const related = vga.by ? [{ message: 'the VGA is chosen here', span: valueAt(spans, vga.by) }] : undefined;
  if (dm === 'qemu-xen-traditional' && vga.kind === 'qxl') {
    return [makeDiag('XM0234', valueAt(spans, '/vga'), 'vga = "qxl" needs qemu-xen: libxl refuses it with qemu-xen-traditional ("qemu upstream required for qxl vga")', { hint: 'use device_model_version = "qemu-xen", or another vga' })];
  }
  const mib = config.videoram;
  const min = VIDEORAM_MIN[dm]?.[vga.kind];
  if (typeof mib !== 'number' || unknown.has('videoram') || min === undefined || mib >= min) return [];
  const says = vga.kind === 'qxl' ? '128 Mib videoram is the minimum for qxl default' : `videoram must be at least ${min} MB for ${vga.kind === 'std' ? 'STDVGA' : 'CIRRUS'} on ${dm === 'qemu-xen' ? 'QEMU_XEN' : 'QEMU_XEN_TRADITIONAL'}`;
  return [
    makeDiag('XM0234', valueAt(spans, '/videoram'), `videoram = ${mib} is below the ${min} MiB libxl needs for vga ${vga.kind === 'std' ? 'stdvga' : vga.kind} on ${dm} ("${says}")`, {
      related,
      hint: `set videoram = ${min} or more, or leave it out for libxl's default (${min})`,
    }),
  ];
};

/**
 * usbversion (or SPICE USB redirection, which implies usbversion 2) together with the older usb /
 * usbdevice options: libxl__domain_build_info_setdefault refuses "usbversion and/or usbredirection
 * cannot be enabled with usb and/or usbdevice parameters" (XM0234). Redirection counts only with
 * spice on: libxl turns it off otherwise ("spice disabled, disabling usbredirection").
 */
export const usbversionWithUsb: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || guestKind(config, dialect, unknown) !== 'hvm') return [];
  const keys = ['usbversion', 'spice', 'spiceusbredirection', 'usb', 'usbdevice'] as const;
  if (keys.some((k) => unknown.has(k))) return [];
  const version = typeof config.usbversion === 'number' && config.usbversion > 0 ? '/usbversion' : null;
  const redirection = config.spice === true && typeof config.spiceusbredirection === 'number' && config.spiceusbredirection > 0 ? '/spiceusbredirection' : null;
  const by = version ?? redirection;
  const old = config.usb === true ? '/usb' : config.usbdevice !== undefined ? '/usbdevice' : null;
  if (by === null || old === null) return [];
  return [
    makeDiag('XM0234', valueAt(spans, by), `${by.slice(1)} together with ${old.slice(1)}: libxl refuses it ("usbversion and/or usbredirection cannot be enabled with usb and/or usbdevice parameters")`, {
      related: [{ message: `${old.slice(1)} is set here`, span: valueAt(spans, old) }],
      hint: `use one of them: usbversion (a USB controller) or ${old.slice(1)}`,
    }),
  ];
};

/**
 * More than 4 SPICE USB redirection channels with spice on: libxl then builds a USB controller
 * (usbversion 2 by default) and libxl__build_device_model_args_new refuses the count
 * ("usbredirection parameter is invalid, it must be between 1 and 4") (XM0234). Without spice,
 * libxl sets it to 0 first.
 */
export const spiceRedirectionCount: Rule = ({ config, spans, dialect, unknown }) => {
  const n = config.spiceusbredirection;
  if (typeof n !== 'number' || n <= 4 || config.spice !== true) return [];
  if (unknown.has('spiceusbredirection') || unknown.has('spice') || guestKind(config, dialect, unknown) !== 'hvm') return [];
  return [
    makeDiag('XM0234', valueAt(spans, '/spiceusbredirection'), `spiceusbredirection = ${n}: libxl refuses more than 4 redirection channels ("usbredirection parameter is invalid, it must be between 1 and 4")`, {
      related: [{ message: 'spice is on here', span: valueAt(spans, '/spice') }],
      hint: 'use at most 4',
    }),
  ];
};

/**
 * altp2m, nestedhvm and hap together (XM0234). libxl_create.c refuses nestedhvm with altp2m
 * ("nestedhvm and altp2mhvm cannot be used together") and altp2m with populate-on-demand ("Cannot
 * enable PoD and ALTP2M at the same time"); x86 `arch_sanitise_domain_config` refuses nested virt
 * without HAP ("Nested virt not supported without HAP") and altp2m without HAP ("altp2m is only
 * supported with HAP"), which includes every PV guest: libxl__domain_make passes the altp2m mode
 * for every type, and sets CDF_hap and CDF_nested_virt for HVM and PVH only.
 */
export const hapNestedAltp2m: Rule = ({ config, spans, dialect, unknown }) => {
  const kind = guestKind(config, dialect, unknown);
  if (dialect !== 'xl' || kind === null || unknown.has('hap') || unknown.has('nestedhvm')) return [];
  const altp2m = altp2mOn(config, unknown);
  const on = altp2m?.on === true && altp2m.by !== null ? altp2m.by : null;
  const at = (ptr: string, message: string, other?: [string, string]) =>
    makeDiag('XM0234', valueAt(spans, ptr), message, other ? { related: [{ message: other[1], span: valueAt(spans, other[0]) }] } : {});
  if (kind === 'pv') return on ? [at(on, 'altp2m on a PV guest: Xen refuses to create the domain, a PV domain has no HAP ("altp2m is only supported with HAP")')] : [];
  const noHap = config.hap === false;
  const nested = config.nestedhvm === true;
  const out: Diagnostic[] = [];
  if (nested && noHap) out.push(at('/nestedhvm', 'nestedhvm without hap: Xen refuses to create the domain ("Nested virt not supported without HAP")', ['/hap', 'hap is off here']));
  if (on === null) return out;
  if (nested) out.push(at(on, 'altp2m with nestedhvm: libxl refuses to create the domain ("nestedhvm and altp2mhvm cannot be used together")', ['/nestedhvm', 'nestedhvm is on here']));
  else if (noHap) out.push(at(on, 'altp2m without hap: Xen refuses to create the domain ("altp2m is only supported with HAP")', ['/hap', 'hap is off here']));
  else if (kind === 'hvm') {
    const pod = podMaxmem(config, unknown);
    if (pod !== null) out.push(at(on, 'altp2m with memory below maxmem (populate-on-demand): libxl refuses to create the domain ("Cannot enable PoD and ALTP2M at the same time")', [pod, pod === '/vnuma' ? 'the vnuma sizes, which xl makes maxmem, add up to more than memory' : 'maxmem is set here']));
  }
  return out;
};

/** libxl's pod_enabled for an HVM guest (target memory below maxmem, both known): where maxmem comes from, else null. */
function podMaxmem(config: NormalizedConfig, unknown: UnknownValues): string | null {
  const { memory } = config;
  const max = maxmemOf(config, unknown);
  return !unknown.has('memory') && typeof memory === 'number' && max !== null && memory < max.value ? max.ptr : null;
}

/** The most vmtrace buffer per vCPU Xen takes: 64 MiB (x86 arch_sanitise_domain_config). */
const VMTRACE_MAX_KIB = 64 * 1024;

/**
 * vmtrace_buf_kb Xen refuses (XM0234): libxl passes `ROUNDUP(vmtrace_buf_kb << 10, XC_PAGE_SHIFT)`
 * and x86 `arch_sanitise_domain_config` wants an HVM guest ("vmtrace not supported for PV") and a
 * power of two from 4 KiB to 64 MiB ("Unsupported vmtrace size"). 0 is unset (xl: `&& l`).
 */
export const vmtraceSize: Rule = ({ config, spans, dialect, unknown }) => {
  const kb = config.vmtrace_buf_kb;
  if (typeof kb !== 'number' || kb <= 0 || unknown.has('vmtrace_buf_kb')) return [];
  const at = valueAt(spans, '/vmtrace_buf_kb');
  const kind = guestKind(config, dialect, unknown);
  if (kind === 'pv') return [makeDiag('XM0234', at, 'vmtrace_buf_kb on a PV guest: Xen refuses to create the domain ("vmtrace not supported for PV")', { hint: 'remove vmtrace_buf_kb, or use an HVM or PVH guest' })];
  const pages = Math.ceil(kb / 4);
  if (pages * 4 <= VMTRACE_MAX_KIB && (pages & (pages - 1)) === 0) return [];
  let up = 4;
  while (up < kb && up < VMTRACE_MAX_KIB) up *= 2;
  return [
    makeDiag('XM0234', at, `vmtrace_buf_kb = ${kb}: Xen takes a power of two from 4 to ${VMTRACE_MAX_KIB} KiB ("Unsupported vmtrace size")`, {
      hint: `use ${up}`,
    }),
  ];
};

/**
 * tsc_mode "native_paravirt" (3): libxl__arch_domain_create (libxl_x86.c) fails with "TSC Mode
 * native_paravirt (a.k.a PVRDTSCP) has been removed" (ERROR_FEATURE_REMOVED, Xen 4.13 and later)
 * (XM0234). xl still reads the name; xm's xend (Xen 4.4 and older) had the mode.
 */
export const tscNativeParavirt: Rule = ({ config, spans, dialect, unknown }) => {
  const mode = config.tsc_mode;
  if (dialect !== 'xl' || unknown.has('tsc_mode') || (mode !== 'native_paravirt' && mode !== 3)) return [];
  return [
    makeDiag('XM0234', valueAt(spans, '/tsc_mode'), 'tsc_mode "native_paravirt" was removed from Xen (4.13): libxl refuses it ("TSC Mode native_paravirt (a.k.a PVRDTSCP) has been removed")', {
      hint: 'use tsc_mode = "default", "always_emulate" or "native"',
    }),
  ];
};

/**
 * vCPUs above what an Arm guest's virtual GIC takes (XM0234): Arm `arch_sanitise_domain_config`
 * refuses `max_vcpus > min(vgic_max_vcpus(gic), MAX_VIRT_CPUS)` ("Requested vCPUs (%u) exceeds max
 * (%u)"): 8 for GICv2, and 128 for GICv3 (4096, capped by arm64's MAX_VIRT_CPUS; arm32 has 8).
 * Only gic_version tells the guest is an Arm one, so only a written "v2" or "v3" is judged.
 */
export const armGicVcpus: Rule = ({ config, spans, unknown }) => {
  const gic = config.gic_version;
  if (unknown.has('gic_version') || (gic !== 'v2' && gic !== 'v3')) return [];
  const max = maxVcpusOf(config, unknown);
  const limit = gic === 'v2' ? 8 : 128;
  if (max === null || max.ptr === null || max.value <= limit) return [];
  return [
    makeDiag('XM0234', valueAt(spans, max.ptr), `${max.ptr === '/vnuma' ? 'vnuma lists' : `${max.ptr.slice(1)} =`} ${max.value}${max.ptr === '/vnuma' ? ' vCPUs' : ''}: an Arm guest with a GIC${gic} has at most ${limit} vCPUs; Xen refuses to create it ("Requested vCPUs (${max.value}) exceeds max (${limit})")`, {
      related: [{ message: 'gic_version is set here', span: valueAt(spans, '/gic_version') }],
      hint: gic === 'v2' ? 'use at most 8 vCPUs, or gic_version = "v3"' : 'use at most 128 vCPUs',
    }),
  ];
};


/** HVM_MAX_VCPUS (public/hvm/hvm_info_table.h): the most vCPUs of an HVM or PVH (an HVM container) domain. */
const HVM_MAX_VCPUS = 128;
/** MAX_VIRT_CPUS on x86 (asm/config.h): the most vCPUs of a PV domain. */
const PV_MAX_VCPUS = 8192;

/**
 * More vCPUs than Xen gives a domain of the guest's type (XM0415): x86 arch_sanitise_domain_config
 * refuses `max_vcpus > (hvm ? HVM_MAX_VCPUS : MAX_VIRT_CPUS)` ("Requested vCPUs (N) exceeds max (M)").
 * No host is needed, so check says it without --host too (plan says it with the same code, and check
 * --host leaves placement's copy out). An Arm guest (gic_version written) has its GIC's limit instead
 * (armGicVcpus).
 */
export const vcpusAboveXenMax: Rule = ({ config, spans, dialect, unknown }) => {
  if (config.gic_version !== undefined || unknown.has('gic_version')) return [];
  const max = maxVcpusOf(config, unknown);
  const kind = guestKind(config, dialect, unknown);
  if (max === null || max.ptr === null || kind === null) return [];
  const limit = kind === 'pv' ? PV_MAX_VCPUS : HVM_MAX_VCPUS;
  if (max.value <= limit) return [];
  const what = kind === 'pv' ? 'a PV domain may have (MAX_VIRT_CPUS)' : `an ${kind.toUpperCase()} domain may have (HVM_MAX_VCPUS)`;
  return [
    makeDiag('XM0415', valueAt(spans, max.ptr), `${max.value} vCPUs, more than the ${limit} ${what}: Xen refuses to create it ("Requested vCPUs (${max.value}) exceeds max (${limit})")`, {
      related: max.ptr === '/vnuma' ? maxVcpusRelated(spans, max) : undefined,
      hint: `use at most ${limit} vCPUs`,
    }),
  ];
};

/** The highest INTID of a GIC SPI Xen's vGIC gives a guest: 1020 INTIDs less the 32 local ones. */
const VGIC_MAX_SPIS = 1020 - 32;
/** The smallest rounded nr_spis that Xen with CONFIG_GICV3_ESPI reads as reaching the eSPI range: `nr_spis + 32 >= ESPI_BASE_INTID` (4096). */
const ESPI_FROM = 4096 - 32;
/** The largest rounded nr_spis it takes: `nr_spis + 32 > ESPI_IDX2INTID(NR_ESPI_IRQS)` (4096 + 1024) is -EINVAL. */
const ESPI_TO = 4096 + 1024 - 32;

/**
 * nr_spis that Xen refuses (XM0256) or takes only from some builds (XM0259). xl stores it as a
 * uint32 (`b_info->arch_arm.nr_spis = l`, UINT32_MAX meaning "not set"), and libxl_arm.c passes it
 * on as given (`config->arch.nr_spis = cfg_nr_spis`, refusing only a value below the SPIs it
 * needs), so Xen's domain_vgic_init (xen/arch/arm/vgic.c; vgic/vgic-init.c for the new vGIC) judges
 * it: it rounds it up to a multiple of 32 and refuses more than 988 ("Limit the number of virtual
 * SPIs supported to (1020 - 32) = 988") with -EINVAL, so 960 is the largest count that works. A Xen
 * built with CONFIG_GICV3_ESPI (off by default, not with the new vGIC) reads a rounded count of
 * 4064 to 5088 as INTIDs reaching into the extended SPI range (4096 up) and takes it when the host's
 * GIC has that many eSPIs (`nr_espis > gic_number_espis()` is -EINVAL); every other Xen refuses it.
 */
export const nrSpisLimit: Rule = ({ config, spans, unknown }) => {
  const n = config.nr_spis;
  if (unknown.has('nr_spis') || typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return [];
  const held = n % 2 ** 32;
  if (held === 2 ** 32 - 1) return [];
  const rounded = Math.ceil(held / 32) * 32;
  if (rounded <= VGIC_MAX_SPIS) return [];
  const asHeld = held === n ? '' : ` (xl keeps the low 32 bits: ${held})`;
  if (rounded >= ESPI_FROM && rounded <= ESPI_TO) {
    const espis = rounded - ESPI_FROM;
    return [
      makeDiag('XM0259', valueAt(spans, '/nr_spis'), `nr_spis = ${n}${asHeld}: Xen rounds it up to ${rounded}, which reaches into the extended SPI range (${espis} eSPIs); only a Xen built with CONFIG_GICV3_ESPI on a GIC with at least ${espis} eSPIs creates the domain, any other refuses it (domain_vgic_init: -EINVAL)`, {
        hint: 'leave nr_spis out unless the guest needs eSPIs and Xen is built for them; else use at most 960',
      }),
    ];
  }
  return [
    makeDiag('XM0256', valueAt(spans, '/nr_spis'), `nr_spis = ${n}${asHeld}: Xen rounds it up to ${rounded} SPIs, above the 988 its virtual GIC supports, and refuses to create the domain (domain_vgic_init: -EINVAL)`, {
      hint: 'use at most 960 (the largest multiple of 32 up to 988), or leave nr_spis out and let libxl count the SPIs the guest needs',
    }),
  ];
};
