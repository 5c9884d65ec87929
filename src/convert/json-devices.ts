/**
 * @fileoverview `convert --to json`: the PV devices the normaliser keeps as generic `key=value`
 * specs (vtpm, p9, pvcalls, vdispl, vkb, virtio) and dtdev, as libxl's device structs. Each
 * device is described by one table in libxl's struct order (the order `xl create -n` prints), with
 * the spec key xl's parser reads for each field; devids are list positions, as xl assigns them.
 * Which keys exist and how their values read is the normaliser's (catalogue/spec-tables.ts).
 */
type Obj = Record<string, unknown>;

/** How a typed normalised value prints: as is, as a libxl defbool ("True"/"False"), or lower-cased (UUIDs). */
type Out = 'value' | 'defbool' | 'lower';

/**
 * One libxl field: the spec key it comes from (null for `devid`, which xl assigns) and how it
 * prints. The normaliser has read each key against catalogue/spec-tables.ts, so values are typed.
 */
type Field = readonly [specKey: string | null, libxlName: string, out?: Out];

const DEVID: Field = [null, 'devid'];

/** The device tables, keyed by option name, with the device array they fill. */
const DEVICES: Record<string, { array: string; fields: readonly Field[] }> = {
  vtpm: { array: 'vtpms', fields: [['backend', 'backend_domname'], DEVID, ['uuid', 'uuid', 'lower']] },
  p9: {
    array: 'p9s',
    fields: [
      ['backend', 'backend_domname'],
      ['tag', 'tag'],
      ['path', 'path'],
      ['security_model', 'security_model'],
      DEVID,
      ['type', 'type'],
      ['max-space', 'max_space'],
      ['max-files', 'max_files'],
      ['max-open-files', 'max_open_files'],
      ['auto-delete', 'auto_delete', 'defbool'],
    ],
  },
  pvcalls: { array: 'pvcallsifs', fields: [['backend', 'backend_domname'], DEVID] },
  vdispl: { array: 'vdispls', fields: [['backend', 'backend_domname'], DEVID, ['be-alloc', 'be_alloc'], ['connectors', 'connectors']] },
  vkb: {
    array: 'vkbs',
    fields: [
      ['backend', 'backend_domname'],
      DEVID,
      ['backend-type', 'backend_type'],
      ['unique-id', 'unique_id'],
      ['feature-disable-keyboard', 'feature_disable_keyboard'],
      ['feature-disable-pointer', 'feature_disable_pointer'],
      ['feature-abs-pointer', 'feature_abs_pointer'],
      ['feature-raw-pointer', 'feature_raw_pointer'],
      ['feature-multi-touch', 'feature_multi_touch'],
      ['width', 'width'],
      ['height', 'height'],
      ['multi-touch-width', 'multi_touch_width'],
      ['multi-touch-height', 'multi_touch_height'],
      ['multi-touch-num-contacts', 'multi_touch_num_contacts'],
    ],
  },
  virtio: {
    array: 'virtios',
    fields: [['backend', 'backend_domname'], ['type', 'type'], ['transport', 'transport'], ['grant_usage', 'grant_usage', 'defbool'], DEVID],
  },
};

/** The generic-spec options this module emits, in libxl's device-array order. */
export const GENERIC_DEVICE_OPTIONS = ['virtio', 'vtpm', 'p9', 'pvcalls', 'vdispl'] as const;

/** One printed field value; undefined leaves it out. */
function printed(v: unknown, out: Out | undefined): unknown {
  if (out === 'defbool') return typeof v === 'boolean' ? (v ? 'True' : 'False') : undefined;
  if (out === 'lower') return typeof v === 'string' ? v.toLowerCase() : undefined;
  return v;
}

/**
 * One typed spec as a libxl device struct, fields in libxl's order. Fields at libxl's default
 * (false, 0) are left out as xl leaves them out; keys with no field (`other`) were reported by the
 * normaliser and are not carried over.
 */
function deviceStruct(devid: number, spec: Obj, fields: readonly Field[]): Obj {
  const out: Obj = {};
  for (const [key, name, how] of fields) {
    const v = key === null ? devid : printed(spec[key], how);
    if (v !== undefined && v !== false && !(v === 0 && name !== 'devid')) out[name] = v;
  }
  return out;
}

/** The object items of a list option (items that are not objects are skipped: the schema reports them). */
export function objectItems(config: Obj, option: string): Obj[] {
  const v = config[option];
  return Array.isArray(v) ? v.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s)) : [];
}

/** The device array of a generic-spec option (`vtpms` from `vtpm`, …). */
export function genericDevices(config: Obj, option: (typeof GENERIC_DEVICE_OPTIONS)[number]): Obj[] {
  const d = DEVICES[option]!;
  return objectItems(config, option).map((s, i) => deviceStruct(i, s, d.fields));
}

/**
 * The `vkb` keyboards, numbered after the one xl adds per framebuffer (`firstDevid`); as xl does,
 * any multi-touch size turns `feature_multi_touch` on.
 */
export function vkbDevices(config: Obj, firstDevid: number): Obj[] {
  const { fields } = DEVICES.vkb!;
  return objectItems(config, 'vkb').map((s, i) => {
    const touch = !!(s['multi-touch-width'] || s['multi-touch-height'] || s['multi-touch-num-contacts']);
    return deviceStruct(firstDevid + i, touch ? { ...s, 'feature-multi-touch': true } : s, fields);
  });
}

/** `dtdev` paths → libxl_device_dtdev objects. */
export function dtdevs(config: Obj): Obj[] {
  const v = config.dtdev;
  return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string').map((path) => ({ path })) : [];
}
