/**
 * Where `convert --to json` puts each scalar (non-device) option of the catalogue, for the corpus
 * test: `found` is true when the option shows up as xl would put it into libxl_domain_config;
 * `only` limits the check to the guest types xl reads the option for. Options left out of the
 * JSON are listed in SCALAR_NOT_EMITTED (docs/cli.md says why).
 */
import { cpuIds } from '../../src/convert/index.js';
import { coreOptions } from '../../src/normalize/catalogue/core.js';
import { hvmOptions } from '../../src/normalize/catalogue/hvm.js';

type Obj = Record<string, any>;
export type GuestType = 'pv' | 'pvh' | 'hvm';
export interface Where {
  only?: GuestType[];
  found: (j: Obj, c: Obj) => boolean;
}

const db = (v: unknown) => (v ? 'True' : 'False');
const b = (j: Obj) => j.b_info;
const h = (j: Obj) => j.b_info['type.hvm'];
const enumOut = (v: string) => v.toLowerCase().replace(/-/g, '_');
const HVM: GuestType[] = ['hvm'];

/** The guest type libxl builds: `type`, else the legacy `builder`. */
export const guestType = (c: Obj): GuestType => (c.type === 'pv' || c.type === 'pvh' || c.type === 'hvm' ? c.type : c.builder === 'hvm' ? 'hvm' : 'pv');

/** A defbool field of b_info, c_info, type.hvm … */
const flag = (at: (j: Obj) => Obj, field: string, option: string, only?: GuestType[]): Where => ({ only, found: (j, c) => at(j)?.[field] === db(c[option]) });
/** A field holding the option's value as it is. */
const same = (at: (j: Obj) => Obj, field: string, option: string, only?: GuestType[]): Where => ({ only, found: (j, c) => at(j)?.[field] === c[option] });
/** A KiB field of a MiB option. */
const kib = (at: (j: Obj) => Obj, field: string, option: string, only?: GuestType[]): Where => ({ only, found: (j, c) => at(j)?.[field] === c[option] * 1024 });
/** A string-list field. */
const list = (at: (j: Obj) => Obj, field: string, option: string): Where => ({ found: (j, c) => (at(j)?.[field]?.length ?? 0) === c[option].length });
/** An enum field whose default value is left out. */
const named = (at: (j: Obj) => Obj, field: string, option: string, def: string, only?: GuestType[]): Where => ({
  only,
  found: (j, c) => at(j)?.[field] === (String(c[option]).toLowerCase() === def ? undefined : enumOut(String(c[option]))),
});

/** The VNC/SDL settings xl uses: type.hvm's, or the framebuffer it adds for a PV guest without vfb entries. */
function consoles(j: Obj, c: Obj): Obj | undefined {
  if (guestType(c) === 'hvm') return h(j);
  return c.vnc === true && !(c.vfb?.length > 0) ? j.vfbs[0] : undefined;
}
const consoleField = (sub: 'vnc' | 'sdl' | null, field: string, value: (c: Obj) => unknown): Where => ({
  only: ['hvm', 'pv'],
  found: (j, c) => {
    const at = consoles(j, c);
    // PV: xl reads the top-level console options only to build the framebuffer it adds.
    if (!at) return guestType(c) === 'pv';
    return (sub ? at[sub] : at)?.[field] === value(c);
  },
});
const sched = (field: string, option: string) => same((j) => b(j).sched_params, field, option);
const arm = (j: Obj) => b(j).arch_arm;
const spice = (field: string, option: string, kind: 'flag' | 'same' | 'num') => ({
  only: HVM,
  found: (j: Obj, c: Obj) => h(j).spice[field] === (kind === 'flag' ? db(c[option]) : kind === 'num' && c[option] === 0 ? undefined : c[option]),
});
const ACTION: Record<string, string | undefined> = { destroy: undefined, 'rename-restart': 'restart_rename' };
const action = (key: string): Where => ({ found: (j, c) => j[key] === (c[key] in ACTION ? ACTION[c[key]] : enumOut(c[key])) });
const affinity = (field: string, option: string): Where => ({
  found: (j, c) => b(j)[field]?.length === b(j).max_vcpus || [c[option]].flat().some((l: Obj) => cpuIds(l as never) === null),
});

export const SCALAR_WHERE: Record<string, Where> = {
  name: same((j) => j.c_info, 'name', 'name'),
  uuid: same((j) => j.c_info, 'uuid', 'uuid'),
  type: { found: (j, c) => j.c_info.type === guestType(c) },
  builder: { found: (j, c) => j.c_info.type === guestType(c) },
  pool: same((j) => j.c_info, 'pool_name', 'pool'),
  hap: flag((j) => j.c_info, 'hap', 'hap'),
  oos: flag((j) => j.c_info, 'oos', 'oos'),
  driver_domain: flag((j) => j.c_info, 'driver_domain', 'driver_domain'),
  xend_suspend_evtchn_compat: flag((j) => j.c_info, 'xend_suspend_evtchn_compat', 'xend_suspend_evtchn_compat'),
  init_seclabel: same((j) => j.c_info, 'ssid_label', 'init_seclabel'),
  seclabel: { found: (j, c) => (c.init_seclabel !== undefined ? b(j).exec_ssid_label : j.c_info.ssid_label) === c.seclabel },
  passthrough: named((j) => j.c_info, 'passthrough', 'passthrough', 'default'),
  vcpus: { found: (j, c) => b(j).avail_vcpus.length === Math.min(Math.max(1, c.vcpus), b(j).max_vcpus) },
  maxvcpus: same(b, 'max_vcpus', 'maxvcpus'),
  cpus: affinity('vcpu_hard_affinity', 'cpus'),
  cpus_soft: affinity('vcpu_soft_affinity', 'cpus_soft'),
  cpu_weight: sched('weight', 'cpu_weight'),
  cap: sched('cap', 'cap'),
  period: sched('period', 'period'),
  slice: sched('slice', 'slice'),
  latency: sched('latency', 'latency'),
  extratime: sched('extratime', 'extratime'),
  memory: kib(b, 'target_memkb', 'memory'),
  maxmem: kib(b, 'max_memkb', 'maxmem'),
  shadow_memory: kib(b, 'shadow_memkb', 'shadow_memory'),
  videoram: kib(b, 'video_memkb', 'videoram'),
  vnuma: { found: (j, c) => b(j).vnuma_nodes?.length === c.vnuma.length },
  on_poweroff: action('on_poweroff'),
  on_reboot: action('on_reboot'),
  on_watchdog: action('on_watchdog'),
  on_crash: action('on_crash'),
  on_soft_reset: action('on_soft_reset'),
  kernel: { found: (j, c) => b(j).kernel === (guestType(c) === 'hvm' && /(^|\/)hvmloader$/.test(c.kernel) ? undefined : c.kernel) },
  ramdisk: same(b, 'ramdisk', 'ramdisk'),
  cmdline: same(b, 'cmdline', 'cmdline'),
  root: { found: (j, c) => c.cmdline !== undefined || b(j).cmdline.startsWith(`root=${c.root}`) },
  extra: { found: (j, c) => c.cmdline !== undefined || b(j).cmdline.endsWith(c.extra) },
  firmware: { only: HVM, found: (j, c) => h(j).bios !== undefined || h(j).firmware === c.firmware || 'bios'.startsWith(c.firmware) },
  firmware_override: { only: HVM, found: (j, c) => c.firmware !== undefined || h(j).firmware === c.firmware_override },
  pvshim: flag((j) => b(j)['type.pvh'], 'pvshim', 'pvshim', ['pvh']),
  pvshim_path: same((j) => b(j)['type.pvh'], 'pvshim_path', 'pvshim_path', ['pvh']),
  pvshim_cmdline: same((j) => b(j)['type.pvh'], 'pvshim_cmdline', 'pvshim_cmdline', ['pvh']),
  pvshim_extra: same((j) => b(j)['type.pvh'], 'pvshim_extra', 'pvshim_extra', ['pvh']),
  bootloader: same(b, 'bootloader', 'bootloader'),
  bootloader_args: { found: (j, c) => b(j).bootloader_args?.length >= c.bootloader_args.length || c.bootloader_args.every((a: string) => a.trim() === '') },
  bootloader_restrict: flag(b, 'bootloader_restrict', 'bootloader_restrict'),
  bootloader_user: same(b, 'bootloader_user', 'bootloader_user'),
  max_grant_frames: same(b, 'max_grant_frames', 'max_grant_frames'),
  max_maptrack_frames: same(b, 'max_maptrack_frames', 'max_maptrack_frames'),
  max_grant_version: same(b, 'max_grant_version', 'max_grant_version'),
  max_event_channels: same(b, 'event_channels', 'max_event_channels'),
  nomigrate: flag(b, 'disable_migrate', 'nomigrate'),
  device_tree: same(b, 'device_tree', 'device_tree'),
  vmtrace_buf_kb: { found: (j, c) => b(j).vmtrace_buf_kb === (c.vmtrace_buf_kb || undefined) },
  vpmu: flag(b, 'vpmu', 'vpmu'),
  trap_unmapped_accesses: flag(b, 'trap_unmapped_accesses', 'trap_unmapped_accesses'),
  xenstore_feature_mask: same(b, 'xenstore_feature_mask', 'xenstore_feature_mask'),
  nestedhvm: flag(b, 'nested_hvm', 'nestedhvm'),
  acpi: flag(b, 'acpi', 'acpi'),
  apic: flag(b, 'apic', 'apic', HVM),
  pae: flag(h, 'pae', 'pae', HVM),
  acpi_s3: flag(h, 'acpi_s3', 'acpi_s3', HVM),
  acpi_s4: flag(h, 'acpi_s4', 'acpi_s4', HVM),
  acpi_laptop_slate: flag(h, 'acpi_laptop_slate', 'acpi_laptop_slate', HVM),
  nx: flag(h, 'nx', 'nx', HVM),
  hpet: flag(h, 'hpet', 'hpet', HVM),
  vpt_align: flag(h, 'vpt_align', 'vpt_align', HVM),
  xen_platform_pci: flag(h, 'xen_platform_pci', 'xen_platform_pci', HVM),
  xen_platform_pci_bar_uc: flag(h, 'xen_platform_pci_bar_uc', 'xen_platform_pci_bar_uc', HVM),
  hvm_pirq: flag(h, 'pirq', 'hvm_pirq', HVM),
  nographic: flag(h, 'nographic', 'nographic', HVM),
  altp2m: named(b, 'altp2m', 'altp2m', 'disabled'),
  altp2mhvm: flag(h, 'altp2m', 'altp2mhvm', HVM),
  altp2m_count: same(b, 'altp2m_count', 'altp2m_count'),
  acpi_firmware: same(h, 'acpi_firmware', 'acpi_firmware', HVM),
  smbios_firmware: same(h, 'smbios_firmware', 'smbios_firmware', HVM),
  smbios: { only: HVM, found: (j, c) => h(j).smbios?.length === c.smbios.length },
  tsc_mode: { found: (j, c) => b(j).tsc_mode === (['default', 0].includes(c.tsc_mode) ? undefined : typeof c.tsc_mode === 'number' ? ['default', 'always_emulate', 'native', 'native_paravirt'][c.tsc_mode] : c.tsc_mode) },
  localtime: flag(b, 'localtime', 'localtime'),
  rtc_timeoffset: { found: (j, c) => b(j).rtc_timeoffset === (c.rtc_timeoffset === 0 ? undefined : c.rtc_timeoffset >>> 0) },
  timer_mode: { only: ['hvm', 'pvh'], found: (j, c) => b(j).timer_mode === (typeof c.timer_mode === 'number' ? ['delay_for_missed_ticks', 'no_delay_for_missed_ticks', 'no_missed_ticks_pending', 'one_missed_tick_pending'][c.timer_mode] : c.timer_mode) },
  mmio_hole: kib(h, 'mmio_hole_memkb', 'mmio_hole', HVM),
  viridian: { only: HVM, found: (j, c) => (typeof c.viridian === 'boolean' ? h(j).viridian === db(c.viridian) : c.viridian.length === 0 || [h(j).viridian, h(j).viridian_enable, h(j).viridian_disable].some((x) => x !== undefined)) },
  stdvga: { only: HVM, found: (j, c) => c.vga !== undefined || h(j).vga.kind === (c.stdvga ? 'std' : 'cirrus') },
  vga: { only: HVM, found: (j, c) => h(j).vga.kind === (c.vga === 'stdvga' ? 'std' : c.vga) },
  boot: same(h, 'boot', 'boot', HVM),
  hdtype: { only: HVM, found: (j, c) => h(j).hdtype === (c.hdtype === 'ahci' ? 'ahci' : undefined) },
  bios: { only: HVM, found: (j, c) => c.firmware !== undefined || h(j).bios === c.bios },
  bios_path_override: same(h, 'system_firmware', 'bios_path_override', HVM),
  gfx_passthru: { only: HVM, found: (j, c) => h(j).gfx_passthru === db(c.gfx_passthru !== false) },
  vnc: consoleField('vnc', 'enable', (c) => db(c.vnc)),
  vnclisten: consoleField('vnc', 'listen', (c) => c.vnclisten),
  vncdisplay: consoleField('vnc', 'display', (c) => c.vncdisplay || undefined),
  vncunused: consoleField('vnc', 'findunused', (c) => db(c.vncunused)),
  vncpasswd: consoleField('vnc', 'passwd', (c) => c.vncpasswd),
  keymap: consoleField(null, 'keymap', (c) => c.keymap),
  sdl: consoleField('sdl', 'enable', (c) => db(c.sdl)),
  opengl: consoleField('sdl', 'opengl', (c) => db(c.opengl)),
  display: consoleField('sdl', 'display', (c) => c.display),
  xauthority: consoleField('sdl', 'xauthority', (c) => c.xauthority),
  spice: spice('enable', 'spice', 'flag'),
  spicehost: spice('host', 'spicehost', 'same'),
  spiceport: spice('port', 'spiceport', 'num'),
  spicetls_port: spice('tls_port', 'spicetls_port', 'num'),
  spicedisable_ticketing: spice('disable_ticketing', 'spicedisable_ticketing', 'flag'),
  spicepasswd: spice('passwd', 'spicepasswd', 'same'),
  spiceagent_mouse: spice('agent_mouse', 'spiceagent_mouse', 'flag'),
  spicevdagent: spice('vdagent', 'spicevdagent', 'flag'),
  spice_clipboard_sharing: spice('clipboard_sharing', 'spice_clipboard_sharing', 'flag'),
  spiceusbredirection: spice('usbredirection', 'spiceusbredirection', 'num'),
  spice_image_compression: spice('image_compression', 'spice_image_compression', 'same'),
  spice_streaming_video: spice('streaming_video', 'spice_streaming_video', 'same'),
  device_model_version: { found: (j, c) => b(j).device_model_version === enumOut(c.device_model_version) },
  device_model_override: same(b, 'device_model', 'device_model_override'),
  device_model_stubdomain_override: flag(b, 'device_model_stubdomain', 'device_model_stubdomain_override'),
  device_model_stubdomain_seclabel: same(b, 'device_model_ssid_label', 'device_model_stubdomain_seclabel'),
  device_model_user: same(b, 'device_model_user', 'device_model_user'),
  device_model_args: list(b, 'extra', 'device_model_args'),
  device_model_args_pv: list(b, 'extra_pv', 'device_model_args_pv'),
  device_model_args_hvm: list(b, 'extra_hvm', 'device_model_args_hvm'),
  dm_restrict: flag(b, 'dm_restrict', 'dm_restrict'),
  stubdomain_kernel: same(b, 'stubdomain_kernel', 'stubdomain_kernel'),
  stubdomain_cmdline: same(b, 'stubdomain_cmdline', 'stubdomain_cmdline'),
  stubdomain_ramdisk: same(b, 'stubdomain_ramdisk', 'stubdomain_ramdisk'),
  stubdomain_memory: kib(b, 'stubdomain_memkb', 'stubdomain_memory'),
  tee: named(b, 'tee', 'tee', 'none'),
  gic_version: named(arm, 'gic_version', 'gic_version', 'default'),
  vuart: named(arm, 'vuart', 'vuart', 'unknown'),
  sve: { found: (j, c) => arm(j).sve_vl === (c.sve === 'disabled' ? undefined : String(c.sve)) },
  llc_colors: { found: (j, c) => (b(j).llc_colors?.length ?? 0) >= c.llc_colors.length },
  nr_spis: same(arm, 'nr_spis', 'nr_spis'),
  arm_sci: { found: (j, c) => arm(j).arm_sci !== undefined || ((c.arm_sci.type ?? 'none') === 'none' && !c.arm_sci.agent_id) },
  mca_caps: { only: HVM, found: (j, c) => c.mca_caps.length === 0 || h(j).mca_caps === 1 },
  msr_relaxed: flag((j) => b(j).arch_x86, 'msr_relaxed', 'msr_relaxed'),
};

/** Scalar options xl reads but libxl_domain_config cannot show as the file has it (docs/cli.md says why). */
const XL_NOT_EMITTED = ['ms_vm_genid', 'xenstore_quota'];

/** Scalar options only xm knows: xl does not read them (or, device_model and vncviewer, warns and ignores them). */
const XM_ONLY = Object.entries({ ...coreOptions, ...hvmOptions })
  .filter(([, s]) => !(s as Obj)['x-xmcfg'].dialects.includes('xl'))
  .map(([k]) => k);

/** Every scalar option convert --to json leaves out. */
export const SCALAR_NOT_EMITTED = [...XL_NOT_EMITTED, ...XM_ONLY];
