/**
 * @fileoverview A fast lexer for the plain subset of config files that both xl and xm accept:
 * `key = value` statements (lowercase keys), one-line strings with simple escapes, decimal and
 * lowercase-hex numbers, nested lists, comments, `;` between statements, ASCII only. It checks the
 * subset's grammar while it lexes and builds the same lossless token stream the real parser builds
 * for such text (./fast-print.ts prints it). On anything outside the subset it gives up (null) and
 * the caller uses the real parser: the subset is chosen so that every text it accepts is free of
 * syntax errors in both dialects (tests compare with the real parser).
 */
import { Tok, type TokenStream } from '../syntax/tree.js';

/** Python keywords that cannot be assignment targets (Python 2 included). */
const KEYWORD_LIST = 'and as assert break class continue def del elif else except exec finally for from global if import in is lambda not or pass print raise return try while with yield nonlocal async await'.split(' ');

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/** Which trivia tokens the stream keeps (every token kind is always checked). */
export interface FastLexOptions {
  /** Blanks and `;` (default true: the lossless stream; the printer needs none of them). */
  blanks?: boolean;
  /** Newlines (default true; comparing two texts' meaning needs none). */
  newlines?: boolean;
}

/**
 * Lex `text` as the plain subset (checking its grammar on the way), or return null when it is
 * anything else. By default the stream is lossless; leaving trivia out makes it cheaper.
 */
export function fastLex(text: string, options: FastLexOptions = {}): TokenStream | null {
  try {
    return new Reader(text, options.blanks !== false, options.newlines !== false).read();
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

/**
 * True when `out` is in the plain subset and holds the same tokens as the already lexed `source`:
 * the same keys, `=`, brackets, numbers, string bodies (quotes may differ) and comments (trailing
 * blanks aside), in the same order; blanks, newlines, `;` and commas aside (the grammar, checked
 * while lexing, fixes the commas). `out` is lexed and compared in one pass.
 */
export function fastVerify(out: string, source: string, sourceTokens: TokenStream): boolean {
  try {
    const r = new Reader(out, false, false, { text: source, tokens: sourceTokens, i: 0 });
    r.read();
    return r.verified();
  } catch (e) {
    if (e instanceof Bail) return false;
    throw e;
  }
}

/** The stream a verifying Reader compares against, and where it is. */
interface Against {
  text: string;
  tokens: TokenStream;
  /** Next source token to look at. */
  i: number;
}

class Reader {
  private pos = 0;
  private count = 0;
  /** End offset of the last comment read (-1: none). */
  private lastComment = -1;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private readonly verifying: boolean;
  private readonly against: Against;

  constructor(
    private readonly text: string,
    private readonly blanks: boolean,
    private readonly newlines: boolean,
    against: Against | null = null,
  ) {
    // Always an object of one shape: a field that changes from null to an object part-way through a
    // run (lexing, then verifying) makes V8 throw away all the optimized lexer code.
    this.verifying = against !== null;
    this.against = against ?? { text: '', tokens: { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) }, i: 0 };
    // About one token in six characters without blanks (one in four with): sized so a large file needs no regrowth.
    const cap = this.verifying ? 0 : Math.max(16, text.length >> 2);
    this.kinds = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  read(): TokenStream {
    const { text } = this;
    const n = text.length;
    let lineHasStatement = false; // a statement already started on this line (needs `;` before another)
    let afterSemicolon = true; // at a place where a statement may start
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c === 10) {
        this.push(Tok.Newline, this.pos, ++this.pos);
        lineHasStatement = false;
        afterSemicolon = true;
      } else if (c === 32 || c === 9) {
        const lineStart = !lineHasStatement && (this.pos === 0 || text.charCodeAt(this.pos - 1) === 10);
        this.blank();
        // Leading indentation before a statement is xl-only: outside the subset (blank or comment lines are fine).
        const next = text.charCodeAt(this.pos);
        if (lineStart && !(Number.isNaN(next) || next === 10 || next === 35)) bail();
      } else if (c === 35) this.comment();
      else if (c === 59) {
        // `;` only ends a statement (`;;` or a leading `;` are xl-only empty statements).
        if (!lineHasStatement || afterSemicolon) bail();
        this.push(Tok.Semicolon, this.pos, ++this.pos);
        afterSemicolon = true;
      } else if (c >= 97 && c <= 122) {
        if (!afterSemicolon) bail();
        this.statement();
        lineHasStatement = true;
        afterSemicolon = false;
      } else bail();
    }
    // xl rejects a final comment without a newline.
    if (n > 0 && text.charCodeAt(n - 1) !== 10 && this.lastComment >= 0 && this.lastComment === n) bail();
    return { count: this.count, kinds: this.kinds, starts: this.starts, ends: this.ends };
  }

  private push(kind: Tok, start: number, end: number): void {
    if (kind <= Tok.Newline || kind === Tok.Semicolon) {
      if (kind === Tok.Newline ? !this.newlines : !this.blanks) return;
    }
    if (this.verifying) return this.compare(kind, start, end);
    if (this.count === this.kinds.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
      this.starts = grow(this.starts, (k) => new Int32Array(k));
      this.ends = grow(this.ends, (k) => new Int32Array(k));
    }
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /**
   * Verifying: this token of `out` must match the source's next meaningful token. Commas are not
   * compared: the subset's grammar (checked while lexing) puts exactly one between list items, so
   * the items alone fix the structure, and a trailing comma means nothing.
   */
  private compare(kind: Tok, start: number, end: number): void {
    if (kind !== Tok.Comma) this.matchNext(kind, start, end);
  }

  private matchNext(kind: Tok, start: number, end: number): void {
    const a = this.against;
    const t = a.tokens;
    const i = nextMeaningful(t, a.i);
    if (i >= t.count || t.kinds[i] !== kind) bail();
    a.i = i + 1;
    let sa = t.starts[i]!;
    let ea = t.ends[i]!;
    let sb = start;
    let eb = end;
    const src = a.text;
    const out = this.text;
    if (kind === Tok.String) {
      // Bodies only: the printer may swap the quotes of strings without quotes or escapes.
      sa++, ea--, sb++, eb--;
    } else if (kind === Tok.Comment) {
      while (ea > sa && (src.charCodeAt(ea - 1) === 32 || src.charCodeAt(ea - 1) === 9)) ea--;
      while (eb > sb && (out.charCodeAt(eb - 1) === 32 || out.charCodeAt(eb - 1) === 9)) eb--;
    }
    if (ea - sa !== eb - sb) bail();
    for (let x = 0; x < ea - sa; x++) if (src.charCodeAt(sa + x) !== out.charCodeAt(sb + x)) bail();
  }

  /** Verifying, after read(): the source has no significant token left. */
  verified(): boolean {
    const a = this.against;
    return nextMeaningful(a.tokens, a.i) >= a.tokens.count;
  }

  private blank(): void {
    const { text } = this;
    const s = this.pos;
    let p = s;
    for (let c = text.charCodeAt(p); c === 32 || c === 9; c = text.charCodeAt(++p));
    this.pos = p;
    this.push(Tok.Whitespace, s, p);
  }

  private comment(): void {
    const { text } = this;
    const s = this.pos;
    // Run to the first character that is not printable ASCII or TAB: the newline, or a reason to give up
    // (CR, other control characters and non-ASCII are left to the real parser). A plain loop: comments
    // are short, and a regex call per comment cost more than the scan.
    const n = text.length;
    let e = s + 1;
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if ((c < 32 && c !== 9) || c > 126) break;
    }
    if (e < n && text.charCodeAt(e) !== 10) bail();
    this.pos = e;
    this.push(Tok.Comment, s, e);
    this.lastComment = e;
  }

  /** Whitespace only (no newline): inside a statement outside brackets. */
  private inlineBlank(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 32 || c === 9) this.blank();
  }

  /** Whitespace, newlines and comments: inside brackets. */
  private bracketTrivia(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.blank();
      else if (c === 10) this.push(Tok.Newline, this.pos, ++this.pos);
      else if (c === 35) this.comment();
      else return;
    }
  }

  private statement(): void {
    const { text } = this;
    const ks = this.pos;
    let p = ks;
    for (let c = text.charCodeAt(p); (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95; c = text.charCodeAt(++p));
    this.pos = p;
    if (isKeyword(text, ks, p)) bail();
    this.push(Tok.Identifier, ks, this.pos);
    this.inlineBlank();
    // `+=` is left to the real parser (xm evaluates it against earlier values).
    if (text.charCodeAt(this.pos) !== 61 || text.charCodeAt(this.pos + 1) === 61) bail();
    this.push(Tok.Equals, this.pos, ++this.pos);
    this.inlineBlank();
    this.value(0);
    this.inlineBlank();
    const c = text.charCodeAt(this.pos);
    if (!(Number.isNaN(c) || c === 10 || c === 59 || c === 35)) bail();
  }

  /** One value: a string, a number or a list. */
  private value(depth: number): void {
    const { text } = this;
    const s = this.pos;
    const c = text.charCodeAt(s);
    if (c === 34 || c === 39) return this.string(c);
    if (c >= 48 && c <= 57) {
      let p = s;
      if (c === 48 && text.charCodeAt(s + 1) === 120) {
        p += 2;
        for (let d = text.charCodeAt(p); (d >= 48 && d <= 57) || (d >= 97 && d <= 102); d = text.charCodeAt(++p));
        if (p === s + 2) bail();
      } else {
        for (let d = text.charCodeAt(++p); d >= 48 && d <= 57; d = text.charCodeAt(++p));
        // Leading-zero octal reads differently in Python 3 tools: left to the real parser.
        if (c === 48 && p > s + 1) bail();
      }
      this.pos = p;
      // A number running into letters (`12abc`) is xl-only.
      const after = text.charCodeAt(this.pos);
      if ((after >= 97 && after <= 122) || (after >= 65 && after <= 90) || after === 95 || after === 46) bail();
      this.push(Tok.Number, s, this.pos);
      return;
    }
    if (c !== 91 || depth > 32) bail();
    this.push(Tok.LBracket, s, ++this.pos);
    let items = 0;
    let commas = 0;
    for (;;) {
      this.bracketTrivia();
      if (text.charCodeAt(this.pos) === 93) break;
      if (items > commas) bail(); // two items without a comma
      this.value(depth + 1);
      items++;
      this.bracketTrivia();
      if (text.charCodeAt(this.pos) === 44) {
        commas++;
        this.push(Tok.Comma, this.pos, ++this.pos);
      }
    }
    if (commas > items) bail();
    this.push(Tok.RBracket, this.pos, ++this.pos);
  }

  private string(q: number): void {
    const { text } = this;
    const s = this.pos;
    // Triple quotes (and an empty string followed by a quote) are left to the real parser.
    if (text.charCodeAt(s + 1) === q && text.charCodeAt(s + 2) === q) bail();
    // Stop at each character that needs a look: the quote, a backslash, anything but printable ASCII
    // and TAB (a plain loop: strings are short, and a regex call per string cost more than the scan).
    let p = s + 1;
    for (;;) {
      const c = text.charCodeAt(p); // NaN past the end: unterminated
      if (c >= 32 && c <= 126 && c !== q && c !== 92) {
        p++;
        continue;
      }
      if (c === 9) {
        p++;
        continue;
      }
      if (c === q) break;
      if (c !== 92) bail(); // a control character, CR, a newline, non-ASCII or the end
      const e = text.charCodeAt(p + 1);
      // Escapes both dialects read the same way.
      if (!(e === 92 || e === 34 || e === 39 || e === 110 || e === 116)) bail();
      p += 2;
    }
    this.pos = p;
    this.push(Tok.String, s, ++this.pos);
  }
}

/** The next token from i that verification compares: not trivia, not `;`, not a comma. */
function nextMeaningful(t: TokenStream, i: number): number {
  for (; i < t.count; i++) {
    const k = t.kinds[i];
    if (!(k === Tok.Whitespace || k === Tok.Newline || k === Tok.Semicolon || k === Tok.Comma)) return i;
  }
  return i;
}

/** True when text[start, end) is a Python keyword (no allocation: compared in place). */
function isKeyword(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 8) return false;
  for (const k of KEYWORD_LIST) if (k.length === len && text.startsWith(k, start)) return true;
  return false;
}
