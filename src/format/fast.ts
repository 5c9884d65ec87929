/**
 * @fileoverview The fast path of `fmt`, a module of its own so the command can format plain files
 * without loading the full parser: texts in the plain subset both dialects accept (./fast-lex.ts)
 * are lexed and printed directly, as bytes. The printer proves its output harmless by construction
 * and checks that proof as it writes (./fast-print.ts); the tests hold every output to the full
 * read-back check as well (./fast-verify.ts), which a 10 MB file would pay with a second lexing
 * and a token-by-token comparison: a third of the run.
 */
import type { Dialect } from '../syntax/value.js';
import { asciiBytes, asciiText, type AsciiBytes } from './fast-bytes.js';
import { lexBytes } from './fast-lex.js';
import { printBytes } from './fast-print.js';
import { resolveLayout } from './options.js';
import type { FormatOptions, FormatResult } from './format.js';

/** Format a plain-subset text; null when the text is outside the subset (or, defensively, when a check of the printer fails). */
export function formatFast(text: string, options: FormatOptions): FormatResult | null {
  const src = asciiBytes(text);
  const r = src && formatFastBytes(src, options);
  if (!r) return null;
  const dialect: Dialect = options.dialect === 'xm' ? 'xm' : 'xl';
  return { text: r.changed ? asciiText(r.out.bytes, r.out.length) : text, changed: r.changed, dialect, diagnostics: [] };
}

/** formatFast on the bytes of an ASCII text (no string is made: `fmt --check` needs none). */
export function formatFastBytes(src: AsciiBytes, options: FormatOptions): { changed: boolean; out: AsciiBytes } | null {
  const tokens = lexBytes(src, false, true);
  const out = tokens && printBytes(src, tokens, resolveLayout(options));
  if (!out) return null;
  return { changed: !sameBytes(out, src), out };
}

function sameBytes(a: AsciiBytes, b: AsciiBytes): boolean {
  return a.length === b.length && Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.length).equals(Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.length));
}
