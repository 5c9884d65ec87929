/**
 * @fileoverview Python 2 arithmetic on evaluated values: `+ - * / // % **`, unary minus/plus and `+=`,
 * with Python's floor division and modulo signs, int `/` int as floor division, sequence repetition
 * and concatenation. Every result size is checked before it is built; ints are capped at 2^53.
 */
import type { Span } from '../diagnostics/span.js';
import type { ListValue, NumberValue, StringValue, Value } from './value.js';
import { MAX_INT, floatRepr, powInt } from './python-number.js';
import { MAX_STRING, exceeds, sizeOf, type ValueSize } from './evaluate-limits.js';
import { asciiOnly, formatPercent, typeName } from './python-format.js';
import { codePoints, joinWide, repeatWide, unicodeString } from './py2-unicode.js';
import { byteString, exactBytes, fromBytes, mixedBytes } from './byte-text.js';

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

/** Why an operation failed: the kind decides the diagnostic code; `on` which operand to point at. */
export interface OpFailure {
  fail: 'type' | 'zero' | 'range' | 'string' | 'list' | 'depth' | 'format';
  message: string;
  on?: 'right';
}

export type OpResult = Value | OpFailure;

/** Whether an operation result is a failure. */
export function isFailure(r: OpResult): r is OpFailure {
  return (r as OpFailure).fail !== undefined;
}

interface Num {
  n: number;
  float: boolean;
  long: boolean;
}

/** Numeric view of a value (bools are ints, as in Python); null for non-numbers. */
function num(v: Value): Num | null {
  if (v.kind === 'bool') return { n: v.value ? 1 : 0, float: false, long: false };
  if (v.kind === 'number' && v.value !== null && v.pyType !== undefined) return { n: v.value, float: v.pyType === 'float', long: v.pyType === 'long' };
  return null;
}

/** A number value with Python's repr as its text. */
export function makeNumber(n: number, float: boolean, long: boolean, span: Span): NumberValue | OpFailure {
  if (float) {
    if (!Number.isFinite(n)) return { fail: 'range', message: 'float result out of range' };
    return { kind: 'number', text: floatRepr(n), value: n, pyType: 'float', span };
  }
  if (Math.abs(n) > MAX_INT) return { fail: 'range', message: 'integer result is 2^53 or more in magnitude (integers are exact up to 2^53 - 1)' };
  const v = n === 0 ? 0 : n; // no -0 for ints
  return { kind: 'number', text: String(v) + (long ? 'L' : ''), value: v, pyType: long ? 'long' : 'int', span };
}

function typeError(op: string, a: Value, b: Value): OpFailure {
  return { fail: 'type', message: `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'` };
}

function sizeFailure(size: ValueSize): OpFailure | null {
  const why = exceeds(size);
  if (why === 'list') return { fail: 'list', message: `list would hold ${size.items} items (limit 100000)` };
  if (why === 'string') return { fail: 'string', message: `value would hold ${size.chars} characters` };
  if (why === 'depth') return { fail: 'depth', message: 'lists nested too deeply' };
  return null;
}

function makeList(items: Value[], tuple: boolean, span: Span): ListValue {
  return { kind: 'list', items, tuple, span };
}

/** Repeat a string or list `count` times, size-checked first. */
function repeat(seq: Value, count: number, span: Span): OpResult {
  const n = Math.max(0, count);
  if (seq.kind === 'string') {
    if (seq.value.length * n > MAX_STRING) return { fail: 'string', message: `string would be ${seq.value.length * n} characters (limit ${MAX_STRING})` };
    return seq.unicode ? unicodeString(repeatWide(seq, n), span) : byteString(seq.value.repeat(n), span, seq.utf8 === true);
  }
  if (seq.kind !== 'list') return { fail: 'type', message: `can't multiply ${typeName(seq)}` };
  // An empty sequence stays empty: the count (up to 2^53) must not drive the copy loop below.
  if (seq.items.length === 0) return makeList([], seq.tuple, span);
  const s = sizeOf(seq);
  const planned = { chars: s.chars * n, items: s.items * n, depth: s.depth };
  const bad = sizeFailure(planned);
  if (bad) return bad;
  const items: Value[] = [];
  for (let k = 0; k < n; k++) for (const it of seq.items) items.push(it);
  return makeList(items, seq.tuple, span);
}

/** Concatenate two lists (or two tuples), size-checked first. */
function concatLists(a: ListValue, b: ListValue, tuple: boolean, span: Span): OpResult {
  const sa = sizeOf(a);
  const sb = sizeOf(b);
  const bad = sizeFailure({ chars: sa.chars + sb.chars, items: sa.items + sb.items, depth: Math.max(sa.depth, sb.depth) });
  if (bad) return bad;
  return makeList(a.items.concat(b.items), tuple, span);
}

/** Exact Python floor division and modulo of two safe integers. */
function intDivMod(a: number, b: number): [number, number] {
  const A = BigInt(a);
  const B = BigInt(b);
  let q = A / B;
  let r = A % B;
  if (r !== 0n && r < 0n !== B < 0n) {
    q -= 1n;
    r += B;
  }
  return [Number(q), Number(r)];
}

/** Python float modulo: result takes the sign of the divisor. */
function floatMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0) {
    if (m < 0 !== b < 0) m += b;
  } else m = b < 0 ? -0 : 0;
  return m;
}

/** Python float floor division (CPython's float_divmod rounding). */
function floatFloorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  const f = Math.floor(div);
  return div - f > 0.5 ? f + 1 : f;
}

/** Integer power with the result bounded before computing (`2**10**8` fails at once). */
function intPow(base: number, exp: number): number | OpFailure {
  const ab = Math.abs(base);
  if (ab <= 1) return base === -1 ? (exp % 2 === 0 ? 1 : -1) : base === 0 ? (exp === 0 ? 1 : 0) : 1;
  if (exp * Math.log2(ab) > 54) return { fail: 'range', message: 'integer result is 2^53 or more in magnitude (integers are exact up to 2^53 - 1)' };
  const r = BigInt(base) ** BigInt(exp);
  if (r > BigInt(MAX_INT) || r < -BigInt(MAX_INT)) return { fail: 'range', message: 'integer result is 2^53 or more in magnitude (integers are exact up to 2^53 - 1)' };
  return Number(r);
}

function arith(op: BinaryOp, x: Num, y: Num, span: Span): OpResult {
  const float = x.float || y.float;
  const long = x.long || y.long;
  const a = x.n;
  const b = y.n;
  switch (op) {
    case '+':
      return makeNumber(a + b, float, long, span);
    case '-':
      return makeNumber(a - b, float, long, span);
    case '*':
      return makeNumber(a * b, float, long, span);
    case '/':
    case '//':
    case '%': {
      if (b === 0) return { fail: 'zero', message: op === '%' ? 'modulo by zero' : 'division by zero', on: 'right' };
      if (float) {
        if (op === '/') return makeNumber(a / b, true, false, span);
        return makeNumber(op === '//' ? floatFloorDiv(a, b) : floatMod(a, b), true, false, span);
      }
      const [q, r] = intDivMod(a, b);
      return makeNumber(op === '%' ? r : q, false, long, span);
    }
    case '**': {
      if (!float && b >= 0) {
        const r = intPow(a, b);
        return typeof r === 'number' ? makeNumber(r, false, long, span) : r;
      }
      if (a === 0 && b < 0) return { fail: 'zero', message: '0.0 cannot be raised to a negative power', on: 'right' };
      if (a < 0 && !Number.isInteger(b)) return { fail: 'type', message: 'negative number cannot be raised to a fractional power' };
      return makeNumber(Number.isInteger(b) ? powInt(a, b) : Math.pow(a, b), true, false, span);
    }
  }
}

/** Python 2 `a <op> b`; the result carries `span` (the whole expression). */
export function binary(op: BinaryOp, a: Value, b: Value, span: Span): OpResult {
  const x = num(a);
  const y = num(b);
  if (x && y) return arith(op, x, y, span);
  if (op === '+') {
    if (a.kind === 'string' && b.kind === 'string') {
      if (a.value.length + b.value.length > MAX_STRING) return { fail: 'string', message: `string would be ${a.value.length + b.value.length} characters (limit ${MAX_STRING})` };
      if (a.unicode !== b.unicode) {
        // str + unicode is unicode: Python 2 decodes the byte string as ASCII first.
        const bytes = a.unicode ? b : a;
        if (!asciiOnly(bytes.value)) {
          const f: OpFailure = { fail: 'type', message: "'ascii' codec can't decode a non-ASCII byte string to add it to a unicode string" };
          if (bytes === b) f.on = 'right';
          return f;
        }
        return unicodeString(joinWide(a, b), span);
      }
      if (a.unicode) return unicodeString(joinWide(a, b), span);
      // 'é' + '\xe9': the text's UTF-8 bytes and the escaped byte, as Python holds them.
      if (mixedBytes([a, b])) return fromBytes(exactBytes(a) + exactBytes(b), span);
      return byteString(a.value + b.value, span, a.utf8 === true || b.utf8 === true);
    }
    if (a.kind === 'list' && b.kind === 'list' && a.tuple === b.tuple) return concatLists(a, b, a.tuple, span);
    if (a.kind === 'string' && b.kind !== 'string') return { fail: 'type', message: `cannot concatenate 'str' and '${typeName(b)}' objects` };
    if (a.kind === 'list') return { fail: 'type', message: `can only concatenate ${typeName(a)} (not "${typeName(b)}") to ${typeName(a)}` };
    return typeError('+', a, b);
  }
  if (op === '*') {
    const aSeq = a.kind === 'string' || a.kind === 'list';
    const bSeq = b.kind === 'string' || b.kind === 'list';
    if (aSeq && !bSeq && y && !y.float) return repeat(a, y.n, span);
    if (bSeq && !aSeq && x && !x.float) return repeat(b, x.n, span);
    if (aSeq || bSeq) return { fail: 'type', message: `can't multiply sequence by non-int of type '${typeName(aSeq ? b : a)}'` };
    return typeError('*', a, b);
  }
  if (op === '%' && a.kind === 'string') {
    const r = formatBytes(a, b);
    if ('text' in r) return r.unicode ? unicodeString({ value: r.text, split: r.split }, span) : r.exact ? fromBytes(r.text, span) : byteString(r.text, span, r.utf8 === true);
    return { fail: r.tooLong ? 'string' : 'format', message: r.error };
  }
  return typeError(op, a, b);
}

/**
 * `fmt % args` for a format string: byte strings of UTF-8 text (`utf8`) are formatted as their text,
 * the result marked `utf8` too, unless escaped bytes take part (then every byte string is formatted
 * as its exact bytes), or a width or precision could cut or pad by characters where Python counts bytes.
 */
function formatBytes(fmt: StringValue, args: Value): ReturnType<typeof formatPercent> & { utf8?: boolean; exact?: boolean } {
  const items = args.kind === 'list' && args.tuple ? args.items : [args];
  const strings = [fmt, ...items.filter((v): v is StringValue => v.kind === 'string' && v.unicode !== true)];
  if (fmt.unicode === true || !strings.some((v) => v.utf8 === true)) return formatPercent(fmt.value, args, fmt.unicode === true, fmt.split);
  // %c of a number makes a byte; widths and precisions count bytes: the exact bytes then.
  const exact = mixedBytes(strings) || /%[-+ #0-9.*]*c|%[-+ #0]*[1-9*.]/.test(fmt.value);
  if (!exact) {
    const r = formatPercent(fmt.value, args, false);
    return 'text' in r && !r.unicode ? { ...r, utf8: true } : r;
  }
  const asBytes = (v: Value): Value => (v.kind === 'string' && v.utf8 === true ? { kind: 'string', value: exactBytes(v), span: v.span } : v);
  const exactArgs = args.kind === 'list' && args.tuple ? { ...args, items: args.items.map(asBytes) } : asBytes(args);
  const r = formatPercent(exactBytes(fmt), exactArgs, false);
  return 'text' in r && !r.unicode ? { ...r, exact: true } : r;
}

/** Python 2 unary `-x` / `+x`. */
export function unary(op: '-' | '+', v: Value, span: Span): OpResult {
  const x = num(v);
  if (!x) return { fail: 'type', message: `bad operand type for unary ${op}: '${typeName(v)}'` };
  return makeNumber(op === '-' ? -x.n : x.n, x.float, x.long, span);
}

/** Python 2 `a += b`: like `+`, except that a list extends with any list, tuple or string. */
export function augmentedAdd(a: Value, b: Value, span: Span): OpResult {
  if (a.kind === 'list' && !a.tuple && (b.kind === 'list' || b.kind === 'string')) {
    // A byte string extends a list by its bytes: 'é' (UTF-8 text) by two; a unicode one by its code points.
    const extra: ListValue = b.kind === 'list' ? b : makeList(b.unicode ? codePoints(b).map((ch): Value => ({ kind: 'string', value: ch, span: b.span, unicode: true })) : Array.from(exactBytes(b), (ch): Value => ({ kind: 'string', value: ch, span: b.span })), false, b.span);
    if (b.kind === 'string' && b.value.length > 100_000) return { fail: 'list', message: `list would hold more than 100000 items` };
    return concatLists(a, extra, false, span);
  }
  return binary('+', a, b, span);
}
