/**
 * @fileoverview Python 2 `str()`/`repr()` of evaluated values and the `%` string-formatting operator
 * (`"vm%d" % vmid`, `"%s-%s" % (a, b)`), with widths and precisions bounded before any padding is built.
 */
import type { Value } from './value.js';
import { MAX_STRING } from './evaluate-limits.js';
import { floatRepr, floatStr, formatFloatBody, intText } from './python-number.js';
import { codePoints, wideHead, wideLength, WideBuilder, type SplitPairs, type WideText } from './py2-unicode.js';

/** Python 2 type name of a value, as TypeError messages print it. */
export function typeName(v: Value): string {
  switch (v.kind) {
    case 'string':
      return v.unicode ? 'unicode' : 'str';
    case 'word':
      return 'name';
    case 'number':
      return v.pyType ?? 'int';
    case 'bool':
      return 'bool';
    case 'none':
      return 'NoneType';
    case 'list':
      return v.tuple ? 'tuple' : 'list';
  }
}

/** Python 2 repr of a byte string (or, `unicode`, of a unicode string): single quotes unless only double quotes avoid escaping.
 * `utf8`: a byte string's non-ASCII characters are source text, shown by their UTF-8 bytes. */
export function reprString(s: string, unicode = false, utf8 = false): string {
  return reprStringWithin(s, Infinity, unicode, utf8)!;
}

/** Whether every character of a string is ASCII (Python 2 mixes such byte strings with unicode freely). */
export function asciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** reprString, or null as soon as the text passes `limit` characters (an escape is up to 12 per character). */
function reprStringWithin(s: string, limit: number, unicode = false, utf8 = false, split?: SplitPairs): string | null {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = unicode ? `u${q}` : q;
  // A split pair is two code points, each shown as its own \u escape (py2-unicode.ts).
  for (const ch of split === undefined ? s : codePoints({ value: s, split })) {
    if (out.length > limit) return null;
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0xff && !utf8)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    // unicode repr (Python 2's unicode_repr): \uXXXX, or \UXXXXXXXX beyond the BMP.
    else if (unicode && c > 0xff) out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
    // Python 2 str is bytes: other characters (every non-ASCII one of a `utf8` string) print as their UTF-8 bytes.
    else if (c >= 0x80) for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + q;
}

function numberText(v: Extract<Value, { kind: 'number' }>, repr: boolean): string {
  if (v.value === null) return v.text;
  if (v.pyType === 'float') return repr ? floatRepr(v.value) : floatStr(v.value);
  return intText(v.value) + (repr && v.pyType === 'long' ? 'L' : '');
}

/** Python 2 `repr(value)` (lists print their items' repr). */
export function pyRepr(v: Value): string {
  return boundedRepr(v, Infinity)!;
}

/**
 * `repr(value)`, or null once it passes `limit` characters: stops building at the limit, so a list
 * of 16 strings of 1M `\xff` (a 64M-character repr) costs no more than the limit.
 */
export function boundedRepr(v: Value, limit: number): string | null {
  switch (v.kind) {
    case 'string':
      return reprStringWithin(v.value, limit, v.unicode === true, v.utf8 === true, v.split);
    case 'list': {
      // `total` counts a ", " after every item: the text is at most 2 shorter, so `total - 2` is a lower bound.
      let total = 2;
      const parts: string[] = [];
      for (const item of v.items) {
        const r = boundedRepr(item, limit - total + 2);
        if (r === null) return null;
        total += r.length + 2;
        if (total - 2 > limit) return null;
        parts.push(r);
      }
      const inner = parts.join(', ');
      if (!v.tuple) return `[${inner}]`;
      return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
    }
    case 'number':
      return numberText(v, true);
    default:
      return pyStr(v);
  }
}

/** Python 2 `str(value)`. */
export function pyStr(v: Value): string {
  switch (v.kind) {
    case 'string':
    case 'word':
      return v.value;
    case 'number':
      return numberText(v, false);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return pyRepr(v);
  }
}

/** A formatting failure: Python's exception text, and whether it is about size (else a format error). */
export interface FormatError {
  error: string;
  tooLong?: boolean;
}

/** Numeric reading of a value for %d/%f: bools count as ints, as in Python. */
function asNumber(v: Value): { n: number; float: boolean } | null {
  if (v.kind === 'bool') return { n: v.value ? 1 : 0, float: false };
  if (v.kind === 'number' && v.value !== null) return { n: v.value, float: v.pyType === 'float' };
  return null;
}

/** Integer digits of a number in a base (exact BigInt path for floats beyond 2^53). */
function intDigits(n: number, base: number): string {
  const t = Math.trunc(Math.abs(n));
  return Number.isSafeInteger(t) ? t.toString(base) : BigInt(t).toString(base);
}

const FLAG_CHARS = '-+ #0';
/** Largest precision honoured for float conversions (keeps BigInt digit generation cheap). */
const MAX_FLOAT_PRECISION = 1000;

/**
 * One conversion `%[flags][width][.prec]conv` applied to `arg`; returns the text or an error.
 * `wide`: the result is unicode so far, where `%c` takes any code point; widths and precisions count
 * code points (a wide build's characters: py2-unicode.ts), and a unicode argument's split pairs stay.
 */
function convert(conv: string, arg: Value, flags: string, width: number, prec: number | null, wide: boolean): WideText | FormatError {
  let sign = '';
  let body: string;
  /** The body's split pairs, and its length in code points when not body.length. */
  let split: SplitPairs | undefined;
  let bodyLength: number | null = null;
  let prefix = '';
  let numeric = true;
  if (conv === 's' && arg.kind === 'string' && arg.unicode === true) {
    numeric = false;
    const w = prec === null ? arg : wideHead(arg, prec);
    body = w.value;
    split = w.split;
    bodyLength = wideLength(w);
  } else if (conv === 's' || conv === 'r') {
    numeric = false;
    // A list's str is its repr: built within the limit, never whole (it may be 12 times its characters).
    const text = conv === 's' && arg.kind !== 'list' ? pyStr(arg) : boundedRepr(arg, MAX_STRING);
    if (text === null || text.length > MAX_STRING) return { error: 'formatted value too long', tooLong: true };
    body = text;
    if (prec !== null) body = body.slice(0, prec);
  } else if (conv === 'c') {
    numeric = false;
    // A unicode argument makes the result unicode (Python 2 starts over as unicode formatting).
    const uni = wide || (arg.kind === 'string' && arg.unicode === true);
    if (arg.kind === 'string' && (arg.unicode === true ? wideLength(arg) === 1 : arg.value.length === 1)) {
      body = arg.value;
      bodyLength = 1;
    } else {
      // Python 2.7.18's own words: a byte result reads the argument as an unsigned byte (PyArg_Parse
      // "b"), a unicode one with PyInt_AsLong, which truncates a float (u'%c' % 1.5 is u'\x01').
      const num = asNumber(arg);
      if (num === null) return { error: uni || arg.kind === 'string' ? '%c requires int or char' : 'an integer is required' };
      if (num.float && !uni) return { error: 'integer argument expected, got float' };
      const n = Math.trunc(num.n);
      if (uni && (n < 0 || n > 0x10ffff)) return { error: '%c arg not in range(0x110000) (wide Python build)' };
      if (!uni && (n < 0 || n > 255)) return { error: `unsigned byte integer is ${n < 0 ? 'less than minimum' : 'greater than maximum'}` };
      body = String.fromCodePoint(n);
      bodyLength = 1;
    }
  } else if ('diuxXo'.includes(conv)) {
    const num = asNumber(arg);
    if (num === null) return { error: `%${conv} format: a number is required, not ${typeName(arg)}` };
    if (!Number.isFinite(num.n)) return { error: 'cannot convert float infinity or NaN to integer' };
    const t = Math.trunc(num.n);
    if (t < 0) sign = '-';
    const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
    // C printf (which Python 2 follows): a zero with precision 0 prints no digits.
    body = prec === 0 && t === 0 ? '' : intDigits(t, base);
    if (conv === 'X') body = body.toUpperCase();
    if (prec !== null) {
      if (prec > MAX_STRING) return { error: 'precision too large', tooLong: true };
      body = body.padStart(prec, '0');
    }
    if (flags.includes('#')) prefix = conv === 'o' ? (body.startsWith('0') ? '' : '0') : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '';
  } else if ('eEfFgG'.includes(conv)) {
    const num = asNumber(arg);
    if (num === null) return { error: `float argument required, not ${typeName(arg)}` };
    const p = prec ?? 6;
    if (p > MAX_FLOAT_PRECISION) return { error: `precision ${p} too large for a float conversion` };
    if (num.n < 0 || Object.is(num.n, -0)) sign = '-';
    const lower = conv.toLowerCase() as 'e' | 'f' | 'g';
    body = formatFloatBody(num.n, lower, p, flags.includes('#'), conv === 'E' || conv === 'G' || conv === 'F');
  } else {
    return { error: `unsupported format character '${conv}'` };
  }
  if (numeric && sign === '') sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const len = sign.length + prefix.length + (bodyLength ?? body.length);
  if (width <= len) return { value: sign + prefix + body, split };
  const pad = width - len;
  if (flags.includes('-')) return { value: sign + prefix + body + ' '.repeat(pad), split };
  if (numeric && flags.includes('0')) return { value: sign + prefix + '0'.repeat(pad) + body };
  // Blanks before a text: its split pairs move by as many.
  return { value: ' '.repeat(pad) + sign + prefix + body, split: split?.map((at) => at + pad) };
}

/** What `%` formatting built: the text, whether Python 2 made it a unicode string, and its split pairs (py2-unicode.ts). */
export interface Formatted {
  text: string;
  unicode: boolean;
  split?: SplitPairs;
}

/**
 * Python 2 `fmt % args`. A tuple supplies the arguments in order; any other value is one argument
 * (a list with no conversions left is accepted, as Python treats it as a mapping). The result is
 * unicode when `fmt` is (`fmtUnicode`) or a `%s`/`%c` takes a unicode string; then every byte
 * string in it (the format, `%s` arguments) must be ASCII, as Python 2 decodes them as ASCII.
 */
export function formatPercent(fmt: string, args: Value, fmtUnicode = false, fmtSplit?: SplitPairs): Formatted | FormatError {
  const list = args.kind === 'list' && args.tuple ? args.items : [args];
  let unicode = fmtUnicode;
  // A non-ASCII byte string that must become unicode if the result is (UnicodeDecodeError).
  let nonAsciiBytes = !fmtUnicode && !asciiOnly(fmt);
  let next = 0;
  const take = (): Value | null => (next < list.length ? list[next++]! : null);
  // Built piece by piece: where pieces meet, surrogates stay apart (a wide build never joins them).
  const built = new WideBuilder();
  /** The format's text [from, to), with its split pairs. */
  const literal = (from: number, to: number): void => built.push(fmt.slice(from, to), fmtSplit?.filter((at) => at >= from && at + 1 < to).map((at) => at - from));
  let i = 0;
  let usedMapping = false;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      literal(i, fmt.length);
      break;
    }
    literal(i, pct);
    i = pct + 1;
    if (i >= fmt.length) return { error: 'incomplete format' };
    if (fmt[i] === '(') {
      usedMapping = true;
      return { error: 'format requires a mapping' };
    }
    let flags = '';
    while (i < fmt.length && FLAG_CHARS.includes(fmt[i]!)) flags += fmt[i++];
    let width = 0;
    if (fmt[i] === '*') {
      const a = take();
      if (a === null) return { error: 'not enough arguments for format string' };
      const n = asNumber(a);
      if (n === null || n.float) return { error: '* wants int' };
      if (n.n < 0) flags += '-';
      width = Math.abs(n.n);
      i++;
    } else {
      while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') width = Math.min(width * 10 + (fmt.charCodeAt(i++) - 48), 1e15);
    }
    let prec: number | null = null;
    if (fmt[i] === '.') {
      i++;
      prec = 0;
      if (fmt[i] === '*') {
        const a = take();
        if (a === null) return { error: 'not enough arguments for format string' };
        const n = asNumber(a);
        if (n === null || n.float) return { error: '* wants int' };
        prec = Math.max(0, n.n);
        i++;
      } else {
        while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') prec = Math.min(prec * 10 + (fmt.charCodeAt(i++) - 48), 1e15);
      }
    }
    while (fmt[i] === 'h' || fmt[i] === 'l' || fmt[i] === 'L') i++;
    if (i >= fmt.length) return { error: 'incomplete format' };
    const conv = fmt[i++]!;
    if (width > MAX_STRING) return { error: `field width ${width} too large`, tooLong: true };
    let piece: WideText | FormatError;
    if (conv === '%') piece = { value: width > 1 ? (flags.includes('-') ? '%'.padEnd(width) : '%'.padStart(width)) : '%' };
    else {
      const a = take();
      if (a === null) return { error: 'not enough arguments for format string' };
      piece = convert(conv, a, flags, width, prec, unicode);
      if ((conv === 's' || conv === 'c') && a.kind === 'string') {
        if (a.unicode) unicode = true;
        else if (!asciiOnly(a.value)) nonAsciiBytes = true;
      }
    }
    if ('error' in piece) {
      if (piece.error.startsWith('unsupported format character')) piece.error += ` at index ${i - 1}`;
      return piece;
    }
    if (built.value.length + piece.value.length > MAX_STRING) return { error: 'formatted string too long', tooLong: true };
    built.push(piece.value, piece.split);
  }
  const out = built.value;
  const mappingLike = args.kind === 'list' && !args.tuple;
  if (next < list.length && !usedMapping && !(mappingLike && next === 0)) return { error: 'not all arguments converted during string formatting' };
  if (out.length > MAX_STRING) return { error: 'formatted string too long', tooLong: true };
  if (unicode && nonAsciiBytes) return { error: "'ascii' codec can't decode a non-ASCII byte string into the unicode result" };
  return unicode && built.split !== undefined ? { text: out, unicode, split: built.split } : { text: out, unicode };
}
