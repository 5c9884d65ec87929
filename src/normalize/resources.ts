/**
 * @fileoverview `ioports` and `iomem`: xl reads each item with strtoul base 16 (an optional `0x`),
 * `FIRST[-LAST]` (exactly as xl_parse.c: text after a single port is only warned about, XM0229)
 * and `START,NUM_PAGES[@GFN]` (xm here; xl's sscanf in iomem-xl.ts). Each item becomes `{spec, first, last}` or
 * `{spec, start, number[, gfn]}`, every number marked at its own text, and a part that does not
 * read is an XM0217 at that part.
 */
import type { Setting, Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { pointer } from './context.js';
import { readString, subSpan, valueToJson } from './values.js';
import { readSpecItem } from './read-spec-list.js';
import { C_BLANKS, cUlong, hexNumber, trimItem } from './spec-items.js';
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

/** The largest port xl takes: it refuses anything from UINT32_MAX up ("xl: ioport … too big"). */
const MAX_IOPORT = 0xfffffffe;

/**
 * strtoul(text + at, &end, 16) as C reads it: blanks, a sign, an optional 0x, hex digits. The value
 * (a minus wraps modulo 2^64: mostly a huge value, so too big; Infinity past MAX_IOPORT) and where
 * reading stopped; null when no digit was read (end == start).
 */
function strtoul16(text: string, at: number): { value: number; end: number } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0[xX](?=[0-9a-fA-F]))?([0-9a-fA-F]+)/.exec(text.slice(at));
  if (m === null) return null;
  // A minus wraps modulo 2^64 ("-ffffffffffffffff" is 1); anything past 2^53 is too big anyway.
  const v = cUlong(m[2]!, 16, m[1] === '-');
  return { value: v > BigInt(MAX_IOPORT) ? Infinity : Number(v), end: at + m[0].length };
}

/**
 * Parse one `ioports` item as xl_parse.c does: FIRST, then either the end of the item, or `-LAST`
 * and the end of the item (hexadecimal, as strtoul base 16 reads them; no blanks after a number).
 * Text after FIRST that does not start with "-" is only warned about by xl, which keeps FIRST as a
 * single port: that is {@link ioportTrailing}'s finding, not a problem here. Never throws.
 */
export function parseIoport(spec: string): SpecParse<{ spec: string; first?: number; last?: number }> {
  const r = specResult<{ spec: string; first?: number; last?: number }>(spec);
  const v = r.value;
  const whole = trimItem(spec, 0, spec.length);
  const first = strtoul16(spec, 0);
  if (first === null) {
    r.problems.push({ start: whole.start, end: Math.max(whole.end, Math.min(whole.start + 1, spec.length)), message: `first "${whole.text}" is not a hexadecimal number` });
    return r;
  }
  const firstText = trimItem(spec, 0, first.end);
  r.fields.first = [firstText.start, firstText.end];
  if (first.value > MAX_IOPORT) {
    r.problems.push({ start: firstText.start, end: firstText.end, message: `port ${firstText.text} is too big (at most 0x${MAX_IOPORT.toString(16)})` });
    return r;
  }
  if (spec[first.end] !== '-') {
    v.first = first.value;
    v.last = first.value;
    r.fields.last = r.fields.first;
    return r;
  }
  const last = strtoul16(spec, first.end + 1);
  const after = trimItem(spec, first.end + 1, spec.length);
  if (last === null || last.end !== spec.length) {
    const why = last === null ? 'is not a hexadecimal number' : 'has text after the number (xl takes none)';
    r.problems.push({ start: after.start, end: Math.max(after.end, first.end + 1), message: `last "${after.text}" ${why}` });
    return r;
  }
  r.fields.last = [after.start, after.end];
  if (last.value > MAX_IOPORT) r.problems.push({ start: after.start, end: after.end, message: `port ${after.text} is too big (at most 0x${MAX_IOPORT.toString(16)})` });
  // xl_parse.c compares before it reads LAST, so it lets this through; libxl then fails to grant the ports.
  else if (last.value < first.value) r.problems.push({ start: after.start, end: after.end, message: `range ${spec.trim()} runs backwards` });
  else {
    v.first = first.value;
    v.last = last.value;
  }
  return r;
}

/** The last port xend's iopif.py grants: `io_to >= 65536` is "Invalid i/o range". */
const MAX_IOPORT_XM = 0xffff;

/**
 * Parse one `ioports` item as xm did: create.py's preprocess_ioports splits it at every "-" (more than
 * two parts: "Invalid i/o port range specifier") and prefixes each part with "0x"; xend's iopif.py
 * then reads `int('0x' + part, 16)`, which skips Python blanks around the whole text only, so a
 * blank before a part ("0x 3f8"), a sign, a part already written "0x10" ("0x0x10") or an empty part
 * is refused, a blank after one is not; a range must not run backwards nor pass 0xffff. Never throws.
 */
export function parseIoportXm(spec: string): SpecParse<{ spec: string; first?: number; last?: number }> {
  const r = specResult<{ spec: string; first?: number; last?: number }>(spec);
  const dashes = [...spec.matchAll(/-/g)].map((m) => m.index);
  if (dashes.length > 1) {
    r.problems.push({ start: dashes[1]!, end: dashes[1]! + 1, message: `"${spec}" has more than one "-" (xm: "Invalid i/o port range specifier")`, hint: 'write FIRST-LAST in hexadecimal, e.g. "2f8-2ff"' });
    return r;
  }
  const bounds: [string, number, number][] = dashes.length === 0 ? [['first', 0, spec.length]] : [['first', 0, dashes[0]!], ['last', dashes[0]! + 1, spec.length]];
  const nums: number[] = [];
  for (const [field, start, end] of bounds) {
    const text = spec.slice(start, end);
    let digits = text.length;
    while (digits > 0 && C_BLANKS.includes(text[digits - 1]!)) digits--;
    const m = /^[0-9a-fA-F]+$/.exec(text.slice(0, digits));
    r.fields[field] = [start, start + digits];
    if (m === null) {
      // An empty part points at its "-" (or the item's quote), so the finding has a character.
      const at = digits === 0 ? [Math.max(0, start - 1), Math.max(start, Math.min(start + 1, spec.length))] : [start, start + digits];
      r.problems.push({ start: at[0]!, end: at[1]!, message: `${field} "${text}" is not hexadecimal digits: xend reads int("0x${text}", 16) and fails ("ioports: Invalid config setting")`, hint: 'write the port as hex digits alone, without 0x, a sign or a blank before it, e.g. "2f8-2ff"' });
      return r;
    }
    nums.push(parseInt(m[0], 16));
  }
  const first = nums[0]!;
  const last = nums.length === 2 ? nums[1]! : first;
  const [ls, le] = r.fields[nums.length === 2 ? 'last' : 'first']!;
  if (last > MAX_IOPORT_XM) r.problems.push({ start: ls, end: le, message: `port ${spec.slice(ls, le)} is past 0xffff (xend: "ioports: Invalid i/o range")` });
  else if (last < first) r.problems.push({ start: ls, end: le, message: `range ${spec} runs backwards (xend: "ioports: Invalid i/o range")` });
  else {
    r.value.first = first;
    r.value.last = last;
    if (nums.length === 1) r.fields.last = r.fields.first;
  }
  return r;
}

/**
 * The text after a single port that xl only warns about ("xl: Invalid argument parsing ioport")
 * before it takes the port alone: "2f8x", or "2f8 - 2ff" (a blank before the dash). Its offsets in
 * the item and the port xl keeps; null when xl reads the item without a word (or refuses it).
 */
export function ioportTrailing(spec: string): { start: number; end: number; port: number } | null {
  const first = strtoul16(spec, 0);
  if (first === null || first.value > MAX_IOPORT || first.end === spec.length || spec[first.end] === '-') return null;
  return { start: first.end, end: spec.length, port: first.value };
}

/** Parse one xm `iomem` item `START,NUM_PAGES[@GFN]`, blanks around parts trimmed (xl: parseIomemXl); never throws. */
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

/**
 * Read `ioports` or `iomem`: a list of items (one string is a type error in both dialects), each read with `parse`;
 * `trailing` finds the text xl only warns about in an item (XM0229, xl only).
 */
export function readRangeList<T extends { spec: string }>(s: Setting, ctx: NormalizeContext, parse: (spec: string) => SpecParse<T>, trailing?: typeof ioportTrailing): unknown {
  const v = s.value;
  // A single string is a type error the schema reports, in xl (its getter wants a list) and in xm:
  // create.py's preprocess_ioports runs `for v in vals.ioports`, so "3f8" was the ports 0x3, 0xf
  // and 0x8, one per character, and "2f8-2ff" a "-" item xend could not read.
  const items: Value[] | null = v.kind === 'list' ? v.items : null;
  if (items === null) return valueToJson(v);
  const out: T[] = [];
  for (const item of items) {
    const r = readSpecItem(item, s, ctx, pointer(s.key, out.length), parse, { code: 'XM0217', what: `${s.key} range` });
    const text = trailing && ctx.dialect === 'xl' && r !== null ? readString(item, ctx.dialect) : null;
    const t = text?.ok ? trailing!(text.value) : null;
    if (t) {
      ctx.report('XM0229', subSpan(item, t.start, t.end), `xl reads "${text!.ok ? text!.value : ''}" as port 0x${t.port.toString(16)} alone and warns about the rest ("xl: Invalid argument parsing ioport")`, {
        hint: 'write FIRST-LAST with no blanks, e.g. "2f8-2ff", or the single port alone',
      });
    }
    // An item that does not read stays out, as the convert view leaves it out.
    if (r !== null && Object.keys(r).length > 1) out.push(r);
  }
  return out;
}

/** The largest IRQ xl takes: it refuses anything from UINT32_MAX up ("xl: irq … too big"). */
const MAX_IRQ = 0xfffffffe;

/**
 * `irqs` in xl: a list whose items xl reads with strtoul base 10 over the whole text (so "0x10" and
 * "5 " are refused, "010" is ten), each below UINT32_MAX; xl exits on any other item. A `+=` is a
 * list append for xl, not a numeric setting. xm did not have `irqs`: it is read as a plain list of
 * integers there.
 */
export function readIrqs(s: Setting, ctx: NormalizeContext, generic: () => unknown): unknown {
  const v = s.value;
  if (ctx.dialect !== 'xl') return generic();
  if (v.kind !== 'list') return valueToJson(v);
  const out: unknown[] = [];
  for (const item of v.items) {
    const text = readString(item, ctx.dialect);
    // Not a string (a nested list): "xl: Unable to get element"; the schema reports its type.
    if (!text.ok) {
      ctx.mark(pointer(s.key, out.length), s, item.span);
      out.push(valueToJson(item));
      continue;
    }
    const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text.value);
    if (m === null) {
      ctx.report('XM0108', item.span, `irqs: "${text.value}" is not a decimal number ("xl: Invalid argument parsing irq")`, { hint: 'xl reads IRQs in base 10: digits only, no 0x' });
      continue;
    }
    // strtoul: a minus wraps modulo 2^64, so "-18446744073709551615" is IRQ 1 and "-1" too big.
    const v = cUlong(m[2]!, 10, m[1] === '-');
    const n = v > BigInt(MAX_IRQ) ? Infinity : Number(v);
    if (n > MAX_IRQ) {
      ctx.report('XM0103', item.span, `irqs: ${text.value.trim()} is too big ("xl: irq … too big"; at most ${MAX_IRQ})`);
      continue;
    }
    ctx.mark(pointer(s.key, out.length), s, item.span);
    out.push(n);
  }
  return out;
}
