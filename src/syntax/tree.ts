/**
 * @fileoverview The lossless syntax tree: the contract between the parser (grammar/ + src/syntax/parse),
 * the evaluator, the formatter and the language server. The token kinds and the statement types are
 * defined where the parser makes them, grammar/tree.ts, and re-exported here.
 *
 * Lossless: `tokens` is the complete token stream including trivia (spaces, comments, newlines),
 * covering `text` from offset 0 to the end without gaps, so every character is recoverable.
 * Tokens live in parallel typed arrays (compact for 10 MB files); the statement tree refers to them
 * by offsets (spans). Statements are the semantic view on top.
 */
import type { Stmt } from '../../grammar/tree.js';
import type { Span } from '../diagnostics/span.js';

export { Tok } from '../../grammar/tree.js';
export type { AssignStmt, CompareOp, ErrorStmt, Expr, ExprParts, Name, Stmt, StringPart, Subscript, UnsupportedStmt } from '../../grammar/tree.js';

/** The complete token stream of a text, trivia included, as parallel arrays. */
export interface TokenStream {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * What the lexer saw while making these tokens ({@link LexFact} bits), so the dialect's token
   * findings need not look again; absent (a stream made elsewhere): unknown, every check runs.
   */
  facts?: number;
}

/**
 * Facts the lexer (src/syntax/lex.ts) records per text as it reads each character once. A set bit
 * means "maybe": a chunk lexed twice (grown) or cut may leave a bit for tokens the stream no longer
 * has, which only costs a check that finds nothing.
 */
export const LexFact = {
  /** A string token contains a backslash (an escape, or a backslash-newline). */
  StringBackslash: 1,
  /** A number token is not plain decimal or lowercase 0x-hex, which xl and xm both read alike. */
  OddNumber: 2,
  /** A whitespace token contains a vertical tab. */
  VerticalTab: 4,
  /** Every bit: what a stream without `facts` is taken to have. */
  All: 7,
} as const;

/** The whole file. */
export interface SyntaxTree {
  text: string;
  tokens: TokenStream;
  statements: Stmt[];
  /**
   * Where a finding about the whole file points (syntax/anchor.ts), set by the parser from the
   * first statement as it goes by: a streaming parse keeps no statements to find it in later.
   * Absent: from `statements` or the text.
   */
  anchor?: Span;
}
