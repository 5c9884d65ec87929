/**
 * @fileoverview The fast path of `fmt`, a module of its own so the command can format plain files
 * without loading the full parser: texts in the plain subset both dialects accept (./fast-lex.ts)
 * are lexed and printed directly, as bytes; the output is lexed back and must hold the same
 * significant tokens and comments (./fast-verify.ts).
 */
import type { Dialect } from '../syntax/value.js';
import { asciiBytes, asciiText, type AsciiBytes } from './fast-bytes.js';
import { lexBytes } from './fast-lex.js';
import { printBytes } from './fast-print.js';
import { verifyBytes } from './fast-verify.js';
import { resolveLayout } from './options.js';
import type { FormatOptions, FormatResult } from './format.js';

/** Format a plain-subset text; null when the text is outside the subset (or, defensively, when the read-back check fails). */
export function formatFast(text: string, options: FormatOptions): FormatResult | null {
  const src = asciiBytes(text);
  if (!src) return null;
  const tokens = lexBytes(src, false, true);
  if (!tokens) return null;
  const dialect: Dialect = options.dialect === 'xm' ? 'xm' : 'xl';
  const out = printBytes(src, tokens, resolveLayout(options));
  if (sameBytes(out, src)) return { text, changed: false, dialect, diagnostics: [] };
  if (!verifyBytes(out, src, tokens)) return null;
  return { text: asciiText(out.bytes, out.length), changed: true, dialect, diagnostics: [] };
}

function sameBytes(a: AsciiBytes, b: AsciiBytes): boolean {
  return a.length === b.length && Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.length).equals(Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.length));
}
