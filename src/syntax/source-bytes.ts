/**
 * @fileoverview The file's own bytes behind a text decoded as UTF-8, where an xm value cannot be
 * told from the text (docs/decisions/045-py2-utf8-bytes.md). In a file its tokenizer reads as UTF-8
 * bytes, Python 2 keeps a byte string's bytes as the file holds them, and decodes a u'' string's
 * UTF-8 by its own rules; the text xmcfg reads holds U+FFFD for bytes that are not UTF-8 to WHATWG's
 * decoder (src/syntax/utf8.ts), surrogates encoded in UTF-8 (ED A0 80) among them, which Python 2
 * accepts. decodeSource hands the bytes on only for a file that is not valid UTF-8, so a valid one
 * pays nothing.
 */
import { inEncodedSurrogate, utf8ByteOffsets } from './utf8.js';

/** Per file: the byte offset of each text offset, and the bytes one character each; built once. */
const offsetsOf = new WeakMap<Uint8Array, Int32Array>();
const latin1Of = new WeakMap<Uint8Array, string>();

/** The bytes, one character (U+0000–U+00FF) each, built once per file. */
export function bytesAsText(bytes: Uint8Array): string {
  let s = latin1Of.get(bytes);
  if (s === undefined) latin1Of.set(bytes, (s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')));
  return s;
}

/** The byte offset of each text offset of the UTF-8 text decoded from `bytes`. */
function offsets(bytes: Uint8Array): Int32Array {
  let o = offsetsOf.get(bytes);
  if (o === undefined) offsetsOf.set(bytes, (o = utf8ByteOffsets(bytes)));
  return o;
}

/** Whether a sorted list of offsets holds one in [start, end). */
export function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < end;
}

/** The file's bytes (one character each) of text[start, end), the text being the UTF-8 decoding of `bytes`; null when the offsets do not fit. */
export function utf8SpanBytes(bytes: Uint8Array, start: number, end: number): string | null {
  const o = offsets(bytes);
  if (end >= o.length || start > end) return null;
  return bytesAsText(bytes).slice(o[start]!, o[end]!);
}

/**
 * The offsets of `invalid` (U+FFFD the UTF-8 decoder put) that Python 2's UTF-8 decoder refuses
 * too: all but the bytes of UTF-8-encoded surrogates (`"\xed\xa0\x80"` is u'\ud800' to Python 2).
 */
export function py2InvalidUtf8(bytes: Uint8Array | null | undefined, invalid: readonly number[]): readonly number[] {
  if (bytes == null || invalid.length === 0) return invalid;
  const o = offsets(bytes);
  return invalid.filter((at) => at >= o.length || !inEncodedSurrogate(bytes, o[at]!));
}

/**
 * How many more bytes the file holds in text[start, end) than that text's UTF-8 has: each U+FFFD of
 * `invalid` (sorted) stands for the 1 to 3 invalid bytes it replaced, not for EF BF BD. 0 without any.
 */
export function replacedByteExcess(bytes: Uint8Array, invalid: readonly number[], start: number, end: number): number {
  if (!anyWithin(invalid, start, end)) return 0;
  const o = offsets(bytes);
  let excess = 0;
  for (const at of invalid) if (at >= start && at < end && at + 1 < o.length) excess += o[at + 1]! - o[at]! - 3;
  return excess;
}
