/**
 * @fileoverview Catalogue: general, CPU, memory, NUMA, lifecycle and boot options (xl.cfg(5) and
 * xm's create.py option table; reference xen-format.md §b, §c).
 */
import { Type } from '@sinclair/typebox';
import { str, pattern, int, bool, oneOf, special, strOrList, strList, HVM_ONLY, PVH_ONLY } from './helpers.js';
import { CpuListSchema, VnumaNodeSchema, NumaSchema } from './spec-types.js';
import { UUID_PATTERN } from './libxl-names.js';
import { ACTION_DOCS, GUEST_TYPE_DOCS, PASSTHROUGH_DOCS, XEND_START_DOCS, XEND_STOP_DOCS, XM_RESTART_DOCS } from './value-docs.js';

const ACTIONS = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset'] as const;
const cpusSchema = () => Type.Union([CpuListSchema, Type.Array(CpuListSchema, { maxItems: 4096 })]);

export const coreOptions = {
  name: str({ d: 'Domain name; must be unique on the host, so never "Domain-0" (dom0\'s). Mandatory for xl; xm defaulted a missing or empty one to the file name. xl: no "/" and at most 248 bytes (243 for an HVM guest), or xl create fails (XM0234); an empty or all-digit name, or one starting with "-", cannot be given to xl\'s commands (XM0235). xm: letters, digits and _ - . : / + only (xend).', ex: 'web01' }),
  // xl: libxl_uuid_from_string (uuid_parse) wants the hyphens; xm's xend dropped every hyphen and
  // regrouped the 32 digits, which normalisation does too (scalars.ts readUuid).
  uuid: pattern({ d: 'Domain UUID (random when absent): 32 hex digits grouped 8-4-4-4-12 with hyphens (xl refuses another form; xm took the digits with hyphens anywhere or none).', ex: '5b7a8f6c-0c2d-4e3a-9a4b-1d2e3f4a5b6c' }, UUID_PATTERN, 'UUID string'),
  type: special(Type.Unsafe<'pv' | 'pvh' | 'hvm'>({ type: 'string', enum: ['pv', 'pvh', 'hvm'] }), 'guestType', 'string', {
    d: 'Guest type. xl accepts any prefix ("h" = hvm, "p" = pv; "" = hvm); normalised to the full name. Replaces builder (Xen 4.10).',
    dl: 'xl',
    def: 'pv',
    ex: 'hvm',
    vals: GUEST_TYPE_DOCS,
  }, { allowed: ['pv', 'pvh', 'hvm'] }),
  builder: str({ d: 'Domain builder: xl "generic" (= PV) or "hvm"; xm "linux" (= PV), "hvm", historically "netbsd", "vmx". Deprecated in xl by type.', dep: 'type', def: 'linux', ex: 'hvm' }),
  pool: str({ d: 'cpupool to create the domain in.', ex: 'Pool-0' }),
  vcpus: int({ d: 'vCPUs online at start (xl turns values below 1 into 1; xm leaves 0 out: 1, or maxvcpus when set).', min: 1, def: 1, ex: 2 }),
  // 0 is "unset" for both tools: xl `if (b_info->max_vcpus == 0) b_info->max_vcpus = vcpus;`
  // (parse_config_data), xm `if maxvcpus and vcpus:` (create.py vcpu_conf). The rules read it so.
  maxvcpus: int({ d: 'vCPUs that may ever exist (default = vcpus; 0 means the same); must be >= vcpus. In xm an undocumented variable, honoured all the same.', min: 0, ex: 4 }),
  cpus: special(cpusSchema(), 'cpus', 'CPU list or list of CPU lists', {
    d: 'Hard affinity: a CPU list ("0-3,^1", "all", "nodes:0") for every vCPU, or one CPU list per vCPU.',
    ex: '0-3',
  }),
  cpus_soft: special(cpusSchema(), 'cpus', 'CPU list or list of CPU lists', { d: 'Soft affinity, same syntax as cpus (Xen 4.5+).', dl: 'xl', ex: 'node:1' }),
  cpu: int({ d: 'pCPU for vCPU 0 (legacy; prepended to cpus).', dl: 'xm', min: 0, dep: 'cpus' }),
  cpu_weight: int({ d: 'credit/credit2 scheduler weight.', min: 1, max: 65535, def: 256, ex: 512 }),
  cap: int({ d: 'CPU cap in % of one pCPU (0 = no cap).', dl: 'xl', unit: '%', min: 0, def: 0 }),
  cpu_cap: int({ d: 'Credit scheduler cap in % of one pCPU.', dl: 'xm', unit: '%', min: 0, dep: 'cap' }),
  vcpu_avail: int({ d: 'Bitmask of the vCPUs online at start.', dl: 'xm', min: 0 }),
  period: int({ d: 'sEDF/RTDS scheduler period (read by xl, undocumented).', dl: 'xl', min: 0 }),
  // libxl_types.idl keeps slice and latency in libxl_domain_sched_params only for compatibility:
  // the sEDF scheduler they configured was removed (Xen 4.6), and no scheduler reads them.
  slice: int({ d: 'sEDF scheduler slice (read by xl, undocumented). No effect since Xen 4.6, which removed the sEDF scheduler: libxl keeps it only for compatibility.', dl: 'xl', min: 0 }),
  latency: int({ d: 'sEDF scheduler latency (read by xl, undocumented). No effect since Xen 4.6, which removed the sEDF scheduler: libxl keeps it only for compatibility.', dl: 'xl', min: 0 }),
  extratime: int({ d: 'sEDF/RTDS extra time flag (read by xl, undocumented).', dl: 'xl', min: 0 }),
  // Defaults differ per tool: libxl__domain_build_info_setdefault `max_memkb = 32 * 1024` (xl), xm
  // create.py 128; xmcfg plan places xm's 128 (placement/guest.ts).
  memory: int({ d: 'Initial (target) memory; the default is 32 MiB in xl (libxl), 128 in xm.', unit: 'MiB', min: 1, ex: 1024 }),
  maxmem: int({ d: 'Maximum memory (balloon ceiling); > memory starts pre-ballooned (PoD for HVM). Must be >= memory.', unit: 'MiB', min: 1, ex: 2048 }),
  shadow_memory: int({ d: 'Shadow / HAP page-table pool. Default: what libxl_get_required_shadow_memory() computes from maxmem and the vCPUs (HVM, PVH).', unit: 'MiB', min: 0 }),
  memory_sharing: bool({ d: 'Enable page sharing.', dl: 'xm', def: false }),
  vnuma: special(Type.Array(VnumaNodeSchema, { maxItems: 1024 }), 'vnuma', 'list of vNUMA nodes', {
    d: 'Virtual NUMA nodes: one list of "pnode=P", "size=MiB", "vcpus=LIST", "vdistances=D0,D1,…" per vnode (Xen 4.6+). Not for PV guests.',
    dl: 'xl',
    ex: [['pnode=0', 'size=2048', 'vcpus=0-1', 'vdistances=10,21']],
  }),
  numa: special(NumaSchema, 'numa', 'NUMA request', {
    d: 'NUMA placement request (the 2007 xm RFC): numa = "on" (one node), numanodes = N (N nodes), numanode = 0,1 (exactly these host nodes), numa = "off". xl ignores these keys; `xmcfg plan` turns them into xl settings.',
    dl: 'xm',
    ex: { mode: 'auto', node_count: 1 },
  }, { sourceKeys: ['numa', 'numanodes', 'numanode'] }),
  on_poweroff: oneOf(ACTIONS, { vals: ACTION_DOCS, d: 'Action when the guest powers off.', def: 'destroy' }),
  on_reboot: oneOf(ACTIONS, { vals: ACTION_DOCS, d: 'Action when the guest reboots.', def: 'restart' }),
  on_watchdog: oneOf(ACTIONS, { vals: ACTION_DOCS, d: 'Action when the guest watchdog fires.', dl: 'xl', def: 'destroy' }),
  // xl: `if (xlu_cfg_get_string (config, "on_crash", &buf, 0)) buf = "destroy";`; xm left it to xend,
  // whose XendConfig._defaults has 'actions_after_crash': 'restart'.
  on_crash: oneOf(ACTIONS, { vals: ACTION_DOCS, d: 'Action when the guest crashes. Default: destroy in xl, restart in xm (xend).' }),
  on_soft_reset: oneOf(ACTIONS, { vals: ACTION_DOCS, d: 'Action on a soft reset.', dl: 'xl', def: 'soft-reset' }),
  restart: oneOf(['onreboot', 'always', 'never'] as const, { vals: XM_RESTART_DOCS, d: 'Restart behaviour (deprecated).', dl: 'xm', dep: 'on_reboot' }),
  on_xend_start: oneOf(['ignore', 'start'] as const, { vals: XEND_START_DOCS, d: 'What xend does with the domain when it starts.', dl: 'xm', def: 'ignore' }),
  on_xend_stop: oneOf(['ignore', 'shutdown', 'suspend'] as const, { vals: XEND_STOP_DOCS, d: 'What xend does with the domain when it stops.', dl: 'xm', def: 'ignore' }),
  kernel: str({ d: 'Kernel image for direct boot (xm HVM: the hvmloader path).', ex: '/boot/vmlinuz' }),
  ramdisk: str({ d: 'Initial ramdisk for direct boot.', ex: '/boot/initrd.img' }),
  loader: str({ d: 'HVM firmware loader.', dl: 'xm' }),
  cmdline: str({ d: 'Kernel command line (wins over root/extra).', dl: 'xl' }),
  root: str({ d: 'Appended to the kernel command line as root=… (xl: ignored when cmdline is set; cmdline is preferred).' }),
  extra: str({ d: 'Extra kernel command-line text (xl: ignored when cmdline is set; cmdline is preferred).' }),
  features: str({ d: 'Guest kernel features.', dl: 'xm' }),
  firmware: str({ d: 'PV: pvgrub32/pvgrub64; HVM: bios, uefi, seabios, rombios, ovmf or a path.', dl: 'xl' }),
  firmware_override: str({ readFor: HVM_ONLY, d: 'Firmware path override (read by xl, undocumented).', dl: 'xl' }),
  pvshim: bool({ readFor: PVH_ONLY, d: 'Run a PV guest inside a PVH shim.', dl: 'xl' }),
  pvshim_path: str({ readFor: PVH_ONLY, d: 'PV shim binary.', dl: 'xl' }),
  pvshim_cmdline: str({ readFor: PVH_ONLY, d: 'PV shim command line.', dl: 'xl' }),
  pvshim_extra: str({ readFor: PVH_ONLY, d: 'Extra PV shim command line.', dl: 'xl' }),
  bootloader: str({ d: 'Bootloader run in dom0, e.g. pygrub.', ex: 'pygrub' }),
  bootloader_args: strOrList({ d: 'Arguments for the bootloader.', dl: 'xl' }),
  bootloader_restrict: bool({ d: 'Run the bootloader deprivileged.', dl: 'xl' }),
  bootloader_user: str({ d: 'User to run the restricted bootloader as.', dl: 'xl' }),
  bootargs: str({ d: 'Arguments for the bootloader.', dl: 'xm', dep: 'bootloader_args' }),
  bootentry: str({ d: 'Bootloader entry (deprecated).', dl: 'xm', dep: 'bootargs' }),
  seclabel: str({ d: 'XSM security label.', dl: 'xl' }),
  init_seclabel: str({ d: 'XSM label during build.', dl: 'xl' }),
  // xl reads both with xlu_cfg_get_bounded_long(config, "max_grant_frames", 0, INT_MAX, ...) and libxl
  // copies them unchanged into the createdomain domctl; "use the default" is only the option left out
  // (xl.conf's value, else -1). Xen's grant_table_init() then refuses max_grant_frames below
  // INITIAL_NR_GRANT_FRAMES (1) with EINVAL, so 0 keeps failing; max_maptrack_frames = 0 is valid.
  max_grant_frames: int({ d: 'Maximum grant-table frames. xl accepts 0, but Xen refuses a domain with fewer than 1 (domain creation fails with EINVAL); leave it out for the xl.conf/hypervisor default.', dl: 'xl', min: 1, max: 2147483647 }),
  max_maptrack_frames: int({ d: 'Maximum maptrack frames (0 = the domain cannot map other domains\' grants; leave it out for the default).', dl: 'xl', min: 0, max: 2147483647 }),
  // xl reads it the same way (0..INT_MAX) and libxl passes it on; Xen's grant_table_init() refuses
  // version 0 ("invalid grant table version 0 requested") and any version above its gnttab=max-ver
  // (1 or 2, default 2) with EINVAL, so only 1 and 2 can create a domain.
  max_grant_version: int({ d: 'Highest grant-table version the guest may switch to: 1 or 2. xl accepts any number from 0, but Xen refuses 0 and versions above the hypervisor\'s gnttab=max-ver (domain creation fails with EINVAL); leave it out for the xl.conf/hypervisor default.', dl: 'xl', min: 1, max: 2 }),
  // libxl__domain_build_info_setdefault: `if (!b_info->event_channels) b_info->event_channels = 1023;`
  max_event_channels: int({ d: 'Maximum event channels (0 = libxl\'s default, 1023).', dl: 'xl', min: 0, def: 1023 }),
  nomigrate: bool({ d: 'Forbid migration.', def: false }),
  driver_domain: bool({ d: 'The domain hosts backends.', dl: 'xl' }),
  device_tree: str({ d: 'Partial device tree (Arm).', dl: 'xl' }),
  passthrough: oneOf(['disabled', 'enabled', 'sync_pt', 'share_pt', 'default'] as const, { vals: PASSTHROUGH_DOCS, d: 'IOMMU page-table mode for passthrough (implied by pci/dtdev).', dl: 'xl', anyCase: true }),
  xend_suspend_evtchn_compat: bool({ d: 'Old xend xenstore layout for suspend event channels.', dl: 'xl' }),
  vmtrace_buf_kb: int({ d: 'Per-vCPU processor-trace buffer.', dl: 'xl', unit: 'KiB', min: 0 }),
  vpmu: bool({ d: 'Expose the PMU to the guest.', dl: 'xl' }),
  xenstore_feature_mask: int({ d: 'Bitmask of Xenstore features shown to the guest.', dl: 'xl', min: 0 }),
  xenstore_quota: strList({ d: '"name=value" per-domain Xenstore quotas.', dl: 'xl' }),
  description: str({ d: 'Free-form description.', dl: 'xm' }),
  target: int({ d: 'Domain this one is a device-model stub domain for.', dl: 'xm', min: 0 }),
  access_control: strOrList({ d: 'Access-control label list (policy, label).', dl: 'xm' }),
};
