/**
 * @fileoverview Cuts one chunk's Chevrotain tokens into statements before parsing: a statement
 * ends at a newline or `;` outside brackets (a compound Python statement such as `if x: a=1; b=2`
 * keeps its `;`). Trivia is dropped from the parser input, brackets are counted (a pre-scan that
 * caps nesting, so the recursive parser can never overflow the stack), and an unclosed bracket is
 * detected when a line inside it starts like a new assignment, so later statements are still read.
 */
import type { IToken } from 'chevrotain';
import { Tok } from './tree.js';
import * as T from '../../grammar/tokens.js';
import type { ChunkTokens } from './lex.js';

/** Deepest bracket nesting accepted (also caps chains of unary operators). */
export const MAX_DEPTH = 100;
/**
 * Deepest bracket nesting the Chevrotain grammar is given (statements the hand-written fast parser
 * declines: dicts, calls, comparisons, lambdas, syntax errors...). Each bracket level is about 13
 * grammar rules, 60 JavaScript frames; V8 runs them unoptimised the first time, and 98 levels of
 * `(1 < (1 < ...))` needed about 975 KB of stack cold (`node --stack-size`), the whole default.
 * 40 levels need under half of it, so the verdict never depends on the stack left by the caller.
 */
export const GRAMMAR_DEPTH = 40;
/**
 * Grammar cost of one bracket level, against 2 for each keyword that recurses without a bracket
 * (`lambda`, `not`, `else`, `for`, `if`) and 1 for a unary operator: a chain of 10,000 `lambda:`
 * or `1 if 1 else` recursed through the grammar until the stack overflowed.
 */
const LEVEL_COST = 13;
/** Most operators in one statement: a chain `1+1+...` nests the tree as deep as it is long, and
 * every recursive consumer (evaluator, formatter, JSON) must stay far from the stack limit. */
export const MAX_OPERATORS = 1000;

/** One statement's tokens, as cut by `splitStatements`. */
export interface RawStmt {
  /** Significant tokens for the parser (no trivia, no invalid characters). */
  toks: IToken[];
  /** Chunk-relative offsets of the statement's first and end (exclusive) characters. */
  start: number;
  end: number;
  /** It contains an invalid character or an unterminated string (already reported). */
  lexError: boolean;
  /** An opening bracket never closed; `at` is the token where that became clear (null: end of chunk). */
  unclosed?: { opener: IToken; at: IToken | null };
  /** The token at which nesting passed MAX_DEPTH. */
  tooDeep?: IToken;
  /** The token at which the grammar's cost passed GRAMMAR_DEPTH levels (the fast parser may still take it). */
  grammarDeep?: IToken;
  /** The statement is the first thing on its physical line (not after `;` or a compound header). */
  lineStart: boolean;
  /** Indentation of its physical line in columns (a tab advances to the next multiple of 8). */
  indent: number;
  /** Line continuation was used inside it. */
  continued: boolean;
}

/** A lexical problem found while splitting (chunk-relative offsets). */
export interface LexProblem {
  kind: 'invalid' | 'unterminated';
  start: number;
  end: number;
}


function isCompoundStart(s: RawStmt): boolean {
  const t0 = s.toks[0];
  if (!t0) return false;
  const tt = t0.tokenType;
  const compound = tt === T.If || tt === T.Else || tt === T.For || (tt === T.StmtKeyword && T.COMPOUND_KEYWORDS.includes(t0.image));
  if (!compound) return false;
  const t1 = s.toks[1]?.tokenType;
  return t1 !== T.Equals && t1 !== T.PlusEquals;
}

/** Columns of the whitespace text[from, to) as Python 2 counts them: a tab advances to the next
 * multiple of 8, a form feed sets the column back to 0 (a page break does not indent). */
function indentWidth(text: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    col = c === 9 ? (Math.floor(col / 8) + 1) * 8 : c === 12 ? 0 : col + 1;
  }
  return col;
}

/** The result of splitting one chunk. */
export interface SplitResult {
  stmts: RawStmt[];
  problems: LexProblem[];
  /** The chunk ended inside a statement that may continue in the next chunk (brackets, `\`, triple quote). */
  openAtEnd: boolean;
}

/** Cut a chunk's tokens (lexChunk's: trivia are kinds and bounds only) into statements. */
export function splitStatements(chunk: ChunkTokens): SplitResult {
  const { kinds, bounds, toks: tokens } = chunk;
  const stmts: RawStmt[] = [];
  const problems: LexProblem[] = [];
  const stack: IToken[] = [];
  let cur: RawStmt | null = null;
  let physStart = true;
  let indent = 0;
  let unary = 0;
  let prevValueEnd = false;
  let operators = 0;
  // Keywords that recurse in the grammar, counted over the whole statement (see LEVEL_COST).
  let chain = 0;
  let lastSig = -1;
  const n = chunk.count;

  // Ending a statement is spelled out where it happens (close(), then the state reset): a closure
  // would be made, and named by the build, for every chunk of every file.

  for (let i = 0; i < n; i++) {
    const k = kinds[i]!;
    if (k === Tok.Whitespace) {
      if (physStart) indent = indentWidth(chunk.text, bounds[i]!, bounds[i + 1]!);
      continue;
    }
    if (k === Tok.Comment) continue;
    if (k === Tok.Continuation) {
      if (cur) cur.continued = true;
      physStart = false;
      continue;
    }
    if (k === Tok.Newline) {
      if (cur) {
        let end = stack.length === 0;
        if (!end && looksLikeNewAssignment(chunk, i + 1)) {
          cur.unclosed = { opener: stack[stack.length - 1]!, at: tokens[i + 1]! };
          end = true;
        }
        if (end) {
          close(cur, stmts, bounds, lastSig);
          cur = null;
          // Nearly every statement ends with no bracket open: writing `length` even to an empty
          // array is a call into the runtime (2% of parsing the 2,000-file corpus).
          if (stack.length > 0) stack.length = 0;
          unary = 0;
          operators = 0;
          chain = 0;
          prevValueEnd = false;
        }
      }
      physStart = true;
      indent = 0;
      continue;
    }
    if (k === Tok.Semicolon && stack.length === 0) {
      if (cur && !isCompoundStart(cur)) {
        close(cur, stmts, bounds, lastSig);
        cur = null;
        // No bracket is open here (the test above): the stack is empty already.
        unary = 0;
        operators = 0;
        chain = 0;
        prevValueEnd = false;
        physStart = false;
        continue;
      }
      if (!cur) {
        // An empty statement (`;;`, a leading `;`): nothing to parse; dialect rules look at it.
        physStart = false;
        continue;
      }
    }
    // A significant token: the only kind lexChunk made an object for.
    const t = tokens[i]!;
    if (!cur) {
      cur = { toks: [], start: t.startOffset, end: 0, lexError: false, lineStart: physStart, indent: physStart ? indent : 0, continued: false };
      if (!physStart) cur.indent = stmts.length ? stmts[stmts.length - 1]!.indent : 0;
    }
    physStart = false;
    lastSig = i;
    if (k === Tok.Invalid) {
      cur.lexError = true;
      const prev = problems[problems.length - 1];
      if (prev && prev.kind === 'invalid' && prev.end === t.startOffset) prev.end = bounds[i + 1]!;
      else problems.push({ kind: 'invalid', start: t.startOffset, end: bounds[i + 1]! });
      continue;
    }
    if (k === Tok.String && !T.stringTerminated(t.image)) {
      cur.lexError = true;
      problems.push({ kind: 'unterminated', start: t.startOffset, end: bounds[i + 1]! });
    }
    cur.toks.push(t);
    if (k === Tok.LBracket || k === Tok.LParen || t.tokenType === T.LBrace) {
      stack.push(t);
      if (stack.length > MAX_DEPTH && !cur.tooDeep) cur.tooDeep = t;
    } else if (k === Tok.RBracket || k === Tok.RParen || t.tokenType === T.RBrace) {
      if (stack.length) stack.pop();
    }
    // Long chains of unary operators recurse in the parser as deeply as brackets do.
    const tt = t.tokenType;
    const valueEnd = k === Tok.Number || k === Tok.Identifier || k === Tok.String || k === Tok.RBracket || k === Tok.RParen || tt === T.RBrace;
    if (((tt === T.Minus || tt === T.Plus || tt === T.Tilde || tt === T.Not) && !prevValueEnd) || tt === T.DoubleStar) {
      if (++unary > MAX_DEPTH && !cur.tooDeep) cur.tooDeep = t;
    } else if (!valueEnd) unary = 0;
    if (k === Tok.Operator && ++operators > MAX_OPERATORS && !cur.tooDeep) cur.tooDeep = t;
    if (tt === T.Lambda || tt === T.Not || tt === T.Else || tt === T.For || tt === T.If) chain += 2;
    else if (tt === T.OtherPunct && t.image === '`') chain += LEVEL_COST;
    if (!cur.grammarDeep && LEVEL_COST * stack.length + chain + unary > LEVEL_COST * GRAMMAR_DEPTH) cur.grammarDeep = t;
    prevValueEnd = valueEnd;
  }
  let openAtEnd = false;
  if (cur) {
    const c: RawStmt = cur;
    const lastKind = n > 0 ? kinds[n - 1] : undefined;
    const lastString = c.toks[c.toks.length - 1];
    openAtEnd =
      stack.length > 0 ||
      lastKind === Tok.Continuation ||
      (lastString !== undefined && T.tokKindByTypeIdx[lastString.tokenTypeIdx] === Tok.String && T.isTripleQuoted(lastString.image) && !T.stringTerminated(lastString.image));
    if (stack.length > 0) c.unclosed = { opener: stack[stack.length - 1]!, at: null };
    close(c, stmts, bounds, lastSig);
  }
  return { stmts, problems, openAtEnd };
}

/** End statement `cur` at the end of its last significant token `lastSig` and keep it. */
function close(cur: RawStmt, stmts: RawStmt[], bounds: Int32Array, lastSig: number): void {
  cur.end = bounds[lastSig + 1]!;
  stmts.push(cur);
}

/** Inside brackets: does the line starting at token `j` begin (in column 1) with `name =` / `name +=`? */
function looksLikeNewAssignment(chunk: ChunkTokens, j: number): boolean {
  const { kinds, count } = chunk;
  if (j >= count || kinds[j] !== Tok.Identifier) return false;
  let k = j + 1;
  while (k < count && kinds[k] === Tok.Whitespace) k++;
  return k < count && (kinds[k] === Tok.Equals || kinds[k] === Tok.PlusEquals);
}
