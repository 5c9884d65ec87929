/**
 * @fileoverview One statement's significant tokens → a Stmt and its syntax findings: the checks that
 * need no grammar (unclosed brackets, a key without `=`...), the hand-written parser for plain
 * assignments (src/syntax/fast-parse.ts), then the Chevrotain grammar for everything else.
 *
 * A statement the grammar rejects costs tens of microseconds (Chevrotain throws and unwinds per
 * error), and a file of errors is mostly the same few statements again (`a = =`, `)` on every
 * line): how the grammar fails depends only on the statement's token types, so that is remembered
 * by them, and repeats are answered without the grammar.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic, RelatedSpan } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Stmt } from './tree.js';
import { GRAMMAR_DEPTH, MAX_DEPTH, MAX_OPERATORS, type RawStmt } from './split.js';
import * as T from '../../grammar/tokens.js';
import { describeToken, getParser, STOP_PARSE } from '../../grammar/parser.js';
import { fastAssignment, fastExpression } from './fast-parse.js';

/**
 * A syntax finding of the syntax layer (its severity follows from the code). Its message is shared
 * with earlier findings of the same words ({@link intern}).
 */
export function diag(code: string, message: string, span: Span, related?: RelatedSpan[]): Diagnostic {
  const severity = code === 'XM0021' ? 'warning' : code === 'XM0030' ? 'info' : 'error';
  // Two literal shapes, not a spread: a spread object is bigger, and a file of errors keeps a quarter million.
  if (related === undefined) return { code, severity, message: intern(message), span };
  return { code, severity, message: intern(message), span, related };
}

/** Messages made recently, by their text; a file with a finding on every line says the same few things again and again. */
const messages = new Map<string, string>();
/** Most messages remembered; past it the map starts over (a file of many different messages). */
const MAX_MESSAGES = 4096;

/**
 * The remembered string of these words, else `message` (now remembered). A message is built of
 * pieces (a ConsString per `${}`, about 300 bytes for an XM0013); one shared copy makes a finding
 * of a file of `a=[` lines cost its objects only.
 */
export function intern(message: string): string {
  const known = messages.get(message);
  if (known !== undefined) return known;
  if (messages.size >= MAX_MESSAGES) messages.clear();
  messages.set(message, message);
  return message;
}

const tspan = (t: IToken, base: number): Span => ({ start: t.startOffset + base, end: t.startOffset + base + t.image.length });

/** Parse one statement's tokens, or explain why it is an ErrorStmt (pushed to `out`). */
export function parseStatement(raw: RawStmt, base: number, out: Diagnostic[]): Stmt {
  const whole: Span = { start: raw.start + base, end: raw.end + base };
  if (raw.tooDeep) {
    out.push(diag('XM0003', `nesting too deep (more than ${MAX_DEPTH} levels, or more than ${MAX_OPERATORS} operators): not parsed`, tspan(raw.tooDeep, base)));
    return { kind: 'error', span: whole };
  }
  if (raw.lexError) return { kind: 'error', span: whole };
  const toks = raw.toks;
  if (raw.unclosed) {
    const { opener, at } = raw.unclosed;
    const closer = opener.tokenType === T.LBracket ? ']' : opener.tokenType === T.LParen ? ')' : '}';
    const related = [{ message: intern(`'${opener.image}' opened here`), span: tspan(opener, base) }];
    if (at) out.push(diag('XM0013', `unclosed '${opener.image}': expected '${closer}' before ${describeToken(at)}`, tspan(at, base), related));
    else out.push(diag('XM0013', `unclosed '${opener.image}': expected '${closer}' before the end of the file`, tspan(opener, base), related));
    return { kind: 'error', span: whole };
  }
  const t0 = toks[0]!;
  const t1 = toks[1];
  if (t0.tokenType === T.Identifier) {
    const key = t0.image;
    if (!t1) {
      out.push(diag('XM0011', `expected '=' after the key "${key}"`, tspan(t0, base)));
      return { kind: 'error', span: whole };
    }
    if (t1.tokenType === T.Plus && toks[2]?.tokenType === T.Equals && toks[2].startOffset > t1.startOffset + 1) {
      out.push(diag('XM0015', "'+=' must be written without a space", { start: t1.startOffset + base, end: toks[2].startOffset + base + 1 }));
      return { kind: 'error', span: whole };
    }
    const vt = t1.tokenType;
    const valueLike = vt === T.NumberLit || vt === T.StringLit || vt === T.Identifier || vt === T.Colon || T.Keyword.categoryMatchesMap![t1.tokenTypeIdx];
    const hasAssign = toks.some((t) => t.tokenType === T.Equals || t.tokenType === T.AugAssign || t.tokenType === T.PlusEquals);
    if ((valueLike && vt !== T.Not && vt !== T.In && vt !== T.Is && vt !== T.And && vt !== T.Or && vt !== T.If) || (vt === T.LBracket && !hasAssign)) {
      out.push(diag('XM0011', `expected '=' after the key "${key}" but found ${describeToken(t1)}`, tspan(t1, base)));
      return { kind: 'error', span: whole };
    }
  }
  // Plain assignments (nearly every statement) take the hand-written path; it builds the same tree.
  const fast = fastAssignment(toks, base);
  if (fast) return fast;
  // So do bare values (a JSON file checked as a config), with runGrammar's finding for them.
  const bare = fastExpression(toks, base);
  if (bare) {
    out.push(diag('XM0021', 'this value stands alone as a statement and sets nothing', bare.span));
    return bare;
  }
  // The grammar recurses about 13 rules per bracket: past GRAMMAR_DEPTH levels it is not run, so
  // whether a statement parses never depends on the stack its caller left (decision 048).
  if (raw.grammarDeep) {
    out.push(diag('XM0003', `nesting too deep for this kind of expression (more than ${GRAMMAR_DEPTH} levels of brackets, lambda, not or if-else): not parsed`, tspan(raw.grammarDeep, base)));
    return { kind: 'error', span: whole };
  }
  const isAssign = t1 !== undefined && (t1.tokenType === T.Equals || t1.tokenType === T.PlusEquals);
  const key = typesKey(toks);
  const known = key === undefined ? undefined : failures.get(key);
  if (known) {
    const tok = known.at < 0 ? undefined : toks[known.at];
    reportError(known.prefix + describeToken(tok), tok, toks, isAssign, base, out);
    return { kind: 'error', span: whole };
  }
  const parsed = runGrammar(toks, base, isAssign, whole, out);
  if (!('failed' in parsed)) return parsed;
  const { message, tok } = parsed.failed;
  reportError(message, tok, toks, isAssign, base, out);
  if (key !== undefined) remember(key, message, tok, toks);
  return { kind: 'error', span: whole };
}

/** The grammar's first error on a statement: its message and token (undefined: the end of the statement). */
interface GrammarError {
  message: string;
  tok: IToken | undefined;
}

/**
 * Parse with the Chevrotain grammar. Returns the statement (an ErrorStmt when the finding is
 * pushed here: nesting too deep, a bad assignment target) or the grammar's first error.
 */
function runGrammar(toks: IToken[], base: number, isAssign: boolean, whole: Span, out: Diagnostic[]): Stmt | { failed: GrammarError } {
  // The grammar is built on first use: files of plain assignments never pay for it.
  const parser = getParser();
  // Only the first error is read (below): the parse ends there, by a throw of STOP_PARSE.
  parser.stopAtFirstError = true;
  parser.base = base;
  parser.input = toks;
  parser.targetErrors = [];
  let stmt: Stmt | undefined;
  // Chevrotain reports a syntax error by throwing an Error, whose stack V8 captures and nobody
  // reads (only the first error's message and token are): that capture was 40% of parsing a
  // file of `a = =` lines (1.0 of 2.6 s for 20,000 lines).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // Entering at `assignment` directly skips the gated choice of `statement` (the common case).
    const t0 = toks[0]!;
    const assign = isAssign && (t0.tokenType === T.Identifier || T.Keyword.categoryMatchesMap![t0.tokenTypeIdx]);
    stmt = assign ? parser.assignment() : parser.statement();
  } catch (e) {
    if (e === STOP_PARSE) stmt = undefined;
    else if (e instanceof RangeError) {
      out.push(diag('XM0003', 'nesting too deep: not parsed', whole));
      return { kind: 'error', span: whole };
    } else throw e;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const errs = parser.errors;
  if (errs.length > 0) {
    const e = errs[0]!;
    const tok = e.token;
    const isEof = !tok || !(tok.startOffset >= 0) || tok.tokenType.name === 'EOF';
    return { failed: { message: e.message, tok: isEof ? undefined : tok } };
  }
  if (parser.targetErrors.length) {
    const te = parser.targetErrors[0]!;
    out.push(diag('XM0016', te.message, te.span));
    return { kind: 'error', span: whole };
  }
  if (!stmt) return { kind: 'error', span: whole };
  if (stmt.kind === 'unsupported') {
    const k = stmt.keyword;
    if (k === 'expression') {
      out.push(diag('XM0021', 'this value stands alone as a statement and sets nothing', stmt.span));
    } else {
      const what = k === 'call' ? 'a function call' : k === 'assignment' ? 'this kind of assignment' : `'${k}'`;
      const d = diag('XM0020', `Python statement not supported: ${what} (xmcfg never runs configuration code)`, stmt.span);
      // One per statement, not per token: the hint's extra field costs nothing in a flood.
      d.hint = 'xmcfg reads assignments of values only: remove it and write what it computes as plain assignments (NAME = VALUE)';
      out.push(d);
    }
  }
  return stmt;
}

/** Push the finding of the grammar's first error on a statement (`tok` undefined: at its end). */
function reportError(message: string, tok: IToken | undefined, toks: IToken[], isAssign: boolean, base: number, out: Diagnostic[]): void {
  const last = toks[toks.length - 1]!;
  const end = last.startOffset + base + last.image.length;
  const span = tok === undefined ? { start: end, end } : tspan(tok, base);
  const t0 = toks[0]!;
  const t1 = toks[1]!;
  if (isAssign && tok === undefined && toks.length === 2) out.push(diag('XM0012', `expected a value after '${t1.image}' for the key "${t0.image}"`, span));
  else if (isAssign && tok !== undefined && message.startsWith('unexpected ') && (tok.tokenType === T.Identifier || tok.tokenType === T.NumberLit || tok.tokenType === T.StringLit || T.Keyword.categoryMatchesMap![tok.tokenTypeIdx]))
    out.push(diag('XM0014', `unexpected ${describeToken(tok)} after the value of "${t0.image}": put a newline or ';' between statements`, span));
  else out.push(diag('XM0010', message, span));
}

/**
 * How the grammar failed on statements, by their token types: the first error's message without
 * the words naming its token (the only part that depends on what the tokens say), and that token's
 * index (-1: the end of the statement). The grammar's path up to its first error depends on the
 * token types alone (its choices and gates read nothing else), so a statement of the same types
 * fails the same way, and its finding is made without running the grammar again.
 */
const failures = new Map<string, { prefix: string; at: number }>();
/** Statements with more tokens are not remembered (their keys would cost more than they save). */
const KEY_MAX_TOKENS = 32;
/** Most failures remembered; past it the map starts over (a file of many different errors). */
const MAX_FAILURES = 4096;
/** Forget the remembered failures (tests compare answers made with and without them). */
export function forgetGrammarFailures(): void {
  failures.clear();
}

/** The key of a statement's token types, or undefined when it has too many tokens to remember. */
function typesKey(toks: IToken[]): string | undefined {
  if (toks.length > KEY_MAX_TOKENS) return undefined;
  let key = '';
  for (let i = 0; i < toks.length; i++) key += String.fromCharCode(toks[i]!.tokenTypeIdx);
  return key;
}

/** Remember how the statement of `key` failed, when its message is made of its token's description. */
function remember(key: string, message: string, tok: IToken | undefined, toks: IToken[]): void {
  const words = describeToken(tok);
  const at = tok === undefined ? -1 : toks.indexOf(tok);
  if (!message.endsWith(words) || (tok !== undefined && at < 0)) return;
  if (failures.size >= MAX_FAILURES) failures.clear();
  failures.set(key, { prefix: message.slice(0, message.length - words.length), at });
}
