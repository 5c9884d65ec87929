/**
 * @fileoverview UTF-8 decoding of config files (src/syntax/source-decode.ts; the CLI and the library read bytes through it) that keeps a byte-order mark (so offsets match the file as saved) and
 * finds where invalid byte sequences were replaced by U+FFFD. The walk follows the WHATWG decoder's
 * "maximal subpart" rule, so its replacement count and offsets agree with TextDecoder's output.
 */
import { isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decoded text plus the UTF-16 offsets of every U+FFFD that stands for invalid bytes. */
export interface Decoded {
  text: string;
  /** Offsets into `text` of replacement characters for invalid input (empty for valid UTF-8). */
  invalid: number[];
}

/** Decode bytes as UTF-8 (BOM kept), locating invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const text = decoder.decode(bytes);
  if (isUtf8(bytes)) return { text, invalid: [] };
  return { text, invalid: invalidOffsets(bytes) };
}

/** What a {@link sequenceAt} sequence reads as: one UTF-16 unit, two (a four-byte character), or one U+FFFD. */
const ONE = 0;
const TWO = 1;
const INVALID = 2;

/**
 * The byte sequence at `i`, per the WHATWG UTF-8 decoder's "maximal subpart" rule: where the next
 * one starts, times 4, plus what it reads as (ONE, TWO, INVALID). Continuation bytes are consumed
 * while they fit; the first misfit is not (it starts anew).
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return (i + 1) * 4 + ONE;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return (i + 1) * 4 + INVALID;
  let j = i + 1;
  for (let k = 0; k < need; k++, j++) {
    const c = bytes[j];
    if (c === undefined || c < lo || c > hi) return j * 4 + INVALID;
    lo = 0x80;
    hi = 0xbf;
  }
  return j * 4 + (need === 3 ? TWO : ONE);
}

/** UTF-16 offsets at which a decoder inserts U+FFFD, per the WHATWG UTF-8 decoder. */
export function invalidOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let units = 0;
  for (let i = 0; i < bytes.length; ) {
    const r = sequenceAt(bytes, i);
    const kind = r % 4;
    if (kind === INVALID) out.push(units);
    units += kind === TWO ? 2 : 1;
    i = (r - kind) / 4;
  }
  return out;
}

/**
 * The byte offset of each UTF-16 offset of the text {@link decodeUtf8} makes of `bytes` (one more
 * entry for the end): a U+FFFD maps to the first byte of the sequence it replaced, and both units
 * of a four-byte character to its first byte.
 */
export function utf8ByteOffsets(bytes: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const r = sequenceAt(bytes, i);
    out.push(i);
    if (r % 4 === TWO) out.push(i);
    i = (r - (r % 4)) / 4;
  }
  out.push(bytes.length);
  return Int32Array.from(out);
}

/** Whether the byte at `at` is part of a UTF-8-encoded surrogate (ED A0–BF 80–BF), which Python 2's UTF-8 decoder accepts and WHATWG's refuses. */
export function inEncodedSurrogate(bytes: Uint8Array, at: number): boolean {
  for (let s = Math.max(0, at - 2); s <= at; s++) {
    if (bytes[s] === 0xed && bytes[s + 1]! >= 0xa0 && bytes[s + 1]! <= 0xbf && bytes[s + 2]! >= 0x80 && bytes[s + 2]! <= 0xbf) return true;
  }
  return false;
}

/**
 * Python 2.7's UTF-8 decoding of bytes (one character each, U+0000–U+00FF), or null where it
 * fails: as WHATWG's, but a UTF-8-encoded surrogate (ED A0–BF 80–BF) is that surrogate's code unit
 * (`u"\xed\xa0\x80"` is u'\ud800'; two in a row are the two units, as Python keeps them: a high
 * one followed by a low one is marked in `split`, the offsets of such pairs, src/syntax/py2-unicode.ts).
 */
export function decodePy2Utf8(bytes: string, split?: number[]): string | null {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes.charCodeAt(i);
    if (b < 0x80) {
      out += bytes[i];
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, cp] = [1, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) {
      [need, cp] = [2, b & 0x0f];
      if (b === 0xe0) lo = 0xa0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      [need, cp] = [3, b & 0x07];
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return null;
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes.charCodeAt(i + k) : -1;
      if (c < lo || c > hi) return null;
      cp = (cp << 6) | (c & 0x3f);
      lo = 0x80;
      hi = 0xbf;
    }
    // An encoded low surrogate after an encoded high one: two code points to Python (`split`, py2-unicode.ts).
    if (split !== undefined && cp >= 0xdc00 && cp <= 0xdfff && out.length > 0 && (out.charCodeAt(out.length - 1) & 0xfc00) === 0xd800) split.push(out.length - 1);
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
