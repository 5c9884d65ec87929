/**
 * @fileoverview The few xm forms beyond arithmetic that the evaluator reads, as Python 2.7 (a wide
 * build, decision 065) runs them: `len(x)`, `s[i]` and `s[a:b:c]` of strings (and of lists and
 * tuples when the result holds no list), comparison chains (evaluate-compare.ts, decisions 075
 * and 089), and `and` / `or` / `not` / `x if c else y` (evaluate-bool.ts, decision 093). A byte string counts bytes (UTF-8 text written in the file is its bytes, byte-text.ts), a
 * unicode string code points (py2-unicode.ts). Everything else stays XM0052 (decision 075).
 */
import type { Span } from '../diagnostics/span.js';
import { EvalCode } from '../diagnostics/codes/evaluate.js';
import type { Expr, ExprParts, Subscript } from './tree.js';
import type { ListValue, StringValue, Value } from './value.js';
import type { EvalContext } from './evaluate-expr.js';
import { done, isPoison, read, type Evaluate } from './evaluate-operand.js';
import { evalCompare } from './evaluate-compare.js';
import { evalBoolOp, evalConditional, evalNot } from './evaluate-bool.js';
import { byteString, exactBytes, fromBytes } from './byte-text.js';
import { codePoints, unicodeString, wideLength, WideBuilder } from './py2-unicode.js';
import { typeName } from './python-format.js';
import { makeNumber } from './python-ops.js';

/**
 * The value of an unsupported expression of a form read here, null after a reported failure, or
 * undefined when the form is not one of them (the caller reports XM0052 as before).
 */
export function evalParts(parts: ExprParts, span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null | undefined {
  // `os.uname()[4]`, `os.uname()[4] == 'x86_64'`: the whole expression is what is not evaluated
  // (one XM0052 at it, as before these forms were read), not its inner call.
  if (!partsRead(parts, ctx)) return undefined;
  switch (parts.form) {
    case 'call':
      return evalLen(parts.args, span, ctx, depth, evaluate);
    case 'subscript':
      return evalSubscript(parts.target, parts.sub, span, ctx, depth, evaluate);
    case 'compare':
      return evalCompare(parts.operands, parts.ops, span, ctx, depth, evaluate);
    case 'bool':
      return evalBoolOp(parts.op, parts.operands, span, ctx, depth, evaluate);
    case 'not':
      return evalNot(parts.operand, span, ctx, depth, evaluate);
    case 'conditional':
      return evalConditional(parts.body, parts.test, parts.orelse, span, ctx, depth, evaluate);
  }
}

/** The expressions of an unsupported node's parts, in source order (a call's callee first). */
export function partExprs(parts: ExprParts): Expr[] {
  switch (parts.form) {
    case 'call':
      return [parts.callee, ...parts.args];
    case 'compare':
    case 'bool':
      return parts.operands.slice();
    case 'not':
      return [parts.operand];
    case 'conditional':
      return [parts.body, parts.test, parts.orelse];
    case 'subscript': {
      const s = parts.sub;
      return [parts.target, ...('index' in s ? [s.index] : [s.lower, s.upper, s.step].filter((e): e is Expr => e !== null))];
    }
  }
}

/**
 * Whether these parts are a form read here, their operands holding no construct that is not (a
 * walk of the operands only). Operands that short-circuiting would skip count too (decision 093):
 * `1 or os.uname()` is one XM0052 at the whole expression, as `1 == 2 == os.uname()` is.
 */
function partsRead(parts: ExprParts, ctx: EvalContext): boolean {
  if (parts.form === 'call' && (parts.callee.kind !== 'name' || parts.callee.name !== 'len' || ctx.env.has('len'))) return false;
  const stack = parts.form === 'call' ? parts.args.slice() : partExprs(parts);
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'unsupported' && (e.parts === undefined || !partsRead(e.parts, ctx))) return false;
    if (e.kind === 'list' || e.kind === 'tuple') for (const it of e.items) stack.push(it);
    else if (e.kind === 'paren') stack.push(e.inner);
    else if (e.kind === 'unary') stack.push(e.operand);
    else if (e.kind === 'binary') stack.push(e.left, e.right);
  }
  return true;
}

/** Evaluate each expression in order; null as soon as one fails (or is a poisoned number). */
function evalAll(exprs: readonly (Expr | null)[], ctx: EvalContext, depth: number, evaluate: Evaluate): (Value | null)[] | null {
  const out: (Value | null)[] = [];
  for (const e of exprs) {
    if (e === null) {
      out.push(null);
      continue;
    }
    const v = evaluate(e, ctx, depth + 1);
    if (v === null || isPoison(v)) return null;
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------- len()

/** `len(x)` of the builtin (a file that binds `len` itself calls its own: not evaluated, partsRead). */
function evalLen(args: Expr[], span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null {
  const values = evalAll(args, ctx, depth, evaluate);
  if (values === null) return null;
  if (values.length !== 1) return done(ctx, { code: EvalCode.badOperands, span, message: `len() takes exactly one argument (${values.length} given)` });
  const v = values[0]!;
  if (!read(ctx, v, span)) return null;
  const n = v.kind === 'string' ? (v.unicode ? wideLength(v) : exactBytes(v).length) : v.kind === 'list' ? v.items.length : null;
  if (n === null) return done(ctx, { code: EvalCode.badOperands, span: args[0]!.span, message: `object of type '${typeName(v)}' has no len()` });
  const r = makeNumber(n, false, false, span);
  return 'fail' in r ? null : done(ctx, r);
}

// ---------------------------------------------------------------- subscripts

/** An int, long or bool as an index; null for anything else. */
function indexOf(v: Value): number | null {
  if (v.kind === 'bool') return v.value ? 1 : 0;
  if (v.kind === 'number' && v.value !== null && v.pyType !== 'float') return v.value;
  return null;
}

/** The positions a slice picks from a sequence of `length` (Python's PySlice_GetIndicesEx). */
function slicePositions(length: number, lower: number | null, upper: number | null, step: number): number[] {
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += length;
      return v < 0 ? (step < 0 ? -1 : 0) : v;
    }
    return v >= length ? (step < 0 ? length - 1 : length) : v;
  };
  const start = clamp(lower, step < 0 ? length - 1 : 0);
  const stop = clamp(upper, step < 0 ? -1 : length);
  const out: number[] = [];
  if (step > 0) for (let k = start; k < stop; k += step) out.push(k);
  else for (let k = start; k > stop; k += step) out.push(k);
  return out;
}

/** Whether a value holds a (non-tuple) list at any depth: indexing must not copy a list Python would share. */
function holdsList(v: Value): boolean {
  if (v.kind !== 'list') return false;
  return !v.tuple || v.items.some(holdsList);
}

/** `target[sub]`. */
function evalSubscript(targetExpr: Expr, sub: Subscript, span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null | undefined {
  const bounds = 'index' in sub ? [sub.index] : [sub.lower, sub.upper, sub.step];
  const values = evalAll([targetExpr, ...bounds], ctx, depth, evaluate);
  if (values === null) return null;
  const target = values[0]!;
  if (!read(ctx, target, span)) return null;
  if (target.kind !== 'string' && target.kind !== 'list') return done(ctx, { code: EvalCode.badOperands, span, message: `'${typeName(target)}' object has no attribute '__getitem__'` });
  const items = target.kind === 'string' ? (target.unicode ? codePoints(target) : Array.from(exactBytes(target))) : target.items;
  const kind = target.kind === 'string' ? 'string' : target.tuple ? 'tuple' : 'list';
  let picked: number[];
  if ('index' in sub) {
    const v = values[1]!;
    const i = indexOf(v);
    if (i === null) return done(ctx, { code: EvalCode.badOperands, span: sub.index.span, message: `${kind} indices must be integers, not ${typeName(v)}` });
    const at = i < 0 ? i + items.length : i;
    if (at < 0 || at >= items.length) return done(ctx, { code: EvalCode.indexOutOfRange, span: sub.index.span, message: `${kind} index out of range` });
    picked = [at];
  } else {
    const given = [sub.lower, sub.upper, sub.step];
    const nums: (number | null)[] = [];
    for (let k = 0; k < 3; k++) {
      const v = values[k + 1]!;
      const n = v === null || v.kind === 'none' ? null : indexOf(v);
      if (v !== null && v.kind !== 'none' && n === null) return done(ctx, { code: EvalCode.badOperands, span: given[k]!.span, message: 'slice indices must be integers or None or have an __index__ method' });
      nums.push(n);
    }
    const step = nums[2] ?? 1;
    if (step === 0) return done(ctx, { code: EvalCode.badOperands, span: sub.step!.span, message: 'slice step cannot be zero' });
    picked = slicePositions(items.length, nums[0]!, nums[1]!, step);
  }
  if (target.kind === 'list') {
    const list: ListValue = { kind: 'list', items: picked.map((k) => target.items[k]!), tuple: target.tuple, span };
    // A slice is a new list, but its items are the target's: a list among them Python would share.
    if (list.items.some(holdsList)) return undefined;
    return done(ctx, 'index' in sub ? { ...list.items[0]!, span } : list);
  }
  return done(ctx, pickChars(target, items as string[], picked, span));
}

/** The characters (bytes, or code points of a unicode string) of `s` at `picked`, as a string value. */
function pickChars(s: StringValue, chars: readonly string[], picked: readonly number[], span: Span): StringValue {
  if (s.unicode) {
    // Each code point pushed alone: a high and a low surrogate brought together stay two (decision 065).
    const w = new WideBuilder();
    for (const k of picked) w.push(chars[k]!);
    return unicodeString(w, span);
  }
  let bytes = '';
  for (const k of picked) bytes += chars[k]!;
  // UTF-8 text written in the file reads back as text when the bytes picked are still UTF-8 ('é'[0:2]).
  return s.utf8 === true ? fromBytes(bytes, span) : byteString(bytes, span, false);
}
