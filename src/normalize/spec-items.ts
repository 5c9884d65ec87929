/**
 * @fileoverview Splitting device spec strings ("key=value,key=value", "a,b,c") into items with
 * their offsets, so each derived field can point at its own text inside the string.
 */

/** One comma-separated item: trimmed text and its [start, end) offsets in the string. */
export interface SpecItem {
  text: string;
  start: number;
  end: number;
}

/** A `key=value` item (split at the first `=`; blanks around both parts trimmed). */
export interface KeyValueItem extends SpecItem {
  key: string;
  /** null when the item has no `=`. */
  value: string | null;
  valueStart: number;
  valueEnd: number;
}

/** Split at a separator, trimming blanks, keeping offsets. Empty items are kept (positional forms need them). */
export function splitItems(text: string, sep = ','): SpecItem[] {
  const out: SpecItem[] = [];
  let pos = 0;
  for (;;) {
    const next = text.indexOf(sep, pos);
    const end = next === -1 ? text.length : next;
    out.push(trimItem(text, pos, end));
    if (next === -1) break;
    pos = next + sep.length;
  }
  return out;
}

/** The trimmed item covering [start, end). */
export function trimItem(text: string, start: number, end: number): SpecItem {
  let s = start;
  let e = end;
  while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

/** Split one item at its first `=`. */
export function keyValue(item: SpecItem): KeyValueItem {
  // Objects are built field by field: an object spread here cost microseconds per item on Node 20.
  const { text, start, end } = item;
  const eq = text.indexOf('=');
  if (eq === -1) return { text, start, end, key: text, value: null, valueStart: end, valueEnd: end };
  const k = trimItem(text, 0, eq);
  const v = trimItem(text, eq + 1, text.length);
  return { text, start, end, key: k.text, value: v.text, valueStart: start + v.start, valueEnd: start + v.end };
}

/**
 * C's isspace() in the C locale xl runs in (the blanks strtoul, atoi and sscanf skip), which are also
 * Python 2's blanks for a byte string's strip() and int(): space, tab, \n, \v, \f, \r.
 */
export const C_BLANKS = ' \t\n\v\f\r';

/** [start, end) of `text` without Python 2 blanks (C_BLANKS) at either end. */
export function pyStripRange(text: string, start: number, end: number): [number, number] {
  while (start < end && C_BLANKS.includes(text[start]!)) start++;
  while (end > start && C_BLANKS.includes(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * An item split at its first `=` as xm's comma_sep_kv_to_dict (create.py) does: key and value each
 * `.strip()`ped of Python 2's blanks, which besides blanks and tabs are \n, \r, \v and \f.
 */
export function pyKeyValue(item: SpecItem): KeyValueItem {
  const [s, e] = pyStripRange(item.text, 0, item.text.length);
  const it = { text: item.text.slice(s, e), start: item.start + s, end: item.start + e };
  const eq = it.text.indexOf('=');
  if (eq === -1) return { ...it, key: it.text, value: null, valueStart: it.end, valueEnd: it.end };
  const [ks, ke] = pyStripRange(it.text, 0, eq);
  const [vs, ve] = pyStripRange(it.text, eq + 1, it.text.length);
  return { ...it, key: it.text.slice(ks, ke), value: it.text.slice(vs, ve), valueStart: it.start + vs, valueEnd: it.start + ve };
}

/** Read a decimal integer (no sign, no junk); null if not one. */
export function decimal(text: string): number | null {
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

/** Read a hexadecimal integer (no prefix); null if not one. */
export function hex(text: string): number | null {
  if (!/^[0-9a-fA-F]{1,12}$/.test(text)) return null;
  return parseInt(text, 16);
}

/** Read a hexadecimal number as strtoul base 16 reads a whole string (an optional 0x; ioports, iomem); null otherwise. */
export function hexNumber(text: string): number | null {
  const m = /^(?:0[xX])?([0-9a-fA-F]{1,13})$/.exec(text);
  return m ? parseInt(m[1]!, 16) : null;
}

/** Read a C integer as strtoul base 0 does (`0x1f` hex, `017` octal, else decimal; no sign, no junk); null if not one or past 2^53. */
export function cInteger(text: string): number | null {
  let n: number;
  if (/^0[xX][0-9a-fA-F]{1,13}$/.test(text)) n = parseInt(text.slice(2), 16);
  // A leading 0 makes the rest octal for strtoul: "09" reads as 0 and leaves "9" unread.
  else if (text.length > 1 && text[0] === '0') {
    if (!/^0[0-7]{1,17}$/.test(text)) return null;
    n = parseInt(text, 8);
  } else if (/^\d{1,16}$/.test(text)) n = Number(text);
  else return null;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The number xl's lenient reader makes of `text` (catalogue/spec-tables.ts XL_NUMBER_READERS): C
 * blanks and a `+` skipped, then the longest run of digits (strtoul base 0: `0x` hex, a leading 0
 * octal, else decimal; atoi and parse_ulong: decimal). No digit: 0 for atoi and strtoul, null for
 * parse_ulong (xl exits). Also null for a minus sign (atoi's negatives and strtoul's wrap-around
 * are left to the error) and past what the field holds (INT_MAX for atoi, 2^53 otherwise).
 */
export function xlNumber(reader: 'atoi' | 'strtoul' | 'parse_ulong', text: string): number | null {
  let i = 0;
  while (i < text.length && C_BLANKS.includes(text[i]!)) i++;
  if (text[i] === '-') return null;
  if (text[i] === '+') i++;
  let base = 10;
  if (reader === 'strtoul' && text[i] === '0') {
    if ((text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      base = 16;
      i += 2;
    } else base = 8;
  }
  const m = (base === 16 ? /^[0-9a-fA-F]+/ : base === 8 ? /^[0-7]+/ : /^\d+/).exec(text.slice(i));
  if (m === null) return reader === 'parse_ulong' ? null : 0;
  const n = parseInt(m[0], base);
  if (!Number.isSafeInteger(n) || (reader === 'atoi' && n > 2147483647)) return null;
  return n;
}

const ULONG_LIMIT = 2n ** 64n;

/**
 * The unsigned long glibc's strtoul (64-bit) returns for the magnitude `v` it read after an optional
 * minus: past ULONG_MAX it is ULONG_MAX, a minus or not (ERANGE); otherwise a minus wraps modulo
 * 2^64, so "-18446744073709551615" is 1 and "-1" is ULONG_MAX.
 */
export function ulongOf(v: bigint, negative: boolean): bigint {
  if (v >= ULONG_LIMIT) return ULONG_LIMIT - 1n;
  return negative && v !== 0n ? ULONG_LIMIT - v : v;
}

/**
 * strtoul/strtoull (and sscanf's %u, %x) at `pos`: C blanks, a sign, then digits of `base` (0: `0x`
 * hex before a hex digit, a leading 0 octal; 16: an optional `0x`); null when no digit is read.
 * `erange` is glibc's errno = ERANGE: a number past 64 bits reads ULONG_MAX whatever its sign.
 */
export function cStrtoul(text: string, pos: number, base: 0 | 10 | 16): { value: bigint; end: number; erange: boolean } | null {
  let i = pos;
  while (i < text.length && C_BLANKS.includes(text[i]!)) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
  let b: number = base === 0 ? 10 : base;
  if ((base === 16 || base === 0) && text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
    b = 16;
    i += 2;
  } else if (base === 0 && text[i] === '0') b = 8;
  const digits = (b === 16 ? /^[0-9a-fA-F]+/ : b === 8 ? /^[0-7]+/ : /^[0-9]+/).exec(text.slice(i));
  if (digits === null) return null;
  const value = BigInt(b === 16 ? `0x${digits[0]}` : b === 8 ? `0o${digits[0]}` : digits[0]);
  const end = i + digits[0].length;
  // ERANGE: glibc returns ULONG_MAX without applying the sign ("-" + 17 hex digits is not 1); else a
  // minus sign negates in unsigned arithmetic: "-1" is ULONG_MAX.
  return { value: ulongOf(value, negative), end, erange: value >= 1n << 64n };
}

/**
 * glibc's strtoul(text, NULL, 0) on a 64-bit host, exactly: {@link cStrtoul}'s value, 0 when no
 * digit is read.
 */
export function cStrtoul0(text: string): bigint {
  return cStrtoul(text, 0, 0)?.value ?? 0n;
}

/** strtoul's unsigned long for `digits` read in `base` after an optional minus (ulongOf). */
export function cUlong(digits: string, base: 10 | 16, negative: boolean): bigint {
  if (digits === '') return 0n;
  return ulongOf(BigInt(base === 16 ? '0x' + digits : digits), negative);
}

/** strtol's bounds (a 64-bit long): a longer number is clamped to them before atoi's cast to int. */
const LONG_MAX = 2n ** 63n - 1n;

/**
 * glibc's atoi, `(int) strtol(value, NULL, 10)`: blanks (isspace) and a sign skipped, the leading
 * digits read (0 when there are none), clamped to a long, then cut to its low 32 bits as the cast
 * does: "4294967297" is 1, "2147483648" is -2147483648, "4294967296" is 0.
 */
export function cAtoi(value: string): number {
  const m = /^[ \t\n\v\f\r]*([-+]?)0*(\d*)/.exec(value)!;
  const digits = m[2]!;
  // Past 19 digits the number is out of a long's range whatever they are.
  let n = digits.length > 19 ? LONG_MAX + 1n : BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') n = -n;
  if (n > LONG_MAX) n = LONG_MAX;
  else if (n < -LONG_MAX - 1n) n = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, n));
}

/** Parse "N,N-M,…" into the listed numbers, or an error message. */
export function numberRanges(text: string): { values: number[] } | { error: string } {
  const values: number[] = [];
  for (const it of splitItems(text)) {
    const dash = it.text.indexOf('-');
    const a = decimal(dash === -1 ? it.text : it.text.slice(0, dash));
    const b = dash === -1 ? a : decimal(it.text.slice(dash + 1));
    if (a === null || b === null) return { error: `"${it.text}" is not a number or N-M range` };
    if (b < a) return { error: `range "${it.text}" runs backwards` };
    if (b - a > 65536 || values.length > 65536) return { error: `range "${it.text}" is too large` };
    for (let i = a; i <= b; i++) values.push(i);
  }
  return { values };
}

/** True when the character before an item's first `=` is a blank (`type =pv`): one character tested, not a slice and a regex per item. */
export function blankBeforeEquals(text: string): boolean {
  const eq = text.indexOf('=');
  return eq > 0 && /\s/.test(text[eq - 1]!);
}
