/**
 * @fileoverview The bytes of an xm byte string. Python 2 holds a byte string literal's non-ASCII
 * source characters as their UTF-8 bytes (the file declares its encoding, XM0064), and a `\xNN`
 * escape as one byte. xmcfg keeps the characters as text, so the settings read as the user wrote
 * them; a byte string with such characters is marked `utf8` and shown (repr) by its UTF-8 bytes.
 * Where text and escaped bytes meet (`'é' + '\xe9'`), the value becomes the exact bytes, one
 * character per byte, as Python holds it.
 */
import type { Span } from '../diagnostics/span.js';
import type { StringValue } from './value.js';

/** How a byte string's non-ASCII characters map to Python's bytes: none, UTF-8 text, or one byte each. */
export function byteKind(s: StringValue): 'ascii' | 'utf8' | 'bytes' {
  if (s.utf8 === true) return 'utf8';
  for (let i = 0; i < s.value.length; i++) if (s.value.charCodeAt(i) > 0x7f) return 'bytes';
  return 'ascii';
}

/** Python's bytes of a byte string, one character (U+0000–U+00FF) per byte. */
export function exactBytes(s: StringValue): string {
  return s.utf8 === true ? Buffer.from(s.value, 'utf8').toString('latin1') : s.value;
}

/** A byte string value; `utf8` as on StringValue. */
export function byteString(value: string, span: Span, utf8: boolean): StringValue {
  return utf8 ? { kind: 'string', value, span, utf8: true } : { kind: 'string', value, span };
}

/** Whether byte strings of these kinds need their exact bytes to be combined (text meets escaped bytes). */
export function mixedBytes(parts: readonly StringValue[]): boolean {
  let text = false;
  let bytes = false;
  for (const p of parts) {
    const k = byteKind(p);
    if (k === 'utf8') text = true;
    else if (k === 'bytes') bytes = true;
  }
  return text && bytes;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A byte string of exact bytes (one character per byte): as text marked `utf8` when the bytes are
 * UTF-8 (the same bytes to Python, and the setting reads as written), else the bytes themselves.
 */
export function fromBytes(bytes: string, span: Span): StringValue {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) if (bytes.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return { kind: 'string', value: bytes, span };
  try {
    return { kind: 'string', value: UTF8.decode(Buffer.from(bytes, 'latin1')), span, utf8: true };
  } catch {
    return { kind: 'string', value: bytes, span };
  }
}
