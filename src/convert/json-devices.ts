/**
 * @fileoverview `convert --to json`: the PV devices the normaliser keeps as generic `key=value`
 * specs (vtpm, p9, pvcalls, vdispl, vkb, virtio) and dtdev, as libxl's device structs. Each
 * device is described by one table in libxl's struct order (the order `xl create -n` prints), with
 * the spec key xl's parser reads for each field; devids are list positions, as xl assigns them.
 */
import { note, readUlong, type JsonNote } from './json-notes.js';

type Obj = Record<string, unknown>;

/** How a spec value becomes a libxl field value; null = the value does not read. */
type Kind = 'string' | 'uint' | 'bool' | 'defbool' | readonly string[] | ((text: string) => unknown);

/** One libxl field: the spec key it comes from (null for `devid`, which xl assigns) and its kind. */
type Field = readonly [specKey: string | null, libxlName: string, kind: Kind];

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** vdispl `connectors=ID:WxH;ID:WxH` → libxl_connector_param objects. */
function connectors(text: string): Obj[] | null {
  const out: Obj[] = [];
  for (const c of text.split(';')) {
    const m = /^([^:]*):(\d{1,9})x(\d{1,9})$/.exec(c.trim());
    if (!m) return null;
    out.push({ unique_id: m[1], width: Number(m[2]), height: Number(m[3]) });
  }
  return out;
}

const DEVID: Field = [null, 'devid', 'uint'];

/** The device tables, keyed by option name, with the device array they fill. */
const DEVICES: Record<string, { array: string; fields: readonly Field[] }> = {
  vtpm: { array: 'vtpms', fields: [['backend', 'backend_domname', 'string'], DEVID, ['uuid', 'uuid', (t) => (UUID.test(t) ? t.toLowerCase() : null)]] },
  p9: {
    array: 'p9s',
    fields: [
      ['backend', 'backend_domname', 'string'],
      ['tag', 'tag', 'string'],
      ['path', 'path', 'string'],
      ['security_model', 'security_model', 'string'],
      DEVID,
      ['type', 'type', ['qemu', 'xen_9pfsd']],
      ['max-space', 'max_space', 'uint'],
      ['max-files', 'max_files', 'uint'],
      ['max-open-files', 'max_open_files', 'uint'],
      ['auto-delete', 'auto_delete', 'defbool'],
    ],
  },
  pvcalls: { array: 'pvcallsifs', fields: [['backend', 'backend_domname', 'string'], DEVID] },
  vdispl: { array: 'vdispls', fields: [['backend', 'backend_domname', 'string'], DEVID, ['be-alloc', 'be_alloc', 'bool'], ['connectors', 'connectors', connectors]] },
  vkb: {
    array: 'vkbs',
    fields: [
      ['backend', 'backend_domname', 'string'],
      DEVID,
      ['backend-type', 'backend_type', ['qemu', 'linux']],
      ['unique-id', 'unique_id', 'string'],
      ['feature-disable-keyboard', 'feature_disable_keyboard', 'bool'],
      ['feature-disable-pointer', 'feature_disable_pointer', 'bool'],
      ['feature-abs-pointer', 'feature_abs_pointer', 'bool'],
      ['feature-raw-pointer', 'feature_raw_pointer', 'bool'],
      ['feature-multi-touch', 'feature_multi_touch', 'bool'],
      ['width', 'width', 'uint'],
      ['height', 'height', 'uint'],
      ['multi-touch-width', 'multi_touch_width', 'uint'],
      ['multi-touch-height', 'multi_touch_height', 'uint'],
      ['multi-touch-num-contacts', 'multi_touch_num_contacts', 'uint'],
    ],
  },
  virtio: {
    array: 'virtios',
    fields: [['backend', 'backend_domname', 'string'], ['type', 'type', 'string'], ['transport', 'transport', ['mmio']], ['grant_usage', 'grant_usage', 'defbool'], DEVID],
  },
};

/** The generic-spec options this module emits, in libxl's device-array order. */
export const GENERIC_DEVICE_OPTIONS = ['virtio', 'vtpm', 'p9', 'pvcalls', 'vdispl'] as const;

function readKind(kind: Kind, text: string): unknown {
  if (kind === 'string') return text;
  if (typeof kind === 'function') return kind(text);
  if (Array.isArray(kind)) return kind.includes(text) ? text : null;
  const n = readUlong(text);
  if (n === null) return null;
  return kind === 'uint' ? n : kind === 'bool' ? n !== 0 : n !== 0 ? 'True' : 'False';
}

/**
 * One generic spec as a libxl device struct. Fields at libxl's default (false, 0) are left out as
 * xl leaves them out; keys with no field and values that do not read become notes.
 */
function deviceStruct(option: string, index: number, devid: number, spec: Record<string, unknown>, fields: readonly Field[], notes: JsonNote[]): Obj {
  const byKey = new Map(fields.filter((f) => f[0] !== null).map((f) => [f[0]!, f]));
  const values = new Map<string, unknown>([['devid', devid]]);
  for (const [key, raw] of Object.entries(spec)) {
    if (key === 'spec' || typeof raw !== 'string') continue;
    const f = byKey.get(key);
    if (!f) {
      notes.push(note('unknown-key', `${key}=${raw}`, option, index, key));
      continue;
    }
    const v = readKind(f[2], raw);
    if (v === null) notes.push(note('bad-value', raw, option, index, key));
    else values.set(f[1], v);
  }
  const out: Obj = {};
  for (const [, name] of fields) {
    const v = values.get(name);
    if (v !== undefined && v !== false && !(v === 0 && name !== 'devid')) out[name] = v;
  }
  return out;
}

/** The generic specs of one option (items that are not objects are skipped: the schema reports them). */
function specsOf(config: Obj, option: string): Record<string, unknown>[] {
  const v = config[option];
  return Array.isArray(v) ? v.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s)) : [];
}

/** The device array of a generic-spec option (`vtpms` from `vtpm`, …). */
export function genericDevices(config: Obj, option: (typeof GENERIC_DEVICE_OPTIONS)[number], notes: JsonNote[]): Obj[] {
  const d = DEVICES[option]!;
  return specsOf(config, option).map((s, i) => deviceStruct(option, i, i, s, d.fields, notes));
}

/**
 * The `vkb` keyboards, numbered after the one xl adds per framebuffer (`firstDevid`); as xl does,
 * any multi-touch size turns `feature_multi_touch` on.
 */
export function vkbDevices(config: Obj, firstDevid: number, notes: JsonNote[]): Obj[] {
  const { fields } = DEVICES.vkb!;
  return specsOf(config, 'vkb').map((s, i) => {
    const k = deviceStruct('vkb', i, firstDevid + i, s, fields, notes);
    if (k.multi_touch_width || k.multi_touch_height || k.multi_touch_num_contacts) {
      // Rebuild in struct order with the flag set.
      return deviceStruct('vkb', i, firstDevid + i, { ...s, 'feature-multi-touch': '1' }, fields, []);
    }
    return k;
  });
}

/** `dtdev` paths → libxl_device_dtdev objects. */
export function dtdevs(config: Obj): Obj[] {
  const v = config.dtdev;
  return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string').map((path) => ({ path })) : [];
}
