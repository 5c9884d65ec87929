/**
 * @fileoverview Reading a file in the encoding it declares (PEP 263). Python 2 reads an xm file
 * whose line 1 or 2 is a comment such as `# -*- coding: latin-1 -*-` with that codec: a unicode
 * string (`u"é"`) is decoded by it, and a byte string (`"é"`) keeps the file's own bytes. Such a
 * file is not UTF-8, so reading it as UTF-8 turned each byte above 0x7F into U+FFFD. xmcfg decodes
 * the single-byte codecs below by their table: one character per byte, so offsets and UTF-16
 * columns are the file's; the evaluator maps a byte string's characters back to the bytes
 * (sourceBytes). libxlu (xl) has no declaration and passes bytes above 0x7F through, so an xl file
 * is read the same way when it carries the (Emacs) declaration, and as UTF-8 otherwise.
 * UTF-8, and codecs xmcfg has no table for, are left to the UTF-8 reader.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from './utf8.js';

/** The codecs xmcfg decodes by a declaration: Python 2's latin_1, cp1252 and iso8859_15. */
export type SingleByteCodec = 'iso-8859-1' | 'cp1252' | 'iso-8859-15';

/** Python 2.7's get_coding_spec: a comment line holding `coding[:=]` and an encoding name. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** A line Python 2 lets line 2's declaration follow: blank, or a comment. */
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#.*)?$/;

/** The names encodings.aliases gives each codec (after normalize_encoding), with the codec's own. */
const ALIASES: Record<string, SingleByteCodec> = {
  latin_1: 'iso-8859-1', '8859': 'iso-8859-1', cp819: 'iso-8859-1', csisolatin1: 'iso-8859-1', ibm819: 'iso-8859-1',
  iso8859: 'iso-8859-1', iso8859_1: 'iso-8859-1', iso_8859_1: 'iso-8859-1', iso_8859_1_1987: 'iso-8859-1',
  iso_ir_100: 'iso-8859-1', l1: 'iso-8859-1', latin: 'iso-8859-1', latin1: 'iso-8859-1',
  cp1252: 'cp1252', '1252': 'cp1252', windows_1252: 'cp1252',
  iso8859_15: 'iso-8859-15', iso_8859_15: 'iso-8859-15', l9: 'iso-8859-15', latin9: 'iso-8859-15',
};

/**
 * The codec Python 2 reads a declared name as, when it is one xmcfg decodes: the tokenizer's
 * get_normal_name first ("latin-1", "iso-8859-1", "iso-latin-1", each also followed by "-…"), then
 * codecs.lookup (lowercase; runs of characters other than letters, digits and "." become "_").
 */
export function codecOfName(name: string): SingleByteCodec | null {
  const head = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (/^(?:latin-1|iso-8859-1|iso-latin-1)(?:-|$)/.test(head)) return 'iso-8859-1';
  const norm = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  return ALIASES[norm] ?? ALIASES[norm.replace(/\./g, '_')] ?? null;
}

/** The end of the line that starts at `from` (before its CR or LF), or the text's end. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * The encoding name a PEP 263 declaration gives, and where its line starts: line 1, or line 2 when
 * line 1 is blank or a comment (Python 2's rule); null without one. A byte-order mark is not looked at.
 */
export function codingDeclaration(text: string): { name: string; lineStart: number } | null {
  const end1 = lineEnd(text, 0);
  const line1 = text.slice(0, end1);
  const m1 = CODING.exec(line1);
  if (m1) return { name: m1[1]!, lineStart: 0 };
  if (end1 >= text.length || !BLANK_OR_COMMENT.test(line1)) return null;
  const start2 = text.charCodeAt(end1) === 13 && text.charCodeAt(end1 + 1) === 10 ? end1 + 2 : end1 + 1;
  const m2 = CODING.exec(text.slice(start2, lineEnd(text, start2)));
  return m2 ? { name: m2[1]!, lineStart: start2 } : null;
}

/**
 * The single-byte codec the text's PEP 263 declaration names, or null: none, UTF-8, a codec
 * without a table here, or a UTF-8 byte-order mark (Python then wants utf-8 and refuses any other
 * name). Only the first two lines are looked at.
 */
export function declaredCodec(text: string): SingleByteCodec | null {
  if (text.charCodeAt(0) === 0xfeff || text.startsWith('\xef\xbb\xbf')) return null;
  const declared = codingDeclaration(text);
  return declared === null ? null : codecOfName(declared.name);
}

/** Bytes 0x80–0x9F that Python 2's cp1252 has no character for (it refuses them); read as U+0081… here. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Offset of the first character at or after `from` that stands for a byte the codec leaves
 * undefined (cp1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D, read as U+0081 and so on), or -1.
 */
export function undefinedByteAt(text: string, codec: SingleByteCodec, from: number): number {
  if (codec !== 'cp1252') return -1;
  for (let i = from; i < text.length; i++) if (CP1252_UNDEFINED.has(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * The bytes whose character is not the byte's own code point (ISO-8859-1 maps every byte to it),
 * as Python 2's cp1252 and iso8859_15 codecs decode them (checked against Python 2.7.18). Written
 * out: Node's TextDecoder("windows-1252") decodes 0x80–0x9F as ISO-8859-1 does.
 */
const DIFFERENT: Record<Exclude<SingleByteCodec, 'iso-8859-1'>, Record<number, number>> = {
  cp1252: {
    0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
    0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
    0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
    0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
  },
  'iso-8859-15': { 0xa4: 0x20ac, 0xa6: 0x0160, 0xa8: 0x0161, 0xb4: 0x017d, 0xb8: 0x017e, 0xbc: 0x0152, 0xbd: 0x0153, 0xbe: 0x0178 },
};

/** Characters of bytes 0x80–0xFF per codec (cp1252's undefined bytes, CP1252_UNDEFINED, as their own code points). */
function tableOf(codec: SingleByteCodec): string[] {
  const diff = codec === 'iso-8859-1' ? {} : DIFFERENT[codec];
  return Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(diff[0x80 + i] ?? 0x80 + i));
}

/** Reverse tables: character code above U+00FF → byte. */
const reverse = new Map<SingleByteCodec, Map<number, number>>();

/**
 * The file bytes of a byte string's characters in a file of this codec, one character per byte
 * (U+0000–U+00FF), or null when a character has no byte in it. A character up to U+00FF is its own
 * byte: written so in an ISO-8859-1 file, or made by a `\xNN` escape, which every codec's file holds
 * as that byte; a character above U+00FF is written text, mapped back by the table (`€` is 0x80 in cp1252).
 */
export function sourceBytes(s: string, codec: SingleByteCodec): string | null {
  let back = reverse.get(codec);
  if (back === undefined) {
    back = new Map();
    const t = tableOf(codec);
    for (let i = 0; i < t.length; i++) if (t[i]!.charCodeAt(0) > 0xff) back.set(t[i]!.charCodeAt(0), 0x80 + i);
    reverse.set(codec, back);
  }
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0xff) continue;
    const b = back.get(c);
    if (b === undefined) return null;
    out += s.slice(from, i) + String.fromCharCode(b);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Decode file bytes in a single-byte codec: one character per byte, so offsets are byte offsets. */
export function decodeSingleByte(bytes: Uint8Array, codec: SingleByteCodec): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (codec === 'iso-8859-1') return latin1;
  const t = tableOf(codec);
  return latin1.replace(/[\x80-\xff]/g, (ch) => t[ch.charCodeAt(0) - 0x80]!);
}

/** Encode text back into a single-byte codec (fmt writes a file in its own encoding); null when a character has no byte. */
export function encodeSingleByte(text: string, codec: SingleByteCodec): Uint8Array | null {
  const bytes = sourceBytes(text, codec);
  return bytes === null ? null : Buffer.from(bytes, 'latin1');
}

/**
 * File bytes decoded by the single-byte codec their first two lines declare, or null when the file
 * is to be read as UTF-8 (no such declaration). The declaration is ASCII, so it is found in the
 * bytes read one character per byte.
 */
export function decodeDeclared(bytes: Uint8Array): { text: string; codec: SingleByteCodec } | null {
  // Two lines are enough, and a declaration is a short comment: look at the first 1 KiB only.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const codec = declaredCodec(head);
  return codec === null ? null : { text: decodeSingleByte(bytes, codec), codec };
}

/**
 * The text of a file's bytes: decoded by the single-byte encoding it declares (`codec`), else as
 * UTF-8 (a byte-order mark kept, so offsets match the file as saved), with XM0041 at the first
 * invalid sequence (read as U+FFFD). A file with NUL bytes is binary (the parser's XM0031): its
 * encoding is beside the point.
 */
export function decodeSource(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[]; codec: SingleByteCodec | null } {
  const declared = decodeDeclared(bytes);
  if (declared !== null) return { text: declared.text, diagnostics: [], codec: declared.codec };
  const { text, invalid } = decodeUtf8(bytes);
  const diagnostics: Diagnostic[] = [];
  if (invalid.length > 0 && bytes.indexOf(0) < 0) {
    const first = invalid[0]!;
    const more = invalid.length > 1 ? ` (and ${invalid.length - 1} more)` : '';
    diagnostics.push({
      code: 'XM0041',
      severity: 'warning',
      message: `invalid UTF-8 byte sequence read as U+FFFD${more}`,
      span: { start: first, end: first + 1 },
      hint: 'save the file as UTF-8, or declare its encoding on line 1 (# -*- coding: latin-1 -*-)',
    });
  }
  return { text, diagnostics, codec: null };
}
