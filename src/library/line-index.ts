/**
 * @fileoverview The LineIndex the library exports: the diagnostics layer's, with its arguments read
 * as user input (decision 066). The stages' own index takes only what they computed, so the checks
 * stay out of its hot path; a caller's value that is not a string, offset or span is read as the
 * nearest thing that is (the empty text, offset 0, line and column 1) instead of throwing.
 */
import { LineIndex as CoreLineIndex, type LineRange, type Position, type Span } from '../diagnostics/index.js';

/** A caller's number: itself (a whole number: an offset inside a character is that character) when it is one, not NaN; else `fallback`. Infinity stays: the index clamps it. */
function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && !Number.isNaN(v) ? Math.floor(v) : fallback;
}

/** A caller's span as one the index reads: its start and end read inside try, each a number or 0. */
function spanOf(span: unknown): Span {
  try {
    if (typeof span !== 'object' || span === null) return { start: 0, end: 0 };
    const s = span as Partial<Record<'start' | 'end', unknown>>;
    const start = numberOr(s.start, 0);
    return { start, end: numberOr(s.end, start) };
  } catch {
    return { start: 0, end: 0 };
  }
}

/** Offsets ↔ 1-based lines and UTF-16 columns of one text (LF, CRLF and CR end lines); never throws. */
export class LineIndex extends CoreLineIndex {
  constructor(text: string) {
    super(typeof text === 'string' ? text : '');
  }

  /** 1-based position of an offset (clamped to the text; not a number: offset 0). */
  override position(offset: number): Position {
    return super.position(numberOr(offset, 0));
  }

  /** Offset of a 1-based line/column (clamped; not a number: 1). */
  override offset(line: number, column: number): number {
    return super.offset(numberOr(line, 1), numberOr(column, 1));
  }

  /** 1-based range of a span, end exclusive (a missing or unreadable start or end: 0, the start). */
  override range(span: Span): LineRange {
    return super.range(spanOf(span));
  }

  /** Offset where the given 1-based line starts (not a number: line 1). */
  override lineStart(line: number): number {
    return super.lineStart(numberOr(line, 1));
  }
}
