/**
 * @fileoverview Python 2's source-encoding rule (PEP 263) as xm met it: execfile refused a file
 * holding any non-ASCII character (comments included) unless the file declared its encoding in a
 * `# coding: NAME` comment on line 1, or on line 2 after a blank or comment line 1, or began with a
 * UTF-8 byte-order mark ("SyntaxError: Non-ASCII character '\xc3' in file ... but no encoding
 * declared"; checked against Python 2.7.18, docs/xm-python2.md).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codingDeclaration, declaredCodec, undefinedByteAt } from './source-decode.js';

/** Offset of the first character above U+007F at or after `from`, or -1. */
function firstNonAscii(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}

/**
 * XM0064 when an xm text has a non-ASCII character Python 2 refuses for want of an encoding
 * declaration; XM0045 when it declares cp1252 and holds a byte cp1252 leaves undefined.
 */
export function sourceEncodingDiagnostics(text: string): Diagnostic[] {
  const at = firstNonAscii(text, 0);
  if (at < 0) return [];
  const undeclared = undeclaredAt(text, at);
  if (undeclared.length > 0) return undeclared;
  // Declared: a byte the codec has no character for is refused all the same (XM0045).
  const codec = declaredCodec(text);
  return codec === null ? [] : undefinedByte(text, codec, at);
}

/** XM0064 for the first non-ASCII character (at `at`) when the text declares no encoding before it. */
function undeclaredAt(text: string, at: number): Diagnostic[] {
  // A UTF-8 BOM (kept as U+FEFF at offset 0) declares UTF-8 by itself.
  if (at < 0 || (at === 0 && text.charCodeAt(0) === 0xfeff)) return [];
  // Python reads line by line: a non-ASCII character on line 1 fails before line 2 is looked at.
  const declared = codingDeclaration(text);
  if (declared !== null && at >= declared.lineStart) return [];
  const width = text.codePointAt(at)! > 0xffff ? 2 : 1;
  const shown = text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
  return [
    {
      code: 'XM0064',
      severity: 'error',
      message: `Python 2 (xm) refuses the non-ASCII character U+${shown}: the file declares no encoding ("Non-ASCII character ... but no encoding declared")`,
      hint: 'add "# -*- coding: utf-8 -*-" as the first line, or write the character as an escape such as "\\xc3\\xa9"',
      span: { start: at, end: at + width },
    },
  ];
}

/** XM0045 at the first byte the declared codec has no character for (Python 2 refuses the file). */
function undefinedByte(text: string, codec: NonNullable<ReturnType<typeof declaredCodec>>, from: number): Diagnostic[] {
  const at = undefinedByteAt(text, codec, from);
  if (at < 0) return [];
  const hex = text.charCodeAt(at).toString(16).padStart(2, '0');
  return [
    {
      code: 'XM0045',
      severity: 'error',
      message: `Python 2 (xm) refuses the byte 0x${hex}: the file declares ${codec}, which has no character for it ("'charmap' codec can't decode byte 0x${hex}")`,
      hint: 'remove the byte, write it as an escape such as "\\x81", or declare latin-1',
      span: { start: at, end: at + 1 },
    },
  ];
}
