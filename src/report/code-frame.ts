/**
 * @fileoverview rustc-style code frames: one source line in a numbered gutter with the span
 * underlined. Columns are UTF-16 offsets inside; the underline is placed by display width (tabs,
 * wide characters, combining marks), and lines wider than the frame (minified or generated files)
 * are cut around the span.
 */
import type { LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
import { isWide } from '../diagnostics/east-asian-width.js';
import { isInvisibleFormat } from './text-safe.js';

/** How one frame is drawn. */
export interface FrameStyle {
  /** Underline character: '^' for the primary span, '-' for related spans. */
  marker: string;
  /** Widest excerpt in display columns. */
  width: number;
  /** Width of the line-number gutter (digits). */
  gutter: number;
  paintGutter: (s: string) => string;
  paintMarker: (s: string) => string;
}

const TAB = '    ';
/** Most code units a frame shows per column of its width: combining marks take no column, so columns alone let a line of them through whole. */
const UNITS_PER_COLUMN = 4;

/** The lines of a frame for `span`: the numbered source line and the underline below it. */
export function frameLines(text: string, lineIndex: LineIndex, span: Span, style: FrameStyle): string[] {
  const { line } = lineIndex.position(span.start);
  const lineStart = lineIndex.lineStart(line);
  const lineEnd = contentEnd(text, lineIndex, line);
  const startCol = Math.max(0, Math.min(span.start, lineEnd) - lineStart);
  let endCol = Math.min(Math.max(span.end, span.start), lineEnd) - lineStart;
  if (endCol <= startCol) endCol = startCol + 1;
  const lineLen = lineEnd - lineStart;

  // Choose the window of the line to show: whole line when it fits, else around the span start.
  // Measured in display columns: 100 tabs are 100 code units but 400 columns.
  let from = 0;
  let to = lineLen;
  const maxUnits = style.width * UNITS_PER_COLUMN;
  if (lineLen > maxUnits || widerThan(text, lineStart, lineEnd, style.width)) {
    const before = Math.floor(style.width / 3);
    let cols = 0;
    from = startCol;
    while (from > 0) {
      const units = from >= 2 && isLowSurrogate(text.charCodeAt(lineStart + from - 1)) && isHighSurrogate(text.charCodeAt(lineStart + from - 2)) ? 2 : 1;
      const w = charWidth(text, lineStart + from - units);
      if (cols + w > before || startCol - from + units > before * UNITS_PER_COLUMN) break;
      cols += w;
      from -= units;
    }
    to = from;
    cols = 0;
    while (to < lineLen) {
      const w = charWidth(text, lineStart + to);
      if (cols + w > style.width || to - from + unitsAt(text, lineStart + to) > maxUnits) break;
      cols += w;
      to += unitsAt(text, lineStart + to);
    }
  }
  let shown = from > 0 ? '…' : '';
  let col = shown.length;
  let caretFrom = -1;
  let caretTo = -1;
  for (let i = from; i < to; ) {
    if (i === startCol) caretFrom = col;
    if (i === endCol) caretTo = col;
    const at = lineStart + i;
    const c = text.charCodeAt(at);
    const units = unitsAt(text, at);
    shown += c === 9 ? TAB : units === 2 ? text.slice(at, at + 2) : replaced(c) ? '\uFFFD' : text[at];
    col += charWidth(text, at);
    i += units;
    // An end inside a surrogate pair is drawn after the pair.
    if (units === 2 && i - 1 === endCol) caretTo = col;
  }
  // A span that starts at the end of the line (or runs past the window) is drawn up to the edge.
  if (caretFrom < 0) caretFrom = col;
  if (caretTo < 0) caretTo = col;
  if (caretTo <= caretFrom) caretTo = caretFrom + 1;
  if (to < lineLen) shown += '…';
  const num = String(line).padStart(style.gutter);
  const blank = ' '.repeat(style.gutter);
  return [
    `${style.paintGutter(`${num} |`)}${shown ? ' ' + shown : ''}`,
    `${style.paintGutter(`${blank} |`)} ${' '.repeat(caretFrom)}${style.paintMarker(style.marker.repeat(caretTo - caretFrom))}`,
  ];
}

/** Columns the character at `i` takes in a frame: a tab 4, a wide character 2, a combining mark 0, anything else (shown or replaced) 1. */
function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 9) return TAB.length;
  if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
    const cp = text.codePointAt(i)!;
    return isWide(cp) ? 2 : COMBINING.test(String.fromCodePoint(cp)) ? 0 : 1;
  }
  if (replaced(c)) return 1;
  if (isWide(c)) return 2;
  // A combining mark is drawn on the character before it: é written as e + U+0301 is one column.
  return c >= 0x300 && COMBINING.test(text[i]!) ? 0 : 1;
}

/** Nonspacing and enclosing marks (general categories Mn, Me). */
const COMBINING = /^[\p{Mn}\p{Me}]$/u;

/** Characters a frame shows as U+FFFD: controls (not tab), invisible format characters, lone surrogates. */
function replaced(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisibleFormat(c) || isHighSurrogate(c) || isLowSurrogate(c);
}

/** Code units of the character at `i`: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** True when text[from, to) takes more than `width` columns; reads at most width + 1 characters of a long line. */
function widerThan(text: string, from: number, to: number, width: number): boolean {
  let cols = 0;
  for (let i = from; i < to; i += unitsAt(text, i)) {
    cols += charWidth(text, i);
    if (cols > width) return true;
  }
  return false;
}

/** Offset where the content of a 1-based line ends (before its line break). */
export function contentEnd(text: string, lineIndex: LineIndex, line: number): number {
  let end = line < lineIndex.lineCount ? lineIndex.lineStart(line + 1) : text.length;
  if (end > lineIndex.lineStart(line) && text.charCodeAt(end - 1) === 10) end--;
  if (end > lineIndex.lineStart(line) && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
