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
