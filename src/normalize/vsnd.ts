/**
 * @fileoverview `vsnd`: a list of sound cards, each a list of item strings that xl's
 * parse_vsnd_item reads: the element (`card`, `pcm` or `stream`, any case), then `key=value`
 * parameters of that element (catalogue/spec-tables.ts VSND_FIELDS). `pcm` opens a new PCM and
 * `stream` a new stream in the last PCM; that structure is convert's business, the normalised item
 * is `{spec, element, key: typed value, …}`.
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, valueToJson } from './values.js';
import { readSpecItem, xlStopsAt } from './read-spec-list.js';
import { specResult, type SpecParse } from './spec-result.js';
import { parseKv } from './spec-kv.js';
import { VSND_FIELDS } from './catalogue/spec-tables.js';

type VsndItem = { spec: string; element?: 'card' | 'pcm' | 'stream' };

/**
 * Parse one vsnd item string; never throws. parse_vsnd_item cuts it with strtok at ",", so commas
 * before the first item are skipped and a string of only commas has no item (xl reads nothing: no
 * element, no problem); it skips the spaces before the element and compares the rest up to the
 * comma with strcasecmp, blanks after it or a tab included ("Invalid key", and xl exits).
 */
export function parseVsndItem(spec: string, backendReplaced = false): SpecParse<VsndItem> {
  let at = 0;
  while (spec[at] === ',') at++;
  if (at === spec.length) return specResult<VsndItem>(spec);
  let end = spec.indexOf(',', at);
  if (end === -1) end = spec.length;
  let start = at;
  while (spec[start] === ' ') start++;
  const token = spec.slice(start, end);
  const element = token.toLowerCase();
  if (element !== 'card' && element !== 'pcm' && element !== 'stream') {
    const r = specResult<VsndItem>(spec);
    const named = token.trim().toLowerCase();
    const blanks = named === 'card' || named === 'pcm' || named === 'stream' ? ` (xl compares "${token}" with its blanks)` : '';
    r.problems.push({ start: start < end ? start : at, end, message: `an item starts with card, pcm or stream; got "${token}"${blanks} (xl: "Invalid key: ${token}")` });
    return r;
  }
  // Each leading comma is an empty item of splitItems: the element is item `at`.
  const r = parseKv<VsndItem>(spec, VSND_FIELDS[element], `vsnd ${element}`, { skip: at + 1, backendReplaced });
  r.value.element = element;
  r.fields.element = [start, end];
  return r;
}

/** Read `vsnd`: each card a list of item strings; a card that is not a list is kept as JSON for the schema to report. */
export function readVsnd(s: Setting, ctx: NormalizeContext): unknown {
  const v = s.value;
  if (v.kind !== 'list') return valueToJson(v);
  return v.items.map((card, a) => {
    ctx.mark(pointer(s.key, a), s, card.span);
    if (card.kind !== 'list') return valueToJson(card);
    const out: VsndItem[] = [];
    const lastBackend = lastBackendItem(card.items, ctx);
    for (let i = 0; i < card.items.length; i++) {
      // parse_vsnd_card_config: `while ((card_item = xlu_cfg_get_listitem(card_list, item++)) != NULL)`.
      if (xlStopsAt(card.items, i, s, ctx, 'vsnd item')) break;
      const r = readSpecItem(card.items[i]!, s, ctx, pointer(s.key, a, out.length), (t) => parseVsndItem(t, i < lastBackend), { code: 'XM0217', what: 'vsnd item' });
      // An item with no element (reported) stays out, as xl stops there.
      if (r !== null && r.element !== undefined) out.push(r);
    }
    return out;
  });
}

/**
 * The index of the last card item of a card's list that sets backend= (-1 if none), among the items
 * xl reads (up to a nested list): every card item writes the same device, so an earlier backend=
 * is replaced by it (`vsnd->backend_domname = strdup(oparg)`) and never looked up.
 */
function lastBackendItem(items: readonly Value[], ctx: NormalizeContext): number {
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (ctx.dialect === 'xl' && item.kind === 'list') break;
    const text = readString(item, ctx.dialect);
    if (!text.ok) continue;
    const r = parseVsndItem(text.value);
    if (r.value.element === 'card' && r.fields.backend !== undefined) last = i;
  }
  return last;
}
