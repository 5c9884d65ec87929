/**
 * @fileoverview A hand-written lexer producing exactly the tokens of the Chevrotain lexer of
 * grammar/tokens.ts (same token types, images and offsets; checked token for token by
 * test/perf/lex.test.ts), three to four times faster: parseTree lexes every character of every file.
 * The rules mirror `allTokens`' priority order: trivia, strings, numbers, words (a keyword only
 * when the whole word is one: `longer_alt` Identifier), operators longest first, then one Invalid
 * token per code unit.
 */
import type { IToken, TokenType } from 'chevrotain';
import * as T from '../../grammar/tokens.js';
import { LexFact, Tok } from './tree.js';

const kindOf = T.tokKindByTypeIdx;

/** Whole words that are keywords, by token type; any other word is an Identifier. */
const KEYWORDS = new Map<string, TokenType>([
  ...T.COMPOUND_KEYWORDS.concat(T.SIMPLE_KEYWORDS, ['as'])
    .filter((w) => w !== 'if' && w !== 'else' && w !== 'for')
    .map((w): [string, TokenType] => [w, T.StmtKeyword]),
  ['and', T.And],
  ['or', T.Or],
  ['not', T.Not],
  ['in', T.In],
  ['is', T.Is],
  ['lambda', T.Lambda],
  ['if', T.If],
  ['else', T.Else],
  ['for', T.For],
]);

/** One-character tokens (after the longer operators were tried). */
const SINGLE: (TokenType | undefined)[] = [];
for (const [ch, t] of [
  ['=', T.Equals],
  ['+', T.Plus],
  ['-', T.Minus],
  ['*', T.Star],
  ['/', T.Slash],
  ['%', T.Percent],
  ['~', T.Tilde],
  [',', T.Comma],
  [';', T.Semicolon],
  ['[', T.LBracket],
  [']', T.RBracket],
  ['(', T.LParen],
  [')', T.RParen],
  ['{', T.LBrace],
  ['}', T.RBrace],
  [':', T.Colon],
  ['.', T.Dot],
  ['@', T.OtherPunct],
  ['`', T.OtherPunct],
  ['&', T.BitOp],
  ['|', T.BitOp],
  ['^', T.BitOp],
  ['<', T.CompareOp],
  ['>', T.CompareOp],
] as [string, TokenType][])
  SINGLE[ch.charCodeAt(0)] = t;

/** A character code that starts a key or keyword: an ASCII letter or `_`. */
export const isWordStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** A character code inside a key or keyword: a letter, a digit, `_` or `.` (xm's dotted keys). */
export const isWordPart = (c: number): boolean => isWordStart(c) || (c >= 48 && c <= 57) || c === 46;

function token(tokenType: TokenType, image: string, start: number): IToken {
  // The fields Chevrotain's lexer sets with positionTracking 'onlyOffset', in its order.
  return { image, startOffset: start, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType } as IToken;
}

/** The type of the operator {@link operator} found last (a module variable: a pair per call was garbage). */
let opType: TokenType | undefined;

/** Record an operator's type; returns its length. */
function op(len: number, type: TokenType): number {
  opType = type;
  return len;
}

/** The length of the operator at `i` (2 or 3 characters; its type in `opType`), or 0 when it is a single character. */
function operator(text: string, i: number, c: number): number {
  const d = text.charCodeAt(i + 1);
  const e = text.charCodeAt(i + 2);
  switch (c) {
    case 42: // *
      if (d === 42) return e === 61 ? op(3, T.AugAssign) : op(2, T.DoubleStar);
      return d === 61 ? op(2, T.AugAssign) : 0;
    case 47: // /
      if (d === 47) return e === 61 ? op(3, T.AugAssign) : op(2, T.DoubleSlash);
      return d === 61 ? op(2, T.AugAssign) : 0;
    case 60: // <
      if (d === 60) return e === 61 ? op(3, T.AugAssign) : op(2, T.BitOp);
      return d === 62 || d === 61 ? op(2, T.CompareOp) : 0;
    case 62: // >
      if (d === 62) return e === 61 ? op(3, T.AugAssign) : op(2, T.BitOp);
      return d === 61 ? op(2, T.CompareOp) : 0;
    case 45: // -
    case 37: // %
    case 38: // &
    case 124: // |
    case 94: // ^
      return d === 61 ? op(2, T.AugAssign) : 0;
    case 43: // +
      return d === 61 ? op(2, T.PlusEquals) : 0;
    case 61: // =
      return d === 61 ? op(2, T.CompareOp) : 0;
    case 33: // !
      return d === 61 ? op(2, T.CompareOp) : 0;
    default:
      return 0;
  }
}

/** The type of the token {@link scan} found last (module variables: a result object per token was garbage). */
let scanned: TokenType = T.Invalid;
/** Its image when scan had to slice it anyway (words, strings, numbers); else undefined. */
let scannedImage: string | undefined;

/**
 * Lexing as xl reads the text (set per call): a CR inside a string or a comment is one of its
 * characters, since libxlu ends both at LF only. Elsewhere a CR is a Newline token in both modes.
 */
let xlMode = false;

/** {@link LexFact} bits of the tokens {@link scan} found since {@link lexChunk} started. */
let facts = 0;

/**
 * Whether xl and xm read a number's text alike and without a finding (decimal without a leading
 * zero, 0-octal, lowercase 0x-hex: both regular expressions of the dialect findings accept them), so
 * that when every number is one, the findings need not test any.
 */
function plainNumber(t: string): boolean {
  const n = t.length;
  const c0 = t.charCodeAt(0);
  if (c0 === 48 && n > 2 && t.charCodeAt(1) === 120) {
    for (let i = 2; i < n; i++) {
      const c = t.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
    }
    return true;
  }
  // 0 then octal digits, or 1-9 then decimal digits.
  const top = c0 === 48 ? 55 : 57;
  if (c0 < 48 || c0 > 57) return false;
  for (let i = 1; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > top) return false;
  }
  return true;
}

/** Find the token starting at `i` (< n); returns its end, with its type in `scanned`. */
function scan(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  const start = i;
  scannedImage = undefined;
  if (c === 10 || c === 13) {
    scanned = T.Newline;
    return i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
  }
  if (c === 32 || c === 9 || c === 12 || c === 11) {
    if (c === 11) facts |= LexFact.VerticalTab;
    i++;
    for (let d = text.charCodeAt(i); d === 32 || d === 9 || d === 12 || d === 11; d = text.charCodeAt(++i)) if (d === 11) facts |= LexFact.VerticalTab;
    scanned = T.Whitespace;
    return i;
  }
  if (c === 35) {
    i++;
    if (xlMode) for (let d = text.charCodeAt(i); i < n && d !== 10; d = text.charCodeAt(++i));
    else for (let d = text.charCodeAt(i); i < n && d !== 10 && d !== 13; d = text.charCodeAt(++i));
    scanned = T.Comment;
    return i;
  }
  if (c === 92) {
    const d = text.charCodeAt(i + 1);
    if (d === 10 || d === 13) {
      scanned = T.Continuation;
      return i + (d === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2);
    }
    // A backslash that ends the file continues the line into nothing: Python 2's execfile, which
    // xm used, accepts `memory = 512 \` as the last bytes (Python 3 refuses it; xl has no
    // continuations at all).
    if (!xlMode && i + 1 === n) {
      scanned = T.Continuation;
      return n;
    }
  }
  if (c === 34 || c === 39 || c === 114 || c === 82 || c === 117 || c === 85 || c === 98 || c === 66) {
    const m = xlMode ? T.matchXlString(text, i) : T.matchString(text, i);
    if (m) {
      if (T.lastStringHadBackslash()) facts |= LexFact.StringBackslash;
      scanned = T.StringLit;
      scannedImage = m[0];
      return i + m[0].length;
    }
  }
  if ((c >= 48 && c <= 57) || c === 46) {
    const m = T.matchNumber(text, i);
    if (m) {
      if (!plainNumber(m[0])) facts |= LexFact.OddNumber;
      scanned = T.NumberLit;
      scannedImage = m[0];
      return i + m[0].length;
    }
  }
  if (isWordStart(c)) {
    i++;
    while (i < n && isWordPart(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    scanned = KEYWORDS.get(word) ?? T.Identifier;
    scannedImage = word;
    return i;
  }
  const len = operator(text, i, c);
  if (len > 0) {
    scanned = opType!;
    return i + len;
  }
  scanned = SINGLE[c] ?? T.Invalid;
  return i + 1;
}

/** Tokenize `text` exactly as `xmLexer.tokenize(text).tokens` does (`xl`: see {@link xlMode}). */
export function lexTokens(text: string, xl = false): IToken[] {
  xlMode = xl;
  const out: IToken[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const end = scan(text, i, n);
    out.push(token(scanned, scannedImage ?? text.slice(i, end), i));
    i = end;
  }
  return out;
}

/**
 * One chunk's tokens as {@link lexChunk} leaves them: every token's kind and bounds, and a token
 * object only for the significant ones (trivia are more than half of all tokens, and nothing reads
 * them as objects).
 */
export interface ChunkTokens {
  /** The lexed text. */
  text: string;
  count: number;
  /** `Tok` kind of each token (the array may be longer than `count`). */
  kinds: Uint8Array;
  /** Start of each token, and at `count` the end of the last one: tokens are contiguous. */
  bounds: Int32Array;
  /** The token of `lexTokens` at the same index for significant tokens; null for trivia. */
  toks: (IToken | null)[];
  /** Where lexing stopped at the `maxTokens` limit (the tokens end there), or -1: the whole text was lexed. */
  stoppedAt: number;
  /** {@link LexFact} bits of these tokens. */
  facts: number;
}

/** Chunks up to this many characters lex into the reused arrays (a bigger one would keep them big). */
const SCRATCH_CHARS = 1 << 16;
let scratch: ChunkTokens | null = null;

/**
 * Tokenize `text` as {@link lexTokens} does, without objects for trivia (whitespace, newlines,
 * comments, continuations). `reuse`: the result may be the shared arrays, valid until the next call.
 * `maxTokens` bounds the token objects one chunk may make (see `stoppedAt`). `xl`: see {@link xlMode}.
 */
export function lexChunk(text: string, reuse = false, maxTokens = Infinity, xl = false): ChunkTokens {
  xlMode = xl;
  const n = text.length;
  // A token is at least one character: n + 1 slots never overflow.
  let out: ChunkTokens;
  if (reuse && n <= SCRATCH_CHARS) {
    if (scratch === null) scratch = { text, count: 0, kinds: new Uint8Array(SCRATCH_CHARS + 1), bounds: new Int32Array(SCRATCH_CHARS + 2), toks: [], stoppedAt: -1, facts: 0 };
    out = scratch;
    out.text = text;
  } else out = { text, count: 0, kinds: new Uint8Array(n + 1), bounds: new Int32Array(n + 2), toks: [], stoppedAt: -1, facts: 0 };
  const { kinds, bounds, toks } = out;
  let count = 0;
  let stoppedAt = -1;
  facts = 0;
  for (let i = 0; i < n; ) {
    if (count >= maxTokens) {
      stoppedAt = i;
      break;
    }
    const end = scan(text, i, n);
    const kind = kindOf[scanned.tokenTypeIdx!]!;
    kinds[count] = kind;
    bounds[count] = i;
    // Tok numbers trivia first: Whitespace, Newline, Comment, Continuation (0-3).
    toks[count] = kind <= Tok.Continuation ? null : token(scanned, scannedImage ?? text.slice(i, end), i);
    count++;
    i = end;
  }
  bounds[count] = stoppedAt < 0 ? n : stoppedAt;
  toks.length = count;
  out.count = count;
  out.stoppedAt = stoppedAt;
  out.facts = facts;
  return out;
}
