/**
 * @fileoverview The converted text of `convert --to xl` and the way back from it to the input:
 * `convert --to json` checks the converted text as xl, and its findings must be reported at the
 * input's lines. Text the conversion copied maps to the same text in the input; text an edit wrote
 * (a renamed key, a rewritten value, the plan's lines for a NUMA statement) maps to the input span
 * that edit replaced: the statement it came from. Text inserted where the input had none (the name
 * xm gave a nameless file) maps nowhere.
 */
import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';

/** One stretch of the edited text: copied from the input (`copied`) or written by an edit replacing `input`. */
interface Piece {
  /** Where it starts in the edited text (before line ends are normalised). */
  at: number;
  length: number;
  input: Span;
  copied: boolean;
}

/** Converted text, with a function from its spans to the input's (null: the text has no input counterpart). */
export interface MappedText {
  text: string;
  toInput(span: Span): Span | null;
}

/**
 * Apply `edits` to `text` (in any order: they are sorted, and an edit overlapping an earlier one is
 * dropped), then make it text xl's lexer takes: LF line ends, no byte-order mark, a final newline.
 * `textCr`: input offsets of lone CRs that the reading took as text (xl's, inside a comment or a
 * string: XM0521), copied unchanged: as a line end the rest of a comment would become code.
 */
export function editedText(text: string, edits: readonly TextEdit[], textCr: ReadonlySet<number> = new Set()): MappedText {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const pieces: Piece[] = [];
  let edited = '';
  let pos = 0;
  const add = (s: string, input: Span, copied: boolean): void => {
    if (s.length) pieces.push({ at: edited.length, length: s.length, input, copied });
    edited += s;
  };
  for (const e of sorted) {
    if (e.span.start < pos) continue;
    add(text.slice(pos, e.span.start), { start: pos, end: e.span.start }, true);
    add(e.text, e.span, false);
    pos = e.span.end;
  }
  add(text.slice(pos), { start: pos, end: text.length }, true);
  // The edited offsets of the CRs kept as text (copied pieces only: an edit writes no CR). The
  // copied pieces are in input order and do not overlap, so one walk over the sorted CRs serves
  // them all (a walk per piece was quadratic: a file with a CR and an edit on every other line).
  const keep = new Set<number>();
  const crs = [...textCr].sort((a, b) => a - b);
  let c = 0;
  for (const p of crs.length ? pieces : []) {
    if (!p.copied) continue;
    while (c < crs.length && crs[c]! < p.input.start) c++;
    for (; c < crs.length && crs[c]! < p.input.end; c++) keep.add(p.at + crs[c]! - p.input.start);
  }
  // Where each CR dropped from a CRLF pair left its LF, in the text after the drops (increasing).
  const dropped: number[] = [];
  let out = edited.replace(/\r\n?/g, (m, at: number) => {
    if (m.length === 1 && keep.has(at)) return m;
    if (m.length === 2) dropped.push(at - dropped.length);
    return '\n';
  });
  let bom = 0;
  if (out.charCodeAt(0) === 0xfeff) {
    out = out.slice(1);
    bom = 1;
  }
  const normalisedLength = out.length;
  if (out.length && !out.endsWith('\n')) out += '\n';

  /** An offset of the converted text as an offset of the edited text. */
  const edOffset = (o: number): number => {
    const x = Math.min(o, normalisedLength) + bom;
    // Each CR dropped before the offset shifts it by one.
    return x + countBelow(dropped, x, (d) => d);
  };
  /** The input offset of an edited-text offset; `side` picks the end of a replaced span. */
  const inputOffset = (x: number, side: 'start' | 'end'): number | null => {
    // A boundary between two pieces belongs to the copied one: its position is exact. Pieces are
    // in order and touch, so those holding x are the one starting at or before it and the next.
    const i = countBelow(pieces, x + 1, (p) => p.at) - 1;
    const hit = [pieces[i - 1], pieces[i], pieces[i + 1]].filter((p): p is Piece => p !== undefined && x >= p.at && x <= p.at + p.length);
    const copied = hit.find((p) => p.copied);
    if (copied) return copied.input.start + (x - copied.at);
    const written = hit.find((p) => !p.copied && p.input.end > p.input.start);
    if (written) return written.input[side];
    return hit.length === 0 && x >= edited.length ? text.length : null;
  };
  return {
    text: out,
    toInput(span) {
      const start = inputOffset(edOffset(span.start), 'start');
      const end = inputOffset(edOffset(span.end), 'end');
      if (start === null || end === null) return null;
      return { start, end: Math.max(start, end) };
    },
  };
}

/** How many items of `sorted` (increasing by `key`) have a key below `x`: a binary search. */
function countBelow<T>(sorted: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
