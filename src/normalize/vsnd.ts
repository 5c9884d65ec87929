/**
 * @fileoverview `vsnd`: a list of sound cards, each a list of item strings that xl's
 * parse_vsnd_item reads: the element (`card`, `pcm` or `stream`, any case), then `key=value`
 * parameters of that element (catalogue/spec-tables.ts VSND_FIELDS). `pcm` opens a new PCM and
 * `stream` a new stream in the last PCM; that structure is convert's business, the normalised item
 * is `{spec, element, key: typed value, …}`.
 */
import type { Setting } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { valueToJson } from './values.js';
import { readSpecItem, xlStopsAt } from './read-spec-list.js';
import { splitItems } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';
import { parseKv } from './spec-kv.js';
import { VSND_FIELDS } from './catalogue/spec-tables.js';

type VsndItem = { spec: string; element?: 'card' | 'pcm' | 'stream' };

/** Parse one vsnd item string; never throws. */
export function parseVsndItem(spec: string): SpecParse<VsndItem> {
  const head = splitItems(spec)[0]!;
  const element = head.text.toLowerCase();
  if (element !== 'card' && element !== 'pcm' && element !== 'stream') {
    const r = specResult<VsndItem>(spec);
    r.problems.push({ start: head.start, end: head.end, message: `an item starts with card, pcm or stream; got "${head.text}"` });
    return r;
  }
  const r = parseKv<VsndItem>(spec, VSND_FIELDS[element], `vsnd ${element}`, { skip: 1 });
  r.value.element = element;
  r.fields.element = [head.start, head.end];
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
    for (let i = 0; i < card.items.length; i++) {
      // parse_vsnd_card_config: `while ((card_item = xlu_cfg_get_listitem(card_list, item++)) != NULL)`.
      if (xlStopsAt(card.items, i, s, ctx, 'vsnd item')) break;
      const r = readSpecItem(card.items[i]!, s, ctx, pointer(s.key, a, out.length), parseVsndItem, { code: 'XM0217', what: 'vsnd item' });
      // An item with no element (reported) stays out, as xl stops there.
      if (r !== null && r.element !== undefined) out.push(r);
    }
    return out;
  });
}
