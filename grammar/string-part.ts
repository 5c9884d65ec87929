/** @fileoverview String literal pieces: prefix letters and quote of a literal's text (no chevrotain needed). */
import type { Span } from '../src/diagnostics/span.js';
import type { StringPart } from '../src/syntax/tree.js';

/** Split a string literal's text into prefix and quote. */
export function stringPart(image: string, span: Span): StringPart {
  let i = 0;
  while (i < image.length && i < 2 && /[rRuUbB]/.test(image[i]!)) i++;
  const q = image[i] ?? '"';
  const triple = image.startsWith(q + q + q, i);
  return { span, quote: triple ? q + q + q : q, prefix: image.slice(0, i).toLowerCase() };
}
