/**
 * @fileoverview `ioports` and `iomem`: xl reads each item with strtoul base 16 (an optional `0x`),
 * `FIRST[-LAST]` and `START,NUM_PAGES[@GFN]`. Each item becomes `{spec, first, last}` or
 * `{spec, start, number[, gfn]}`, every number marked at its own text, and a part that does not
 * read is an XM0217 at that part.
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, valueToJson } from './values.js';
import { readSpecItem } from './read-spec-list.js';
import { hexNumber, trimItem } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';

type Part = { text: string; start: number; end: number };

/**
 * Read the hex parts of an item into `r.value`; a part that does not read is a problem at its text
 * (an empty part at the separator before it, so the finding has something to point at).
 */
function readParts(r: SpecParse<{ spec: string }>, parts: [string, Part][]): boolean {
  let ok = true;
  for (const [field, p] of parts) {
    const n = hexNumber(p.text);
    r.fields[field] = [p.start, p.end];
    if (n === null) {
      ok = false;
      const [start, end] = p.text === '' && p.start > 0 ? [p.start - 1, p.start] : [p.start, p.end];
      r.problems.push({ start, end, message: `${field} "${p.text}" is not a hexadecimal number` });
    } else (r.value as Record<string, unknown>)[field] = n;
  }
  return ok;
}

/** Parse one `ioports` item `FIRST[-LAST]`; never throws. */
export function parseIoport(spec: string): SpecParse<{ spec: string; first?: number; last?: number }> {
  const r = specResult<{ spec: string; first?: number; last?: number }>(spec);
  const dash = spec.indexOf('-');
  const first = trimItem(spec, 0, dash === -1 ? spec.length : dash);
  const last = dash === -1 ? first : trimItem(spec, dash + 1, spec.length);
  const v = r.value;
  if (!readParts(r, dash === -1 ? [['first', first]] : [['first', first], ['last', last]])) {
    delete v.first;
    return r;
  }
  if (dash === -1) {
    v.last = v.first;
    r.fields.last = r.fields.first!;
  }
  if (v.last! < v.first!) r.problems.push({ start: last.start, end: last.end, message: `range ${spec} runs backwards` });
  else if (v.last! > 0xffffffff) r.problems.push({ start: last.start, end: last.end, message: `port ${last.text} is past 0xffffffff` });
  else return r;
  delete v.first;
  delete v.last;
  return r;
}

/** Parse one `iomem` item `START,NUM_PAGES[@GFN]`; never throws. */
export function parseIomem(spec: string): SpecParse<{ spec: string; start?: number; number?: number; gfn?: number }> {
  const r = specResult<{ spec: string; start?: number; number?: number; gfn?: number }>(spec);
  const comma = spec.indexOf(',');
  const at = spec.indexOf('@');
  if (comma === -1 || spec.indexOf(',', comma + 1) !== -1 || (at !== -1 && (at < comma || spec.indexOf('@', at + 1) !== -1))) {
    const whole = trimItem(spec, 0, spec.length);
    r.problems.push({ start: whole.start, end: whole.end, message: `"${spec}" is not START,NUM_PAGES[@GFN]` });
    return r;
  }
  const parts: [string, Part][] = [
    ['start', trimItem(spec, 0, comma)],
    ['number', trimItem(spec, comma + 1, at === -1 ? spec.length : at)],
  ];
  if (at !== -1) parts.push(['gfn', trimItem(spec, at + 1, spec.length)]);
  if (!readParts(r, parts)) {
    delete r.value.start;
    delete r.value.number;
    delete r.value.gfn;
  }
  return r;
}

/** Read `ioports` or `iomem`: a list (xm also takes one string) of items, each read with `parse`. */
export function readRangeList<T extends { spec: string }>(s: Setting, ctx: NormalizeContext, parse: (spec: string) => SpecParse<T>): unknown {
  const v = s.value;
  // As strList: in xl a single string is a type error the schema reports; xm takes it as one item.
  const items: Value[] | null = v.kind === 'list' ? v.items : ctx.dialect === 'xm' && readString(v, ctx.dialect).ok ? [v] : null;
  if (items === null) return valueToJson(v);
  const out: T[] = [];
  for (const item of items) {
    const r = readSpecItem(item, s, ctx, pointer(s.key, out.length), parse, { code: 'XM0217', what: `${s.key} range` });
    // An item that does not read stays out, as the convert view leaves it out.
    if (r !== null && Object.keys(r).length > 1) out.push(r);
  }
  return out;
}
