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

/** UTF-16 offsets at which a decoder inserts U+FFFD, per the WHATWG UTF-8 decoder. */
export function invalidOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let units = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units++;
      i++;
      continue;
    }
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
    } else {
      out.push(units++);
      i++;
      continue;
    }
    // Consume continuation bytes while they fit; the first misfit is not consumed (it starts anew).
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
    }
    if (ok) units += need === 3 ? 2 : 1;
    else out.push(units++);
    i = j;
  }
  return out;
}

/**
 * The byte offset of each UTF-16 offset of the text {@link decodeUtf8} makes of `bytes` (one more
 * entry for the end): the same walk as {@link invalidOffsets}, so a U+FFFD maps to the first byte
 * of the sequence it replaced. Both units of a four-byte character map to its first byte.
 */
export function utf8ByteOffsets(bytes: Uint8Array): Int32Array {
  const out: number[] = [];
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    out.push(i);
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
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
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
    }
    if (ok && need === 3) out.push(i);
    i = need === 0 ? i + 1 : j;
  }
  out.push(n);
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
 * (`u"\xed\xa0\x80"` is u'\ud800'; two in a row are the two units, as Python keeps them).
 */
export function decodePy2Utf8(bytes: string): string | null {
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
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
