/**
 * @fileoverview Catalogue: HVM platform features, paging, timers, firmware, consoles (VNC, SDL,
 * SPICE), the device model, and Arm/x86-only options.
 */
import { str, int, bool, oneOf, oneOfOrInt, boolOrOneOf, boolOrStrList, strList, oneOfOrInts, oneOfList, specString, HVM_ONLY, PV_OR_HVM } from './helpers.js';
import { ALTP2M_MODES, BIOS_TYPES, GIC_VERSIONS, MCA_CAPS, SVE_LENGTHS, SVE_TYPES, TEE_TYPES, TIMER_MODES, TSC_MODES, VUART_TYPES } from './libxl-names.js';
import { SPEC_FIELDS } from './spec-tables.js';
import { ALTP2M_DOCS, BIOS_DOCS, DEVICE_MODEL_DOCS, GFX_PASSTHRU_DOCS, GIC_VERSION_DOCS, HDTYPE_DOCS, MCA_CAPS_DOCS, MS_VM_GENID_DOCS, SVE_DOCS, TEE_DOCS, TIMER_MODE_DOCS, TSC_MODE_DOCS, VGA_DOCS, VUART_DOCS } from './value-docs.js';

export const hvmOptions = {
  hap: bool({ xmReadFor: HVM_ONLY, d: 'Hardware-assisted paging (CDF_hap).', def: true }),
  oos: bool({ d: 'Out-of-sync shadow page tables (0 sets CDF_oos_off).', def: true }),
  nestedhvm: bool({ d: 'Nested virtualisation (CDF_nested_virt).', def: false }),
  s3_integrity: bool({ d: 'tboot verifies memory across S3 (CDF_s3_integrity; xl never sets it).', dl: 'xm', def: true }),
  pae: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Physical address extension.', def: true }),
  acpi: bool({ xmReadFor: HVM_ONLY, d: 'Expose ACPI tables to the guest.', def: true }),
  acpi_s3: bool({ readFor: HVM_ONLY, d: 'ACPI S3 (suspend to RAM).', dl: 'xl' }),
  acpi_s4: bool({ readFor: HVM_ONLY, d: 'ACPI S4 (suspend to disk).', dl: 'xl' }),
  acpi_laptop_slate: bool({ readFor: HVM_ONLY, d: 'ACPI laptop/slate switch.', dl: 'xl' }),
  apic: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Local APIC.', def: true }),
  nx: bool({ readFor: HVM_ONLY, d: 'NX (no-execute) bit.', dl: 'xl' }),
  // libxl__domain_build_info_setdefault: `libxl_defbool_setdefault(&b_info->u.hvm.hpet, true)`; xm: 0.
  hpet: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'HPET timer. Default: on in xl (libxl), off in xm.' }),
  altp2m: oneOfOrInt(ALTP2M_MODES, { vals: ALTP2M_DOCS, d: 'Alternate p2m mode: a name, or its number 0-3 (xl reads both).', dl: 'xl', min: 0, max: 3, anyCase: true }),
  altp2mhvm: bool({ readFor: HVM_ONLY, d: 'Legacy altp2m switch.', dl: 'xl', dep: 'altp2m' }),
  // xl: `if (l != (uint16_t)l) { fprintf(stderr, "ERROR: invalid value %ld for \"altp2m_count\"\n", l); exit (1); }`,
  // so xl takes 0..65535; 0 is libxl's own value without altp2m. What Xen refuses at creation
  // depends on altp2m (0 with it on, above 0 with it off, above 512): XM0234, rules/creation.ts.
  altp2m_count: int({ d: 'Number of altp2m views (xl refuses a number above 65535; Xen needs 1-512 with altp2m on and 0 with it off). Leave it out for libxl\'s default: 10 with altp2m on, else 0.', dl: 'xl', min: 0, max: 65535 }),
  acpi_firmware: str({ readFor: HVM_ONLY, d: 'Extra ACPI tables file.', dl: 'xl' }),
  smbios_firmware: str({ readFor: HVM_ONLY, d: 'Extra SMBIOS tables file.', dl: 'xl' }),
  smbios: strList({ readFor: HVM_ONLY, d: '"KEY=VALUE" SMBIOS overrides (KEY: bios_vendor, system_serial_number, …, oem; at most 99 oem entries).', dl: 'xl', read: 'smbios' }),
  ms_vm_genid: oneOf(['generate', 'none'] as const, { vals: MS_VM_GENID_DOCS, readFor: HVM_ONLY, d: 'Microsoft VM generation ID.', dl: 'xl' }),
  tsc_mode: oneOfOrInt(TSC_MODES, { vals: TSC_MODE_DOCS, d: 'TSC mode (xl: a name; a number is deprecated; xm: 0-3).', def: 'default', min: 0, max: 3, anyCase: true }),
  localtime: bool({ d: 'RTC in local time.', def: false }),
  rtc_timeoffset: int({ xmReadFor: HVM_ONLY, d: 'RTC offset.', unit: 's', def: 0 }),
  vpt_align: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Align periodic timers.', def: true }),
  timer_mode: oneOfOrInt(TIMER_MODES, {
    vals: TIMER_MODE_DOCS,
    xmReadFor: HVM_ONLY,
    d: 'Timer mode (xl: a name; a number 0-3 is deprecated; xm: a number). xl refuses it for PV guests.',
    def: 'no_delay_for_missed_ticks',
    min: 0,
    max: 3,
    anyCase: true,
  }),
  mmio_hole: int({ readFor: HVM_ONLY, d: 'MMIO hole size (qemu-xen only).', dl: 'xl', unit: 'MiB', min: 256, max: 3840 }),
  xen_platform_pci: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Xen platform PCI device.', def: true }),
  xen_platform_pci_bar_uc: bool({ readFor: HVM_ONLY, d: 'Map the platform device BAR uncached.', dl: 'xl' }),
  // create.py never declared it (no gopts.var) but listed it in configure_hvm's args, so a file's
  // variable of that name reached xend for builder = "hvm"; XendConfig's platform table reads it
  // with int() and checks no range (0, 1 and 2 are the documented values, so the catalogue gives
  // none either); xmexample.hvm (Xen 4.1 to 4.4) documents it. xl has no such option (decision 117).
  xen_extended_power_mgmt: int({ xmReadFor: HVM_ONLY, d: 'Extended power management beyond S3, S4, S5 (battery status) for an HVM guest: 0 off (the default), 1 pass-through, 2 non-pass-through (qemu-dm and xenpmd). An xm variable create.py handed to xend without declaring it; xl has no such option.', dl: 'xm', def: 0 }),
  viridian: boolOrStrList({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Hyper-V enlightenments: a boolean or a list of groups (base, freq, time_ref_count, reference_tsc, …; "!name" disables; "all", "defaults"). In xl the groups must be a list: a single string is read as a number, and xl ignores a word such as "base" without a message. xm took 0 or 1 only (xend: long(viridian)); a list or a word made xm create fail.', def: false, read: 'viridian' }),
  hvm_pirq: bool({ readFor: HVM_ONLY, d: 'PIRQs for HVM guests.', dl: 'xl' }),
  // libxl__domain_build_info_setdefault: the default and the minimum depend on vga and the device
  // model (qemu-xen: cirrus 8, stdvga 16, qxl 128; qemu-xen-traditional: cirrus 4, stdvga 8), so
  // the catalogue states no single default; a value below the minimum is XM0234 (rules/creation.ts).
  videoram: int({ d: 'VGA video memory (HVM). libxl\'s default and minimum with qemu-xen: 8 MiB for cirrus, 16 for stdvga, 128 for qxl (below them creation fails); qemu-xen-traditional (and xm): 4 for cirrus (other values ignored), at least 8 for stdvga.', unit: 'MiB', min: 0 }),
  stdvga: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Standard VGA instead of Cirrus.', def: false }),
  vga: oneOf(['none', 'stdvga', 'cirrus', 'qxl'] as const, { vals: VGA_DOCS, readFor: HVM_ONLY, d: 'VGA model.', dl: 'xl' }),
  isa: bool({ xmReadFor: HVM_ONLY, d: 'ISA-only machine.', dl: 'xm' }),
  // libxl__domain_build_info_setdefault: `b_info->u.hvm.boot = libxl__strdup(NOGC, "cda")`; xm: "c".
  boot: str({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'HVM boot order letters: c (disk), d (CD-ROM), n (network), a (floppy). Default: "cda" in xl (libxl), "c" in xm.', ex: 'dc' }),
  // xl: libxl_hdtype_from_string (strcasecmp): any case; vga and ms_vm_genid are strcmp'd, exactly.
  hdtype: oneOf(['ide', 'ahci'] as const, { vals: HDTYPE_DOCS, readFor: HVM_ONLY, d: 'Emulated disk controller.', dl: 'xl', anyCase: true }),
  bios: oneOf(BIOS_TYPES, { vals: BIOS_DOCS, readFor: HVM_ONLY, d: 'HVM firmware ("unknown" is libxl\'s default: the firmware it picks).', dl: 'xl', anyCase: true }),
  bios_path_override: str({ readFor: HVM_ONLY, d: 'Firmware path override.', dl: 'xl' }),
  // xl: libxl_gfx_passthru_kind_from_string (any case). xm knew no kinds: xend handed any true value
  // to qemu-dm as text (image.py), so a kind in xm is XM0267 (xm-hvm-values.ts, decision 090).
  gfx_passthru: boolOrOneOf(['default', 'igd'] as const, { vals: GFX_PASSTHRU_DOCS, xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Graphics passthrough: 0, 1 / "default", "igd" (the kinds are xl\'s; xm passed a word to qemu-dm unchecked).', anyCase: true }),
  vnc: bool({ xmReadFor: HVM_ONLY, d: 'VNC console.' }),
  vnclisten: str({ xmReadFor: HVM_ONLY, d: 'VNC listen address.', ex: '127.0.0.1' }),
  vncdisplay: int({ xmReadFor: HVM_ONLY, d: 'VNC display number (port 5900 + N).', min: 0 }),
  vncunused: bool({ xmReadFor: HVM_ONLY, d: 'Pick the first unused VNC display.', def: true }),
  vncpasswd: str({ xmReadFor: HVM_ONLY, d: 'VNC password.' }),
  vncconsole: bool({ d: 'Start a VNC viewer on the console.', dl: 'xm' }),
  vncviewer: bool({ d: 'Start a VNC viewer (xl warns and ignores).', dl: 'xm' }),
  keymap: str({ readFor: PV_OR_HVM, d: 'Keyboard layout, e.g. "en-us".' }),
  sdl: bool({ xmReadFor: HVM_ONLY, d: 'SDL console.' }),
  opengl: bool({ xmReadFor: HVM_ONLY, d: 'OpenGL for SDL.' }),
  display: str({ xmReadFor: HVM_ONLY, d: 'X display for SDL.' }),
  xauthority: str({ xmReadFor: HVM_ONLY, d: 'Xauthority file for SDL.' }),
  nographic: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'No graphics.' }),
  monitor: bool({ xmReadFor: HVM_ONLY, d: 'qemu monitor.', dl: 'xm' }),
  monitor_path: str({ d: 'qemu monitor path.', dl: 'xm' }),
  spice: bool({ readFor: HVM_ONLY, d: 'SPICE console.', dl: 'xl' }),
  spicehost: str({ readFor: HVM_ONLY, d: 'SPICE listen address.', dl: 'xl' }),
  spiceport: int({ readFor: HVM_ONLY, d: 'SPICE port.', dl: 'xl', min: 0, max: 65535 }),
  spicetls_port: int({ readFor: HVM_ONLY, d: 'SPICE TLS port.', dl: 'xl', min: 0, max: 65535 }),
  spicedisable_ticketing: bool({ readFor: HVM_ONLY, d: 'SPICE without password.', dl: 'xl' }),
  spicepasswd: str({ readFor: HVM_ONLY, d: 'SPICE password.', dl: 'xl' }),
  spiceagent_mouse: bool({ readFor: HVM_ONLY, d: 'SPICE agent mouse.', dl: 'xl' }),
  spicevdagent: bool({ readFor: HVM_ONLY, d: 'SPICE vdagent.', dl: 'xl' }),
  spice_clipboard_sharing: bool({ readFor: HVM_ONLY, d: 'SPICE clipboard sharing.', dl: 'xl' }),
  spiceusbredirection: int({ readFor: HVM_ONLY, d: 'SPICE USB redirection channels.', dl: 'xl', min: 0 }),
  spice_image_compression: str({ readFor: HVM_ONLY, d: 'SPICE image compression.', dl: 'xl' }),
  spice_streaming_video: str({ readFor: HVM_ONLY, d: 'SPICE video streaming.', dl: 'xl' }),
  fda: str({ xmReadFor: HVM_ONLY, d: 'Floppy A image.', dl: 'xm' }),
  fdb: str({ xmReadFor: HVM_ONLY, d: 'Floppy B image.', dl: 'xm' }),
  guest_os_type: str({ xmReadFor: HVM_ONLY, d: 'Guest OS type hint.', dl: 'xm' }),
  device_model: str({ xmReadFor: HVM_ONLY, d: 'Device model path (xl warns and ignores it).', dl: 'xm', dep: 'device_model_override' }),
  device_model_version: oneOf(['qemu-xen', 'qemu-xen-traditional'] as const, { vals: DEVICE_MODEL_DOCS, d: 'Device model version.', dl: 'xl' }),
  device_model_override: str({ d: 'Device model binary.', dl: 'xl' }),
  device_model_stubdomain_override: bool({ d: 'Run the device model in a stub domain.', dl: 'xl' }),
  device_model_stubdomain_seclabel: str({ d: 'XSM label of the stub domain.', dl: 'xl' }),
  device_model_user: str({ d: 'User to run qemu as.', dl: 'xl' }),
  device_model_args: strList({ d: 'Extra qemu arguments.', dl: 'xl' }),
  device_model_args_pv: strList({ d: 'Extra qemu arguments (PV).', dl: 'xl' }),
  device_model_args_hvm: strList({ d: 'Extra qemu arguments (HVM).', dl: 'xl' }),
  dm_restrict: bool({ d: 'Deprivilege qemu.', dl: 'xl' }),
  stubdomain_kernel: str({ d: 'Stub domain kernel.', dl: 'xl' }),
  stubdomain_cmdline: str({ d: 'Stub domain command line.', dl: 'xl' }),
  stubdomain_ramdisk: str({ d: 'Stub domain ramdisk.', dl: 'xl' }),
  stubdomain_memory: int({ d: 'Stub domain memory.', dl: 'xl', unit: 'MiB', min: 1 }),
  tee: oneOf(TEE_TYPES, { vals: TEE_DOCS, d: 'Arm TEE mediator.', dl: 'xl', anyCase: true }),
  gic_version: oneOf(GIC_VERSIONS, { vals: GIC_VERSION_DOCS, d: 'Arm GIC version.', dl: 'xl', anyCase: true }),
  vuart: oneOf(VUART_TYPES, { vals: VUART_DOCS, d: 'Arm virtual UART.', dl: 'xl', anyCase: true }),
  sve: oneOfOrInts(SVE_TYPES, SVE_LENGTHS, { vals: SVE_DOCS, d: 'Arm SVE vector length (bits): a multiple of 128 up to 2048, "hw" (the hardware maximum) or "disabled".', dl: 'xl', anyCase: true }),
  // xl reads it with xlu_cfg_get_list (warnings on): a single string is "a single value but should
  // be a list" and the guest gets no colours (XM0258), so the catalogue's type is a list.
  llc_colors: strList({ d: 'Arm LLC colours: a list of "N" and "N-M" items (a single string is ignored by xl with a warning).', dl: 'xl', read: 'llcColors' }),
  nr_spis: int({ d: 'Arm number of SPIs.', dl: 'xl', min: 0 }),
  trap_unmapped_accesses: bool({ d: 'Arm: trap accesses to unmapped addresses.', dl: 'xl' }),
  arm_sci: specString({ d: 'Arm SCI mediator: "type=none|scmi_smc|scmi_smc_multiagent[,agent_id=N]" (N at most 255).', dl: 'xl' }, SPEC_FIELDS.arm_sci),
  mca_caps: oneOfList(MCA_CAPS, { vals: MCA_CAPS_DOCS, readFor: HVM_ONLY, d: 'x86 MCA capabilities.', dl: 'xl' }),
  msr_relaxed: bool({ d: 'x86 relaxed MSR policy.', dl: 'xl' }),
  vhpt: int({ d: 'IA64 VHPT size.', dl: 'xm', min: 0 }),
  superpages: bool({ d: 'Superpages for PV guests.', dl: 'xm' }),
  machine_address_size: int({ d: 'Machine address size (bits).', dl: 'xm', min: 0 }),
  suppress_spurious_page_faults: bool({ d: 'Suppress spurious page faults.', dl: 'xm' }),
};
