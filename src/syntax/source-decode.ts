/**
 * @fileoverview Reading a file in the encoding it declares (PEP 263). Python 2 reads an xm file
 * whose line 1 or 2 is a comment such as `# -*- coding: latin-1 -*-` with that codec: a unicode
 * string (`u"é"`) is decoded by it, and a byte string (`"é"`) keeps the file's own bytes. Such a
 * file is not UTF-8, so reading it as UTF-8 turned each byte above 0x7F into U+FFFD. xmcfg decodes
 * the single-byte codecs by their table (py2-codecs.ts, taken from Python 2.7.18): one character
 * per byte, so offsets and UTF-16 columns are the file's; the evaluator reads a byte string from the
 * file's bytes (sourceBytes). libxlu (xl) has no declaration and passes bytes above 0x7F through, so an xl file
 * is read the same way when it carries the (Emacs) declaration, and as UTF-8 otherwise.
 * UTF-8, and codecs xmcfg has no table for, are left to the UTF-8 reader (source-encoding.ts says
 * what Python 2 makes of them).
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ALIASES, CODECS, TABLES, type CodecKind } from './py2-codecs.js';
import { decodeUtf8 } from './utf8.js';

/** A codec xmcfg decodes by a declaration: a Python 2 codec module with a byte table (py2-codecs.ts TABLES). */
export type SingleByteCodec = string;

/** Python 2.7's get_coding_spec: a comment line holding `coding[:=]` and an encoding name. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** A line Python 2 lets line 2's declaration follow: blank, or a comment. */
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#.*)?$/;

/**
 * How Python 2 reads a declared name. raw-utf-8: the tokenizer's own "utf-8" (no codec: bytes pass
 * as they are, only a u'' string decodes them); unknown: no such codec ("encoding problem: NAME");
 * else the codec module and its kind (a "latin-1" name the tokenizer keeps raw reads as latin_1's table).
 */
export type ResolvedCodec = { kind: 'raw-utf-8' } | { kind: 'unknown' } | { kind: CodecKind; codec: string };

/**
 * The codec Python 2 reads a declared name as: the tokenizer's get_normal_name first ("utf-8",
 * "latin-1", "iso-8859-1", "iso-latin-1", each also followed by "-…", on the first 12 characters with
 * "_" as "-"), then codecs.lookup (lowercase; runs of characters other than letters, digits and "."
 * become "_"; encodings.aliases, then the module of that name).
 */
export function resolveCodec(name: string): ResolvedCodec {
  const head = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (/^utf-8(?:-|$)/.test(head)) return { kind: 'raw-utf-8' };
  if (/^(?:latin-1|iso-8859-1|iso-latin-1)(?:-|$)/.test(head)) return { kind: 'table', codec: 'latin_1' };
  // Runs become one "_", and the ends are trimmed by index: `_+$` alone retries from every "_".
  const runs = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
  const norm = runs.slice(runs.startsWith('_') ? 1 : 0, runs.length > 1 && runs.endsWith('_') ? -1 : undefined);
  // Own keys only: a name such as "constructor" must not find Object's.
  const alias = (k: string): string | undefined => (Object.hasOwn(ALIASES, k) ? ALIASES[k] : undefined);
  const aliased = alias(norm) ?? alias(norm.replace(/\./g, '_'));
  for (const mod of aliased === undefined ? [norm] : [aliased, norm]) {
    const kind = Object.hasOwn(CODECS, mod) ? CODECS[mod] : undefined;
    if (kind !== undefined) return { kind, codec: mod };
  }
  return { kind: 'unknown' };
}

/** The single-byte codec xmcfg decodes a declared name as, or null (UTF-8, a codec without a table, or none). */
export function codecOfName(name: string): SingleByteCodec | null {
  const r = resolveCodec(name);
  return r.kind === 'table' ? r.codec : null;
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
 * The encoding name a PEP 263 declaration gives, where its line starts and where the name starts:
 * line 1 (after a byte-order mark), or line 2 when line 1 is blank or a comment (Python 2's rule);
 * null without one. Two lines and a regex: cheap for a file without one.
 */
export function codingDeclaration(text: string): { name: string; lineStart: number; nameStart: number } | null {
  // Python 2 takes a byte-order mark off before it looks (then wants the name to be utf-8).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : text.startsWith('\xef\xbb\xbf') ? 3 : 0;
  const end1 = lineEnd(text, bom);
  const line1 = text.slice(bom, end1);
  const m1 = CODING.exec(line1);
  if (m1) return { name: m1[1]!, lineStart: 0, nameStart: bom + m1[0].length - m1[1]!.length };
  if (end1 >= text.length || !BLANK_OR_COMMENT.test(line1)) return null;
  const start2 = text.charCodeAt(end1) === 13 && text.charCodeAt(end1 + 1) === 10 ? end1 + 2 : end1 + 1;
  const m2 = CODING.exec(text.slice(start2, lineEnd(text, start2)));
  return m2 ? { name: m2[1]!, lineStart: start2, nameStart: start2 + m2[0].length - m2[1]!.length } : null;
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

/** Marks a byte of TABLES the codec has no character for. */
const UNDEFINED = 0xfffe;
/**
 * A byte the codec has no character for is read as U+DC00 + byte (U+DC81 for cp1252's 0x81), as
 * Python 3's surrogateescape does: a lone surrogate is no codec's character, where the byte's own
 * code point may be another byte's (cp857 has no 0xD5, and reads 0xE5 as U+00D5). Python 2 refuses
 * such a file (XM0045), so the character only has to say which byte it was.
 */
const ESCAPED = 0xdc00;

/** The characters of bytes 0x80–0xFF of a table codec; a byte it has no character for as U+DC00 + byte. */
function tableOf(codec: SingleByteCodec): string[] {
  const t = TABLES[codec] ?? '';
  return Array.from({ length: 0x80 }, (_, i) => (t.charCodeAt(i) === UNDEFINED || i >= t.length ? String.fromCharCode(ESCAPED + 0x80 + i) : t[i]!));
}

/** The byte a character stands for when it escapes one the codec has no character for (U+DC80–U+DCFF), or -1. */
export function escapedByte(c: number): number {
  return c >= ESCAPED + 0x80 && c <= ESCAPED + 0xff ? c - ESCAPED : -1;
}

/** The characters of each codec's table (built once): to tell a byte's own code point from another byte's character. */
const charsOfCodec = new Map<SingleByteCodec, Set<number>>();

/**
 * Offset of the first character at or after `from` that stands for a byte the codec leaves
 * undefined (read as U+DC00 + byte; any non-ASCII one for ascii), or -1. A text given as a string
 * may hold the byte's own code point instead (U+0081 for cp1252's 0x81): one too, unless it is
 * another byte's character.
 */
export function undefinedByteAt(text: string, codec: SingleByteCodec, from: number): number {
  const t = TABLES[codec];
  if (t === undefined || !t.includes('\ufffe')) return -1;
  const all = codec === 'ascii';
  let chars = charsOfCodec.get(codec);
  if (chars === undefined) charsOfCodec.set(codec, (chars = new Set(tableOf(codec).map((ch) => ch.charCodeAt(0)))));
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x7f) continue;
    if (all) return i;
    const b = escapedByte(c);
    if (b >= 0 && t.charCodeAt(b - 0x80) === UNDEFINED) return i;
    if (c <= 0xff && t.charCodeAt(c - 0x80) === UNDEFINED && !chars.has(c)) return i;
  }
  return -1;
}

/** Reverse tables: character → byte, for the characters that are not their own byte. */
const reverse = new Map<SingleByteCodec, Map<number, number>>();

/** The reverse table of a codec (built once). */
function reverseOf(codec: SingleByteCodec): Map<number, number> {
  let back = reverse.get(codec);
  if (back === undefined) {
    back = new Map();
    const t = tableOf(codec);
    // Two bytes may read as one character (cp1006's 0xB1 and 0xB2, U+FE8E): the last is taken, as
    // Python 2 does. It decodes the whole file and encodes a byte string's characters back into the
    // codec (its charmap encoding table keeps the last byte), so "\xb1" written in cp1006 is '\xb2'.
    for (let i = 0; i < t.length; i++) if (t[i]!.charCodeAt(0) !== 0x80 + i) back.set(t[i]!.charCodeAt(0), 0x80 + i);
    reverse.set(codec, back);
  }
  return back;
}

/**
 * The file bytes of a text decoded by a single-byte codec, one character per byte (as a string of
 * U+0000–U+00FF), or null when a character has no byte in it. A character U+0080–U+00FF the
 * table does not give (in a text given as a string) is its own byte.
 */
export function sourceBytes(s: string, codec: SingleByteCodec): string | null {
  const back = reverseOf(codec);
  if (back.size === 0) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x7f) continue;
    const b = back.get(c);
    if (b === undefined) {
      if (c <= 0xff) continue;
      return null;
    }
    out += s.slice(from, i) + String.fromCharCode(b);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The last text fileBytesText mapped, so the evaluator maps a file once, not once per string. */
let lastMapped: { text: string; codec: SingleByteCodec; bytes: string } | null = null;

/**
 * The file's bytes (one character each) of a text decoded by a single-byte codec, at the same
 * offsets: a byte string read from them holds the bytes Python 2 keeps, written or escaped
 * (`"\\xa0"` is the byte 0xA0 even where the codec reads another byte as U+00A0).
 */
export function fileBytesText(text: string, codec: SingleByteCodec): string {
  if (reverseOf(codec).size === 0) return text;
  if (lastMapped !== null && lastMapped.codec === codec && lastMapped.text === text) return lastMapped.bytes;
  lastMapped = { text, codec, bytes: sourceBytes(text, codec) ?? text };
  return lastMapped.bytes;
}

/** Decode file bytes in a single-byte codec: one character per byte, so offsets are byte offsets. */
export function decodeSingleByte(bytes: Uint8Array, codec: SingleByteCodec): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (reverseOf(codec).size === 0) return latin1;
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
 * encoding is beside the point. `invalid`: the text offsets of every U+FFFD the UTF-8 decoder put
 * for invalid bytes (ParseOptions.invalidUtf8; empty for valid UTF-8 or a single-byte codec).
 * `bytes`: a copy of the file's bytes when it is not valid UTF-8 (and not binary), as an xm value
 * then cannot be told from the text (ParseOptions.sourceBytes); else absent: a valid file pays
 * nothing, and the caller's buffer may be reused.
 */
export function decodeSource(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[]; codec: SingleByteCodec | null; invalid: number[]; bytes?: Uint8Array } {
  const declared = decodeDeclared(bytes);
  if (declared !== null) return { text: declared.text, diagnostics: [], codec: declared.codec, invalid: [] };
  const { text, invalid } = decodeUtf8(bytes);
  const diagnostics: Diagnostic[] = [];
  // A binary file (NUL bytes) is not read further: neither XM0041 nor its bytes.
  const textual = invalid.length > 0 && bytes.indexOf(0) < 0;
  if (textual) {
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
  return textual ? { text, diagnostics, codec: null, invalid, bytes: Uint8Array.from(bytes) } : { text, diagnostics, codec: null, invalid };
}
