/**
 * @fileoverview Number reading and printing for both dialects: C `strtol` base 0 (how libxlu's numeric
 * getter reads xl NUMBER text), Python 2 literals (xm), and Python 2.7's float repr/str and the exact
 * fixed/exponential digit generation `%f`/`%e`/`%g` need (JS toFixed rounds ties away from zero,
 * Python rounds the exact binary value half-even, so digits are produced with BigInt here).
 */

/** Largest integer an evaluated value may hold, 2^53 - 1 (from 2^53 up, results are reported as out of range, XM0055). */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/** Outcome of reading a number: a value, text that is not a number, or a number out of range. */
export type NumberReading =
  | { ok: true; value: number; pyType: 'int' | 'long' | 'float' }
  | { ok: false; reason: 'invalid' | 'range' | 'complex' };

const INVALID: NumberReading = { ok: false, reason: 'invalid' };
const RANGE: NumberReading = { ok: false, reason: 'range' };

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** Above every limit a reading is judged against (a C long, 2^53): values past it are kept as it. */
const DIGITS_CAP = 1n << 64n;

/** Read digits of `base` from `text[from..to)` exactly; null when a character is not such a digit. */
function readDigits(text: string, from: number, to: number, base: number): number | bigint | null {
  if (from >= to) return null;
  if (to - from <= 13) {
    // Fast path: 13 digits of any base up to 16 stay below 2^53, so doubles are exact.
    let v = 0;
    for (let i = from; i < to; i++) {
      const d = digitValue(text.charCodeAt(i));
      if (d >= base) return null;
      v = v * base + d;
    }
    return v;
  }
  let n = 0n;
  const b = BigInt(base);
  for (let i = from; i < to; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= base) return null;
    // Past 2^64 every caller only needs "out of range": growing the BigInt digit by digit was
    // quadratic (a 1 MiB run of digits took minutes); the rest is still read to validate it.
    if (n <= DIGITS_CAP) n = n * b + BigInt(d);
  }
  return n;
}


const BIG_MAX_INT = BigInt(MAX_INT);

function fromBig(n: number | bigint, pyType: 'int' | 'long'): NumberReading {
  if (typeof n === 'number') return { ok: true, value: n, pyType };
  if (n > BIG_MAX_INT || n < -BIG_MAX_INT) return RANGE;
  return { ok: true, value: Number(n), pyType };
}

const C_LONG_MAX = (1n << 63n) - 1n;

/**
 * C `strtol(text, &end, 0)` as libxlu applies it: optional leading blanks and sign, `0x` hex, a leading
 * `0` octal, else decimal, and the whole text must be consumed. Beyond a C long or beyond 2^53: range.
 */
export function strtolBase0(text: string): NumberReading {
  let i = 0;
  const n = text.length;
  // isspace(): space, \t \n \v \f \r
  while (i < n && (text.charCodeAt(i) === 32 || (text.charCodeAt(i) >= 9 && text.charCodeAt(i) <= 13))) i++;
  let neg = false;
  if (text[i] === '+' || text[i] === '-') {
    neg = text[i] === '-';
    i++;
  }
  let base = 10;
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && digitValue(text.charCodeAt(i + 2)) < 16) {
    base = 16;
    i += 2;
  } else if (text[i] === '0') {
    base = 8;
  }
  const v = readDigits(text, i, n, base);
  if (v === null) return INVALID;
  if (typeof v === 'number') return { ok: true, value: neg && v !== 0 ? -v : v, pyType: 'int' };
  const signed = neg ? -v : v;
  if (signed > C_LONG_MAX || signed < -C_LONG_MAX - 1n) return RANGE;
  return fromBig(signed, 'int');
}

/**
 * Whether C `strtol(text, &end, 0)` reads the whole text as a long other than 0 (libxlu's
 * xlu_cfg_get_defbool: `!!l`), including longs from 2^53 up that strtolBase0 reports as out of
 * range; null when libxlu refuses the text (not a number, or past a C long).
 */
export function strtolNonZero(text: string): boolean | null {
  const r = strtolBase0(text);
  if (r.ok) return r.value !== 0;
  // Out of range here is either past a C long (refused) or a long from 2^53 up (never 0).
  return r.reason === 'range' && strtolFitsLong(text) ? true : null;
}

/** True when the text, read as strtolBase0 reads it, is a whole number within a C long. */
function strtolFitsLong(text: string): boolean {
  const t = text.replace(/^[ \t\n\v\f\r]*/, '');
  const neg = t[0] === '-';
  const body = t[0] === '+' || t[0] === '-' ? t.slice(1) : t;
  const hex = /^0[xX]/.test(body);
  const base = hex ? 16 : body[0] === '0' ? 8 : 10;
  const v = readDigits(body, hex ? 2 : 0, body.length, base);
  if (v === null) return false;
  const signed = neg ? -BigInt(v) : BigInt(v);
  return signed <= C_LONG_MAX && signed >= -C_LONG_MAX - 1n;
}

/** Python 2 numeric literal (no sign): ints (octal `010`, `0o17`, `0x1F`, `0b101`, `L` suffix), floats. */
export function parsePythonNumber(text: string): NumberReading {
  const n = text.length;
  if (n === 0) return INVALID;
  const last = text[n - 1]!;
  if (last === 'j' || last === 'J') return isFloatText(text.slice(0, -1)) || isIntText(text.slice(0, -1)) ? { ok: false, reason: 'complex' } : INVALID;
  let end = n;
  let long = false;
  if (last === 'l' || last === 'L') {
    long = true;
    end--;
  }
  const pyType = long ? 'long' : 'int';
  if (text[0] === '0' && end > 1) {
    const p = text[1];
    const prefixed = p === 'x' || p === 'X' ? 16 : p === 'o' || p === 'O' ? 8 : p === 'b' || p === 'B' ? 2 : 0;
    if (prefixed) {
      const v = readDigits(text, 2, end, prefixed);
      return v === null ? INVALID : fromBig(v, pyType);
    }
    const oct = readDigits(text, 1, end, 8);
    if (oct !== null) return fromBig(oct, pyType);
  } else {
    const dec = readDigits(text, 0, end, 10);
    if (dec !== null) return fromBig(dec, pyType);
  }
  if (long) return INVALID;
  if (!isFloatText(text)) return INVALID;
  const f = Number(text);
  return Number.isFinite(f) ? { ok: true, value: f, pyType: 'float' } : RANGE;
}

function isIntText(t: string): boolean {
  return readDigits(t, 0, t.length, 10) !== null;
}

/** Python float literal shape: digits with a dot and/or an exponent (`1.`, `.5`, `1e3`, `08.5`). */
function isFloatText(t: string): boolean {
  let i = 0;
  let mant = 0;
  while (i < t.length && t[i]! >= '0' && t[i]! <= '9') (i++, mant++);
  let dot = false;
  if (t[i] === '.') {
    dot = true;
    i++;
    while (i < t.length && t[i]! >= '0' && t[i]! <= '9') (i++, mant++);
  }
  if (mant === 0) return false;
  let exp = false;
  if (t[i] === 'e' || t[i] === 'E') {
    exp = true;
    i++;
    if (t[i] === '+' || t[i] === '-') i++;
    const s = i;
    while (i < t.length && t[i]! >= '0' && t[i]! <= '9') i++;
    if (i === s) return false;
  }
  return i === t.length && (dot || exp);
}

/** Exact value of a finite double as `mant * 2^exp` (BigInt mantissa, may be negative). */
function decompose(x: number): { mant: bigint; exp: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (e === 0) exp = -1074;
  else {
    m |= 1n << 52n;
    exp = e - 1075;
  }
  return { mant: sign * m, exp };
}

/** round(num/den) half-even, num ≥ 0, den > 0. */
function divRoundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** |x| * 10^p rounded half-even on the exact binary value (p may be negative). */
function scaledRound(ax: number, p: number): bigint {
  const { mant, exp } = decompose(ax);
  let num = mant;
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (p >= 0) num *= 10n ** BigInt(p);
  else den *= 10n ** BigInt(-p);
  return divRoundHalfEven(num, den);
}

/** Digits of |x| for `%.<prec>f` (finite x, no sign), exactly as C/Python print them. */
export function fixedDigits(x: number, prec: number): string {
  const ax = Math.abs(x);
  const n = scaledRound(ax, prec).toString();
  if (prec === 0) return n;
  const padded = n.padStart(prec + 1, '0');
  return `${padded.slice(0, -prec)}.${padded.slice(-prec)}`;
}

/** `prec+1` significant digits of |x| (finite) and the decimal exponent of the first one. */
export function significantDigits(x: number, prec: number): { digits: string; exp: number } {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0'.repeat(prec + 1), exp: 0 };
  // log10 is only an estimate: settle 10^e <= |x| < 10^(e+1) exactly before rounding.
  let e = Math.floor(Math.log10(ax));
  while (comparePow10(ax, e) < 0) e--;
  while (comparePow10(ax, e + 1) >= 0) e++;
  const d = scaledRound(ax, prec - e).toString();
  // Rounding up may carry into a new digit (9.99 -> 10.0).
  if (d.length === prec + 2) return { digits: d.slice(0, prec + 1), exp: e + 1 };
  return { digits: d, exp: e };
}

/** Sign of |x| - 10^e, computed exactly. */
function comparePow10(ax: number, e: number): number {
  const { mant, exp } = decompose(ax);
  let left = mant;
  let right = 1n;
  if (exp >= 0) left <<= BigInt(exp);
  else right <<= BigInt(-exp);
  if (e >= 0) right *= 10n ** BigInt(e);
  else left *= 10n ** BigInt(-e);
  return left < right ? -1 : left > right ? 1 : 0;
}

function expSuffix(exp: number, upper = false): string {
  const a = Math.abs(exp);
  return `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

/** Shortest round-trip digits (as Python's repr) and decimal-point position of |x| (finite, non-zero). */
function shortest(x: number): { digits: string; decpt: number } {
  const s = Math.abs(x).toExponential();
  const ePos = s.indexOf('e');
  const digits = s.slice(0, ePos).replace('.', '');
  return { digits, decpt: Number(s.slice(ePos + 1)) + 1 };
}

/** Lay out digits with the point at `decpt`, Python style (`1.0`, `0.001`, `1e+16`). */
function layout(digits: string, decpt: number, useExp: boolean, addDot0: boolean): string {
  if (useExp) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return mant + expSuffix(decpt - 1);
  }
  if (decpt <= 0) return `0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return digits + '0'.repeat(decpt - digits.length) + (addDot0 ? '.0' : '');
  return `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Drop trailing zeros (a loop, not a regex: digit strings can be long). */
function trimZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return s.slice(0, e);
}

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return null;
}

/** Python 2.7 `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 .. 1e16. */
export function floatRepr(x: number): string {
  const sp = special(x);
  if (sp !== null) return sp;
  const { digits, decpt } = shortest(x);
  return (x < 0 ? '-' : '') + layout(digits, decpt, decpt <= -4 || decpt > 16, true);
}

/** Python 2.7 `str(float)`: 12 significant digits, exponent form from 1e11 on. */
export function floatStr(x: number): string {
  const sp = special(x);
  if (sp !== null) return sp;
  const { digits, exp } = significantDigits(x, 11);
  const trimmed = trimZeros(digits) || '0';
  const decpt = exp + 1;
  return (x < 0 ? '-' : '') + layout(trimmed, decpt, decpt <= -4 || decpt > 11, true);
}

/** Body (no sign) of `%e`/`%f`/`%g` conversions for finite x; `alt` is the `#` flag. */
export function formatFloatBody(x: number, conv: 'e' | 'f' | 'g', prec: number, alt: boolean, upper: boolean): string {
  if (!Number.isFinite(x)) {
    const s = Number.isNaN(x) ? 'nan' : 'inf';
    return upper ? s.toUpperCase() : s;
  }
  if (conv === 'f') {
    const s = fixedDigits(x, prec);
    return alt && prec === 0 ? `${s}.` : s;
  }
  if (conv === 'e') {
    const { digits, exp } = significantDigits(x, prec);
    const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : alt ? `${digits}.` : digits;
    return mant + expSuffix(exp, upper);
  }
  const p = prec === 0 ? 1 : prec;
  const { digits, exp } = significantDigits(x, p - 1);
  let out: string;
  if (exp < -4 || exp >= p) {
    let frac = digits.slice(1);
    if (!alt) frac = trimZeros(frac);
    out = digits[0]! + (frac || alt ? `.${frac}` : '') + expSuffix(exp, upper);
  } else {
    const decpt = exp + 1;
    let s = decpt <= 0 ? `0.${'0'.repeat(-decpt)}${digits}` : decpt >= digits.length ? digits : `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
    if (!alt && s.includes('.')) {
      s = trimZeros(s);
      if (s.endsWith('.')) s = s.slice(0, -1);
    }
    else if (alt && !s.includes('.')) s += '.';
    out = s;
  }
  return out;
}

/** Python repr/str text of an int-valued number (exact for any double, as Python's int(x) would print). */
export function intText(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : BigInt(Math.trunc(v)).toString();
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** num/den * 2^e2 rounded half-even to a double (num, den > 0); NaN when the result would be subnormal. */
function scaleToDouble(num: bigint, den: bigint, e2: number): number {
  const shift = 55 - (bitLength(num) - bitLength(den));
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  const q = n / d;
  const sticky = n % d !== 0n;
  const extra = bitLength(q) - 53;
  let mant = q >> BigInt(extra);
  const dropped = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (dropped > half || (dropped === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  const e = extra - shift + e2;
  if (e + 52 > 1023 + 52) return Infinity;
  if (e + bitLength(mant) - 1 < -1022) return NaN;
  return Number(mant) * 2 ** e;
}

/**
 * `x ** n` for an integer exponent, correctly rounded like the C library's pow that Python 2 calls
 * (V8's Math.pow may be one unit off in the last place): computed exactly with BigInt, then rounded.
 */
export function powInt(x: number, n: number): number {
  if (!Number.isFinite(x) || x === 0 || !Number.isInteger(n) || Math.abs(n) > 1100) return Math.pow(x, n);
  if (n === 0) return 1;
  const { mant, exp } = decompose(x);
  const m = (mant < 0n ? -mant : mant) ** BigInt(Math.abs(n));
  const r = n > 0 ? scaleToDouble(m, 1n, exp * n) : scaleToDouble(1n, m, exp * n);
  const v = Number.isNaN(r) ? Math.abs(Math.pow(x, n)) : r;
  return mant < 0n && n % 2 !== 0 ? -v : v;
}
