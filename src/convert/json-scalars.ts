/**
 * @fileoverview `convert --to json`: the scalar options xl maps into `c_info` and the top level of
 * `b_info` (libxl_domain_create_info / libxl_domain_build_info), in libxl_types.idl's field order,
 * each where xl_parse.c puts it: XSM labels, grant and event-channel limits, TSC and timer modes,
 * the RTC, migration, the device model and its stub domain, the bootloader, the kernel command
 * line, ACPI/APIC, altp2m, vPMU, Arm's `arch_arm` and x86's `arch_x86`. The type-specific part
 * (`type.hvm` / `type.pv` / `type.pvh`) comes from json-hvm.ts and is passed in.
 */
import { note, readUlong, type JsonNote } from './json-notes.js';
import { clean, defbool, enumName, memKb, num, str, stringList, unlessDefault, type Obj } from './json-util.js';

type GuestType = 'pv' | 'pvh' | 'hvm';

const TSC_MODES = ['default', 'always_emulate', 'native', 'native_paravirt'] as const;
const TIMER_MODES = ['delay_for_missed_ticks', 'no_delay_for_missed_ticks', 'no_missed_ticks_pending', 'one_missed_tick_pending'] as const;
const ALTP2M_MODES = ['disabled', 'mixed', 'external', 'limited'] as const;
const PASSTHROUGH = ['default', 'disabled', 'enabled', 'sync_pt', 'share_pt'] as const;
const TEE_TYPES = ['none', 'optee', 'ffa'] as const;
const GIC_VERSIONS = ['default', 'v2', 'v3'] as const;
const VUART_TYPES = ['unknown', 'sbsa_uart'] as const;
const ARM_SCI_TYPES = ['none', 'scmi_smc', 'scmi_smc_multiagent'] as const;
/** libxl_sve_type's names: "disabled" (0, the default), "hw", and multiples of 128 up to 2048. */
const SVE_LENGTHS = new Set(Array.from({ length: 16 }, (_, i) => (i + 1) * 128));
/** uint32 fields whose libxl default is all ones (LIBXL_MAX_GRANT_DEFAULT, ~0U): printed only when set to something else. */
const UINT32_ALL_ONES = 0xffffffff;
/** xl refuses an LLC colour list longer than this would make sense for; a longer one is reported, not expanded. */
const MAX_LLC_COLORS = 4096;

/** libxl_domain_create_info: what xl reads into `c_info`. */
export function createInfo(c: Obj, type: GuestType, notes: JsonNote[]): Obj {
  // init_seclabel is the label while building; then seclabel becomes the label to switch to.
  const ssid = str(c.init_seclabel) ?? str(c.seclabel);
  return clean({
    type,
    hap: defbool(c.hap),
    oos: defbool(c.oos),
    ssid_label: ssid,
    name: c.name,
    uuid: c.uuid,
    pool_name: c.pool,
    driver_domain: defbool(c.driver_domain),
    passthrough: checked(enumName(c.passthrough, PASSTHROUGH, 'default'), c.passthrough, notes, 'passthrough'),
    xend_suspend_evtchn_compat: defbool(c.xend_suspend_evtchn_compat),
  });
}

/** The parts of b_info that to-json.ts works out itself (vCPUs, affinity, memory, vNUMA, resources). */
export interface BuildParts {
  max_vcpus: number;
  avail_vcpus: number[];
  vcpu_hard_affinity?: number[][];
  vcpu_soft_affinity?: number[][];
  max_memkb?: number;
  target_memkb?: number;
  vnuma_nodes?: Obj[];
  ioports?: Obj[];
  irqs?: number[];
  iomem?: Obj[];
  typePart: Obj;
}

/** libxl_domain_build_info: the given parts plus every scalar option, in libxl's field order. */
export function buildInfo(c: Obj, type: GuestType, parts: BuildParts, notes: JsonNote[]): Obj {
  const hvm = type === 'hvm';
  return clean({
    max_vcpus: parts.max_vcpus,
    avail_vcpus: parts.avail_vcpus,
    vcpu_hard_affinity: parts.vcpu_hard_affinity,
    vcpu_soft_affinity: parts.vcpu_soft_affinity,
    tsc_mode: checked(enumName(c.tsc_mode, TSC_MODES, 'default'), c.tsc_mode, notes, 'tsc_mode'),
    max_memkb: parts.max_memkb,
    target_memkb: parts.target_memkb,
    video_memkb: memKb(c.videoram),
    shadow_memkb: memKb(c.shadow_memory),
    // A uint32 field: a negative offset wraps around, as the C assignment does.
    rtc_timeoffset: typeof c.rtc_timeoffset === 'number' && c.rtc_timeoffset !== 0 ? c.rtc_timeoffset >>> 0 : undefined,
    exec_ssid_label: str(c.init_seclabel) !== undefined ? str(c.seclabel) : undefined,
    localtime: defbool(c.localtime),
    disable_migrate: defbool(c.nomigrate),
    vnuma_nodes: parts.vnuma_nodes,
    max_grant_frames: unlessDefault(c.max_grant_frames, UINT32_ALL_ONES),
    max_maptrack_frames: unlessDefault(c.max_maptrack_frames, UINT32_ALL_ONES),
    max_grant_version: num(c.max_grant_version),
    ...deviceModel(c),
    sched_params: clean({ weight: num(c.cpu_weight), cap: num(c.cap), period: num(c.period), extratime: num(c.extratime), slice: num(c.slice), latency: num(c.latency) }),
    ioports: parts.ioports?.length ? parts.ioports : undefined,
    irqs: parts.irqs?.length ? parts.irqs : undefined,
    iomem: parts.iomem?.length ? parts.iomem : undefined,
    llc_colors: llcColors(c, notes),
    event_channels: num(c.max_event_channels),
    kernel: kernel(c, type),
    cmdline: cmdline(c),
    ramdisk: str(c.ramdisk),
    device_tree: str(c.device_tree),
    acpi: defbool(c.acpi),
    bootloader: str(c.bootloader),
    bootloader_args: bootloaderArgs(c.bootloader_args),
    bootloader_restrict: defbool(c.bootloader_restrict),
    bootloader_user: str(c.bootloader_user),
    timer_mode: timerMode(c, type, notes),
    nested_hvm: defbool(c.nestedhvm),
    // xl reads apic in its HVM branch only.
    apic: hvm ? defbool(c.apic) : undefined,
    dm_restrict: defbool(c.dm_restrict),
    tee: checked(enumName(c.tee, TEE_TYPES, 'none'), c.tee, notes, 'tee'),
    [`type.${type}`]: parts.typePart,
    arch_arm: archArm(c, notes),
    arch_x86: clean({ msr_relaxed: defbool(c.msr_relaxed) }),
    altp2m: checked(enumName(c.altp2m, ALTP2M_MODES, 'disabled'), c.altp2m, notes, 'altp2m'),
    altp2m_count: num(c.altp2m_count),
    // xl sets it only when non-zero (0 means no trace buffer, libxl's default).
    vmtrace_buf_kb: typeof c.vmtrace_buf_kb === 'number' && c.vmtrace_buf_kb !== 0 ? c.vmtrace_buf_kb : undefined,
    vpmu: defbool(c.vpmu),
    trap_unmapped_accesses: defbool(c.trap_unmapped_accesses),
    xenstore_feature_mask: unlessDefault(c.xenstore_feature_mask, UINT32_ALL_ONES),
  });
}

/** An enum value, or a bad-value note when libxl has no name for it (xl refuses the file). */
function checked(name: string | undefined | null, raw: unknown, notes: JsonNote[], option: string): string | undefined {
  if (name !== null) return name;
  notes.push(note('bad-value', String(raw), option));
  return undefined;
}

/** The device-model fields of b_info (device_model_* options, the stub domain, qemu's extra arguments). */
function deviceModel(c: Obj): Obj {
  const version = c.device_model_version === 'qemu-xen' ? 'qemu_xen' : c.device_model_version === 'qemu-xen-traditional' ? 'qemu_xen_traditional' : undefined;
  return {
    device_model_version: version,
    device_model_stubdomain: defbool(c.device_model_stubdomain_override),
    stubdomain_memkb: memKb(c.stubdomain_memory),
    stubdomain_kernel: str(c.stubdomain_kernel),
    stubdomain_cmdline: str(c.stubdomain_cmdline),
    stubdomain_ramdisk: str(c.stubdomain_ramdisk),
    device_model: str(c.device_model_override),
    device_model_ssid_label: str(c.device_model_stubdomain_seclabel),
    device_model_user: str(c.device_model_user),
    extra: stringList(c.device_model_args),
    extra_pv: stringList(c.device_model_args_pv),
    extra_hvm: stringList(c.device_model_args_hvm),
  };
}

/** The kernel xl keeps: for HVM guests it drops an `hvmloader` kernel (the xm way to name the firmware). */
function kernel(c: Obj, type: GuestType): string | undefined {
  const k = str(c.kernel);
  if (k === undefined) return undefined;
  return type === 'hvm' && k.slice(k.lastIndexOf('/') + 1) === 'hvmloader' ? undefined : k;
}

/** The kernel command line xl builds: `cmdline`, else `root=<root> <extra>`. */
export function cmdline(c: Obj): string | undefined {
  if (typeof c.cmdline === 'string') return c.cmdline;
  const parts: string[] = [];
  if (typeof c.root === 'string') parts.push(`root=${c.root}`);
  if (typeof c.extra === 'string') parts.push(c.extra);
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * `bootloader_args`: a list is kept as it is; xl splits the deprecated string form at blanks.
 * The normalised config holds both forms as a list, so a one-item list is read as the string
 * form (by far the common one: `bootloader_args = "-q"`).
 */
function bootloaderArgs(v: unknown): string[] | undefined {
  const list = stringList(v);
  if (!list || list.length !== 1) return list;
  const words = list[0]!.split(/[ \t\n]+/).filter((w) => w !== '');
  return words.length ? words : undefined;
}

/** `timer_mode` (a name, or a deprecated number); xl refuses it for PV guests. */
function timerMode(c: Obj, type: GuestType, notes: JsonNote[]): string | undefined {
  if (c.timer_mode === undefined) return undefined;
  if (type === 'pv') {
    notes.push(note('bad-value', String(c.timer_mode), 'timer_mode'));
    return undefined;
  }
  // Every mode is printed: libxl's default is "unknown" (-1), not one of the four.
  return checked(enumName(c.timer_mode, TIMER_MODES), c.timer_mode, notes, 'timer_mode');
}

/** `llc_colors`: "N" and "N-M" items expanded to the colour list xl builds (sscanf %u rules). */
function llcColors(c: Obj, notes: JsonNote[]): number[] | undefined {
  const items = stringList(c.llc_colors);
  if (!items) return undefined;
  const out: number[] = [];
  items.forEach((text, i) => {
    const m = /^\s*\+?(\d+)(?:-\s*\+?(\d+))?/.exec(text);
    const start = m ? Number(m[1]) : NaN;
    const end = m?.[2] !== undefined ? Number(m[2]) : start;
    if (!m || end < start || out.length + end - start + 1 > MAX_LLC_COLORS) notes.push(note('bad-value', text, 'llc_colors', i));
    else for (let k = start; k <= end; k++) out.push(k);
  });
  return out.length ? out : undefined;
}

/** libxl's `arch_arm`: GIC version, virtual UART, SVE vector length, SPIs and the SCI mediator. */
function archArm(c: Obj, notes: JsonNote[]): Obj {
  let sve: string | undefined;
  if (typeof c.sve === 'number' && c.sve !== 0) {
    if (SVE_LENGTHS.has(c.sve)) sve = String(c.sve);
    else notes.push(note('bad-value', String(c.sve), 'sve'));
  }
  return clean({
    gic_version: checked(enumName(c.gic_version, GIC_VERSIONS, 'default'), c.gic_version, notes, 'gic_version'),
    vuart: checked(enumName(c.vuart, VUART_TYPES, 'unknown'), c.vuart, notes, 'vuart'),
    sve_vl: sve,
    nr_spis: unlessDefault(c.nr_spis, UINT32_ALL_ONES),
    arm_sci: armSci(c, notes),
  });
}

/** `arm_sci = "type=scmi_smc[,agent_id=N]"` → libxl_arm_sci `{type, agent_id}` (left out when empty). */
function armSci(c: Obj, notes: JsonNote[]): Obj | undefined {
  const spec = str(c.arm_sci);
  if (spec === undefined) return undefined;
  const out: Obj = {};
  for (const item of spec.split(',')) {
    const eq = item.indexOf('=');
    const key = eq === -1 ? item : item.slice(0, eq);
    const value = eq === -1 ? '' : item.slice(eq + 1);
    if (key === 'type') out.type = checked(enumName(value, ARM_SCI_TYPES, 'none'), value, notes, 'arm_sci');
    else if (key === 'agent_id') {
      const id = readUlong(value);
      if (id === null || id > 255) notes.push(note('bad-value', value, 'arm_sci'));
      else if (id !== 0) out.agent_id = id;
    } else if (item.trim() !== '') notes.push(note('unknown-key', item, 'arm_sci'));
  }
  clean(out);
  return Object.keys(out).length ? out : undefined;
}
