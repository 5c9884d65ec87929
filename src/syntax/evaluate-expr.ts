/**
 * @fileoverview Expression evaluation for both dialects: xl values (strings, numbers, nested lists,
 * nothing else) and the safe xm Python subset (names, arithmetic, formatting, tuples), never running
 * code. Every failure is reported once, at the span of the offending expression, and yields null.
 */
import { quoteText, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { EvalCode, evaluateCodes } from '../diagnostics/codes/evaluate.js';
import type { Expr, StringPart } from './tree.js';
import type { ListValue, Value } from './value.js';
import { decodeXlString, decodeXmPart, type EscapeProblem, type WideSplit } from './evaluate-strings.js';
import { unicodeString, WideBuilder } from './py2-unicode.js';
import { LIST_ITEM_WORK, MAX_DEPTH, MAX_FILE_WORK, MAX_STRING, exceeds, sizeOf } from './evaluate-limits.js';
import { parsePythonNumber, strtolBase0 } from './python-number.js';
import { binary, isFailure, unary, type OpFailure, type OpResult } from './python-ops.js';
import { xmOptionConversion } from './xm-options.js';
import { asciiOnly } from './python-format.js';
import { byteString, fromBytes } from './byte-text.js';
import { fileBytesText, type SingleByteCodec } from './source-decode.js';
import { anyWithin, utf8SpanBytes } from './source-bytes.js';
import { decodePy2Utf8 } from './utf8.js';
import { noteHolder, type AliasState } from './evaluate-alias.js';
import { evalParts } from './evaluate-access.js';
import { builtinFinding } from './py2-builtins.js';

/** What a name is bound to while reading an xm file. */
export type Binding =
  /** A value assigned earlier (or given with --define). */
  | { state: 'value'; value: Value }
  /** Assigned from an expression that failed: already reported, so uses stay silent. */
  | { state: 'failed' }
  /** Set by code that is not evaluated (an `if` block, `import`, `a, b = ...`); `how` says which. */
  | { state: 'opaque'; how: string };

/** Shared state of one evaluation. */
export interface EvalContext {
  text: string;
  env: Map<string, Binding>;
  diagnostics: Diagnostic[];
  /** Characters and items built by operators so far (bounded by MAX_FILE_WORK). */
  work: number;
  /** Set once a file-wide budget is spent (reported once): nothing more is evaluated. */
  halted: boolean;
  /** Names whose value an expression read (xm helper variables such as `vmid`). */
  reads: Set<string>;
  /**
   * Names read since they were last bound: a rebinding of one of these (`memory = memory * 2`)
   * updates the value instead of discarding it, so it is no duplicate key (XM0201).
   */
  readSinceBound?: Set<string>;
  /** xm: the lists read by name and who holds them, so `+=` reaches every holder (evaluate-alias.ts). */
  alias?: AliasState;
  /** xm: the single-byte encoding the file declares (PEP 263): a byte string holds its characters' bytes in it. */
  sourceCodec?: SingleByteCodec | null;
  /** xm: the file's bytes, when a value cannot be told from the text (ParseOptions.sourceBytes). */
  sourceBytes?: Uint8Array | null;
  /** xm: where the UTF-8 decoder met invalid bytes (ParseOptions.invalidUtf8), sorted. */
  invalidUtf8?: readonly number[];
}

/** Charge the size of a value an operator built; false (reported once) when the file's work budget is spent. */
export function chargeWork(ctx: EvalContext, v: Value, at: Span): boolean {
  if (ctx.halted) return false;
  ctx.work += v.kind === 'string' ? v.value.length : v.kind === 'list' ? v.items.length * LIST_ITEM_WORK : 1;
  if (ctx.work <= MAX_FILE_WORK) return true;
  ctx.halted = true;
  report(ctx, EvalCode.fileTooLarge, at, 'evaluating this file takes too much work; later settings are not read');
  return false;
}

const FAIL_CODE: Record<OpFailure['fail'], string> = {
  type: EvalCode.badOperands,
  zero: EvalCode.divisionByZero,
  range: EvalCode.outOfRange,
  string: EvalCode.stringTooLong,
  list: EvalCode.listTooLong,
  depth: EvalCode.tooDeep,
  format: EvalCode.badFormat,
};

const SEVERITY = new Map<string, Severity>(evaluateCodes.map((c) => [c.code, c.severity]));

/** Record one diagnostic with the code's registered severity. */
export function report(ctx: EvalContext, code: string, span: Span, message: string, hint?: string): void {
  const d: Diagnostic = { code, severity: SEVERITY.get(code) ?? 'error', message, span: { start: span.start, end: span.end } };
  if (hint !== undefined) d.hint = hint;
  ctx.diagnostics.push(d);
}

/** Report a failed operation at the whole expression, or at its right operand when that is the cause. */
export function reportFailure(ctx: EvalContext, f: OpFailure, whole: Span, right?: Span): void {
  report(ctx, FAIL_CODE[f.fail], f.on === 'right' && right ? right : whole, f.message);
}

/** The same value positioned at another span (nested items keep theirs). */
export function respan(v: Value, span: Span): Value {
  return { ...v, span: { start: span.start, end: span.end } } as Value;
}

/** A number whose text is not a number (already reported by the parser): operations on it stay silent. */
function isPoison(v: Value): boolean {
  return v.kind === 'number' && v.value === null;
}

// ---------------------------------------------------------------- xl

/** The xl value of an expression: strings, NUMBER text and nested lists; null for anything else. */
export function evalXl(expr: Expr, ctx: EvalContext, depth = 0): Value | null {
  if (depth > MAX_DEPTH * 10) {
    report(ctx, EvalCode.tooDeep, expr.span, 'lists nested too deeply');
    return null;
  }
  switch (expr.kind) {
    case 'string':
      // Adjacent literals are a syntax error in xl (reported by the dialect rules).
      if (expr.parts.length !== 1) return null;
      return { kind: 'string', value: decodeXlString(ctx.text, expr.parts[0]!), span: expr.span };
    case 'number': {
      // libxlu keeps NUMBER as text: out of range matters only to an option read as a number, whose
      // reader reports it (XM0108); a string option takes the text, an unknown key is never read.
      const r = strtolBase0(expr.text);
      return { kind: 'number', text: expr.text, value: r.ok ? r.value : null, span: expr.span };
    }
    case 'list': {
      const items: Value[] = [];
      let ok = true;
      for (const item of expr.items) {
        const v = evalXl(item, ctx, depth + 1);
        if (v === null) ok = false;
        else items.push(v);
      }
      // An exact-size copy: a pushed-to array keeps 17+ slots, which adds up over a 10 MB file.
      return ok ? { kind: 'list', items: items.slice(), tuple: false, span: expr.span } : null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------- xm

function evalString(expr: Extract<Expr, { kind: 'string' }>, ctx: EvalContext): Value | null {
  const problems: EscapeProblem[] = [];
  let value = '';
  // One u-prefixed part makes the joined literal unicode (Python 2: 'a' u'b' is u'ab').
  let unicode = false;
  // Byte parts' non-ASCII characters: written as text (Python: their UTF-8 bytes), or escaped bytes.
  let text = false;
  let bytes = false;
  /** A part holding both, which decoding does not tell apart (`'é\xe9'`). */
  let mixedPart = false;
  /** The bytes Python holds, built only while parts differ in kind ('é' '\xe9'). */
  let exact = '';
  /** The unicode value, each part's surrogates kept apart from its neighbours' (py2-unicode.ts). */
  const wide = new WideBuilder();
  for (const part of expr.parts) {
    const isU = part.prefix.includes('u');
    if (isU) unicode = true;
    let partSplit: WideSplit | undefined = isU ? { split: [] } : undefined;
    let decoded = decodeXmPart(ctx.text, part, problems, partSplit);
    const raw = invalidBytesOf(ctx, part);
    // u"" of a file with bytes that are not UTF-8 to xmcfg's decoder: Python 2 decodes them by its
    // own rules (a UTF-8-encoded surrogate is that surrogate; what it refuses is XM0049).
    const source: number[] = [];
    const py2 = raw !== null && isU ? decodePy2Utf8(raw, source) : null;
    if (py2 !== null) {
      partSplit = { split: [], source };
      decoded = decodeXmPart(py2, { ...part, span: { start: 0, end: py2.length } }, [], partSplit);
    }
    // In a file of a declared single-byte encoding, written characters are the file's bytes, as
    // escaped ones are: the part is bytes (one character each), read from the file's bytes; so is a
    // byte string holding bytes xmcfg's UTF-8 decoder read as U+FFFD (Python keeps them as they are).
    const own = raw !== null && !part.prefix.includes('u') ? decodeXmPart(raw, { ...part, span: { start: 0, end: raw.length } }, []) : ctx.sourceCodec && !part.prefix.includes('u') ? (nonAscii(decoded, 0, decoded.length) === 0 ? decoded : decodeXmPart(fileBytesText(ctx.text, ctx.sourceCodec), part, [])) : null;
    if (own !== null) {
      decoded = own;
      if (nonAscii(own, 0, own.length) > 0) bytes = true;
      exact += own;
    } else if (!part.prefix.includes('u')) {
      const written = nonAscii(ctx.text, part.span.start, part.span.end);
      const held = nonAscii(decoded, 0, decoded.length);
      if (written > 0) text = true;
      if (held > written) bytes = true;
      if (written > 0 && held > written) mixedPart = true;
      exact += written > 0 ? Buffer.from(decoded, 'utf8').toString('latin1') : decoded;
    }
    value += decoded;
    wide.push(decoded, partSplit !== undefined && partSplit.split.length > 0 ? partSplit.split : undefined);
    if (value.length > MAX_STRING) {
      report(ctx, EvalCode.stringTooLong, expr.span, `string literal longer than ${MAX_STRING} characters`);
      return null;
    }
  }
  for (const p of problems) {
    if (p.notDecoded) report(ctx, EvalCode.notEvaluated, p.span, p.message, 'write the character itself (with a coding declaration) or as a \\u escape');
    else report(ctx, EvalCode.badEscape, p.span, p.message);
  }
  if (problems.length > 0) return null;
  if (unicode && !asciiOnly(value)) {
    // Python 2 decodes the byte parts as ASCII to join them to a unicode part: a non-ASCII byte fails.
    const bytePart = expr.parts.find((p) => !p.prefix.includes('u') && !asciiOnly(decodeXmPart(ctx.text, p, [])));
    if (bytePart !== undefined) {
      report(ctx, EvalCode.badOperands, bytePart.span, "'ascii' codec can't decode a non-ASCII byte of this string to join it to a unicode string");
      return null;
    }
  }
  if (unicode) return unicodeString({ value, split: wide.split }, expr.span);
  if (mixedPart) {
    // 'é\xe9': which characters are text and which bytes is not kept past decoding.
    report(ctx, EvalCode.notEvaluated, expr.span, 'a byte string mixing non-ASCII characters with non-ASCII \\x or octal escapes is not evaluated', 'write the characters all as text or all as escapes');
    return null;
  }
  return text && bytes ? fromBytes(exact, expr.span) : byteString(value, expr.span, text);
}

/** The file's bytes (one character each) of a literal part that holds bytes xmcfg's UTF-8 decoder read as U+FFFD, else null. */
function invalidBytesOf(ctx: EvalContext, part: StringPart): string | null {
  if (ctx.sourceBytes == null || ctx.sourceCodec || ctx.invalidUtf8 === undefined || !anyWithin(ctx.invalidUtf8, part.span.start, part.span.end)) return null;
  return utf8SpanBytes(ctx.sourceBytes, part.span.start, part.span.end);
}

/** Non-ASCII UTF-16 units of s[from, to). */
function nonAscii(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

function evalNumber(expr: Extract<Expr, { kind: 'number' }>, ctx: EvalContext): Value | null {
  const r = parsePythonNumber(expr.text);
  if (r.ok) return { kind: 'number', text: expr.text, value: r.value, pyType: r.pyType, span: expr.span };
  if (r.reason === 'range') {
    // A float literal out of range is infinite in Python (1e400 is inf); an integer one is exact in
    // Python (a long) but not in xmcfg, which holds integers exactly only below 2^53.
    const float = !/^0[xXoObB]/.test(expr.text) && /[.eEjJ]/.test(expr.text);
    const why = float ? 'is beyond the largest float (about 1.8e308): Python reads it as inf' : 'is 2^53 or more in magnitude (integers are exact up to 2^53 - 1)';
    report(ctx, EvalCode.outOfRange, expr.span, `number ${quoteText(expr.text)} ${why}`);
    return null;
  }
  if (r.reason === 'complex') {
    report(ctx, EvalCode.notEvaluated, expr.span, 'complex numbers are not evaluated');
    return null;
  }
  // Not a Python number (e.g. `12abc`): the parser reports it; keep the text, value unknown.
  return { kind: 'number', text: expr.text, value: null, span: expr.span };
}

const BUILTINS: Record<string, (span: Span) => Value> = {
  True: (span) => ({ kind: 'bool', value: true, span }),
  False: (span) => ({ kind: 'bool', value: false, span }),
  None: (span) => ({ kind: 'none', span }),
};

/** Look a name up: earlier assignments and defines first (Python 2 lets True be rebound), then builtins. */
function evalName(name: string, span: Span, ctx: EvalContext): Value | null {
  const b = ctx.env.get(name);
  if (b?.state === 'value') {
    ctx.reads.add(name);
    ctx.readSinceBound?.add(name);
    if (ctx.alias !== undefined) noteHolder(ctx.alias, name, b.value);
    return respan(b.value, span);
  }
  if (b?.state === 'failed') return null;
  if (b?.state === 'opaque') {
    report(ctx, EvalCode.conditionalName, span, `name '${name}' is ${b.how}`, `assign ${name} a plain value outside the block, or pass --define ${name}=VALUE`);
    return null;
  }
  const builtin = BUILTINS[name];
  if (builtin) return builtin({ start: span.start, end: span.end });
  // `x = len`: Python binds the builtin itself, a function or class, which is no config value.
  const asBuiltin = builtinFinding(name);
  if (asBuiltin !== undefined) {
    report(ctx, EvalCode.builtinValue, span, asBuiltin.message, asBuiltin.hint);
    return null;
  }
  const shown = quoteText(name);
  // `xm create FILE memory=1024` set the option, not a name the file reads (xm-options.ts).
  const hint = xmOptionConversion(name) === undefined ? `assign it earlier in the file or pass --define ${shown}=VALUE` : `assign it earlier in the file: ${shown} is an option of xm, and --define ${shown}=VALUE sets the option, not a name the file can read`;
  report(ctx, EvalCode.undefinedName, span, `name '${shown}' is not defined`, hint);
  return null;
}

function evalSequence(expr: Extract<Expr, { kind: 'list' | 'tuple' }>, ctx: EvalContext, depth: number): Value | null {
  const items: Value[] = [];
  let ok = true;
  for (const item of expr.items) {
    const v = evalXm(item, ctx, depth + 1);
    if (v === null) ok = false;
    else items.push(v);
  }
  if (!ok) return null;
  // An exact-size copy: a pushed-to array keeps 17+ slots.
  const list: ListValue = { kind: 'list', items: items.slice(), tuple: expr.kind === 'tuple', span: expr.span };
  const why = exceeds(sizeOf(list));
  if (why !== null) {
    const code = why === 'list' ? EvalCode.listTooLong : why === 'string' ? EvalCode.stringTooLong : EvalCode.tooDeep;
    report(ctx, code, expr.span, why === 'depth' ? 'lists nested too deeply' : 'list too large');
    return null;
  }
  return chargeWork(ctx, list, expr.span) ? list : null;
}

/**
 * A chain of binary operators: the left spine is walked iteratively so `1 + 2 + ... + n` of any
 * length needs no recursion; only right operands and nested groups count towards the depth limit.
 */
function evalBinary(expr: Extract<Expr, { kind: 'binary' }>, ctx: EvalContext, depth: number): Value | null {
  const spine: Extract<Expr, { kind: 'binary' }>[] = [];
  let e: Expr = expr;
  while (e.kind === 'binary') {
    spine.push(e);
    e = e.left;
  }
  let acc = evalXm(e, ctx, depth + 1);
  for (let k = spine.length - 1; k >= 0; k--) {
    const node = spine[k]!;
    const right = evalXm(node.right, ctx, depth + 1);
    if (acc === null || right === null || isPoison(acc) || isPoison(right)) {
      acc = null;
      continue;
    }
    const r: OpResult = binary(node.op, acc, right, node.span);
    if (isFailure(r)) {
      reportFailure(ctx, r, node.span, node.right.span);
      acc = null;
    } else acc = chargeWork(ctx, r, node.span) ? r : null;
  }
  return acc;
}

const UNSUPPORTED_WHAT: Record<Extract<Expr, { kind: 'unsupported' }>['what'], string> = {
  call: 'function calls are not evaluated',
  attribute: 'attribute access is not evaluated',
  subscript: 'subscripts are not evaluated',
  dict: 'dictionaries are not evaluated',
  other: 'this Python expression is not evaluated',
};

/** The value of an xm expression, evaluated safely with Python 2 semantics; null after a reported failure. */
export function evalXm(expr: Expr, ctx: EvalContext, depth = 0): Value | null {
  if (ctx.halted) return null;
  if (depth > MAX_DEPTH) {
    report(ctx, EvalCode.tooDeep, expr.span, `expression nested more than ${MAX_DEPTH} levels deep`);
    return null;
  }
  switch (expr.kind) {
    case 'string':
      return evalString(expr, ctx);
    case 'number':
      return evalNumber(expr, ctx);
    case 'name':
      return evalName(expr.name, expr.span, ctx);
    case 'list':
    case 'tuple':
      return evalSequence(expr, ctx, depth);
    case 'paren': {
      const v = evalXm(expr.inner, ctx, depth + 1);
      return v === null ? null : respan(v, expr.span);
    }
    case 'unary': {
      const v = evalXm(expr.operand, ctx, depth + 1);
      if (v === null || isPoison(v)) return null;
      const r = unary(expr.op, v, expr.span);
      if (isFailure(r)) {
        reportFailure(ctx, r, expr.span);
        return null;
      }
      return r;
    }
    case 'binary':
      return evalBinary(expr, ctx, depth);
    case 'unsupported': {
      // len(), subscripts, comparisons, and/or/not/if-else (evaluate-access.ts); undefined: none of them.
      const v = expr.parts === undefined ? undefined : evalParts(expr.parts, expr.span, ctx, depth, evalXm);
      if (v !== undefined) return v;
      report(ctx, EvalCode.notEvaluated, expr.span, UNSUPPORTED_WHAT[expr.what], 'write the value it gives as a literal (a string, a number or a list)');
      return null;
    }
    case 'error':
      return null;
  }
}
