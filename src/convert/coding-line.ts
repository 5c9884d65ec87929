/**
 * @fileoverview The PEP 263 comment of a converted file (docs/decisions/040-declared-encodings.md).
 * A file declaring latin-1, cp1252, koi8-r... is read in that encoding, but the conversion is
 * written as UTF-8. Kept as it was, the comment would make Python, editors (Emacs and vim read it)
 * and xmcfg itself read the UTF-8 output in the old encoding (`é` as `Ã©`). The comment is kept
 * (it may carry other editor settings, `-*- mode: python; coding: latin-1 -*-`) and its name
 * becomes utf-8; xl ignores it either way. Names Python 2 reads as UTF-8 already stay.
 */
import type { TextEdit } from '../diagnostics/diagnostic.js';
import { codingDeclaration, resolveCodec } from '../syntax/source-decode.js';

/** The edit that makes the text's encoding declaration name utf-8, or none (no declaration, or a UTF-8 name already). */
export function utf8Declaration(text: string): TextEdit[] {
  const declared = codingDeclaration(text);
  if (declared === null) return [];
  const kind = resolveCodec(declared.name).kind;
  if (kind === 'raw-utf-8' || kind === 'utf-8') return [];
  return [{ span: { start: declared.nameStart, end: declared.nameStart + declared.name.length }, text: 'utf-8' }];
}
