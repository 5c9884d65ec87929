/**
 * @fileoverview Source spans: half-open [start, end) offsets in UTF-16 code units (JS string
 * indices). Every stage speaks offsets; only the edges (reports, LSP) convert to line/column.
 */

/** A half-open range of UTF-16 offsets into one source text. */
export interface Span {
  start: number;
  end: number;
}

/** Make a span; `end` defaults to `start` (an empty span, e.g. "end of file"). */
export function span(start: number, end: number = start): Span {
  return { start, end };
}

/** The smallest span covering both arguments. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
