/**
 * @fileoverview What each value of the catalogue's enumerated options means (xl.cfg(5), xm's
 * create.py and xend), one sentence per value. The catalogue attaches them to their options
 * (`OptionMeta.valueDocs`), so hover on a value shows the same text `xmcfg schema` carries; a test
 * holds every allowed value of every enumerated option to having one. Plain data, no TypeBox.
 */
import { SVE_LENGTHS } from './libxl-names.js';

/** One sentence per value of an option. */
export type ValueDocs = Readonly<Record<string, string>>;

/** on_poweroff, on_reboot, on_watchdog, on_crash, on_soft_reset (xl.cfg(5) "Event Actions"). */
export const ACTION_DOCS: ValueDocs = {
  destroy: 'Destroy the domain.',
  restart: 'Destroy the domain and at once create a new one with the same configuration.',
  'rename-restart': 'Rename the domain that ended, then at once create a new one with the same configuration as the original.',
  preserve: 'Keep the domain: it can be examined, and destroyed later with `xl destroy`.',
  'coredump-destroy': "Write a core dump of the domain (xl: by default to /var/lib/xen/dump/NAME) and then destroy it.",
  'coredump-restart': "Write a core dump of the domain (xl: by default to /var/lib/xen/dump/NAME) and then restart it.",
  'soft-reset': "Reset the Xen-specific interfaces of a Xen-aware HVM guest, which then sets them up again and goes on running (not for PV guests or HVM guests unaware of Xen). xl only.",
};

/** type (xl.cfg(5) "type"). */
export const GUEST_TYPE_DOCS: ValueDocs = {
  pv: 'Paravirtualised guest: a Xen-aware kernel started directly or by a bootloader, no emulated hardware and no device model.',
  pvh: 'PV guest in an HVM container: hardware virtualisation for CPU and memory, PV devices, no emulated hardware and no device model (Xen 4.10+).',
  hvm: 'Fully virtualised guest: firmware (BIOS or UEFI) and emulated hardware from a device model (QEMU); any OS, PV drivers optional.',
};

/** tsc_mode (libxl_tsc_mode; xl.cfg(5) "tsc_mode"). */
export const TSC_MODE_DOCS: ValueDocs = {
  default: 'rdtsc runs natively while the TSC can be kept monotonic, and is emulated (its frequency scaled if needed) otherwise, e.g. after a migration to a host with another TSC frequency.',
  always_emulate: 'rdtsc is always emulated: the guest sees a TSC that ticks at a fixed 1 GHz whatever the CPU frequency or power state (a cost per rdtsc, not to other work).',
  native: 'rdtsc always runs natively: no monotonicity or frequency guarantee across migration.',
  native_paravirt: 'Native TSC plus a paravirtual rdtscp (PVRDTSCP): removed in Xen 4.10, and libxl then refuses to create the domain ("has been removed").',
};

/** timer_mode (libxl_timer_mode; xl.cfg(5) "timer_mode"), numbered 0-3 in this order. */
export const TIMER_MODE_DOCS: ValueDocs = {
  delay_for_missed_ticks: 'Ticks missed while the vCPU was not running are delivered when it runs again, and its time advances one tick at a time with them (the guest\'s time falls behind).',
  no_delay_for_missed_ticks: 'Missed ticks are delivered, but guest time always tracks wall-clock time (the default).',
  no_missed_ticks_pending: 'Missed ticks are not kept pending; the tick alarm stays on across a preemption so ticks still come at some rate.',
  one_missed_tick_pending: 'Missed ticks are collapsed into one late tick; guest time always tracks wall-clock time.',
};

/** altp2m (libxl_altp2m_mode; xl.cfg(5) "altp2m"), numbered 0-3 in this order. */
export const ALTP2M_DOCS: ValueDocs = {
  disabled: 'No alternate p2m views (the default).',
  mixed: 'Alternate p2m views usable both by the guest and by external privileged tools.',
  external: 'Alternate p2m views usable by external privileged tools only.',
  limited: 'The guest may only enable or disable VMFUNC and #VE; views are managed externally.',
};

/** passthrough (xl.cfg(5) "passthrough"). */
export const PASSTHROUGH_DOCS: ValueDocs = {
  disabled: 'No IOMMU mappings: no hardware can be passed through (the default without pci or dtdev).',
  enabled: 'IOMMU mappings in the best mode available: share_pt for HVM/PVH where the hardware has it, else sync_pt (the default with pci or dtdev).',
  sync_pt: 'The IOMMU page table is kept in step with the domain\'s P2M (PV: identity-mapped MFNs; HVM/PVH: GFNs). Not on Arm.',
  share_pt: 'The IOMMU uses the domain\'s P2M table itself (HVM/PVH only, where `xl info` shows iommu_hap_pt_share): less load on Xen than sync_pt.',
  default: 'disabled or enabled, as the config passes devices through or not.',
};

/** vga (xl.cfg(5) "vga"). */
export const VGA_DOCS: ValueDocs = {
  none: 'No emulated graphics card.',
  stdvga: 'Standard VGA card with Bochs VBE extensions (higher resolutions than cirrus).',
  cirrus: 'Cirrus Logic GD5446 (the default).',
  qxl: 'QXL paravirtual graphics card, for SPICE (qemu-xen only).',
};

/** hdtype (xl.cfg(5) "hdtype"). */
export const HDTYPE_DOCS: ValueDocs = {
  ide: 'Emulated IDE disks (the default).',
  ahci: 'Emulated AHCI (SATA) controller: faster with several disks (qemu-xen only).',
};

/** bios (libxl_bios_type). */
export const BIOS_DOCS: ValueDocs = {
  unknown: 'libxl picks: SeaBIOS with qemu-xen, ROMBIOS with qemu-xen-traditional.',
  rombios: 'ROMBIOS, the BIOS of qemu-xen-traditional.',
  seabios: 'SeaBIOS (the default with qemu-xen).',
  ovmf: 'OVMF, a UEFI firmware.',
};

/** device_model_version (xl.cfg(5) "device_model_version"). */
export const DEVICE_MODEL_DOCS: ValueDocs = {
  'qemu-xen': 'Upstream QEMU (the default).',
  'qemu-xen-traditional': "Xen's old fork of QEMU (xm's device model); removed from recent Xen.",
};

/** ms_vm_genid (xl.cfg(5) "ms_vm_genid"). */
export const MS_VM_GENID_DOCS: ValueDocs = {
  generate: 'A random VM generation ID, which Windows (Server 2012 and later) reads to notice that it was restored from a snapshot or cloned.',
  none: 'No VM generation ID (the default).',
};

/** vendor_device (xl.cfg(5) "vendor_device"). */
export const VENDOR_DEVICE_DOCS: ValueDocs = {
  none: 'No vendor device (the default).',
  xenserver: 'The XenServer vendor device, so Windows Update offers the XenServer PV drivers.',
};

/** gfx_passthru's names (xl.cfg(5) "gfx_passthru"). */
export const GFX_PASSTHRU_DOCS: ValueDocs = {
  default: 'Pass the assigned graphics card through as the primary one, its kind found by libxl (as gfx_passthru = 1).',
  igd: 'Pass an Intel Integrated Graphics Device through as the primary graphics card.',
};

/** restart (xm). */
export const XM_RESTART_DOCS: ValueDocs = {
  onreboot: 'Restart the domain when it reboots, not when it powers off or crashes.',
  always: 'Restart the domain whenever it ends.',
  never: 'Never restart the domain.',
};

/** on_xend_start (xm). */
export const XEND_START_DOCS: ValueDocs = {
  ignore: 'Leave the domain alone when xend starts (the default).',
  start: 'Start the domain when xend starts.',
};

/** on_xend_stop (xm). */
export const XEND_STOP_DOCS: ValueDocs = {
  ignore: 'Leave the domain running when xend stops (the default).',
  shutdown: 'Shut the domain down when xend stops.',
  suspend: 'Suspend the domain when xend stops.',
};

/** tee (libxl_tee_type). */
export const TEE_DOCS: ValueDocs = {
  none: 'No TEE mediator (the default).',
  optee: 'OP-TEE mediator: the guest may talk to OP-TEE in the secure world.',
  ffa: 'Arm FF-A mediator: the guest may use the Firmware Framework for Arm.',
};

/** gic_version (libxl_gic_version). */
export const GIC_VERSION_DOCS: ValueDocs = {
  default: "The host's GIC version.",
  v2: 'Emulate a GICv2.',
  v3: 'Emulate a GICv3.',
};

/** vuart (libxl_vuart_type). */
export const VUART_DOCS: ValueDocs = {
  unknown: 'No virtual UART (the default).',
  sbsa_uart: 'An emulated SBSA UART (a PL011 subset) the guest can use as its console.',
};

/** sve (libxl_sve_type): the names, then each length. */
export const SVE_DOCS: ValueDocs = {
  hw: 'The longest SVE vector length the hardware supports.',
  disabled: 'No SVE for the guest (the default).',
  ...Object.fromEntries(SVE_LENGTHS.map((n) => [String(n), `SVE vectors of ${n} bits (the hardware must support that length).`])),
};

/** mca_caps. */
export const MCA_CAPS_DOCS: ValueDocs = {
  lmce: 'Local machine-check exceptions (LMCE): a machine check delivered to the affected vCPU only.',
};
