/**
 * @fileoverview Python 2's source-encoding rules (PEP 263) as xm met them, in the order its
 * tokenizer applies them (checked against Python 2.7.18; docs/decisions/040-declared-encodings.md):
 * execfile refused a file holding any non-ASCII character (comments included) unless the file
 * declared its encoding in a `# coding: NAME` comment on line 1, or on line 2 after a blank or
 * comment line 1, or began with a UTF-8 byte-order mark (XM0064); refused a declared name it has no
 * codec for, or any name but utf-8 after a byte-order mark ("encoding problem: NAME", XM0046), even in
 * an ASCII file; then decoded the file by the codec: a byte the codec has no character for (XM0045),
 * invalid UTF-8 where it decodes UTF-8 (XM0049). A codec that cannot read ASCII config text fails
 * on any file (XM0048); one xmcfg has no table for leaves the file's non-ASCII text unchecked (XM0047).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codingDeclaration, escapedByte, resolveCodec, undefinedByteAt } from './source-decode.js';
import { invalidInUnicodeLiteral } from './source-utf8.js';

/** Offset of the first character above U+007F at or after `from`, or -1. */
function firstNonAscii(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}

/** A diagnostic over text[start, end). */
function diag(code: string, severity: Diagnostic['severity'], start: number, end: number, message: string, hint: string): Diagnostic {
  return { code, severity, message, hint, span: { start, end } };
}

/**
 * The first of Python 2's source-encoding refusals an xm text meets (XM0064, XM0046, XM0048,
 * XM0045, XM0049), or XM0047 when the declared codec is one xmcfg does not decode. `invalidUtf8`:
 * the sorted text offsets where the file's UTF-8 decoder met invalid bytes (decodeSource); XM0049
 * comes only from them, as a U+FFFD elsewhere in the text is the character itself (valid UTF-8).
 */
export function sourceEncodingDiagnostics(text: string, invalidUtf8: readonly number[] = []): Diagnostic[] {
  const at = firstNonAscii(text, 0);
  const declared = codingDeclaration(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  // Python reads line by line: a non-ASCII character on line 1 fails before line 2 is looked at.
  if (at >= 0 && !(at === 0 && bom) && (declared === null ? !bom : at < declared.lineStart)) return [undeclared(text, at)];
  if (declared === null) return bom ? utf8Literal(text, invalidUtf8, 'utf-8 by its byte-order mark') : [];
  const { name, nameStart } = declared;
  const span = [nameStart, nameStart + name.length] as const;
  const r = resolveCodec(name);
  if (bom && r.kind !== 'raw-utf-8') {
    return [diag('XM0046', 'error', ...span, `Python 2 (xm) refuses the declaration "${name}": the file starts with a UTF-8 byte-order mark, which allows only utf-8 ("encoding problem: ${name} with BOM")`, 'remove the byte-order mark, or declare utf-8')];
  }
  switch (r.kind) {
    case 'unknown':
      return [diag('XM0046', 'error', ...span, `Python 2 (xm) has no codec "${name}" and refuses the file, ASCII or not ("encoding problem: ${name}")`, 'name an encoding Python 2 knows, such as utf-8 or latin-1, or remove the declaration')];
    case 'unreadable':
      return [diag('XM0048', 'error', ...span, `Python 2 (xm) reads a file declaring "${name}" (codec ${r.codec}) as other text than its ASCII statements and refuses it (or runs other names)`, 'declare utf-8 or latin-1, in which ASCII text is itself')];
    case 'ascii-differs':
      return [diag('XM0047', 'warning', ...span, `xmcfg does not decode "${name}" (codec ${r.codec}), which reads some ASCII text otherwise than xmcfg does: the file is not checked exactly as xm reads it`, 'save the file as UTF-8 and declare utf-8')];
    case 'unchecked':
      return at < 0 ? [] : [diag('XM0047', 'warning', ...span, `xmcfg does not decode "${name}" (codec ${r.codec}): non-ASCII text is read as UTF-8, so strings holding it are not checked exactly as xm reads them`, 'save the file as UTF-8 and declare utf-8')];
    case 'table':
      return at < 0 ? [] : undefinedByte(text, name, r.codec, at);
    case 'utf-8':
      return invalidUtf8.length === 0 ? [] : invalidAt(invalidUtf8[0]!, name, `codec ${r.codec} decodes the whole file`);
    case 'raw-utf-8':
      return utf8Literal(text, invalidUtf8, name);
  }
}

/** XM0064 for the first non-ASCII character (at `at`) when the text declares no encoding before it. */
function undeclared(text: string, at: number): Diagnostic {
  const width = text.codePointAt(at)! > 0xffff ? 2 : 1;
  const shown = text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
  return diag('XM0064', 'error', at, at + width, `Python 2 (xm) refuses the non-ASCII character U+${shown}: the file declares no encoding ("Non-ASCII character ... but no encoding declared")`, 'add "# -*- coding: utf-8 -*-" as the first line, or write the character as an escape such as "\\xc3\\xa9"');
}

/** XM0045 at the first byte the declared codec has no character for (Python 2 refuses the file). */
function undefinedByte(text: string, name: string, codec: string, from: number): Diagnostic[] {
  const at = undefinedByteAt(text, codec, from);
  if (at < 0) return [];
  const c = text.charCodeAt(at);
  // A byte read from the file is U+DC00 + byte; a text given as a string (not bytes) may hold any
  // character: name it, as it has no one byte.
  const byte = escapedByte(c) >= 0 ? escapedByte(c) : c <= 0xff ? c : -1;
  const what = byte >= 0 ? `byte 0x${byte.toString(16).padStart(2, '0')}` : `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const width = text.codePointAt(at)! > 0xffff ? 2 : 1;
  return [diag('XM0045', 'error', at, at + width, `Python 2 (xm) refuses the ${what}: the file declares ${name} (codec ${codec}), which has no character for it ("codec can't decode byte")`, 'remove it, write it as an escape such as "\\x81", or declare the encoding the file is saved in (latin-1 has a character for every byte)')];
}

/** XM0049 at the U+FFFD the decoder put for invalid UTF-8 Python 2 decodes (`at` < 0: none). */
function invalidAt(at: number, name: string, why: string): Diagnostic[] {
  if (at < 0) return [];
  return [diag('XM0049', 'error', at, at + 1, `Python 2 (xm) refuses invalid UTF-8 here (read as U+FFFD): the file declares ${name} and ${why} ("'utf8' codec can't decode byte")`, 'save the file as UTF-8, write the byte as an escape such as "\\xe9" in a byte string, or declare the encoding the file is saved in')];
}

/** XM0049 at the first invalid UTF-8 inside a u'' string of a file Python 2's tokenizer reads as UTF-8 bytes. */
function utf8Literal(text: string, invalid: readonly number[], name: string): Diagnostic[] {
  // No invalid bytes (the common case): nothing to scan.
  if (invalid.length === 0) return [];
  return invalidAt(invalidInUnicodeLiteral(text, invalid), name, "a unicode string decodes its bytes (a byte string or a comment keeps them)");
}
