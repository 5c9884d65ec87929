/**
 * @fileoverview Chevrotain token types of the SUPERSET language (xl and xm), and the one Lexer
 * instance of the process.
 *
 * Every character of the input belongs to exactly one token (trivia included), so the token stream
 * is lossless; a catch-all `Invalid` token makes sure the lexer never fails. The lexer is lenient on
 * purpose: dialect rules (src/syntax/dialect.ts) decide which spellings xl or xm reject.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { Tok } from './tree.js';

/** Category matched by `pythonStatement` to swallow any significant token up to the statement end. */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
/** Category of every keyword token (a keyword may still be a key in xl: `if = 1`). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** Category of `-=`, `*=`...: statements using them are Python statements. */
const cat = [AnyToken];

// ----- trivia -----
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'newline' });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f\v]+/, label: 'whitespace' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, label: 'comment' });
// A backslash as the file's last byte continues into nothing: Python 2's execfile (xm's) accepts it.
export const Continuation = createToken({
  name: 'Continuation',
  pattern: /\\(?:\r\n|\r|\n|(?![\s\S]))/,
  line_breaks: true,
  label: 'line continuation',
});

// ----- literals -----
const isPrefixChar = (c: number) => c === 114 || c === 82 || c === 117 || c === 85 || c === 98 || c === 66; // r R u U b B

/**
 * Strings: optional r/u/b prefix (1–2 letters), single or triple quotes. A single-quoted string ends
 * at its quote or before the end of the line (unterminated); a triple-quoted one at its closing
 * triple or at the end of the text. Hand-written so a 1 MB string cannot exhaust a regex stack.
 */
export function matchString(text: string, offset: number): [string] | null {
  return stringAt(text, offset, true);
}

/**
 * {@link matchString} as xl reads strings: only LF ends the line, a lone CR is a character of the
 * string (libxlu's STRING excludes just the quote, backslash and `\n`; reference/xen-format.md §a).
 */
export function matchXlString(text: string, offset: number): [string] | null {
  return stringAt(text, offset, false);
}

/** Whether the string stringAt matched last has a backslash: recorded as it reads, so the lexer's caller need not look again. */
let lastBackslash = false;

/** Whether the last string {@link matchString} or {@link matchXlString} matched contains a backslash (src/syntax/lex.ts records it per text). */
export function lastStringHadBackslash(): boolean {
  return lastBackslash;
}

function stringAt(text: string, offset: number, crEndsLine: boolean): [string] | null {
  lastBackslash = false;
  let i = offset;
  let c = text.charCodeAt(i);
  if (isPrefixChar(c)) {
    i++;
    c = text.charCodeAt(i);
    if (isPrefixChar(c)) {
      i++;
      c = text.charCodeAt(i);
    }
  }
  if (c !== 34 && c !== 39) return null;
  const q = c;
  const n = text.length;
  let j: number;
  if (text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
    j = i + 3;
    for (;;) {
      if (j >= n) break;
      const d = text.charCodeAt(j);
      if (d === 92) {
        lastBackslash = true;
        j += 2;
      } else if (d === q && text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q) {
        j += 3;
        break;
      } else j++;
    }
  } else {
    j = i + 1;
    for (;;) {
      if (j >= n) break;
      const d = text.charCodeAt(j);
      if (d === 10 || (d === 13 && crEndsLine)) break;
      if (d === 92) {
        lastBackslash = true;
        // A backslash escapes the next char; backslash-CRLF counts as one escaped line break.
        if (text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10) j += 3;
        else j += 2;
      } else if (d === q) {
        j++;
        break;
      } else j++;
    }
  }
  if (j > n) j = n;
  return [text.slice(offset, j)];
}

export const StringLit = createToken({
  name: 'String',
  pattern: { exec: matchString },
  line_breaks: true,
  start_chars_hint: ['"', "'", 'r', 'R', 'u', 'U', 'b', 'B'],
  label: 'string',
  categories: cat,
});

const isNumChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;

/**
 * Numbers (superset): a digit (or `.` + digit) then `[0-9A-Za-z_.]*`, plus a signed exponent after
 * `e`/`E` in a decimal number (`1e-5`). The text is kept as written; readers decide what it means.
 */
export function matchNumber(text: string, offset: number): [string] | null {
  const c0 = text.charCodeAt(offset);
  let i = offset;
  if (c0 === 46) {
    const c1 = text.charCodeAt(offset + 1);
    if (!(c1 >= 48 && c1 <= 57)) return null;
    i++;
  } else if (!(c0 >= 48 && c0 <= 57)) return null;
  const c1 = text.charCodeAt(offset + 1) | 0x20; // lowercased
  const radix = c0 === 48 && (c1 === 120 || c1 === 98 || c1 === 111); // 0x 0b 0o
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isNumChar(c)) i++;
    else if ((c === 43 || c === 45) && !radix) {
      const p = text.charCodeAt(i - 1);
      const d = text.charCodeAt(i + 1);
      if ((p === 101 || p === 69) && d >= 48 && d <= 57) i += 2;
      else break;
    } else break;
  }
  return [text.slice(offset, i)];
}

export const NumberLit = createToken({
  name: 'Number',
  pattern: { exec: matchNumber },
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.'],
  label: 'number',
  categories: cat,
});

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_.]*/, label: 'name', categories: cat });

// ----- keywords (longer_alt: `iffy`, `import.x` stay identifiers) -----
function kw(word: string, name: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'`, categories: [Keyword, AnyToken] });
}
export const And = kw('and', 'And');
export const Or = kw('or', 'Or');
export const Not = kw('not', 'Not');
export const In = kw('in', 'In');
export const Is = kw('is', 'Is');
export const Lambda = kw('lambda', 'Lambda');
export const If = kw('if', 'If');
export const Else = kw('else', 'Else');
export const For = kw('for', 'For');

/** Keywords that open a compound statement: the rest of the logical line (after `:`) is theirs. */
export const COMPOUND_KEYWORDS = ['if', 'elif', 'else', 'for', 'while', 'def', 'class', 'try', 'except', 'finally', 'with'];
/** Keywords that start a simple Python statement, ended by a newline or `;`. */
export const SIMPLE_KEYWORDS = ['import', 'from', 'return', 'pass', 'print', 'del', 'global', 'assert', 'raise', 'yield', 'break', 'continue', 'exec', 'nonlocal'];
const STMT_WORDS = [...COMPOUND_KEYWORDS, ...SIMPLE_KEYWORDS, 'as'].filter((w) => !['if', 'else', 'for'].includes(w));
// Longest first: the regex alternation takes the first alternative that matches.
export const StmtKeyword = createToken({
  name: 'StmtKeyword',
  pattern: new RegExp(STMT_WORDS.sort((a, b) => b.length - a.length).join('|')),
  longer_alt: Identifier,
  label: 'keyword',
  categories: [Keyword, AnyToken],
});

// ----- operators and punctuation -----
const op = (name: string, pattern: RegExp, label: string, categories: TokenType[] = cat) => createToken({ name, pattern, label, categories });
export const AugAssign = op('AugAssign', /\*\*=|\/\/=|<<=|>>=|[-*\/%&|^]=/, 'augmented assignment');
export const PlusEquals = op('PlusEquals', /\+=/, "'+='");
export const DoubleStar = op('DoubleStar', /\*\*/, "'**'");
export const DoubleSlash = op('DoubleSlash', /\/\//, "'//'");
export const BitOp = op('BitOp', /<<|>>|[&|^]/, 'operator');
export const CompareOp = op('CompareOp', /==|!=|<>|<=|>=|<|>/, 'comparison');
export const Equals = op('Equals', /=/, "'='");
export const Plus = op('Plus', /\+/, "'+'");
export const Minus = op('Minus', /-/, "'-'");
export const Star = op('Star', /\*/, "'*'");
export const Slash = op('Slash', /\//, "'/'");
export const Percent = op('Percent', /%/, "'%'");
export const Tilde = op('Tilde', /~/, "'~'");
export const Comma = op('Comma', /,/, "','");
export const Semicolon = op('Semicolon', /;/, "';'");
export const LBracket = op('LBracket', /\[/, "'['");
export const RBracket = op('RBracket', /]/, "']'");
export const LParen = op('LParen', /\(/, "'('");
export const RParen = op('RParen', /\)/, "')'");
export const LBrace = op('LBrace', /\{/, "'{'");
export const RBrace = op('RBrace', /}/, "'}'");
export const Colon = op('Colon', /:/, "':'");
export const Dot = op('Dot', /\./, "'.'");
export const OtherPunct = op('OtherPunct', /[@`]/, 'punctuation');
/** Catch-all: any other UTF-16 code unit (reported as a lexical error). Never a complement set, so
 * the lexer's first-char optimisation stays on. */
export const Invalid = createToken({ name: 'Invalid', pattern: /[\u0000-\uffff]/, line_breaks: true, label: 'invalid character', categories: cat });

/** All token types, in match priority order. */
export const allTokens: TokenType[] = [
  Newline,
  Whitespace,
  Comment,
  Continuation,
  StringLit,
  NumberLit,
  StmtKeyword,
  And,
  Or,
  Not,
  In,
  Is,
  Lambda,
  If,
  Else,
  For,
  Identifier,
  AugAssign,
  PlusEquals,
  DoubleStar,
  DoubleSlash,
  BitOp,
  CompareOp,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Tilde,
  Comma,
  Semicolon,
  LBracket,
  RBracket,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Colon,
  Dot,
  OtherPunct,
  Invalid,
  AnyToken,
  Keyword,
];

/** The lossless `Tok` kind of each Chevrotain token type, indexed by `tokenTypeIdx`. */
export const tokKindByTypeIdx: Uint8Array = (() => {
  const pairs: [TokenType, Tok][] = [
    [Newline, Tok.Newline],
    [Whitespace, Tok.Whitespace],
    [Comment, Tok.Comment],
    [Continuation, Tok.Continuation],
    [StringLit, Tok.String],
    [NumberLit, Tok.Number],
    [StmtKeyword, Tok.Identifier],
    [And, Tok.Identifier],
    [Or, Tok.Identifier],
    [Not, Tok.Identifier],
    [In, Tok.Identifier],
    [Is, Tok.Identifier],
    [Lambda, Tok.Identifier],
    [If, Tok.Identifier],
    [Else, Tok.Identifier],
    [For, Tok.Identifier],
    [Identifier, Tok.Identifier],
    [AugAssign, Tok.Operator],
    [PlusEquals, Tok.PlusEquals],
    [DoubleStar, Tok.Operator],
    [DoubleSlash, Tok.Operator],
    [BitOp, Tok.Operator],
    [CompareOp, Tok.Operator],
    [Equals, Tok.Equals],
    [Plus, Tok.Operator],
    [Minus, Tok.Operator],
    [Star, Tok.Operator],
    [Slash, Tok.Operator],
    [Percent, Tok.Operator],
    [Tilde, Tok.Operator],
    [Comma, Tok.Comma],
    [Semicolon, Tok.Semicolon],
    [LBracket, Tok.LBracket],
    [RBracket, Tok.RBracket],
    [LParen, Tok.LParen],
    [RParen, Tok.RParen],
    [LBrace, Tok.Punct],
    [RBrace, Tok.Punct],
    [Colon, Tok.Colon],
    [Dot, Tok.Punct],
    [OtherPunct, Tok.Punct],
    [Invalid, Tok.Invalid],
  ];
  let max = 0;
  for (const [t] of pairs) max = Math.max(max, t.tokenTypeIdx!);
  const a = new Uint8Array(max + 1).fill(Tok.Invalid);
  for (const [t, k] of pairs) a[t.tokenTypeIdx!] = k;
  return a;
})();

let lexer: Lexer | undefined;
/**
 * The one Chevrotain lexer of the process, built on first use: parsing uses the hand-written
 * src/syntax/lex.ts (same tokens, tested against this one), so start-up does not pay for building it.
 */
export const xmLexer: Pick<Lexer, 'tokenize'> = {
  tokenize(text, initialMode) {
    lexer ??= new Lexer(allTokens, {
      ensureOptimizations: true,
      positionTracking: 'onlyOffset',
      skipValidations: !process.env['XMCFG_VALIDATE_GRAMMAR'],
    });
    return lexer.tokenize(text, initialMode);
  },
};

/** Whether a String token's text has its closing quote(s) (the lexer also returns unterminated strings). */
export function stringTerminated(image: string): boolean {
  let i = 0;
  while (i < 2 && isPrefixChar(image.charCodeAt(i))) i++;
  const q = image.charCodeAt(i);
  const n = image.length;
  if (image.charCodeAt(i + 1) === q && image.charCodeAt(i + 2) === q) {
    // Triple: scan as the matcher does; terminated when the closing triple ends the image.
    let j = i + 3;
    while (j < n) {
      const d = image.charCodeAt(j);
      if (d === 92) j += 2;
      else if (d === q && image.charCodeAt(j + 1) === q && image.charCodeAt(j + 2) === q) return j + 3 === n;
      else j++;
    }
    return false;
  }
  let j = i + 1;
  while (j < n) {
    const d = image.charCodeAt(j);
    if (d === 92) j += 2;
    else if (d === q) return j + 1 === n;
    else j++;
  }
  return false;
}

/** Whether a String token's text opens with a triple quote. */
export function isTripleQuoted(image: string): boolean {
  let i = 0;
  while (i < 2 && isPrefixChar(image.charCodeAt(i))) i++;
  const q = image.charCodeAt(i);
  return image.charCodeAt(i + 1) === q && image.charCodeAt(i + 2) === q;
}
