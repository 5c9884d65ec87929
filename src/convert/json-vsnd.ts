/**
 * @fileoverview `convert --to json`: `vsnd` as libxl_device_vsnd. The normaliser has read each
 * card's items as xl's parse_vsnd_item reads them (`{element, key: typed value, …}`); here they are
 * put together as xl does: `pcm` opens a new PCM, `stream` a new stream in the last PCM, and each
 * element's own keys and stream parameters land in its struct.
 */
type Obj = Record<string, unknown>;

/** libxl_vsnd_params fields in struct order, from the item keys that set them. */
const PARAMS: [key: string, field: string][] = [
  ['sample-rates', 'sample_rates'],
  ['sample-formats', 'sample_formats'],
  ['channels-min', 'channels_min'],
  ['channels-max', 'channels_max'],
  ['buffer-size', 'buffer_size'],
];

/** The element-specific keys and the struct field each sets. */
const OWN_KEYS: Record<'card' | 'pcm' | 'stream', [key: string, field: string][]> = {
  card: [['backend', 'backend_domname'], ['short-name', 'short_name'], ['long-name', 'long_name']],
  pcm: [['name', 'name']],
  stream: [['unique-id', 'unique_id'], ['type', 'type']],
};

interface Stream { unique_id?: string; type?: string; params: Obj }
interface Pcm { name?: string; params: Obj; streams: Stream[] }

/** libxl_vsnd_params in struct order. */
function orderedParams(p: Obj): Obj {
  const out: Obj = {};
  for (const [, k] of PARAMS) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** One card (its normalised items) → libxl_device_vsnd. */
function card(items: unknown[], index: number): Obj {
  const c: Obj = {};
  const cardParams: Obj = {};
  const pcms: Pcm[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const it = item as Obj;
    const kind = it.element;
    if (kind !== 'card' && kind !== 'pcm' && kind !== 'stream') continue;
    if (kind === 'pcm' || (kind === 'stream' && pcms.length === 0)) pcms.push({ params: {}, streams: [] });
    if (kind === 'stream') pcms[pcms.length - 1]!.streams.push({ params: {} });
    const pcm = pcms[pcms.length - 1];
    const target: Obj = kind === 'card' ? c : kind === 'pcm' ? (pcm as unknown as Obj) : (pcm!.streams[pcm!.streams.length - 1] as unknown as Obj);
    const params = kind === 'card' ? cardParams : (target.params as Obj);
    for (const [key, field] of OWN_KEYS[kind]) if (it[key] !== undefined) target[field] = it[key];
    for (const [key, field] of PARAMS) if (it[key] !== undefined) params[field] = it[key];
  }
  const out: Obj = {};
  if (c.backend_domname !== undefined) out.backend_domname = c.backend_domname;
  out.devid = index;
  if (c.short_name !== undefined) out.short_name = c.short_name;
  if (c.long_name !== undefined) out.long_name = c.long_name;
  out.params = orderedParams(cardParams);
  if (pcms.length) {
    out.pcms = pcms.map((p) => {
      const o: Obj = p.name === undefined ? {} : { name: p.name };
      o.params = orderedParams(p.params);
      if (p.streams.length) o.streams = p.streams.map((s) => ({ ...(s.unique_id === undefined ? {} : { unique_id: s.unique_id }), ...(s.type === undefined ? {} : { type: s.type }), params: orderedParams(s.params) }));
      return o;
    });
  }
  return out;
}

/** `vsnd` (a list of cards, each a list of normalised items) → libxl_device_vsnd objects. */
export function vsnds(config: Obj): Obj[] {
  const v = config.vsnd;
  if (!Array.isArray(v)) return [];
  return v.map((items, i) => card(Array.isArray(items) ? items : [], i));
}
