/**
 * @fileoverview What xl's parser (libxlu) accepts as a value, and how to write an evaluated value
 * so that it does: double-quoted one-line strings with the escapes libxlu knows, non-negative
 * integers as numbers, everything else that has no xl spelling as a quoted string.
 */
import type { Expr } from '../syntax/tree.js';
import type { Dialect, Value } from '../syntax/value.js';

/** Escapes libxlu decodes (after the backslash). */
const XL_ESCAPES = new Set(['"', "'", '\\', 'a', 'b', 'f', 'n', 'r', 't', 'v']);

/** A string in xl syntax: double quotes, one line, only escapes libxlu decodes. */
export function xlString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    switch (c) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

/** True when a number's text reads the same in xl (strtol base 0) as in xm: decimal, lowercase hex, octal. */
export function isXlNumberText(text: string): boolean {
  if (text.length === 0) return false;
  if (text.startsWith('0x')) {
    if (text.length === 2) return false;
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
    }
    return true;
  }
  const octal = text.length > 1 && text[0] === '0';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > (octal ? 55 : 57)) return false;
  }
  return true;
}

/** True for plain decimal text (`0`, `42`): read the same as a number and as a string in both dialects. */
function isDecimal(text: string): boolean {
  if (!text.length || (text.length > 1 && text[0] === '0')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Whether a number's text can be kept: from xl, any xl number text (it is already xl); from xm,
 * only plain decimal, because xm turned `0x1f` into the int 31, and xl reads an unquoted `0x1f` as
 * the string "0x1f" where a string is expected (a CPU list, a name).
 */
function keepNumberText(text: string, from: Dialect): boolean {
  return from === 'xl' ? isXlNumberText(text) : isDecimal(text);
}

/**
 * True when a value holds a string with a NUL character. libxlu keeps strings as C strings (they
 * end at the first NUL) and has no escape that yields one, so such a value has no xl spelling.
 */
export function hasNul(v: Value): boolean {
  if (v.kind === 'string' || v.kind === 'word') return v.value.includes('\0');
  return v.kind === 'list' && v.items.some(hasNul);
}

/**
 * Whether {@link xlLiteral} has a spelling for `v` (not None, no NUL character), without building
 * it: the conversion asks this of every statement's value and item, and most need no new text.
 */
export function hasXlForm(v: Value): boolean {
  switch (v.kind) {
    case 'string':
    case 'word':
      return !v.value.includes('\0');
    case 'none':
      return false;
    case 'list':
      for (const it of v.items) if (!hasXlForm(it)) return false;
      return true;
    default:
      return true;
  }
}

/** The xl spelling of an evaluated value (read in dialect `from`), or null when xl has none (None, a NUL character). */
export function xlLiteral(v: Value, from: Dialect = 'xm'): string | null {
  switch (v.kind) {
    case 'string':
    case 'word':
      return v.value.includes('\0') ? null : xlString(v.value);
    case 'bool':
      return v.value ? '1' : '0';
    case 'none':
      return null;
    case 'number':
      if (v.value !== null && Number.isSafeInteger(v.value) && v.value >= 0) return keepNumberText(v.text, from) && v.pyType !== 'long' ? v.text : String(v.value);
      // Negative numbers and floats have no unquoted xl form; xl's numeric getter reads a quoted "-5".
      return xlString(v.value !== null && v.pyType !== 'float' ? String(v.value) : v.text);
    case 'list': {
      const items: string[] = [];
      for (const it of v.items) {
        const s = xlLiteral(it, from);
        if (s === null) return null;
        items.push(s);
      }
      return '[' + items.join(', ') + ']';
    }
  }
}

/** True when the expression as written (in dialect `from`) is already valid xl with the same meaning (strings, numbers). */
export function isXlLiteral(e: Expr, text: string, from: Dialect = 'xm'): boolean {
  if (e.kind === 'number') return keepNumberText(e.text, from);
  if (e.kind !== 'string' || e.parts.length !== 1) return false;
  const p = e.parts[0]!;
  if (p.prefix || p.quote.length !== 1) return false;
  const raw = text.slice(p.span.start, p.span.end);
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c === '\n' || c === '\r') return false;
    if (c === '\\') {
      if (!XL_ESCAPES.has(raw[i + 1]!)) return false;
      i++;
    }
  }
  return true;
}
