/**
 * @fileoverview The names libxl (libxl_types.idl) and xl (xl_parse.c) give the values of the scalar
 * options, in libxl's order (an enum's deprecated number is its index). One list feeds the catalogue's
 * enums, the normaliser's checks (catalogue/../scalars.ts) and `convert --to json`. Plain data, no
 * TypeBox: the normaliser's bundle imports it.
 */

/** A UUID as libxl_uuid_from_string reads it (libuuid's uuid_parse): hex digits grouped 8-4-4-4-12 with hyphens. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** UUID_PATTERN as a RegExp. */
export const UUID_RE = new RegExp(UUID_PATTERN);

/** libxl_tsc_mode. */
export const TSC_MODES = ['default', 'always_emulate', 'native', 'native_paravirt'] as const;
/** libxl_timer_mode, numbered 0-3 (its "not set" name, -1, is {@link LIBXL_UNSET_NAMES}'s). */
export const TIMER_MODES = ['delay_for_missed_ticks', 'no_delay_for_missed_ticks', 'no_missed_ticks_pending', 'one_missed_tick_pending'] as const;
/**
 * Scalar options whose libxl enum names its "not set" value (-1 in libxl_types.idl): xl's
 * `*_from_string` takes the name (any case) and libxl then fills in its default, `becomes`. Kept out
 * of the lists above so that an enum's index stays its number (convert relies on it).
 */
export const LIBXL_UNSET_NAMES: Readonly<Record<string, { name: string; becomes: string }>> = {
  timer_mode: { name: 'unknown', becomes: 'no_delay_for_missed_ticks' },
};
/** libxl_altp2m_mode. */
export const ALTP2M_MODES = ['disabled', 'mixed', 'external', 'limited'] as const;
/** libxl_passthrough. */
export const PASSTHROUGH_MODES = ['default', 'disabled', 'enabled', 'sync_pt', 'share_pt'] as const;
/** libxl_tee_type. */
export const TEE_TYPES = ['none', 'optee', 'ffa'] as const;
/** libxl_gic_version. */
export const GIC_VERSIONS = ['default', 'v2', 'v3'] as const;
/** libxl_vuart_type. */
export const VUART_TYPES = ['unknown', 'sbsa_uart'] as const;
/** libxl_bios_type ("unknown" is libxl's default, not a firmware). */
export const BIOS_TYPES = ['unknown', 'rombios', 'seabios', 'ovmf'] as const;
/** libxl_arm_sci_type. */
export const ARM_SCI_TYPES = ['none', 'scmi_smc', 'scmi_smc_multiagent'] as const;
/** libxl_viridian_enlightenment, in bit order. */
export const VIRIDIAN_GROUPS = ['base', 'freq', 'time_ref_count', 'reference_tsc', 'hcall_remote_tlb_flush', 'apic_assist', 'crash_ctl', 'synic', 'stimer', 'hcall_ipi', 'ex_processor_masks', 'no_vp_limit', 'cpu_hotplug'] as const;
/** libxl_smbios_type. */
export const SMBIOS_KEYS = ['bios_vendor', 'bios_version', 'system_manufacturer', 'system_product_name', 'system_version', 'system_serial_number', 'baseboard_manufacturer', 'baseboard_product_name', 'baseboard_version', 'baseboard_serial_number', 'baseboard_asset_tag', 'baseboard_location_in_chassis', 'enclosure_manufacturer', 'enclosure_serial_number', 'enclosure_asset_tag', 'battery_manufacturer', 'battery_device_name', 'oem'] as const;
/** xl accepts at most 99 `oem` strings (the SMBIOS specification's limit). */
export const MAX_SMBIOS_OEM = 99;
/** The MCA capabilities xl knows (it compares with strcmp: case matters). */
export const MCA_CAPS = ['lmce'] as const;
/** libxl_sve_type's numbered lengths: multiples of 128 up to 2048 (xl reads `sve` as a string, so 0 is not one: "disabled" is). */
export const SVE_LENGTHS: readonly number[] = Array.from({ length: 16 }, (_, i) => (i + 1) * 128);
/** libxl_sve_type's names: "hw" (the hardware's maximum), "disabled" (the default) and the lengths. */
export const SVE_TYPES = ['hw', 'disabled', ...SVE_LENGTHS.map(String)] as const;
/**
 * libxl_device_nic's COLO proxy fields, in libxl_types.idl's order; xl's vif keys of the same names
 * (parse_nic_config). The normaliser keeps them under `other`, `convert --to json` writes them in
 * this order.
 */
export const COLO_NIC_KEYS: readonly string[] = [
  ...['mirror', 'compare_pri_in', 'compare_sec_in', 'compare_notify', 'redirector0', 'redirector1', 'redirector2'].flatMap((s) => ['id', 'ip', 'port'].map((p) => `colo_sock_${s}_${p}`)),
  'colo_filter_mirror_queue',
  'colo_filter_mirror_outdev',
  ...['redirector0', 'redirector1'].flatMap((f) => ['queue', 'indev', 'outdev'].map((p) => `colo_filter_${f}_${p}`)),
  'colo_compare_pri_in',
  'colo_compare_sec_in',
  'colo_compare_out',
  'colo_compare_notify_dev',
  ...['sec_redirector0', 'sec_redirector1'].flatMap((s) => ['id', 'ip', 'port'].map((p) => `colo_sock_${s}_${p}`)),
  ...['sec_redirector0', 'sec_redirector1'].flatMap((f) => ['queue', 'indev', 'outdev'].map((p) => `colo_filter_${f}_${p}`)),
  'colo_filter_sec_rewriter0_queue',
  'colo_checkpoint_host',
  'colo_checkpoint_port',
];
/** xmcfg reports an LLC colour list longer than this rather than expanding it. */
export const MAX_LLC_COLORS = 4096;

/** libxl's name for `text` (its `*_from_string` functions compare without regard to case), or undefined. */
export function libxlName<T extends string>(names: readonly T[], text: string): T | undefined {
  const lower = text.toLowerCase();
  return names.find((n) => n === lower || n.toLowerCase() === lower);
}
