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
  if (text.length >= WARM_UP_FROM) warmUp();
  const tokens = fastLex(text, { blanks: false });
  if (!tokens) return null;
  const dialect: Dialect = options.dialect === 'xm' ? 'xm' : 'xl';
  const out = printTokens(text, tokens, resolveLayout(options));
  if (out === text) return { text, changed: false, dialect, diagnostics: [] };
  if (!fastVerify(out, text, tokens)) return null;
  return { text: out, changed: true, dialect, diagnostics: [] };
}

/** Texts from this size get the warm-up below (on small ones it would not pay). */
const WARM_UP_FROM = 1 << 20;
/** Every kind of token and both quote styles, lexed, printed and verified once before a large text. */
const WARM_UP_SAMPLE = "a = 1 ; b = 'x\\n'  # c\nc = [0x1f, \"y\", [2],  # d\n  # e\n 'z',]\n\n# f\n";
let warmedUp = false;

/**
 * Run the lexer's verifying path once on a tiny text before lexing a large one. The lexer and the
 * verifier share their code; without feedback from the verifying branches, V8 optimizes the
 * lexer for lexing only and then throws all of it away when verification starts, running the
 * start of a 10 MB file's verification unoptimized while it recompiles.
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const layout = resolveLayout({ quote: 'double', lineWidth: 20 });
  const tokens = fastLex(WARM_UP_SAMPLE, { blanks: false });
  if (tokens) fastVerify(printTokens(WARM_UP_SAMPLE, tokens, layout), WARM_UP_SAMPLE, tokens);
}
