/**
 * @fileoverview `convert --to json`: `vsnd` as libxl_device_vsnd. The normaliser keeps each card
 * as its list of item strings, so they are read here the way xl's parse_vsnd_item reads them: an
 * item starts with `card`, `pcm` or `stream` (any case), then `key=value` parameters for that
 * element; `pcm` opens a new PCM, `stream` a new stream in the last PCM.
 */
import { note, readUlong, type JsonNote } from './json-notes.js';

type Obj = Record<string, unknown>;

/** libxl_vsnd_pcm_format names (xl matches them case-insensitively; JSON prints them lower case). */
const FORMATS = new Set([
  's8', 'u8', 's16_le', 's16_be', 'u16_le', 'u16_be', 's24_le', 's24_be', 'u24_le', 'u24_be', 's32_le', 's32_be', 'u32_le', 'u32_be',
  'f32_le', 'f32_be', 'f64_le', 'f64_be', 'iec958_subframe_le', 'iec958_subframe_be', 'mu_law', 'a_law', 'ima_adpcm', 'mpeg', 'gsm',
]);

/** A `;`-separated list read item by item; null when one item does not read. */
function listOf<T>(text: string, read: (item: string) => T | null): T[] | null {
  const out: T[] = [];
  for (const item of text.split(';')) {
    const v = read(item.trim());
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Read one libxl_vsnd_params key into `params`: true when applied, false when the key is not a parameter, null when the value does not read. */
function setParam(params: Obj, key: string, value: string): boolean | null {
  let v: unknown;
  if (key === 'sample-rates') v = listOf(value, readUlong);
  else if (key === 'sample-formats') v = listOf(value, (f) => (FORMATS.has(f.toLowerCase()) ? f.toLowerCase() : null));
  else if (key === 'channels-min' || key === 'channels-max' || key === 'buffer-size') v = readUlong(value);
  else return false;
  if (v === null) return null;
  params[key.replace(/-/g, '_')] = v;
  return true;
}

/** libxl_vsnd_params in struct order. */
function orderedParams(p: Obj): Obj {
  const out: Obj = {};
  for (const k of ['sample_rates', 'sample_formats', 'channels_min', 'channels_max', 'buffer_size']) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

interface Stream { unique_id?: string; type?: string; params: Obj }
interface Pcm { name?: string; params: Obj; streams: Stream[] }

/** The element-specific keys: the struct field each sets, and how its value reads. */
const OWN_KEYS: Record<'card' | 'pcm' | 'stream', Record<string, [string, (v: string) => string | null]>> = {
  card: { backend: ['backend_domname', (v) => v], 'short-name': ['short_name', (v) => v], 'long-name': ['long_name', (v) => v] },
  pcm: { name: ['name', (v) => v] },
  stream: { 'unique-id': ['unique_id', (v) => v], type: ['type', (v) => (v === 'p' || v === 'c' ? v : null)] },
};

/** One card (its list of item strings) → libxl_device_vsnd. */
function card(items: unknown[], index: number, notes: JsonNote[]): Obj {
  const c: Obj = {};
  const cardParams: Obj = {};
  const pcms: Pcm[] = [];
  for (const [n, item] of items.entries()) {
    if (typeof item !== 'string') continue;
    const tokens = item.split(',').map((t) => t.trim());
    const kind = tokens[0]!.toLowerCase();
    if (kind !== 'card' && kind !== 'pcm' && kind !== 'stream') {
      notes.push(note('bad-value', tokens[0]!, 'vsnd', index, n));
      continue;
    }
    if (kind === 'pcm' || (kind === 'stream' && pcms.length === 0)) pcms.push({ params: {}, streams: [] });
    if (kind === 'stream') pcms[pcms.length - 1]!.streams.push({ params: {} });
    const pcm = pcms[pcms.length - 1];
    const target: Obj = kind === 'card' ? c : kind === 'pcm' ? (pcm as unknown as Obj) : (pcm!.streams[pcm!.streams.length - 1] as unknown as Obj);
    const params = kind === 'card' ? cardParams : (target.params as Obj);
    for (const token of tokens.slice(1)) {
      if (token === '') continue;
      const eq = token.indexOf('=');
      const key = eq === -1 ? token : token.slice(0, eq).trim();
      const value = eq === -1 ? '' : token.slice(eq + 1).trim();
      const own = OWN_KEYS[kind][key];
      const set = own ? own[1](value) : setParam(params, key, value);
      if (own && set !== null) target[own[0]] = set;
      else if (set === false) notes.push(note('unknown-key', token, 'vsnd', index, n));
      else if (set === null) notes.push(note('bad-value', token, 'vsnd', index, n));
    }
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

/** `vsnd` (a list of cards, each a list of item strings) → libxl_device_vsnd objects. */
export function vsnds(config: Obj, notes: JsonNote[]): Obj[] {
  const v = config.vsnd;
  if (!Array.isArray(v)) return [];
  return v.map((items, i) => card(Array.isArray(items) ? items : [], i, notes));
}
