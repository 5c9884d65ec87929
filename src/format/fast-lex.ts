/**
 * @fileoverview A fast lexer for the plain subset of config files that both xl and xm accept:
 * `key = value` statements (lowercase keys), one-line strings with simple escapes, decimal and
 * lowercase-hex numbers, nested lists, comments, `;` between statements, ASCII only. It checks the
 * subset's grammar while it lexes and builds the same lossless token stream the real parser builds
 * for such text (./fast-print.ts prints it). On anything outside the subset it gives up (null) and
 * the caller uses the real parser: the subset is chosen so that every text it accepts is free of
 * syntax errors in both dialects (tests compare with the real parser).
 *
 * The lexer works on bytes (./fast-bytes.ts): the subset is ASCII, so a byte is a character and
 * offsets need no conversion. It is one loop over local variables with an explicit stack for
 * nested lists (no method per token, no exceptions on the way): on a 10 MB file it is half of
 * `fmt`'s own work (the printer is the other half).
 */
import { Tok, type TokenStream } from '../syntax/tree.js';
import { asciiBytes, type AsciiBytes } from './fast-bytes.js';

/** Which trivia tokens the stream keeps (every token kind is always checked). */
export interface FastLexOptions {
  /** Blanks, `;` and commas (default true: the lossless stream; the printer needs none of them). */
  blanks?: boolean;
  /** Newlines (default true; comparing two texts' meaning needs none). */
  newlines?: boolean;
}

/**
 * Lex `text` as the plain subset (checking its grammar on the way), or return null when it is
 * anything else. By default the stream is lossless; leaving trivia out makes it cheaper.
 */
export function fastLex(text: string, options: FastLexOptions = {}): TokenStream | null {
  const bytes = asciiBytes(text);
  return bytes && lexBytes(bytes, options.blanks !== false, options.newlines !== false);
}

/** Python keywords that cannot be assignment targets (Python 2 included), as bytes by first letter. */
const KEYWORDS: readonly (readonly Uint8Array[])[] = (() => {
  const list = 'and as assert break class continue def del elif else except exec finally for from global if import in is lambda not or pass print raise return try while with yield nonlocal async await'.split(' ');
  const byFirst: Uint8Array[][] = Array.from({ length: 128 }, () => []);
  for (const k of list) byFirst[k.charCodeAt(0)]!.push(Uint8Array.from(k, (c) => c.charCodeAt(0)));
  return byFirst;
})();

/** True when b[start, end) is a Python keyword. */
function isKeyword(b: Uint8Array, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 8) return false;
  outer: for (const k of KEYWORDS[b[start]!]!) {
    if (k.length !== len) continue;
    for (let i = 1; i < len; i++) if (k[i] !== b[start + i]) continue outer;
    return true;
  }
  return false;
}

/** A growable token stream under construction. */
class Sink {
  count = 0;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  constructor(cap: number) {
    this.kinds = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }
  grow(): void {
    const n = this.kinds.length * 2;
    const k = new Uint8Array(n);
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    k.set(this.kinds);
    s.set(this.starts);
    e.set(this.ends);
    this.kinds = k;
    this.starts = s;
    this.ends = e;
  }
}

function put(t: Sink, kind: Tok, start: number, end: number): void {
  const c = t.count;
  if (c === t.kinds.length) t.grow();
  t.kinds[c] = kind;
  t.starts[c] = start;
  t.ends[c] = end;
  t.count = c + 1;
}

/** Deepest list nesting the subset takes (deeper ones go to the real parser). */
const MAX_OPEN = 33;

/**
 * Lex the bytes of a text as the plain subset: the token stream, or null outside the subset.
 * `blanks` keeps blanks, `;` and commas; `newlines` keeps newlines.
 */
export function lexBytes(src: AsciiBytes, blanks: boolean, newlines: boolean): TokenStream | null {
  const b = src.bytes;
  const n = src.length; // b[n] is 0: reads past the end see a byte no rule accepts there
  // About one token in six characters without blanks (one in three with): sized so a large file
  // rarely regrows (each regrowth copies the whole stream).
  const t = new Sink(Math.max(16, blanks ? n >> 1 : n >> 2));
  const items = new Int32Array(MAX_OPEN);
  const commas = new Int32Array(MAX_OPEN);
  let pos = 0;
  let lineHasStatement = false; // a statement already started on this line (needs `;` before another)
  let afterSemicolon = true; // at a place where a statement may start
  let lastComment = -1; // end of the last comment (-1: none)
  while (pos < n) {
    let c = b[pos]!;
    if (c === 10) {
      if (newlines) put(t, Tok.Newline, pos, pos + 1);
      pos++;
      lineHasStatement = false;
      afterSemicolon = true;
      continue;
    }
    if (c === 32 || c === 9) {
      const lineStart = !lineHasStatement && (pos === 0 || b[pos - 1] === 10);
      const s = pos;
      do c = b[++pos]!;
      while (c === 32 || c === 9);
      if (blanks) put(t, Tok.Whitespace, s, pos);
      // Leading indentation before a statement is xl-only: outside the subset (blank or comment lines are fine).
      if (lineStart && !(pos >= n || c === 10 || c === 35)) return null;
      continue;
    }
    if (c === 35) {
      const e = commentEnd(b, pos, n);
      if (e < 0) return null;
      put(t, Tok.Comment, pos, e);
      pos = lastComment = e;
      continue;
    }
    if (c === 59) {
      // `;` only ends a statement (`;;` or a leading `;` are xl-only empty statements).
      if (!lineHasStatement || afterSemicolon) return null;
      if (blanks) put(t, Tok.Semicolon, pos, pos + 1);
      pos++;
      afterSemicolon = true;
      continue;
    }
    if (c < 97 || c > 122 || !afterSemicolon) return null;

    // A statement: key, `=`, one value, then the end of the line, `;` or a comment.
    const ks = pos;
    do c = b[++pos]!;
    while ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95);
    if (isKeyword(b, ks, pos)) return null;
    put(t, Tok.Identifier, ks, pos);
    pos = spaces(t, b, pos, blanks);
    c = b[pos]!;
    // `+=` is left to the real parser (xm evaluates it against earlier values).
    if (c !== 61 || b[pos + 1] === 61) return null;
    put(t, Tok.Equals, pos, ++pos);
    pos = spaces(t, b, pos, blanks);

    // The value: scalars directly, lists with an explicit stack of open lists.
    let open = 0;
    for (;;) {
      c = b[pos]!;
      if (c === 91) {
        if (open >= MAX_OPEN) return null;
        put(t, Tok.LBracket, pos, ++pos);
        items[open] = 0;
        commas[open] = 0;
        open++;
      } else {
        const e = c === 34 || c === 39 ? stringEnd(b, pos, c) : numberEnd(b, pos, c);
        if (e < 0) return null;
        put(t, c === 34 || c === 39 ? Tok.String : Tok.Number, pos, e);
        pos = e;
        if (open === 0) break;
        pos = afterItem(t, b, pos, n, blanks, newlines, items, commas, open);
        if (pos < 0) return null;
      }
      // Inside a list: close every list that ends here, then the next item must follow a comma.
      for (;;) {
        pos = trivia(t, b, pos, n, blanks, newlines);
        if (pos < 0) return null;
        if (b[pos] !== 93) break;
        if (commas[open - 1]! > items[open - 1]!) return null;
        put(t, Tok.RBracket, pos, ++pos);
        if (--open === 0) break;
        pos = afterItem(t, b, pos, n, blanks, newlines, items, commas, open);
        if (pos < 0) return null;
      }
      if (open === 0) break;
      if (items[open - 1]! > commas[open - 1]!) return null; // two items without a comma
    }
    // (A trailing comment is read by the top loop, which sets lastComment.)
    pos = spaces(t, b, pos, blanks);
    c = b[pos]!;
    if (!(pos >= n || c === 10 || c === 59 || c === 35)) return null;
    lineHasStatement = true;
    afterSemicolon = false;
  }
  // xl rejects a final comment without a newline.
  if (n > 0 && b[n - 1] !== 10 && lastComment === n) return null;
  return { count: t.count, kinds: t.kinds, starts: t.starts, ends: t.ends };
}

/** Skip blanks and tabs from `pos` (one Whitespace token when `blanks`); the position after them. */
function spaces(t: Sink, b: Uint8Array, pos: number, blanks: boolean): number {
  const s = pos;
  while (b[pos] === 32 || b[pos] === 9) pos++;
  if (blanks && pos > s) put(t, Tok.Whitespace, s, pos);
  return pos;
}

/**
 * After an item of the list open at depth `open`: count it, skip trivia and take the comma that
 * may follow. The new position, or -1 outside the subset.
 */
function afterItem(t: Sink, b: Uint8Array, pos: number, n: number, blanks: boolean, newlines: boolean, items: Int32Array, commas: Int32Array, open: number): number {
  items[open - 1]!++;
  pos = trivia(t, b, pos, n, blanks, newlines);
  if (pos < 0) return -1;
  if (b[pos] === 44) {
    commas[open - 1]!++;
    if (blanks) put(t, Tok.Comma, pos, pos + 1);
    pos++;
  }
  return pos;
}

/**
 * Blanks, newlines and comments inside brackets, from `pos`: the position after them, or -1 when
 * a comment is outside the subset. (No final-comment check is needed here: a list cannot end the text.)
 */
function trivia(t: Sink, b: Uint8Array, pos: number, n: number, blanks: boolean, newlines: boolean): number {
  for (;;) {
    const c = b[pos]!;
    if (c === 32 || c === 9) {
      const s = pos;
      let d: number;
      do d = b[++pos]!;
      while (d === 32 || d === 9);
      if (blanks) put(t, Tok.Whitespace, s, pos);
    } else if (c === 10) {
      if (newlines) put(t, Tok.Newline, pos, pos + 1);
      pos++;
    } else if (c === 35) {
      const e = commentEnd(b, pos, n);
      if (e < 0) return -1;
      put(t, Tok.Comment, pos, e);
      pos = e;
    } else return pos;
  }
}

/**
 * End of the comment at s: it runs to the first byte that is not printable ASCII or TAB, which must
 * be the newline or the end (CR, other control characters and non-ASCII are left to the real
 * parser); -1 otherwise.
 */
function commentEnd(b: Uint8Array, s: number, n: number): number {
  let e = s + 1;
  for (; e < n; e++) {
    const c = b[e]!;
    if ((c < 32 && c !== 9) || c > 126) break;
  }
  return e < n && b[e] !== 10 ? -1 : e;
}

/** End of the string opened by quote q at s (after the closing quote), or -1 outside the subset. */
function stringEnd(b: Uint8Array, s: number, q: number): number {
  // Triple quotes (and an empty string followed by a quote) are left to the real parser.
  if (b[s + 1] === q && b[s + 2] === q) return -1;
  let p = s + 1;
  for (;;) {
    const c = b[p]!; // the 0 after the end: unterminated
    if (c >= 32 && c <= 126 && c !== q && c !== 92) p++;
    else if (c === 9) p++;
    else if (c === q) return p + 1;
    else if (c !== 92) return -1; // a control character, CR, a newline, non-ASCII or the end
    else {
      const e = b[p + 1];
      // Escapes both dialects read the same way.
      if (!(e === 92 || e === 34 || e === 39 || e === 110 || e === 116)) return -1;
      p += 2;
    }
  }
}

/** End of the number starting with byte c at s, or -1 (not a number, or outside the subset). */
function numberEnd(b: Uint8Array, s: number, c: number): number {
  if (c < 48 || c > 57) return -1;
  let p = s;
  let d: number;
  if (c === 48 && b[s + 1] === 120) {
    p += 2;
    for (d = b[p]!; (d >= 48 && d <= 57) || (d >= 97 && d <= 102); d = b[++p]!);
    if (p === s + 2) return -1;
  } else {
    for (d = b[++p]!; d >= 48 && d <= 57; d = b[++p]!);
    // Leading-zero octal reads differently in Python 3 tools: left to the real parser.
    if (c === 48 && p > s + 1) return -1;
  }
  // A number running into letters (`12abc`) is xl-only.
  if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 95 || d === 46) return -1;
  // One that may reach 2^53 (16 decimal digits, or `0x` and 14 hex digits: over 15 characters) is
  // XM0055 to xm's evaluator, an error fmt refuses a file for: left to the real parser (the fast path
  // formatted `y=9999999999999999` under --dialect xm, which the full path refuses).
  if (p - s > 15) return -1;
  return p;
}
