/**
 * @fileoverview The fast path of `fmt`, a module of its own so the command can format plain files
 * without loading the full parser: texts in the plain subset both dialects accept (./fast-lex.ts)
 * are lexed and printed directly; the output is lexed back and must hold the same significant
 * tokens and comments.
 */
import type { Dialect } from '../syntax/value.js';
import { fastLex, fastVerify } from './fast-lex.js';
import { printTokens } from './fast-print.js';
import { resolveLayout } from './options.js';
import type { FormatOptions, FormatResult } from './format.js';

/** Format a plain-subset text; null when the text is outside the subset (or, defensively, when the read-back check fails). */
export function formatFast(text: string, options: FormatOptions): FormatResult | null {
  const tokens = fastLex(text, { blanks: false });
  if (!tokens) return null;
  const dialect: Dialect = options.dialect === 'xm' ? 'xm' : 'xl';
  const out = printTokens(text, tokens, resolveLayout(options));
  if (out === text) return { text, changed: false, dialect, diagnostics: [] };
  if (!fastVerify(out, text, tokens)) return null;
  return { text: out, changed: true, dialect, diagnostics: [] };
}

