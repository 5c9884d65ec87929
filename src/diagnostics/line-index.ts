/**
 * @fileoverview One line index per text: offsets in, 1-based line and UTF-16 column out.
 * Line breaks are LF, CRLF and lone CR (a CR counts as a break so CRLF files show their real lines).
 */
import type { Span } from './span.js';

/** 1-based line and column (UTF-16 code units). */
export interface Position {
  line: number;
  column: number;
}

/** Line/column range with exclusive end, as in the JSON report. */
export interface LineRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Maps offsets of one text to lines and columns by binary search over line starts. */
export class LineIndex {
  /** Offsets at which each line starts; lineStarts[0] = 0. */
  readonly lineStarts: number[];
  readonly length: number;
  /**
   * The offsets of the LF of each CRLF (null: the text has no CR). An offset there lies between the
   * two characters of one line break, which no line and column names: a span's start (and a lone
   * position) is put before the CR, a span's end after the LF (a finding about the CR itself,
   * XM0521 or libxlu's XM0549, then covers the break), so every range is one an editor can show.
   */
  private readonly crlf: Set<number> | null;

  constructor(text: string) {
    const starts = [0];
    let crlf: Set<number> | null = null;
    if (text.indexOf('\r') < 0) {
      // LF only (nearly every file): indexOf finds the breaks much faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) (crlf ??= new Set()).add(++i);
          starts.push(i + 1);
        }
      }
    }
    this.crlf = crlf;
    this.lineStarts = starts;
    this.length = text.length;
  }

  /** Number of lines (a text ending in a newline has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based position of an offset (clamped to the text; between a CR and its LF: before the CR). */
  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.length));
    if (this.crlf?.has(o)) o--;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based line/column (clamped). */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    return Math.min(this.lineStarts[l - 1]! + Math.max(0, column - 1), this.length);
  }

  /** 1-based range of a span, end exclusive. */
  range(span: Span): LineRange {
    const s = this.position(span.start);
    const e = span.end === span.start ? s : this.position(this.crlf?.has(span.end) ? span.end + 1 : span.end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }

  /** Offset where the given 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }
}

/**
 * The 1-based line of one offset, as {@link LineIndex} gives it, without indexing every line of the
 * text: for a caller that needs a single line number (a 1 MiB text's index is 30,000+ line starts).
 */
export function lineOf(text: string, offset: number): number {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  if (text.lastIndexOf('\r', o) < 0) {
    // No CR before the offset: only LF breaks count.
    for (let i = text.indexOf('\n'); i >= 0 && i < o; i = text.indexOf('\n', i + 1)) line++;
    return line;
  }
  for (let i = 0; i < o; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13) {
      // CRLF is one break, starting its line after the LF.
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 <= o) line++;
    }
  }
  return line;
}

/** Indexes built through {@link withLineIndex}, per object holding the text (a tree, a file's report). */
const built = new WeakMap<object, LineIndex>();

/** The index of `holder.text`, built on the first call for that holder. */
function indexOf(holder: { text: string }): LineIndex {
  let index = built.get(holder);
  if (index === undefined) built.set(holder, (index = new LineIndex(holder.text)));
  return index;
}

const OF_TREE: PropertyDescriptor = {
  get(this: { tree: { text: string } }): LineIndex {
    return indexOf(this.tree);
  },
  enumerable: true,
  configurable: true,
};
const OF_SELF: PropertyDescriptor = {
  get(this: { text: string }): LineIndex {
    return indexOf(this);
  },
  enumerable: true,
  configurable: true,
};

/**
 * Give `target` the `lineIndex` a `get lineIndex()` in its literal would (own, enumerable, built on
 * first use) over the text of `target.tree` ('tree') or of `target` ('self'). One getter for every
 * object: a getter literal is a new function per object, and V8 turns each object whose accessor
 * differs from the one its shape was made with into a slow (dictionary) object, about 1 µs more to
 * make and slower to read, for the parse and check results and the report of every checked file.
 */
export function withLineIndex<T extends object>(target: T, of: 'tree' | 'self'): T & { readonly lineIndex: LineIndex } {
  return Object.defineProperty(target, 'lineIndex', of === 'tree' ? OF_TREE : OF_SELF) as T & { readonly lineIndex: LineIndex };
}
