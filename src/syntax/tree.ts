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

export { Tok } from '../../grammar/tree.js';
export type { AssignStmt, ErrorStmt, Expr, Name, Stmt, StringPart, UnsupportedStmt } from '../../grammar/tree.js';

/** The complete token stream of a text, trivia included, as parallel arrays. */
export interface TokenStream {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** The whole file. */
export interface SyntaxTree {
  text: string;
  tokens: TokenStream;
  statements: Stmt[];
}
