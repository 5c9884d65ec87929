/**
 * @fileoverview The canonical layout printed straight from a token stream of the plain subset
 * (./fast-lex.ts) into a byte buffer: the same rules as ./printer.ts and ./print-expr.ts (tests
 * check that both give the same text on the corpus and on generated files), without building
 * statement objects or one string per line, so `fmt` keeps up on 10 MB files. The subset is ASCII,
 * so a character is a byte and offsets need no conversion. (./fast-lex.ts fastVerify proves a fast
 * rewrite harmless.)
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import type { ResolvedLayout } from './options.js';

/** Print a plain-subset token stream in the canonical layout. */
export function printTokens(text: string, t: TokenStream, layout: ResolvedLayout): string {
  return new Printer(text, t, layout).file();
}

const SPACE = 32;
const NL = 10;
const COMMA = 44;

class Printer {
  private readonly src: Buffer;
  private out: Uint8Array;
  private len = 0;
  /** Start of the current output line (for appending a trailing comment to it). */
  private lines = 0;
  private readonly indent: Buffer;
  private readonly want: number; // quote to convert simple strings to, or 0
  /** Nesting of the multi-line list being printed: its items are indented this many times. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly t: TokenStream,
    private readonly layout: ResolvedLayout,
  ) {
    this.src = Buffer.from(text, 'latin1');
    this.out = new Uint8Array(Math.max(1024, text.length + (text.length >> 2)));
    this.indent = Buffer.from(layout.indent, 'latin1');
    this.want = layout.quote === 'double' ? 34 : layout.quote === 'single' ? 39 : 0;
  }

  private room(n: number): void {
    if (this.len + n <= this.out.length) return;
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.len + n + 1024));
    bigger.set(this.out.subarray(0, this.len));
    this.out = bigger;
  }

  private byte(b: number): void {
    this.room(1);
    this.out[this.len++] = b;
  }

  private copy(s: number, e: number): void {
    this.room(e - s);
    const { out, src } = this;
    let o = this.len;
    for (let i = s; i < e; i++) out[o++] = src[i]!;
    this.len = o;
  }

  private newline(): void {
    this.byte(NL);
    this.lines++;
  }

  private putIndent(times = this.depth): void {
    const ind = this.indent;
    this.room(ind.length * times);
    for (let n = 0; n < times; n++) for (let i = 0; i < ind.length; i++) this.out[this.len++] = ind[i]!;
  }

  /** End offset of a comment token without its trailing blanks. */
  private commentEnd(k: number): number {
    const s = this.t.starts[k]!;
    let e = this.t.ends[k]!;
    while (e > s && (this.src[e - 1] === SPACE || this.src[e - 1] === 9)) e--;
    return e;
  }

  private putComment(k: number): void {
    this.copy(this.t.starts[k]!, this.commentEnd(k));
  }

  file(): string {
    const { t } = this;
    let newlines = 0;
    let lastWasStatement = false;
    let i = 0;
    while (i < t.count) {
      const k = t.kinds[i];
      if (k === Tok.Newline) {
        newlines++;
        i++;
      } else if (k === Tok.Comment) {
        if (newlines === 0 && lastWasStatement) {
          this.byte(SPACE);
          this.byte(SPACE);
        } else {
          if (this.lines > 0) {
            this.newline();
            if (newlines >= 2) this.newline();
          }
          this.lines = Math.max(this.lines, 1);
        }
        this.putComment(i++);
        newlines = 0;
        lastWasStatement = false;
      } else if (k === Tok.Identifier) {
        if (this.lines > 0) {
          this.newline();
          if (newlines >= 2) this.newline();
        }
        this.lines = Math.max(this.lines, 1);
        const ks = t.starts[i]!;
        const ke = t.ends[i]!;
        this.copy(ks, ke);
        this.byte(SPACE);
        this.byte(61);
        this.byte(SPACE);
        i++;
        while (t.kinds[i] === Tok.Whitespace) i++;
        i++; // `=`
        while (t.kinds[i] === Tok.Whitespace) i++;
        i = this.value(i, this.layout.lineWidth - (ke - ks + 3));
        newlines = 0;
        lastWasStatement = true;
      } else i++; // whitespace, `;`
    }
    if (this.lines > 0) this.byte(NL);
    return Buffer.from(this.out.buffer, this.out.byteOffset, this.len).toString('latin1');
  }

  /** Print the value at token i; returns the index after it. */
  private value(i: number, width: number): number {
    const k = this.t.kinds[i];
    if (k === Tok.String) {
      this.string(i);
      return i + 1;
    }
    if (k === Tok.Number) {
      this.copy(this.t.starts[i]!, this.t.ends[i]!);
      return i + 1;
    }
    const one = this.measure(i, width);
    return one >= 0 ? this.listOneLine(i) : this.listMultiLine(i);
  }

  private string(i: number): void {
    const s = this.t.starts[i]!;
    const e = this.t.ends[i]!;
    const q = this.src[s]!;
    if (!this.want || q === this.want) return this.copy(s, e);
    for (let x = s + 1; x < e - 1; x++) {
      const c = this.src[x];
      if (c === 34 || c === 39 || c === 92) return this.copy(s, e);
    }
    this.byte(this.want);
    this.copy(s + 1, e - 1);
    this.byte(this.want);
  }

  /** Length of the list at token i printed on one line, or -1 when it must take several lines. */
  private measure(i: number, width: number): number {
    const { t, layout } = this;
    let n = 0;
    let len = 2;
    for (i++; ; ) {
      const k = t.kinds[i];
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
    const { t } = this;
    let depth = 0;
    for (; ; i++) {
      const k = t.kinds[i];
      if (k === Tok.LBracket) depth++;
      else if (k === Tok.RBracket && --depth === 0) return i;
    }
  }

  private listOneLine(i: number): number {
    const { t } = this;
    this.byte(91);
    let first = true;
    for (i++; ; ) {
      const k = t.kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Whitespace || k === Tok.Comma) {
        i++;
        continue;
      }
      if (!first) {
        this.byte(COMMA);
        this.byte(SPACE);
      }
      first = false;
      i = this.value(i, Number.MAX_SAFE_INTEGER);
    }
    this.byte(93);
    return i + 1;
  }

  /** One item per line, comments where they were (the rules of printSeq). */
  private listMultiLine(i: number): number {
    const { t } = this;
    this.byte(91);
    this.depth++;
    let items = 0;
    let newline = false; // since the last item (or the bracket)
    let openSeen = false;
    // Own-line comments since the last item: printed before the next item (or before `]`).
    let pendingFrom = -1;
    let trailingSeen = false;
    for (i++; ; ) {
      const k = t.kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Newline) {
        newline = true;
        i++;
      } else if (k === Tok.Comment) {
        if (!newline) {
          if (items === 0) {
            // On the bracket's line: `[  # a # b`.
            this.byte(SPACE);
            if (!openSeen) this.byte(SPACE);
            openSeen = true;
            this.putComment(i);
          } else if (!trailingSeen) {
            // On the line where the last item ended, after its comma.
            this.byte(SPACE);
            this.byte(SPACE);
            this.putComment(i);
            trailingSeen = true;
          } else {
            this.newline();
            this.putIndent();
            this.putComment(i);
          }
        } else {
          this.newline();
          this.putIndent();
          this.putComment(i);
          if (pendingFrom < 0) pendingFrom = i;
        }
        i++;
      } else if (k === Tok.Whitespace || k === Tok.Comma) i++;
      else {
        this.newline();
        this.putIndent();
        i = this.value(i, this.layout.lineWidth - this.layout.indent.length);
        this.byte(COMMA);
        items++;
        newline = false;
        trailingSeen = false;
        pendingFrom = -1;
      }
    }
    this.depth--;
    this.newline();
    this.putIndent();
    this.byte(93);
    return i + 1;
  }
}
