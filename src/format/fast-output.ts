/**
 * @fileoverview The output of the fast printer (./fast-print.ts): a growing byte buffer and the
 * only primitives that write to it, each checking as it writes that the rewrite stays harmless.
 *
 * Why a fast rewrite is harmless, by construction (checked as it prints; ./fast-verify.ts is the
 * full read-back check the tests hold every output to):
 * - every significant source token (key, `=`, bracket, number, string, comment) is written by one
 *   primitive, tok(), exactly once and in source order (checked: indices rise, and their number is
 *   the source's), as a copy of its text; a string may only swap its quotes when its body holds no
 *   quote and no backslash (the escapes of the subset mean the same under either quote);
 * - everything else written is a blank, a newline, indentation or a comma, none of which can join
 *   a neighbouring token: a number is followed by a blank, `,`, `]` or a newline, a comment by a
 *   newline (checked at each token and at the end); a statement starts a line and reads
 *   `key = value` with one blank on each side of `=` (checked);
 * - between list items exactly one comma (checked; a trailing comma, which the subset allows, in
 *   multi-line lists), and no other commas.
 * So the output lexes to the source's significant tokens in the same order, in the subset (free of
 * syntax errors in both dialects): the same settings. A failed check returns null, and the caller
 * takes the general path, which verifies by parsing its output again.
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import type { ResolvedLayout } from './options.js';

/** Kinds that are not significant (never written by tok()). */
export const TRIVIA = new Uint8Array(32);
for (const k of [Tok.Whitespace, Tok.Newline, Tok.Semicolon, Tok.Comma]) TRIVIA[k] = 1;

/** The bytes written between tokens: a blank, a newline, a comma. */
export const SPACE = 32;
export const NL = 10;
export const COMMA = 44;

/**
 * The checked writer under the fast printer: copies tokens of `src` and the blanks, newlines,
 * indentation and commas between them, and sets `bad` when a check fails. Its steps are protected
 * so tests can break one (through FastPrinter) and see the checks refuse.
 */
export class CheckedOutput {
  protected out: Uint8Array;
  protected len = 0;
  /** Lines started so far (0: nothing printed yet, so no newline before the first line). */
  protected lines = 0;
  protected readonly indent: Uint8Array;
  protected readonly want: number; // quote to convert simple strings to, or 0
  /** Nesting of the multi-line list being printed: its items are indented this many times. */
  protected depth = 0;
  /** The last token written (index, kind, end in the output), for the checks of tok(). */
  protected last = -1;
  protected lastKind = -1;
  protected lastEnd = 0;
  /** Tokens written, and whether a check failed. */
  protected written = 0;
  protected bad = false;
  /** Lists open in the output, and for each whether an item was written since its `[` or last comma. */
  protected open = 0;
  protected readonly needComma = new Uint8Array(64);

  constructor(
    protected readonly src: Uint8Array,
    protected readonly t: TokenStream,
    protected readonly layout: ResolvedLayout,
  ) {
    // One spare byte for the 0 after the end (AsciiBytes), plus the usual growth of short lines.
    this.out = new Uint8Array(Math.max(1024, src.length + (src.length >> 2)));
    this.indent = Uint8Array.from(layout.indent, (c) => c.charCodeAt(0));
    this.want = layout.quote === 'double' ? 34 : layout.quote === 'single' ? 39 : 0;
  }

  /** Make room for n more bytes (callers ask once per token, for the token and what goes around it). */
  protected room(n: number): void {
    if (this.len + n < this.out.length) return;
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.len + n + 1024));
    bigger.set(this.out.subarray(0, this.len));
    this.out = bigger;
  }

  /** Copy src[s, e) (room must have been made). */
  protected copy(s: number, e: number): void {
    const { out, src } = this;
    let o = this.len;
    for (let i = s; i < e; i++) out[o++] = src[i]!;
    this.len = o;
  }

  /**
   * Write token i: its text (a string perhaps with the other quotes; a bracket or `=` as itself).
   * Checks that tokens come in source order and that the previous one cannot run into what followed it.
   */
  protected tok(i: number): void {
    const { t, src } = this;
    const kind = t.kinds[i]!;
    if (i <= this.last || TRIVIA[kind] === 1) this.bad = true;
    // A statement starts a line (no indentation: that is xl-only) and reads `key = value`: one blank
    // on each side of `=` (checkAfterLast checks they are blanks).
    const at = this.len;
    if (kind === Tok.Identifier && at > 0 && this.out[at - 1] !== NL) this.bad = true;
    if (kind === Tok.Equals ? this.lastKind !== Tok.Identifier || at !== this.lastEnd + 1 : this.lastKind === Tok.Equals && at !== this.lastEnd + 1) this.bad = true;
    const s = t.starts[i]!;
    const e = kind === Tok.Comment ? this.commentEnd(i) : t.ends[i]!;
    this.room(e - s);
    if (kind === Tok.String && this.want !== 0 && src[s] !== this.want && this.plainBody(s + 1, e - 1)) {
      this.out[this.len++] = this.want;
      this.copy(s + 1, e - 1);
      this.out[this.len++] = this.want;
    } else this.copy(s, e);
    // Every token is at least one byte long, so what follows the previous one is written now.
    this.checkAfterLast();
    // Exactly one comma between the items of a list (put() checks the commas themselves).
    const open = this.open;
    if (kind === Tok.RBracket) {
      if (open === 0) this.bad = true;
      else if ((this.open = open - 1) > 0) this.needComma[open - 1] = 1;
    } else if (open > 0 && (kind === Tok.String || kind === Tok.Number || kind === Tok.LBracket)) {
      if (this.needComma[open] === 1) this.bad = true;
      this.needComma[open] = 1;
    }
    if (kind === Tok.LBracket) {
      if (open + 1 >= this.needComma.length) this.bad = true;
      else this.needComma[(this.open = open + 1)] = 0;
    }
    this.last = i;
    this.lastKind = kind;
    this.lastEnd = this.len;
    this.written++;
  }

  /**
   * The byte after the last token (which must be written by now) ends it where the source's
   * ended: a newline after a comment, a blank after a key or `=`, a blank, `,`, `]` or a newline
   * after a number. Strings and brackets end by themselves.
   */
  protected checkAfterLast(): void {
    const kind = this.lastKind;
    if (kind < 0) return;
    const end = this.lastEnd;
    const c = end < this.len ? this.out[end] : -1;
    if (kind === Tok.Comment) {
      if (c !== NL) this.bad = true;
    } else if (kind === Tok.Number) {
      if (!(c === SPACE || c === COMMA || c === 93 || c === NL)) this.bad = true;
    } else if ((kind === Tok.Identifier || kind === Tok.Equals) && c !== SPACE) this.bad = true;
  }

  /** True when src[s, e) holds no quote and no backslash (a string body whose quotes may change). */
  protected plainBody(s: number, e: number): boolean {
    const src = this.src;
    for (let x = s; x < e; x++) {
      const c = src[x];
      if (c === 34 || c === 39 || c === 92) return false;
    }
    return true;
  }

  /** A newline, then the indentation of the current list depth. */
  protected newlineIndent(): void {
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
  protected commentEnd(k: number): number {
    const s = this.t.starts[k]!;
    let e = this.t.ends[k]!;
    while (e > s && (this.src[e - 1] === SPACE || this.src[e - 1] === 9)) e--;
    return e;
  }

  /** The comment at token k, after `spaces` spaces. */
  protected putComment(k: number, spaces: number): void {
    this.room(spaces);
    for (let i = 0; i < spaces; i++) this.out[this.len++] = SPACE;
    this.tok(k);
  }

  /** A single byte between tokens: a blank, or a comma (only after an item of the innermost list). */
  protected put(c: number): void {
    if (c === COMMA) {
      if (this.needComma[this.open] !== 1 || this.open === 0) this.bad = true;
      this.needComma[this.open] = 0;
    } else if (c !== SPACE) this.bad = true;
    this.room(1);
    this.out[this.len++] = c;
  }
}
