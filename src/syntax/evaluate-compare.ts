/**
 * @fileoverview Comparison chains of xm's evaluator, as Python 2.7 (a wide build, decision 065) runs
 * them: `==`, `!=`/`<>`, `in`, `not in` (decision 075), the orderings `<`, `>`, `<=`, `>=`, and `is`,
 * `is not` (decision 089). Values of one kind compare by value (byte strings by their bytes, unicode
 * strings by code points, lists and tuples item by item); values of different types are ordered by
 * CPython 2's fixed rule (None, then numbers, then type names), given with the warning XM0114.
 * Identity is evaluated only where Python 2 makes it certain; elsewhere XM0115.
 */
import type { Span } from '../diagnostics/span.js';
import { EvalCode } from '../diagnostics/codes/evaluate.js';
import type { CompareOp, Expr } from './tree.js';
import type { StringValue, Value } from './value.js';
import { report, type EvalContext } from './evaluate-expr.js';
import { done, isFailure, isPoison, read, type Evaluate, type Failure } from './evaluate-operand.js';
import { exactBytes } from './byte-text.js';
import { codePoints, wideEquals, wideIncludes } from './py2-unicode.js';
import { asciiOnly, typeName } from './python-format.js';

/** Python 2's `a == b`; `warned`: a unicode and a byte string that is not ASCII met (UnicodeWarning, unequal). */
interface Equality {
  equal: boolean;
  warned: boolean;
}

/** A number, bool as int, for comparisons; null for non-numbers. */
function numeric(v: Value): number | null {
  if (v.kind === 'bool') return v.value ? 1 : 0;
  return v.kind === 'number' && v.value !== null ? v.value : null;
}

const DECODE_FAILS = "'ascii' codec can't decode a non-ASCII byte of this string to compare it with a unicode string";

/** Python 2's `==` of two values. */
export function pyEquals(a: Value, b: Value): Equality {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null || y !== null) return { equal: x !== null && y !== null && x === y, warned: false };
  if (a.kind === 'string' && b.kind === 'string') {
    if (a.unicode && b.unicode) return { equal: wideEquals(a, b), warned: false };
    if (!a.unicode && !b.unicode) return { equal: exactBytes(a) === exactBytes(b), warned: false };
    const bytes = exactBytes(a.unicode ? b : a);
    if (!asciiOnly(bytes)) return { equal: false, warned: true };
    return { equal: bytes === (a.unicode ? a : b).value, warned: false };
  }
  if (a.kind === 'none' || b.kind === 'none') return { equal: a.kind === b.kind, warned: false };
  if (a.kind === 'list' && b.kind === 'list') {
    if (a.tuple !== b.tuple || a.items.length !== b.items.length) return { equal: false, warned: false };
    let warned = false;
    for (let k = 0; k < a.items.length; k++) {
      const e = pyEquals(a.items[k]!, b.items[k]!);
      warned ||= e.warned;
      if (!e.equal) return { equal: false, warned };
    }
    return { equal: true, warned };
  }
  return { equal: false, warned: false };
}

/** Python 2's `item in container`. */
function contains(container: Value, item: Value, at: Span): Equality | Failure {
  if (container.kind === 'list') {
    let warned = false;
    for (const it of container.items) {
      const e = pyEquals(item, it);
      warned ||= e.warned;
      if (e.equal) return { equal: true, warned };
    }
    return { equal: false, warned };
  }
  if (container.kind !== 'string') return { code: EvalCode.badOperands, span: at, message: `argument of type '${typeName(container)}' is not iterable` };
  if (item.kind !== 'string') {
    const message = container.unicode ? `coercing to Unicode: need string or buffer, ${typeName(item)} found` : `'in <string>' requires string as left operand, not ${typeName(item)}`;
    return { code: EvalCode.badOperands, span: at, message };
  }
  if (!container.unicode && !item.unicode) return { equal: exactBytes(container).includes(exactBytes(item)), warned: false };
  // Either one unicode: the byte string is decoded as ASCII first, and here a failure is an error.
  const bytes = container.unicode ? item : container;
  if (!bytes.unicode && !asciiOnly(exactBytes(bytes))) return { code: EvalCode.badOperands, span: at, message: DECODE_FAILS };
  return { equal: wideIncludes(container, item), warned: false };
}

// ---------------------------------------------------------------- ordering

/** An ordering: the sign of a - b; `byType`, when CPython's rule for different types decided it: the types, lower first. */
interface Order {
  cmp: number;
  byType?: [string, string];
}

const sign = <T extends number | string>(x: T, y: T): number => (x < y ? -1 : x > y ? 1 : 0);

/** A unicode string's code points as numbers (a byte string given here is ASCII: its characters). */
function pointValues(s: StringValue): number[] {
  return s.unicode ? codePoints(s).map((c) => c.codePointAt(0)!) : Array.from(s.value, (c) => c.charCodeAt(0));
}

/** Lexicographic order of two sequences of numbers (Python's string and unicode comparison). */
function compareCodes(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return sign(a[k]!, b[k]!);
  return sign(a.length, b.length);
}

/** How CPython 2's default_3way_compare ranks a type among others: None, then numbers, then by type name. */
function typeRank(v: Value): string {
  if (v.kind === 'none') return '0';
  return numeric(v) !== null ? '1' : `2${typeName(v)}`;
}

/** The type as the warning names it: numbers are one group to this rule. */
const typeLabel = (v: Value): string => (v.kind === 'none' ? 'None' : numeric(v) !== null ? 'number' : typeName(v));

/** Python 2's ordering of two values (`a < b` is cmp < 0), or its failure (a unicode string against a non-ASCII byte string). */
function pyOrder(a: Value, b: Value, at: Span): Order | Failure {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null && y !== null) return { cmp: sign(x, y) };
  if (a.kind === 'string' && b.kind === 'string') {
    // Byte strings by their bytes (memcmp); with a unicode string, a byte string is decoded as ASCII first.
    // (one character a byte, so JavaScript's order of the two texts is memcmp's)
    if (!a.unicode && !b.unicode) return { cmp: sign(exactBytes(a), exactBytes(b)) };
    const bytes = a.unicode ? b : a;
    if (!bytes.unicode && !asciiOnly(exactBytes(bytes))) return { code: EvalCode.badOperands, span: at, message: DECODE_FAILS };
    return { cmp: compareCodes(pointValues(a), pointValues(b)) };
  }
  if (a.kind === 'list' && b.kind === 'list' && a.tuple === b.tuple) {
    // list_richcompare: the first items that are not equal decide; else the shorter is less.
    const n = Math.min(a.items.length, b.items.length);
    for (let k = 0; k < n; k++) if (!pyEquals(a.items[k]!, b.items[k]!).equal) return pyOrder(a.items[k]!, b.items[k]!, at);
    return { cmp: sign(a.items.length, b.items.length) };
  }
  if (a.kind === 'none' && b.kind === 'none') return { cmp: 0 };
  // Different types: default_3way_compare, whose order is fixed for these types (strcmp of names).
  const cmp = sign(typeRank(a), typeRank(b));
  return { cmp, byType: cmp < 0 ? [typeLabel(a), typeLabel(b)] : [typeLabel(b), typeLabel(a)] };
}

// ---------------------------------------------------------------- identity

/** Python 2's `a is b` where it is certain, else XM0115 (equal values whose identity CPython decides as it builds them). */
function pyIdentical(a: Value, b: Value, at: Span): boolean | Failure {
  // Objects of different types, or unequal (no NaN among these values), are never one object.
  if (typeName(a) !== typeName(b) || !pyEquals(a, b).equal) return false;
  // None, True and False are single objects; so is each int from -5 to 256 (CPython's small ints).
  if (a.kind === 'none' || a.kind === 'bool') return true;
  if (a.kind === 'number' && typeName(a) === 'int' && a.value! >= -5 && a.value! <= 256) return true;
  return { code: EvalCode.identityUnknown, span: at, message: `whether two equal ${typeName(a)} values are one object depends on how CPython 2 built them (shared constants, interning): 'is' of them is not evaluated`, hint: 'compare values with == or != (keep is for None, True and False)' };
}

// ---------------------------------------------------------------- chains

/** Whether `op` holds for two values, a warning to report with it, or a failure. */
function holds(op: CompareOp, left: Value, right: Value, at: Span): { ok: boolean; warn?: 'unicode' | [string, string] } | Failure {
  switch (op) {
    case 'in':
    case 'not in':
    case '==':
    case '!=':
    case '<>': {
      const r = op === 'in' || op === 'not in' ? contains(right, left, at) : pyEquals(left, right);
      if (isFailure(r)) return r;
      const ok = op === '==' || op === 'in' ? r.equal : !r.equal;
      return r.warned ? { ok, warn: 'unicode' } : { ok };
    }
    case 'is':
    case 'is not': {
      const r = pyIdentical(left, right, at);
      return isFailure(r) ? r : { ok: r === (op === 'is') };
    }
    default: {
      const r = pyOrder(left, right, at);
      if (isFailure(r)) return r;
      const ok = op === '<' ? r.cmp < 0 : op === '>' ? r.cmp > 0 : op === '<=' ? r.cmp <= 0 : r.cmp >= 0;
      return r.byType ? { ok, warn: r.byType } : { ok };
    }
  }
}

/** Report XM0114 at `pair`: values of the types `lower` and `higher` were ordered by type, not value. */
function reportOrderedByType(ctx: EvalContext, [lower, higher]: [string, string], pair: Span): void {
  const numberAndString = lower === 'number' && (higher === 'str' || higher === 'unicode');
  const hint = numberAndString ? 'compare a number with a number: write it without quotes, or format the number ("%d" % n) to compare strings' : 'compare values of the same type';
  report(ctx, EvalCode.orderedByType, pair, `Python 2 orders ${lower === 'None' ? 'None' : `every ${lower}`} before every ${higher}, whatever their values: values of different types are ordered by type`, hint);
}

/** A comparison chain (`a < b < c` is `a < b and b < c`: it stops at the first False, never reading what follows). */
export function evalCompare(operands: Expr[], ops: CompareOp[], span: Span, ctx: EvalContext, depth: number, evaluate: Evaluate): Value | null {
  let left = evaluate(operands[0]!, ctx, depth + 1);
  if (left === null || isPoison(left) || !read(ctx, left, span)) return null;
  let result = true;
  for (let k = 0; k < ops.length && result; k++) {
    const right = evaluate(operands[k + 1]!, ctx, depth + 1);
    if (right === null || isPoison(right) || !read(ctx, right, span)) return null;
    const pair: Span = { start: operands[k]!.span.start, end: operands[k + 1]!.span.end };
    const r = holds(ops[k]!, left, right, pair);
    if (isFailure(r)) return done(ctx, r);
    if (r.warn === 'unicode') report(ctx, EvalCode.unicodeUnequal, pair, 'Unicode equal comparison failed to convert both arguments to Unicode - interpreting them as being unequal (Python 2 warns, and the strings are unequal)', 'compare strings of the same kind: both unicode or both byte strings');
    else if (r.warn !== undefined) reportOrderedByType(ctx, r.warn, pair);
    result = r.ok;
    left = right;
  }
  return { kind: 'bool', value: result, span: { start: span.start, end: span.end } };
}
