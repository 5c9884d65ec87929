/**
 * @fileoverview Python 2's unicode strings as the wide (UCS-4) build xm ran under on Linux
 * distributions held them (sys.maxunicode 1114111; docs/decisions/065-py2-wide-unicode.md): one
 * code point per character, so u'\U00010000' has length 1, and a surrogate is a code point of its
 * own that nothing joins, so u'\ud800\udc00' (escapes, `u'\ud800' + u'\udc00'`, `%c` of each) has
 * length 2 and is not u'\U00010000'. A JS string cannot tell the two apart (both are D800 DC00), so
 * a StringValue marks the high surrogates that start such a split pair (`split`, UTF-16 offsets).
 * Only Python's joins make one: a literal's escapes, `+`, `*`, adjacent literals, `%` formatting.
 */
import type { Span } from '../diagnostics/span.js';
import type { StringValue } from './value.js';

/** Sorted UTF-16 offsets of high surrogates that, with the low surrogate after them, are two code points. */
export type SplitPairs = readonly number[];

/** A unicode text and its split pairs (absent or empty: none). */
export interface WideText {
  value: string;
  split?: SplitPairs | undefined;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether joining `left` and `right` puts a high surrogate next to a low one: two code points to Python, a pair to JS. */
export function splitAtJoin(left: string, right: string): boolean {
  return left.length > 0 && right.length > 0 && isHigh(left.charCodeAt(left.length - 1)) && isLow(right.charCodeAt(0));
}

/** Builds a unicode text piece by piece, each piece's own code points kept, the joins between pieces never pairs. */
export class WideBuilder {
  value = '';
  private readonly marks: number[] = [];

  /** Append `piece` (with its own split pairs). */
  push(piece: string, split?: SplitPairs): void {
    if (splitAtJoin(this.value, piece)) this.marks.push(this.value.length - 1);
    if (split !== undefined) for (const at of split) this.marks.push(this.value.length + at);
    this.value += piece;
  }

  /** The split pairs so far (undefined: none). */
  get split(): SplitPairs | undefined {
    return this.marks.length > 0 ? this.marks : undefined;
  }
}

/** `a + b` of unicode texts. */
export function joinWide(a: WideText, b: WideText): WideText {
  if (a.split === undefined && b.split === undefined && !splitAtJoin(a.value, b.value)) return { value: a.value + b.value };
  const w = new WideBuilder();
  w.push(a.value, a.split);
  w.push(b.value, b.split);
  return { value: w.value, split: w.split };
}

/** `s * n` of a unicode text (n ≥ 0). */
export function repeatWide(s: WideText, n: number): WideText {
  if (n <= 0) return { value: '' };
  if (s.split === undefined && !splitAtJoin(s.value, s.value)) return { value: s.value.repeat(n) };
  const w = new WideBuilder();
  for (let k = 0; k < n; k++) w.push(s.value, s.split);
  return { value: w.value, split: w.split };
}

/** Python's code points of a unicode text, each as a JS string (one or two UTF-16 units). */
export function codePoints(s: WideText): string[] {
  const out: string[] = [];
  const split = s.split ?? [];
  let k = 0;
  for (let i = 0; i < s.value.length; ) {
    while (k < split.length && split[k]! < i) k++;
    const pair = isHigh(s.value.charCodeAt(i)) && isLow(s.value.charCodeAt(i + 1)) && split[k] !== i;
    out.push(s.value.slice(i, i + (pair ? 2 : 1)));
    i += pair ? 2 : 1;
  }
  return out;
}

/** Python's len() of a unicode text: its code points. */
export function wideLength(s: WideText): number {
  let n = s.value.length;
  if (!/[\ud800-\udbff][\udc00-\udfff]/.test(s.value)) return n;
  const split = new Set(s.split ?? []);
  for (let i = 0; i + 1 < s.value.length; i++) {
    if (isHigh(s.value.charCodeAt(i)) && isLow(s.value.charCodeAt(i + 1)) && !split.has(i)) {
      n--;
      i++;
    }
  }
  return n;
}

/** The first `n` code points of a unicode text (Python's `%.Ns`). */
export function wideHead(s: WideText, n: number): WideText {
  if (wideLength(s) <= n) return s;
  const w = new WideBuilder();
  const points = codePoints(s);
  for (let k = 0; k < n; k++) w.push(points[k]!);
  return { value: w.value, split: w.split };
}

/** A unicode StringValue of a wide text (its split pairs kept when there are any). */
export function unicodeString(w: WideText, span: Span): StringValue {
  return w.split !== undefined && w.split.length > 0 ? { kind: 'string', value: w.value, span, unicode: true, split: w.split } : { kind: 'string', value: w.value, span, unicode: true };
}

/** Whether two unicode texts are the same code points (a split pair is not the character its JS text spells). */
export function wideEquals(a: WideText, b: WideText): boolean {
  if (a.value !== b.value) return false;
  const x = a.split ?? [];
  const y = b.split ?? [];
  return x.length === y.length && x.every((at, k) => at === y[k]);
}

/** One code point as two UTF-16 units, so a search over such texts matches whole code points at even offsets. */
function fixedWidth(s: WideText): string {
  let out = '';
  for (const ch of codePoints(s)) {
    const cp = ch.length === 2 ? ch.codePointAt(0)! : ch.charCodeAt(0);
    out += String.fromCharCode(cp >> 16, cp & 0xffff);
  }
  return out;
}

/** Python's `needle in hay` of unicode texts: a run of whole code points. */
export function wideIncludes(hay: WideText, needle: WideText): boolean {
  // Without surrogates, code points and UTF-16 units are the same.
  if (!/[\ud800-\udfff]/.test(hay.value) && !/[\ud800-\udfff]/.test(needle.value)) return hay.value.includes(needle.value);
  const h = fixedWidth(hay);
  const n = fixedWidth(needle);
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) if (at % 2 === 0) return true;
  return false;
}
