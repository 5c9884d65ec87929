/**
 * @fileoverview `convert --to json`: the scalar options xl maps into `c_info` and the top level of
 * `b_info` (libxl_domain_create_info / libxl_domain_build_info), in libxl_types.idl's field order,
 * each where xl_parse.c puts it: XSM labels, grant and event-channel limits, TSC and timer modes,
 * the RTC, migration, the device model and its stub domain, the bootloader, the kernel command
 * line, ACPI/APIC, altp2m, vPMU, Arm's `arch_arm` and x86's `arch_x86`. The type-specific part
 * (`type.hvm` / `type.pv` / `type.pvh`) comes from json-hvm.ts and is passed in.
 */
import { ALTP2M_MODES, ARM_SCI_TYPES, GIC_VERSIONS, PASSTHROUGH_MODES, TEE_TYPES, TIMER_MODES, TSC_MODES, VUART_TYPES } from '../normalize/catalogue/libxl-names.js';
import { llcRange } from '../normalize/scalars.js';
import { isHvmloader } from '../normalize/guest-type.js';
import { clean, defbool, libxlEnum, memKb, num, str, stringList, unlessDefault, type Obj } from './json-util.js';

type GuestType = 'pv' | 'pvh' | 'hvm';

/** uint32 fields whose libxl default is all ones (LIBXL_MAX_GRANT_DEFAULT, ~0U): printed only when set to something else. */
const UINT32_ALL_ONES = 0xffffffff;

/**
 * `run_hotplug_scripts` (c_info) and `claim_mode` (b_info) are not domain-file keys: xl sets them
 * on every domain from its own xl.conf (`libxl_defbool_set(&c_info->run_hotplug_scripts,
 * run_hotplug_scripts)`, likewise claim_mode), so `xl create -n`/`-d` always prints them; both are
 * 1 in xl.c unless the host's xl.conf says otherwise.
 */
const XL_CONF_DEFAULT = 'True';

/** libxl_domain_create_info: what xl reads into `c_info`. */
export function createInfo(c: Obj, type: GuestType): Obj {
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
    run_hotplug_scripts: XL_CONF_DEFAULT,
    driver_domain: defbool(c.driver_domain),
    passthrough: libxlEnum(c.passthrough, PASSTHROUGH_MODES, 'default'),
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
export function buildInfo(c: Obj, type: GuestType, parts: BuildParts): Obj {
  const hvm = type === 'hvm';
  return clean({
    max_vcpus: parts.max_vcpus,
    avail_vcpus: parts.avail_vcpus,
    vcpu_hard_affinity: parts.vcpu_hard_affinity,
    vcpu_soft_affinity: parts.vcpu_soft_affinity,
    tsc_mode: libxlEnum(c.tsc_mode, TSC_MODES, 'default'),
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
    llc_colors: llcColors(c),
    claim_mode: XL_CONF_DEFAULT,
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
    // xl refuses timer_mode for PV guests (the check reports it, XM0221).
    timer_mode: type === 'pv' ? undefined : libxlEnum(c.timer_mode, TIMER_MODES),
    nested_hvm: defbool(c.nestedhvm),
    // xl reads apic in its HVM branch only.
    apic: hvm ? defbool(c.apic) : undefined,
    dm_restrict: defbool(c.dm_restrict),
    tee: libxlEnum(c.tee, TEE_TYPES, 'none'),
    [`type.${type}`]: parts.typePart,
    arch_arm: archArm(c),
    arch_x86: clean({ msr_relaxed: defbool(c.msr_relaxed) }),
    altp2m: libxlEnum(c.altp2m, ALTP2M_MODES, 'disabled'),
    altp2m_count: num(c.altp2m_count),
    // xl sets it only when non-zero (0 means no trace buffer, libxl's default).
    vmtrace_buf_kb: typeof c.vmtrace_buf_kb === 'number' && c.vmtrace_buf_kb !== 0 ? c.vmtrace_buf_kb : undefined,
    vpmu: defbool(c.vpmu),
    trap_unmapped_accesses: defbool(c.trap_unmapped_accesses),
    xenstore_feature_mask: unlessDefault(c.xenstore_feature_mask, UINT32_ALL_ONES),
  });
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
  return type === 'hvm' && isHvmloader(k) ? undefined : k;
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

/** `llc_colors`: "N" and "N-M" items (checked by the normaliser) expanded to the colour list xl builds. */
function llcColors(c: Obj): number[] | undefined {
  const out: number[] = [];
  for (const text of stringList(c.llc_colors) ?? []) {
    const r = llcRange(text);
    if (r) for (let k = r.start; k <= r.end; k++) out.push(k);
  }
  return out.length ? out : undefined;
}

/** libxl's `arch_arm`: GIC version, virtual UART, SVE vector length, SPIs and the SCI mediator (values checked by the normaliser). */
function archArm(c: Obj): Obj {
  return clean({
    gic_version: libxlEnum(c.gic_version, GIC_VERSIONS, 'default'),
    vuart: libxlEnum(c.vuart, VUART_TYPES, 'unknown'),
    // libxl_sve_type's names ("hw", "128", …); "disabled" is libxl's default and left out.
    sve_vl: typeof c.sve === 'number' ? String(c.sve) : c.sve !== 'disabled' ? str(c.sve) : undefined,
    nr_spis: unlessDefault(c.nr_spis, UINT32_ALL_ONES),
    arm_sci: armSci(c.arm_sci),
  });
}

/** The `arm_sci` spec (read by the normaliser) → libxl_arm_sci `{type, agent_id}`, left out when empty. */
function armSci(v: unknown): Obj | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const sci = v as Obj;
  const out = clean({ type: libxlEnum(sci.type, ARM_SCI_TYPES, 'none'), agent_id: sci.agent_id || undefined });
  return Object.keys(out).length ? out : undefined;
}
