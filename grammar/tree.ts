/**
 * @fileoverview What the grammar produces: the kinds of tokens in the lossless stream and the
 * statement tree the parser builds (grammar/parser.ts). src/syntax/tree.ts re-exports all of it
 * with the token stream and the whole-file tree; consumers import it from there.
 */
import type { Span } from '../src/diagnostics/span.js';

/** Kinds of tokens in the lossless stream (values stored in `TokenStream.kinds`). */
export const enum Tok {
  Whitespace = 0,
  Newline = 1,
  Comment = 2,
  /** Backslash-newline line continuation (xm). */
  Continuation = 3,
  Identifier = 4,
  Number = 5,
  String = 6,
  Equals = 7,
  PlusEquals = 8,
  Comma = 9,
  Semicolon = 10,
  LBracket = 11,
  RBracket = 12,
  LParen = 13,
  RParen = 14,
  Operator = 15,
  Colon = 16,
  /** Characters no token matches (reported as a lexical error). */
  Invalid = 17,
  /** Other Python punctuation: braces, dots, etc. */
  Punct = 18,
}

/** A name with its span (a key, or a name used as a value). */
export interface Name {
  name: string;
  span: Span;
}

/** One string literal piece; adjacent literals (xm) form one StringExpr with several parts. */
export interface StringPart {
  span: Span;
  /** The quote as written: `"`, `'`, `"""` or `'''`. */
  quote: string;
  /** Python prefix letters (r, u, b) if any, lowercased. */
  prefix: string;
}

export type Expr =
  | { kind: 'string'; span: Span; parts: StringPart[] }
  | { kind: 'number'; span: Span; text: string }
  /** Identifiers used as values: True/False/None, bare words (`on`), xm variables. */
  | { kind: 'name'; span: Span; name: string }
  | { kind: 'list'; span: Span; items: Expr[]; commas: Span[] }
  /** A tuple: `(a, b)` (parens true) or bare `a, b` (parens false); `(a)` is a 'paren' expr. */
  | { kind: 'tuple'; span: Span; parens: boolean; items: Expr[]; commas: Span[] }
  | { kind: 'paren'; span: Span; inner: Expr }
  | { kind: 'unary'; span: Span; op: '-' | '+'; opSpan: Span; operand: Expr }
  | { kind: 'binary'; span: Span; op: '+' | '-' | '*' | '/' | '//' | '%' | '**'; opSpan: Span; left: Expr; right: Expr }
  /**
   * Calls, attribute access, subscripts, dicts, lambdas, comparisons...: parsed so the error is
   * precise. `parts` keeps the operands of the few forms xm's evaluator reads (a subscript, a call's
   * positional arguments, a comparison chain, `and` / `or` / `not`, a conditional expression);
   * everything else is never evaluated.
   */
  | { kind: 'unsupported'; span: Span; what: 'call' | 'attribute' | 'subscript' | 'dict' | 'other'; parts?: ExprParts }
  /** A hole left by error recovery. */
  | { kind: 'error'; span: Span };

/** A comparison operator as written, `not in` and `is not` with one blank. */
export type CompareOp = '==' | '!=' | '<>' | '<' | '>' | '<=' | '>=' | 'in' | 'not in' | 'is' | 'is not';

/** One subscript inside `[...]`: an index, or a slice whose absent bounds are null. */
export type Subscript = { index: Expr } | { lower: Expr | null; upper: Expr | null; step: Expr | null };

/** The operands of an `unsupported` expression, for the forms the xm evaluator reads (src/syntax/evaluate-access.ts). */
export type ExprParts =
  /** `target[sub]`: one subscript, no trailing comma. */
  | { form: 'subscript'; target: Expr; sub: Subscript }
  /** `callee(a, b)`: positional arguments only (no `*`, `**`, `k=v`, generator). */
  | { form: 'call'; callee: Expr; args: Expr[] }
  /** `a op b op c`: operands and operators in order (ops.length === operands.length - 1). */
  | { form: 'compare'; operands: Expr[]; ops: CompareOp[] }
  /** `a or b or c` / `a and b and c`: one operator and its operands in order, flat as Python's BoolOp. */
  | { form: 'bool'; op: 'and' | 'or'; operands: Expr[] }
  /** `not operand`. */
  | { form: 'not'; operand: Expr }
  /** `body if test else orelse`. */
  | { form: 'conditional'; body: Expr; test: Expr; orelse: Expr };

/** `key = value` or `key += value`. */
export interface AssignStmt {
  kind: 'assign';
  span: Span;
  key: Name;
  op: '=' | '+=';
  opSpan: Span;
  value: Expr;
  /** Extra `= value` targets of a chained assignment `a = b = 1` (xm), in order after `key`. */
  chained?: Name[];
}

/**
 * A Python statement xmcfg does not evaluate (import, def, if, for, while, class, a call...).
 * `body` holds the statements of its indented block, parsed but not evaluated.
 */
export interface UnsupportedStmt {
  kind: 'unsupported';
  span: Span;
  /** Leading keyword or `call`/`expression`. */
  keyword: string;
  body: Stmt[];
}

/** Tokens skipped by error recovery. */
export interface ErrorStmt {
  kind: 'error';
  span: Span;
}

export type Stmt = AssignStmt | UnsupportedStmt | ErrorStmt;
