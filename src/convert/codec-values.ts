/**
 * @fileoverview The values convert writes from a file that declares a single-byte encoding (PEP 263,
 * `# -*- coding: cp1252 -*-`). Its xm reading is check's: a byte string holds the file's bytes, as
 * Python 2 held them (so `"€"` in cp1252 is the byte 0x80, which xend could not receive: XM0261). The
 * converted file is UTF-8 text (decision 040 §6), so such a value is written as the text its bytes
 * are in the declared encoding ("€"), not as one character per byte (U+0080).
 */
import { decodeSingleByte, type SingleByteCodec } from '../syntax/source-decode.js';
import type { Setting, Value } from '../syntax/value.js';

/** A value with its byte strings read back as text of the codec (unchanged when none holds a non-ASCII byte). */
function asCodecText(v: Value, codec: SingleByteCodec): Value {
  if (v.kind === 'string') {
    if (v.unicode === true || v.utf8 === true || !/[\x80-\xff]/.test(v.value)) return v;
    return { ...v, value: decodeSingleByte(Buffer.from(v.value, 'latin1'), codec), utf8: true };
  }
  if (v.kind !== 'list') return v;
  const items = v.items.map((i) => asCodecText(i, codec));
  return items.every((i, k) => i === v.items[k]) ? v : { ...v, items };
}

/** Replace, in place, each setting's byte strings by the text they are in the declared single-byte codec, for writing them out. */
export function settingsAsCodecText(settings: Setting[], codec: SingleByteCodec): void {
  for (const s of settings) s.value = asCodecText(s.value, codec);
}
