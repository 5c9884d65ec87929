/**
 * @fileoverview The field tables of the `key=value,…` device specs xl reads with its own small
 * parsers (parse_vtpm_config, parse_9pfs_config, parse_vkb_config, parse_vdispl_config,
 * parse_virtio_config, xlu_rdm_parse, parse_vsnd_item). One table feeds the normaliser (which keys
 * exist, how each value reads), the JSON Schema (spec-fields.ts) and `convert --to json`, so `check`
 * refuses exactly what the JSON view would. Also `arm_sci` (parse_arm_sci_config), one such string.
 * Plain data, no TypeBox: the normaliser's bundle imports it.
 */
import { ARM_SCI_TYPES } from './libxl-names.js';

/**
 * How one spec value reads. `c-integer`: strtoul base 0 (`0x10`, `010`, `10`); `c-bool`: the same,
 * non-zero is true (libxl bool and defbool fields xl fills with strtoul); `decimal`: digits only;
 * `bool`: 0/1 digits; `uuid`: libxl_uuid_from_string; `connectors`: vdispl `ID:WxH;…`;
 * `list-c-integer`/`list-format`: vsnd `;`-separated lists; a string array: one of these values;
 * `{anyCase}`: a libxl enum, which libxl's `*_from_string` matches in any case (normalised to lower case).
 */
export type FieldKind = 'string' | 'bool' | 'decimal' | 'c-integer' | 'c-bool' | 'uuid' | 'connectors' | 'list-c-integer' | 'list-format' | readonly string[] | { readonly anyCase: readonly string[] };

/** A spec's keys and how each value reads. */
export type FieldTable = Readonly<Record<string, FieldKind>>;

/** libxl_vsnd_pcm_format names (xl matches them case-insensitively; normalised to lower case). */
export const VSND_FORMATS: readonly string[] = [
  's8', 'u8', 's16_le', 's16_be', 'u16_le', 'u16_be', 's24_le', 's24_be', 'u24_le', 'u24_be', 's32_le', 's32_be', 'u32_le', 'u32_be',
  'f32_le', 'f32_be', 'f64_le', 'f64_be', 'iec958_subframe_le', 'iec958_subframe_be', 'mu_law', 'a_law', 'ima_adpcm', 'mpeg', 'gsm',
];

/** The generic-form device specs (list options, and `rdm`, one string) and their keys. */
export const SPEC_FIELDS = {
  vtpm: { backend: 'string', uuid: 'uuid' },
  p9: {
    backend: 'string',
    tag: 'string',
    path: 'string',
    security_model: 'string',
    type: { anyCase: ['qemu', 'xen_9pfsd'] },
    'max-space': 'c-integer',
    'max-files': 'c-integer',
    'max-open-files': 'c-integer',
    'auto-delete': 'c-bool',
  },
  pvcalls: { backend: 'string' },
  vdispl: { backend: 'string', 'be-alloc': 'c-bool', connectors: 'connectors' },
  vkb: {
    backend: 'string',
    'backend-type': { anyCase: ['qemu', 'linux'] },
    'unique-id': 'string',
    'feature-disable-keyboard': 'c-bool',
    'feature-disable-pointer': 'c-bool',
    'feature-abs-pointer': 'c-bool',
    'feature-raw-pointer': 'c-bool',
    'feature-multi-touch': 'c-bool',
    width: 'c-integer',
    height: 'c-integer',
    'multi-touch-width': 'c-integer',
    'multi-touch-height': 'c-integer',
    'multi-touch-num-contacts': 'c-integer',
  },
  // `type` is xl's joined `virtio,NAME` (KvOptions.virtioType in src/normalize/spec-kv.ts).
  virtio: { backend: 'string', type: 'string', transport: { anyCase: ['mmio'] }, grant_usage: 'c-bool' },
  // xlu_rdm_parse accepts strategy=host only.
  rdm: { strategy: ['host'], policy: ['strict', 'relaxed'] },
  // parse_arm_sci_config; agent_id is at most 255 (src/normalize/spec-checks.ts).
  arm_sci: { type: { anyCase: ARM_SCI_TYPES }, agent_id: 'c-integer' },
} as const satisfies Record<string, FieldTable>;

/** An option with a typed generic-form spec. */
export type SpecOption = keyof typeof SPEC_FIELDS;

/** libxl_vsnd_params keys, valid in every vsnd element. */
const VSND_PARAMS: FieldTable = { 'sample-rates': 'list-c-integer', 'sample-formats': 'list-format', 'channels-min': 'c-integer', 'channels-max': 'c-integer', 'buffer-size': 'c-integer' };

/** The keys of each vsnd element (parse_vsnd_item: its own keys, then the stream parameters). */
export const VSND_FIELDS: Readonly<Record<'card' | 'pcm' | 'stream', FieldTable>> = {
  card: { backend: 'string', 'short-name': 'string', 'long-name': 'string', ...VSND_PARAMS },
  pcm: { name: 'string', ...VSND_PARAMS },
  stream: { 'unique-id': 'string', type: { anyCase: ['p', 'c'] }, ...VSND_PARAMS },
};

/**
 * How xl turns a spec value into a number, where its source shows the reader: `atoi` (decimal, 0
 * when no digit), `strtoul` (`strtoul(s, NULL, 0)`: base 0, 0 when no digit) and `parse_ulong`
 * (strtoul base 10; xl exits when no digit is read, takes the leading digits otherwise). None of
 * them looks at what follows the digits, so in the xl dialect a value that is not a number is
 * XM0231 (a warning saying what xl uses), not an error. Quoted from tools/xl/xl_parse.c at
 * xen-project/xen 00535c8a and tools/libs/util/libxlu_pci.c; the p9 `max-*`/`auto-delete`, virtio
 * `grant_usage` and arm_sci `agent_id` readers are not in a stored xl tree, so they keep their error.
 * `strtoul-u32`: strtoul base 0 into a uint32 field (or a C bool, for a `c-bool` kind), a minus and
 * a number past 32 bits included (src/normalize/u32-fields-xl.ts).
 */
export type XlNumberReader = 'atoi' | 'strtoul' | 'parse_ulong' | 'strtoul-u32';

/** The spec fields read by one of xl's lenient number readers, by family (the parser's `what`, first word). */
export const XL_NUMBER_READERS: Readonly<Record<string, Readonly<Record<string, XlNumberReader>>>> = {
  // parse_config_data's vfb loop: `libxl_defbool_set(&vfb->vnc.enable, atoi(p2 + 1));`,
  // `vfb->vnc.display = atoi(p2 + 1);`, and atoi(p2 + 1) for vncunused, sdl and opengl.
  vfb: { vnc: 'atoi', vncdisplay: 'atoi', vncunused: 'atoi', sdl: 'atoi', opengl: 'atoi' },
  // parse_usbctrl_config: `usbctrl->version = atoi(oparg);`, `usbctrl->ports = atoi(oparg);`
  usbctrl: { version: 'atoi', ports: 'atoi' },
  // parse_usbdev_config: `usbdev->u.hostdev.hostbus = strtoul(oparg, NULL, 0);` (hostaddr the same),
  // `usbdev->ctrl = atoi(oparg);`, `usbdev->port = atoi(oparg);`
  usbdev: { hostbus: 'strtoul', hostaddr: 'strtoul', controller: 'atoi', port: 'atoi' },
  // parse_vkb_config: `vkb->feature_disable_keyboard = strtoul(oparg, NULL, 0);`, and strtoul(oparg,
  // NULL, 0) for every other number and feature flag: the flags are C bools, the sizes uint32
  // (libxl_device_vkb in libxl_types.idl).
  vkb: {
    'feature-disable-keyboard': 'strtoul-u32',
    'feature-disable-pointer': 'strtoul-u32',
    'feature-abs-pointer': 'strtoul-u32',
    'feature-raw-pointer': 'strtoul-u32',
    'feature-multi-touch': 'strtoul-u32',
    width: 'strtoul-u32',
    height: 'strtoul-u32',
    'multi-touch-width': 'strtoul-u32',
    'multi-touch-height': 'strtoul-u32',
    'multi-touch-num-contacts': 'strtoul-u32',
  },
  // parse_vdispl_config: `vdispl->be_alloc = strtoul(oparg, NULL, 0);`, a C bool (any number but 0 is true).
  vdispl: { 'be-alloc': 'strtoul-u32' },
  // parse_vsnd_params: `params->sample_rates[i] = strtoul(rates[i], NULL, 0);`,
  // `params->channels_min = strtoul(oparg, NULL, 0);` (channels-max, buffer-size the same).
  // The fields are uint32 (libxl_vsnd_params in libxl_types.idl): xl keeps strtoul's low 32 bits.
  vsnd: { 'sample-rates': 'strtoul-u32', 'channels-min': 'strtoul-u32', 'channels-max': 'strtoul-u32', 'buffer-size': 'strtoul-u32' },
  // libxlu_pci.c (xlu_pci_parse_spec_string): `pci->permissive = atoi(val);`, and atoi(val) for
  // msitranslate, seize and power_mgmt.
  pci: { permissive: 'atoi', msitranslate: 'atoi', seize: 'atoi', power_mgmt: 'atoi' },
  // parse_nic_config: `nic->devid = parse_ulong(oparg);`, `nic->mtu = parse_ulong(oparg);`; parse_ulong
  // exits only when `endptr == str || val == ULONG_MAX` ("failed to convert ... to number").
  vif: { mtu: 'parse_ulong', devid: 'parse_ulong' },
};
