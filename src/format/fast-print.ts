/**
 * @fileoverview The canonical layout printed straight from a token stream of the plain subset
 * (./fast-lex.ts) into a byte buffer: the same rules as ./printer.ts and ./print-expr.ts (tests
 * check that both give the same text on the corpus and on generated files), without building
 * statement objects or one string per line, so `fmt` keeps up on 10 MB files. The subset is ASCII,
 * so a character is a byte and offsets need no conversion. (./fast-verify.ts proves a fast rewrite
 * harmless.)
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import type { ResolvedLayout } from './options.js';
import { asciiBytes, asciiText, type AsciiBytes } from './fast-bytes.js';

/** Print a plain-subset token stream of `text` in the canonical layout. */
export function printTokens(text: string, t: TokenStream, layout: ResolvedLayout): string {
  const src = asciiBytes(text);
  if (!src) throw new Error('printTokens: the text is not ASCII, so it cannot have a fast token stream');
  const out = printBytes(src, t, layout);
  return asciiText(out.bytes, out.length);
}

/** Print a plain-subset token stream of `src` in the canonical layout, as bytes. */
export function printBytes(src: AsciiBytes, t: TokenStream, layout: ResolvedLayout): AsciiBytes {
  return new Printer(src.bytes, t, layout).file();
}

const SPACE = 32;
const NL = 10;
const COMMA = 44;

class Printer {
  private out: Uint8Array;
  private len = 0;
  /** Start of the current output line (for appending a trailing comment to it). */
  private lines = 0;
  private readonly indent: Uint8Array;
  private readonly want: number; // quote to convert simple strings to, or 0
  /** Nesting of the multi-line list being printed: its items are indented this many times. */
  private depth = 0;

  constructor(
    private readonly src: Uint8Array,
    private readonly t: TokenStream,
    private readonly layout: ResolvedLayout,
  ) {
    // One spare byte for the 0 after the end (AsciiBytes), plus the usual growth of short lines.
    this.out = new Uint8Array(Math.max(1024, src.length + (src.length >> 2)));
    this.indent = Uint8Array.from(layout.indent, (c) => c.charCodeAt(0));
    this.want = layout.quote === 'double' ? 34 : layout.quote === 'single' ? 39 : 0;
  }

  /** Make room for n more bytes (callers ask once per token, for the token and what goes around it). */
  private room(n: number): void {
    if (this.len + n < this.out.length) return;
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.len + n + 1024));
    bigger.set(this.out.subarray(0, this.len));
    this.out = bigger;
  }

  /** Copy src[s, e) (room must have been made). */
  private copy(s: number, e: number): void {
    const { out, src } = this;
    let o = this.len;
    for (let i = s; i < e; i++) out[o++] = src[i]!;
    this.len = o;
  }

  /** A newline, then the indentation of the current list depth. */
  private newlineIndent(): void {
    const ind = this.indent;
    const times = this.depth;
    this.room(1 + ind.length * times);
    const out = this.out;
    let o = this.len;
    out[o++] = NL;
    for (let n = 0; n < times; n++) for (let i = 0; i < ind.length; i++) out[o++] = ind[i]!;
    this.len = o;
    this.lines++;
  }

  /** End offset of a comment token without its trailing blanks. */
  private commentEnd(k: number): number {
    const s = this.t.starts[k]!;
    let e = this.t.ends[k]!;
    while (e > s && (this.src[e - 1] === SPACE || this.src[e - 1] === 9)) e--;
    return e;
  }

  /** The comment at token k, after `spaces` spaces. */
  private putComment(k: number, spaces: number): void {
    const s = this.t.starts[k]!;
    const e = this.commentEnd(k);
    this.room(spaces + e - s);
    for (let i = 0; i < spaces; i++) this.out[this.len++] = SPACE;
    this.copy(s, e);
  }

  file(): AsciiBytes {
    const { t } = this;
    const kinds = t.kinds;
    const count = t.count;
    let newlines = 0;
    let lastWasStatement = false;
    let i = 0;
    while (i < count) {
      const k = kinds[i];
      if (k === Tok.Newline) {
        newlines++;
        i++;
      } else if (k === Tok.Comment) {
        if (newlines === 0 && lastWasStatement) this.putComment(i, 2);
        else {
          this.lineBreak(newlines);
          this.putComment(i, 0);
        }
        i++;
        newlines = 0;
        lastWasStatement = false;
      } else if (k === Tok.Identifier) {
        this.lineBreak(newlines);
        const ks = t.starts[i]!;
        const ke = t.ends[i]!;
        this.room(ke - ks + 3);
        this.copy(ks, ke);
        const out = this.out;
        out[this.len] = SPACE;
        out[this.len + 1] = 61;
        out[this.len + 2] = SPACE;
        this.len += 3;
        i++;
        while (kinds[i] === Tok.Whitespace) i++;
        i++; // `=`
        while (kinds[i] === Tok.Whitespace) i++;
        i = this.value(i, this.layout.lineWidth - (ke - ks + 3));
        newlines = 0;
        lastWasStatement = true;
      } else i++; // whitespace, `;`
    }
    this.room(1);
    if (this.lines > 0) this.out[this.len++] = NL;
    this.out[this.len] = 0;
    return { bytes: this.out, length: this.len };
  }

  /** Before a statement or an own-line comment at the top level: a newline, two after a blank line (none at the start). */
  private lineBreak(newlines: number): void {
    if (this.lines > 0) {
      this.room(2);
      this.out[this.len++] = NL;
      if (newlines >= 2) this.out[this.len++] = NL;
    }
    this.lines = Math.max(this.lines, 1);
  }

  /** Print the value at token i; returns the index after it. */
  private value(i: number, width: number): number {
    const k = this.t.kinds[i];
    if (k === Tok.String) {
      this.string(i);
      return i + 1;
    }
    if (k === Tok.Number) {
      const s = this.t.starts[i]!;
      const e = this.t.ends[i]!;
      this.room(e - s);
      this.copy(s, e);
      return i + 1;
    }
    const one = this.measure(i, width);
    return one >= 0 ? this.listOneLine(i, one) : this.listMultiLine(i);
  }

  private string(i: number): void {
    const s = this.t.starts[i]!;
    const e = this.t.ends[i]!;
    const src = this.src;
    const q = src[s]!;
    this.room(e - s);
    if (!this.want || q === this.want) return this.copy(s, e);
    for (let x = s + 1; x < e - 1; x++) {
      const c = src[x];
      if (c === 34 || c === 39 || c === 92) return this.copy(s, e);
    }
    this.out[this.len++] = this.want;
    this.copy(s + 1, e - 1);
    this.out[this.len++] = this.want;
  }

  /** Length of the list at token i printed on one line, or -1 when it must take several lines. */
  private measure(i: number, width: number): number {
    const { t, layout } = this;
    const kinds = t.kinds;
    let n = 0;
    let len = 2;
    for (i++; ; ) {
      const k = kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Newline || k === Tok.Comment) return -1;
      if (k === Tok.Whitespace || k === Tok.Comma) {
        i++;
        continue;
      }
      let itemLen: number;
      if (k === Tok.LBracket) {
        itemLen = this.measure(i, layout.lineWidth - layout.indent.length);
        if (itemLen < 0) return -1;
        i = this.matching(i) + 1;
      } else {
        itemLen = t.ends[i]! - t.starts[i]!;
        i++;
      }
      len += itemLen + (n > 0 ? 2 : 0);
      n++;
    }
    return n === 0 || len <= width ? len : -1;
  }

  /** Index of the `]` closing the `[` at token i. */
  private matching(i: number): number {
    const kinds = this.t.kinds;
    let depth = 0;
    for (; ; i++) {
      const k = kinds[i];
      if (k === Tok.LBracket) depth++;
      else if (k === Tok.RBracket && --depth === 0) return i;
    }
  }

  /** The list at token i on one line, `length` bytes long (as measured); returns the index after it. */
  private listOneLine(i: number, length: number): number {
    this.room(length);
    return this.oneLine(i);
  }

  /** The list at token i on one line (room made); returns the index after its `]`. */
  private oneLine(i: number): number {
    const { t, out } = this;
    const kinds = t.kinds;
    out[this.len++] = 91;
    let first = true;
    for (i++; ; ) {
      const k = kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Whitespace || k === Tok.Comma) {
        i++;
        continue;
      }
      if (!first) {
        out[this.len] = COMMA;
        out[this.len + 1] = SPACE;
        this.len += 2;
      }
      first = false;
      if (k === Tok.LBracket) i = this.oneLine(i);
      else {
        // Quotes may change, never the length: the measure holds.
        if (k === Tok.String) this.string(i);
        else this.copy(t.starts[i]!, t.ends[i]!);
        i++;
      }
    }
    out[this.len++] = 93;
    return i + 1;
  }

  /** One item per line, comments where they were (the rules of printSeq). */
  private listMultiLine(i: number): number {
    const { t } = this;
    const kinds = t.kinds;
    this.room(1);
    this.out[this.len++] = 91;
    this.depth++;
    let items = 0;
    let newline = false; // since the last item (or the bracket)
    let openSeen = false;
    let trailingSeen = false;
    for (i++; ; ) {
      const k = kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Newline) {
        newline = true;
        i++;
      } else if (k === Tok.Comment) {
        if (!newline) {
          if (items === 0) {
            // On the bracket's line: `[  # a # b`.
            this.putComment(i, openSeen ? 1 : 2);
            openSeen = true;
          } else if (!trailingSeen) {
            // On the line where the last item ended, after its comma.
            this.putComment(i, 2);
            trailingSeen = true;
          } else {
            this.newlineIndent();
            this.putComment(i, 0);
          }
        } else {
          this.newlineIndent();
          this.putComment(i, 0);
        }
        i++;
      } else if (k === Tok.Whitespace || k === Tok.Comma) i++;
      else {
        this.newlineIndent();
        i = this.value(i, this.layout.lineWidth - this.layout.indent.length);
        this.room(1);
        this.out[this.len++] = COMMA;
        items++;
        newline = false;
        trailingSeen = false;
      }
    }
    this.depth--;
    this.newlineIndent();
    this.room(1);
    this.out[this.len++] = 93;
    return i + 1;
  }
}
