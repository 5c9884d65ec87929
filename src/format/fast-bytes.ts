/**
 * @fileoverview Texts as bytes for the fast path of `fmt` (./fast-lex.ts, ./fast-print.ts,
 * ./fast-verify.ts): the plain subset is ASCII, so one byte per character, and byte arrays are
 * cheaper to scan and to write than strings are to scan and to concatenate.
 */
import { isAscii } from 'node:buffer';

/** The bytes of an ASCII text, followed by one 0 byte (a stop no scanning rule accepts). */
export interface AsciiBytes {
  /** length + 1 bytes; bytes[length] is 0. */
  bytes: Uint8Array;
  length: number;
}

const encoder = new TextEncoder();

/** The text as bytes, or null when it holds anything but ASCII (outside the fast path's subset). */
export function asciiBytes(text: string): AsciiBytes | null {
  const n = text.length;
  const bytes = new Uint8Array(n + 1);
  // Exact: with any character past ASCII the UTF-8 form is longer than the text, so either not
  // every character fits (read < n) or one byte too many was written.
  const { read, written } = encoder.encodeInto(text, bytes);
  if (read !== n || written !== n) return null;
  bytes[n] = 0;
  return { bytes, length: n };
}

/** File bytes as AsciiBytes (copied, to add the 0 after the end), or null when they are not all ASCII. */
export function asciiFileBytes(bytes: Uint8Array): AsciiBytes | null {
  if (!isAscii(bytes)) return null;
  const n = bytes.length;
  const copy = new Uint8Array(n + 1);
  copy.set(bytes);
  return { bytes: copy, length: n };
}

/** The text of ASCII bytes. */
export function asciiText(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
}
