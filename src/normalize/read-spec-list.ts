/**
 * @fileoverview Reading a list of device spec strings (disk, vif, pci, …): each item is parsed,
 * every derived field gets the exact sub-span of its text inside the string, and the parser's
 * problems become diagnostics at those sub-spans. An unknown key gets the code the family's entry
 * in catalogue/unknown-spec-keys.ts gives it (XM0222 where xl, or xm, refuses the file; else XM0218).
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, describeValue } from './values.js';
import type { SpecParse } from './spec-result.js';
import { unknownKeyFinding, type UnknownKeyAt } from './catalogue/unknown-spec-keys.js';

/** Options of {@link readSpecList}. */
export interface SpecListOptions {
  /** Diagnostic code for malformed items. */
  code: string;
  /** Human name of one item ("disk spec"). */
  what: string;
  /** A single string is accepted as a one-element list (serial). */
  allowString?: boolean;
}

/** Parse one spec string value, mark its spans and report its problems; null if not a string. */
export function readSpecItem<T>(item: Value, s: Setting, ctx: NormalizeContext, ptr: string, parse: (text: string) => SpecParse<T>, opts: SpecListOptions): T | null {
  const text = readString(item, ctx.dialect);
  if (!text.ok) {
    ctx.report('XM0102', item.span, `${s.key} items must be strings ("${opts.what}"); got ${describeValue(item)}`);
    return null;
  }
  const r = parse(text.value);
  ctx.mark(ptr, s, item.span);
  // for…in over the plain `fields` object (same order as Object.entries): no entry arrays per field.
  const fields = r.fields;
  for (const field in fields) {
    const [a, b] = fields[field]!;
    ctx.mark(`${ptr}/${field}`, s, subSpan(item, a, b));
  }
  for (const p of r.problems) {
    const span = subSpan(item, p.start, p.end);
    if (p.unknownKey) {
      const f = unknownKeyFinding(s.key, unknownAt(text.value, p.start, p.end), ctx.dialect);
      if (f !== null) ctx.report(f.code, span, `${s.key}: ${p.message} (${f.note})`);
    } else ctx.report(opts.code, span, `bad ${opts.what}: ${p.message}`);
  }
  return r.value;
}

/** The unknown key at [start, end) of `spec`, with its item (up to the next comma) and the whole string. */
function unknownAt(spec: string, start: number, end: number): UnknownKeyAt {
  const comma = spec.indexOf(',', end);
  return { key: spec.slice(start, end), item: spec.slice(start, comma === -1 ? spec.length : comma).trimEnd(), spec };
}

/** Read a list of spec strings; returns undefined (and reports) when the value is not a list. */
export function readSpecList<T>(s: Setting, ctx: NormalizeContext, parse: (text: string) => SpecParse<T>, opts: SpecListOptions): T[] | undefined {
  const v = s.value;
  const items: Value[] | null = v.kind === 'list' ? v.items : opts.allowString && readString(v, ctx.dialect).ok ? [v] : null;
  if (items === null) {
    ctx.report('XM0102', v.span, `${s.key} must be a list of "${opts.what}" strings; got ${describeValue(v)}`);
    return undefined;
  }
  const out: T[] = [];
  for (const item of items) {
    const parsed = readSpecItem(item, s, ctx, pointer(s.key, out.length), parse, opts);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}
