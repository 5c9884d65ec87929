/**
 * @fileoverview Reading evaluated values the way each dialect's tools read them: xl's getters
 * (numbers are text read with C strtol base 0; a quoted number is a number; an unquoted NUMBER is a
 * string; BOOLEAN = number) and xm's Python values (bool → 0/1 where a number is wanted).
 */
import type { Value, Dialect } from '../syntax/value.js';
import type { Span } from '../diagnostics/span.js';
import { strtolBase0, strtolNonZero } from '../syntax/python-number.js';

/** Result of reading a number from text. */
export type NumberRead = { ok: true; value: number } | { ok: false; why: 'invalid' | 'range' };

/** C `strtol(text, &end, 0)` with libxlu's check that the whole text was used and fits a long. */
export function strtol0(text: string): NumberRead {
  // One reader for both layers (src/syntax folds xl `+=` with it): this one's own copy grew a BigInt
  // digit by digit, minutes for a 1 MiB run of digits.
  const r = strtolBase0(text);
  return r.ok ? { ok: true, value: r.value } : { ok: false, why: r.reason === 'range' ? 'range' : 'invalid' };
}

/** Python 2's int() on a byte string, base 10: C blanks (isspace) around an optional sign and digits. */
const PY_INT = /^[ \t\n\v\f\r]*([+-]?)(\d+)[ \t\n\v\f\r]*$/;

/**
 * Python `int(text)` for a decimal string (what xend applied to numeric strings). Only the C
 * blanks are skipped: a byte string's int() does not take JavaScript's other white space (U+00A0).
 */
export function pyInt(text: string): NumberRead {
  const m = PY_INT.exec(text);
  if (m === null) return { ok: false, why: 'invalid' };
  const n = Number(m[1]! + m[2]!);
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, why: 'range' };
}

/** int(text) as Python 2 reads a byte string, or null where it raises ValueError (no range limit). */
export function pyIntText(text: string): number | null {
  const m = PY_INT.exec(text);
  if (m === null) return null;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** Outcome of reading a value as some type: the value, or why not. */
export type Read<T> = { ok: true; value: T } | { ok: false; why: 'type' | 'invalid' | 'range' };

/** Read a value as an integer the way the dialect's numeric getter does. */
export function readInt(v: Value, dialect: Dialect): Read<number> {
  switch (v.kind) {
    case 'number':
      if (v.value === null) return dialect === 'xl' ? strtolRead(v.text) : { ok: false, why: 'invalid' };
      if (!Number.isInteger(v.value)) return { ok: false, why: 'type' };
      if (!Number.isSafeInteger(v.value)) return { ok: false, why: 'range' };
      return { ok: true, value: v.value };
    case 'string':
      return dialect === 'xl' ? strtolRead(v.value) : pyIntRead(v.value);
    case 'bool':
      return dialect === 'xm' ? { ok: true, value: v.value ? 1 : 0 } : { ok: false, why: 'type' };
    default:
      return { ok: false, why: 'type' };
  }
}

function strtolRead(text: string): Read<number> {
  const r = strtol0(text);
  return r.ok ? r : { ok: false, why: r.why };
}

function pyIntRead(text: string): Read<number> {
  const r = pyInt(text);
  return r.ok ? r : { ok: false, why: r.why };
}

/** Read a BOOLEAN: xl = a number, 0 false, anything else true; xm = bool or number. */
export function readBool(v: Value, dialect: Dialect): Read<boolean> {
  if (v.kind === 'bool') return dialect === 'xm' ? { ok: true, value: v.value } : { ok: false, why: 'type' };
  const n = readInt(v, dialect);
  if (n.ok) return { ok: true, value: n.value !== 0 };
  // xl's defbool is `!!l` of any long: one from 2^53 up is true, though xmcfg keeps no such number.
  if (n.why === 'range' && dialect === 'xl' && (v.kind === 'string' || v.kind === 'number')) {
    if (strtolNonZero(v.kind === 'string' ? v.value : v.text)) return { ok: true, value: true };
  }
  return n;
}

/** Read a string: xl also accepts an unquoted NUMBER as its text. */
export function readString(v: Value, dialect: Dialect): Read<string> {
  if (v.kind === 'string') return { ok: true, value: v.value };
  if (v.kind === 'number' && dialect === 'xl') return { ok: true, value: v.text };
  return { ok: false, why: 'type' };
}

/** Plain JSON of a value (for keys normalisation does not know, and for type errors). */
export function valueToJson(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'word':
      return v.value;
    case 'number':
      return v.value ?? v.text;
    case 'bool':
      return v.value;
    case 'none':
      return null;
    case 'list':
      return v.items.map(valueToJson);
  }
}

/** A short description of a value's kind, for messages ("a list", "the string \"abc\""). */
export function describeValue(v: Value): string {
  switch (v.kind) {
    case 'string':
      return `the string ${JSON.stringify(v.value)}`;
    case 'number':
      return `the number ${v.text}`;
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'word':
      return `the bare word ${v.value}`;
    case 'list':
      return v.tuple ? 'a tuple' : 'a list';
  }
}

/**
 * Map offsets inside a string's value to source offsets, when the literal has no escapes (its
 * span is the text plus one or three quote characters on each side). Otherwise null: sub-items
 * then point at the whole value.
 */
export function contentOffset(v: Value): number | null {
  if (v.kind !== 'string') return null;
  const extra = v.span.end - v.span.start - v.value.length;
  if (extra === 2) return v.span.start + 1;
  if (extra === 6) return v.span.start + 3;
  return null;
}

/** The source span of `[start, end)` inside a string value (or the whole value span). */
export function subSpan(v: Value, start: number, end: number): Span {
  const base = contentOffset(v);
  if (base === null) return v.span;
  return { start: base + start, end: base + end };
}

/**
 * A UUID as xend read it (uuid.fromString drops every hyphen and reads 32 hex digits;
 * XendConfig._uuid_sanity_check writes them back grouped 8-4-4-4-12), in that grouped form, or null
 * when the text is not 32 hex digits and hyphens.
 */
export function xendUuid(text: string): string | null {
  const d = text.replaceAll('-', '');
  return /^[0-9a-fA-F]{32}$/.test(d) ? `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}` : null;
}
