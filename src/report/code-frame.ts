/**
 * @fileoverview rustc-style code frames: one source line in a numbered gutter with the span
 * underlined. Columns are UTF-16 offsets inside; the underline is placed by display width (tabs,
 * wide characters, combining marks), and lines wider than the frame (minified or generated files)
 * are cut around the span.
 */
import type { LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
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

/**
 * Start and end (inclusive) of the code point ranges Unicode's East Asian Width calls wide or
 * fullwidth (W, F; Unicode 15.1, unassigned gaps merged; the same as Python's unicodedata 14.0 for
 * every assigned character): terminals draw them in two columns. The emoji are listed one block at
 * a time because their neighbours are narrow (U+2713 ✓, U+1F321 🌡).
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653,
  0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
  0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e,
  0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x303e,
  0x3040, 0x3247, 0x3250, 0x4dbf, 0x4e00, 0xa4cf, 0xa960, 0xa97f, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16ff1,
  0x17000, 0x18d08, 0x1aff0, 0x1b2fb, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f202, 0x1f210, 0x1f23b,
  0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca,
  0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e,
  0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2,
  0x1f6d5, 0x1f6d7, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945,
  0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa88, 0x1fa90, 0x1fabd, 0x1fabf, 0x1fac5, 0x1face, 0x1fadb, 0x1fae0, 0x1fae8, 0x1faf0, 0x1faf8,
  0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

/** East Asian wide and fullwidth characters and emoji take two terminal columns. */
export function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  // Binary search for the last range start <= cp.
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (WIDE[2 * mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return WIDE[2 * lo]! <= cp && cp <= WIDE[2 * lo + 1]!;
}
