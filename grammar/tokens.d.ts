/**
 * @fileoverview Chevrotain token types of the SUPERSET language (xl and xm), and the one Lexer
 * instance of the process.
 *
 * Every character of the input belongs to exactly one token (trivia included), so the token stream
 * is lossless; a catch-all `Invalid` token makes sure the lexer never fails. The lexer is lenient on
 * purpose: dialect rules (src/syntax/dialect.ts) decide which spellings xl or xm reject.
 */
import { Lexer, type TokenType } from 'chevrotain';
/** Category matched by `pythonStatement` to swallow any significant token up to the statement end. */
export declare const AnyToken: TokenType;
/** Category of every keyword token (a keyword may still be a key in xl: `if = 1`). */
export declare const Keyword: TokenType;
export declare const Newline: TokenType;
export declare const Whitespace: TokenType;
export declare const Comment: TokenType;
export declare const Continuation: TokenType;
/**
 * Strings: optional r/u/b prefix (1–2 letters), single or triple quotes. A single-quoted string ends
 * at its quote or before the end of the line (unterminated); a triple-quoted one at its closing
 * triple or at the end of the text. Hand-written so a 1 MB string cannot exhaust a regex stack.
 */
export declare function matchString(text: string, offset: number): [string] | null;
export declare const StringLit: TokenType;
/**
 * Numbers (superset): a digit (or `.` + digit) then `[0-9A-Za-z_.]*`, plus a signed exponent after
 * `e`/`E` in a decimal number (`1e-5`). The text is kept as written; readers decide what it means.
 */
export declare function matchNumber(text: string, offset: number): [string] | null;
export declare const NumberLit: TokenType;
export declare const Identifier: TokenType;
export declare const And: TokenType;
export declare const Or: TokenType;
export declare const Not: TokenType;
export declare const In: TokenType;
export declare const Is: TokenType;
export declare const Lambda: TokenType;
export declare const If: TokenType;
export declare const Else: TokenType;
export declare const For: TokenType;
/** Keywords that open a compound statement: the rest of the logical line (after `:`) is theirs. */
export declare const COMPOUND_KEYWORDS: string[];
/** Keywords that start a simple Python statement, ended by a newline or `;`. */
export declare const SIMPLE_KEYWORDS: string[];
export declare const StmtKeyword: TokenType;
export declare const AugAssign: TokenType;
export declare const PlusEquals: TokenType;
export declare const DoubleStar: TokenType;
export declare const DoubleSlash: TokenType;
export declare const BitOp: TokenType;
export declare const CompareOp: TokenType;
export declare const Equals: TokenType;
export declare const Plus: TokenType;
export declare const Minus: TokenType;
export declare const Star: TokenType;
export declare const Slash: TokenType;
export declare const Percent: TokenType;
export declare const Tilde: TokenType;
export declare const Comma: TokenType;
export declare const Semicolon: TokenType;
export declare const LBracket: TokenType;
export declare const RBracket: TokenType;
export declare const LParen: TokenType;
export declare const RParen: TokenType;
export declare const LBrace: TokenType;
export declare const RBrace: TokenType;
export declare const Colon: TokenType;
export declare const Dot: TokenType;
export declare const OtherPunct: TokenType;
/** Catch-all: any other UTF-16 code unit (reported as a lexical error). Never a complement set, so
 * the lexer's first-char optimisation stays on. */
export declare const Invalid: TokenType;
/** All token types, in match priority order. */
export declare const allTokens: TokenType[];
/** The lossless `Tok` kind of each Chevrotain token type, indexed by `tokenTypeIdx`. */
export declare const tokKindByTypeIdx: Uint8Array;
/** The one lexer of the process (building it costs a few ms; reuse it). */
export declare const xmLexer: Lexer;
/** Whether a String token's text has its closing quote(s) (the lexer also returns unterminated strings). */
export declare function stringTerminated(image: string): boolean;
/** Whether a String token's text opens with a triple quote. */
export declare function isTripleQuoted(image: string): boolean;
