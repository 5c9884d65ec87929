/**
 * @fileoverview Offsets ↔ LSP positions. Spans are UTF-16 offsets and LSP positions are 0-based
 * line and UTF-16 character, so the conversion is the line index minus one on both axes.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { Span } from '../../diagnostics/span.js';

/** LSP position of an offset. */
export function toPosition(index: LineIndex, offset: number): Position {
  const p = index.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

/** LSP range of a span (an end between a CR and its LF is after the LF, as LineIndex.range puts it). */
export function toRange(index: LineIndex, span: Span): Range {
  const r = index.range(span);
  return { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

/**
 * Offset of an LSP position in `text` (indexed by `index`). A character past the end of its line
 * is the end of that line, before its terminator (LSP: it "defaults back to the line length"),
 * never the start of the next line; a line past the end is the last line.
 */
export function toOffset(index: LineIndex, pos: Position, text: string): number {
  const line = Math.max(0, Math.min(pos.line, index.lineCount - 1));
  const start = index.lineStart(line + 1);
  let end = line + 1 < index.lineCount ? index.lineStart(line + 2) : index.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return Math.min(start + Math.max(0, pos.character), end);
}

/** True when two spans overlap or touch (an empty range at a span's edge counts). */
export function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
