/**
 * @fileoverview A faithful re-implementation of libxlu's config reader (flex lexer + bison grammar
 * + string dequoting, reference/xen-format.md §a), used to answer "will `xl create` accept this
 * file?" exactly: the first error's position and libxlu's own message. It only detects errors; the
 * superset parser builds the tree. Positions are real (not libxlu's off-by-one for NEWLINE).
 */

/** The first error libxlu would report, or null when it accepts the text. */
export interface XluError {
  /** Offset of the offending token (or character). */
  offset: number;
  /** Length of the offending text (0 at the end of the file). */
  length: number;
  /** libxlu's message, e.g. "syntax error, unexpected IDENT, expecting STRING or NUMBER or '['". */
  message: string;
  /** Which part of libxlu found it. */
  kind: 'lexical' | 'escape' | 'syntax';
}

type TT = 'IDENT' | 'NUMBER' | 'STRING' | 'NEWLINE' | '=' | 'OP_ADD' | ',' | '[' | ']' | ';' | '$end';
interface XTok {
  t: TT;
  start: number;
  end: number;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** One-character tokens by character code (a module constant: it was an object literal per token). */
const SINGLE: Record<number, TT | undefined> = { 44: ',', 91: '[', 93: ']', 61: '=', 59: ';' };

/** libxlu's lexer over a JS string (each UTF-16 unit stands for a byte; non-ASCII is never a token char). */
class XluLexer {
  pos = 0;
  error: XluError | null = null;
  /** The one token object, reused for every token: the reader only ever looks at the current one. */
  private readonly tok: XTok = { t: '$end', start: 0, end: 0 };
  constructor(private readonly text: string) {}

  /** The current token set to (t, start, end). */
  private emit(t: TT, start: number, end: number): XTok {
    const k = this.tok;
    k.t = t;
    k.start = start;
    k.end = end;
    return k;
  }

  /** Next token, or the first lexical/escape error (then `error` is set and '$end' returned). */
  next(): XTok {
    const s = this.text;
    const n = s.length;
    for (;;) {
      if (this.pos >= n) return this.emit('$end', n, n);
      const i = this.pos;
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9) {
        this.pos++;
        continue;
      }
      if (c === 10) {
        this.pos++;
        return this.emit('NEWLINE', i, i + 1);
      }
      if (c === 35) {
        const nl = s.indexOf('\n', i);
        if (nl < 0) return this.lexErr(i);
        this.pos = nl + 1;
        return this.emit('NEWLINE', i, nl + 1);
      }
      if (isLower(c)) {
        let j = i + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isLower(d) || isDigit(d) || d === 95 || d === 46) j++;
          else break;
        }
        this.pos = j;
        return this.emit('IDENT', i, j);
      }
      if (isDigit(c)) {
        let j = i + 1;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (isDigit(d) || (d >= 97 && d <= 102) || d === 120) j++;
          else break;
        }
        this.pos = j;
        return this.emit('NUMBER', i, j);
      }
      if (c === 34 || c === 39) {
        let j = i + 1;
        let ok = false;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === 10) break;
          if (d === 92) {
            if (j + 1 >= n || s.charCodeAt(j + 1) === 10) break;
            j += 2;
            continue;
          }
          if (d === c) {
            ok = true;
            break;
          }
          j++;
        }
        if (!ok) return this.lexErr(i);
        this.pos = j + 1;
        const esc = checkEscapes(s, i + 1, j);
        if (esc) {
          this.error = esc;
          return this.emit('$end', i, i);
        }
        return this.emit('STRING', i, j + 1);
      }
      const tt = SINGLE[c];
      if (tt) {
        this.pos = i + 1;
        return this.emit(tt, i, i + 1);
      }
      if (c === 43 && s.charCodeAt(i + 1) === 61) {
        this.pos = i + 2;
        return this.emit('OP_ADD', i, i + 2);
      }
      return this.lexErr(i);
    }
  }

  private lexErr(at: number): XTok {
    this.error = { offset: at, length: 1, message: 'lexical error', kind: 'lexical' };
    return this.emit('$end', at, at);
  }
}

/** C's isspace in the "C" locale (xl never calls setlocale): what strtoul skips before a number. */
const isCSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Where libxlu's "octal" escape ends: `s[at]` is the backslash, `s[at + 1]` a digit 0-7. libxlu
 * (xlu__cfgl_dequote's NUMERIC_CHAR(1,3,10)) copies the up to 3 characters AFTER that digit and
 * reads them with strtoul base 10, which skips blanks (C isspace) and takes a sign before the
 * decimal digits; the escape is refused unless strtoul used at least 2 of them, and what it used
 * is skipped, emitting nothing. So `"\189"` and `"\1 12"` are accepted (and read as nothing)
 * while `"\12"` and `"\18"` are refused. Returns the offset after the escape, or -1 when libxlu
 * refuses it. `end`: the string's body end (the closing quote is never a digit, so the copy past
 * it never reads further).
 */
export function octalEscapeEnd(s: string, at: number, end: number): number {
  const from = at + 2;
  const lim = Math.min(from + 3, end);
  let k = from;
  while (k < lim && isCSpace(s.charCodeAt(k))) k++;
  if (k < lim && (s[k] === '+' || s[k] === '-')) k++;
  const digits = k;
  while (k < lim && isDigit(s.charCodeAt(k))) k++;
  // No digit: strtoul sets its end pointer to the start, having used nothing.
  const used = k > digits ? k - from : 0;
  return used >= 2 ? from + used : -1;
}

/** libxlu's dequoting rules, applied to the body [from, to) of a quoted string; null when they accept it. */
export function checkEscapes(s: string, from: number, to: number): XluError | null {
  for (let i = from; i < to; i++) {
    if (s.charCodeAt(i) !== 92) continue;
    const c = s[i + 1]!;
    if ('"\'\\abfnrtv'.includes(c)) {
      i++;
      continue;
    }
    if (c === 'x') return { offset: i, length: 2, message: 'invalid digit after backslash hexnumerical character escape in quoted string', kind: 'escape' };
    if (c >= '0' && c <= '7') {
      const k = octalEscapeEnd(s, i, to);
      if (k < 0) return { offset: i, length: 2, message: 'invalid digit after backslash octalnumerical character escape in quoted string', kind: 'escape' };
      i = k - 1;
      continue;
    }
    return { offset: i, length: 2, message: 'invalid character after backlash in quoted string', kind: 'escape' };
  }
  return null;
}

const NAMES: Record<TT, string> = {
  IDENT: 'IDENT',
  NUMBER: 'NUMBER',
  STRING: 'STRING',
  NEWLINE: 'NEWLINE',
  '=': "'='",
  OP_ADD: '+=',
  ',': "','",
  '[': "'['",
  ']': "']'",
  ';': "';'",
  $end: '$end',
};

/**
 * What bison says is expected at any syntax error inside a list: the items, commas and newlines
 * before the error reduce by default rules (`nlok`, `values`, `valuelist`) to the one state whose
 * only token is `]`, so libxlu prints "expecting ']'" after `[`, after a value and after a comma
 * alike (`a=[1 2]`, `a=[,]`, `a=[1,,]`, a list open at the end of the file).
 */
const IN_LIST = ["']'"];

/** bison's default YYMAXDEPTH: libxlu_cfg_y.y does not set its own. */
const YYMAXDEPTH = 10000;

class Fail {
  constructor(readonly err: XluError) {}
}

/** libxlu's grammar over the token stream (a class, not closures: each closure costs a `__name` call per file in the bundle). */
class XluReader {
  tok: XTok;
  constructor(private readonly lx: XluLexer) {
    this.tok = lx.next();
  }
  // Read through a method: advancing `tok` defeats TS narrowing otherwise.
  cur(): TT {
    return this.tok.t;
  }
  advance(): void {
    this.lastStart = this.tok.start;
    this.lastEnd = this.tok.end;
    this.tok = this.lx.next();
  }
  /** Span of the token shifted last: what bison's yylloc still holds after a reduction made without a lookahead. */
  private lastStart = 0;
  private lastEnd = 0;
  /**
   * bison's parse stack grows to `count` states: at YYMAXDEPTH (10,000) libxlu's parser stops with
   * "memory exhausted" (yyparse's yyexhaustedlab), reported at the token its lexer read last — the
   * token being shifted (`lookahead`), or the one shifted before for an empty rule (nlok) that
   * bison reduces without reading on. Each list level takes 2 states (`[` and nlok), so
   * `x = [[[…` stops at the 4,998th `[`, whatever the JavaScript stack could hold.
   */
  private grow(count: number, lookahead: boolean): void {
    if (count < YYMAXDEPTH) return;
    const start = lookahead ? this.tok.start : this.lastStart;
    const end = lookahead ? this.tok.end : this.lastEnd;
    throw new Fail({ offset: start, length: end - start, message: 'memory exhausted', kind: 'syntax' });
  }
  fail(expecting: string[]): never {
    if (this.lx.error) throw new Fail(this.lx.error);
    const tok = this.tok;
    const msg = `syntax error, unexpected ${NAMES[tok.t]}${expecting.length ? ', expecting ' + expecting.join(' or ') : ''}`;
    throw new Fail({ offset: tok.start, length: tok.end - tok.start, message: msg, kind: 'syntax' });
  }
  /** `nlok`, reduced empty with the stack at `count` states, then one more state per NEWLINE shifted. */
  nlok(count: number): void {
    this.grow(count, false);
    while (this.cur() === 'NEWLINE') {
      this.grow(count + 1, true);
      this.advance();
    }
  }
  /**
   * A `value` read with `count` states on bison's stack below it. The counts follow the grammar:
   * `'[' nlok valuelist ']'`, `values: value nlok | values ',' nlok value nlok`, where a finished
   * `values` is one state (count + 3) and a list's `]` the fourth. `inList`: an item of a list,
   * where every error is bison's "expecting ']'" ({@link IN_LIST}).
   */
  value(count: number, inList = false): void {
    if (this.cur() === 'STRING' || this.cur() === 'NUMBER') {
      this.grow(count + 1, true);
      return this.advance();
    }
    if (this.cur() !== '[') return this.fail(inList ? IN_LIST : ['STRING', 'NUMBER', "'['"]);
    this.grow(count + 1, true);
    this.advance();
    this.nlok(count + 2);
    // An empty valuelist is reduced on the `]` lookahead (count + 3), then `]` is shifted (count + 4).
    if (this.cur() === ']') return this.close(count);
    this.value(count + 2, true);
    this.nlok(count + 4);
    for (;;) {
      if (this.cur() === ']') return this.close(count);
      if (this.cur() !== ',') return this.fail(IN_LIST);
      this.grow(count + 4, true);
      this.advance();
      this.nlok(count + 5);
      if (this.cur() === ']') return this.close(count);
      this.value(count + 5, true);
      this.nlok(count + 7);
    }
  }
  /** Shift a list's `]` over its valuelist (count + 3 states). */
  private close(count: number): void {
    this.grow(count + 4, true);
    this.advance();
  }
}

/** Run libxlu's reader over `text`; null = accepted. */
export function libxluCheck(text: string): XluError | null {
  const lx = new XluLexer(text);
  try {
    const r = new XluReader(lx);
    // Iterative over statements; lists recurse, at most ~5,000 levels: bison's stack limit
    // (`grow`) stops the reader first, as it stops libxlu.
    for (;;) {
      if (lx.error) throw new Fail(lx.error);
      if (r.cur() === '$end') return null;
      if (r.cur() === 'NEWLINE' || r.cur() === ';') {
        r.advance();
        continue;
      }
      if (r.cur() !== 'IDENT') r.fail(['$end', 'IDENT', 'NEWLINE', "';'"]);
      r.advance();
      if (r.cur() !== '=' && r.cur() !== 'OP_ADD') r.fail(['+=', "'='"]);
      r.advance();
      // The stack below the value: state 0, stmts, IDENT and '=' (or "+=").
      r.value(4);
      if (lx.error) throw new Fail(lx.error);
      if (r.cur() === '$end') return null;
      // libxlu's message here names only $end (its parser's tables, measured: `a=1 2`, `a=[1] ]`).
      if (r.cur() !== 'NEWLINE' && r.cur() !== ';') r.fail(['$end']);
      r.advance();
    }
  } catch (e) {
    if (e instanceof Fail) return e.err;
    // Only if a caller's own stack is nearly used up: the depth is bounded by `grow`.
    if (e instanceof RangeError) return { offset: 0, length: 0, message: 'memory exhausted', kind: 'syntax' };
    throw e;
  }
}
