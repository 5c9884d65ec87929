/**
 * @fileoverview The canonical layout printed straight from a token stream of the plain subset
 * (./fast-lex.ts) into a byte buffer: the same rules as ./printer.ts and ./print-expr.ts (tests
 * check that both give the same text on the corpus and on generated files), without building
 * statement objects or one string per line, so `fmt` keeps up on 10 MB files. The subset is ASCII,
 * so a character is a byte and offsets need no conversion.
 *
 * Every byte goes through the checked primitives of ./fast-output.ts, which hold the proof that a
 * fast rewrite is harmless (the same settings, free of syntax errors in both dialects); this file
 * only chooses the layout. A failed check returns null, and the caller takes the general path,
 * which verifies by parsing its output again.
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import type { ResolvedLayout } from './options.js';
import { asciiBytes, asciiText, type AsciiBytes } from './fast-bytes.js';
import { CheckedOutput, COMMA, SPACE, NL, TRIVIA } from './fast-output.js';

/** Print a plain-subset token stream of `text` in the canonical layout (null: a check of the printer failed). */
export function printTokens(text: string, t: TokenStream, layout: ResolvedLayout): string | null {
  const src = asciiBytes(text);
  const out = src && printBytes(src, t, layout);
  return out ? asciiText(out.bytes, out.length) : null;
}

/** Print a plain-subset token stream of `src` in the canonical layout, as bytes (null: a check of the printer failed). */
export function printBytes(src: AsciiBytes, t: TokenStream, layout: ResolvedLayout): AsciiBytes | null {
  const r = new FastPrinter(src.bytes, t, layout).run();
  return r.ok ? r.out : null;
}

/**
 * The printer of the fast path: the canonical layout over the checked output. Exported, with
 * protected steps, so tests can break a step and see the checks refuse; use printBytes.
 */
export class FastPrinter extends CheckedOutput {
  /** Print the whole stream: the output, and whether every check of tok() held. */
  run(): { out: AsciiBytes; ok: boolean } {
    const { t } = this;
    const kinds = t.kinds;
    const count = t.count;
    let significant = 0;
    for (let k = 0; k < count; k++) if (TRIVIA[kinds[k]!] !== 1) significant++;
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
        const keyLength = t.ends[i]! - t.starts[i]!;
        this.tok(i++);
        while (kinds[i] === Tok.Whitespace) i++;
        this.put(SPACE);
        this.tok(i++); // `=`
        this.put(SPACE);
        while (kinds[i] === Tok.Whitespace) i++;
        i = this.value(i, this.layout.lineWidth - (keyLength + 3));
        newlines = 0;
        lastWasStatement = true;
      } else i++; // whitespace, `;`
    }
    this.room(1);
    if (this.lines > 0) this.out[this.len++] = NL;
    this.out[this.len] = 0;
    this.checkAfterLast();
    return { out: { bytes: this.out, length: this.len }, ok: !this.bad && this.written === significant };
  }

  /** Before a statement or an own-line comment at the top level: a newline, two after a blank line (none at the start). */
  protected lineBreak(newlines: number): void {
    if (this.lines > 0) {
      this.room(2);
      this.out[this.len++] = NL;
      if (newlines >= 2) this.out[this.len++] = NL;
    }
    this.lines = Math.max(this.lines, 1);
  }

  /** Print the value at token i; returns the index after it. */
  protected value(i: number, width: number): number {
    const k = this.t.kinds[i];
    if (k !== Tok.LBracket) {
      this.tok(i);
      return i + 1;
    }
    // Its items would be indented once more than this line's depth, and followed by a comma.
    const inner = this.layout.lineWidth - (this.depth + 1) * this.indent.length - 1;
    const one = this.measure(i, width, inner);
    return one >= 0 ? this.oneLine(i) : this.listMultiLine(i);
  }

  /**
   * Length of the list at token i printed on one line, or -1 when it must take several lines: it
   * must fit in `width`, and each nested list in `inner`, the room its item lines would have.
   */
  protected measure(i: number, width: number, inner: number): number {
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
        itemLen = this.measure(i, inner, inner - layout.indent.length);
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
  protected matching(i: number): number {
    const kinds = this.t.kinds;
    let depth = 0;
    for (; ; i++) {
      const k = kinds[i];
      if (k === Tok.LBracket) depth++;
      else if (k === Tok.RBracket && --depth === 0) return i;
    }
  }

  /** The list at token i on one line; returns the index after its `]`. */
  protected oneLine(i: number): number {
    const kinds = this.t.kinds;
    this.tok(i);
    let first = true;
    for (i++; ; ) {
      const k = kinds[i];
      if (k === Tok.RBracket) break;
      if (k === Tok.Whitespace || k === Tok.Comma) {
        i++;
        continue;
      }
      if (!first) {
        this.put(COMMA);
        this.put(SPACE);
      }
      first = false;
      if (k === Tok.LBracket) i = this.oneLine(i);
      else this.tok(i++);
    }
    this.tok(i);
    return i + 1;
  }

  /** One item per line, comments where they were (the rules of printSeq). */
  protected listMultiLine(i: number): number {
    const { t } = this;
    const kinds = t.kinds;
    this.tok(i);
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
        i = this.value(i, this.layout.lineWidth - this.depth * this.indent.length - 1);
        this.put(COMMA);
        items++;
        newline = false;
        trailingSeen = false;
      }
    }
    this.depth--;
    this.newlineIndent();
    this.tok(i);
    return i + 1;
  }
}
