/** @fileoverview String literal pieces: prefix letters and quote of a literal's text (no chevrotain needed). */
import type { Span } from '../src/diagnostics/span.js';
import type { StringPart } from './tree.js';

/** Split a string literal's text into prefix and quote. */
export function stringPart(image: string, span: Span): StringPart {
  // Character codes, not a regex and a built `q + q + q`: every string literal of every file comes here.
  let i = 0;
  while (i < image.length && i < 2 && isPrefixChar(image.charCodeAt(i))) i++;
  const q = image[i] ?? '"';
  const c = image.charCodeAt(i);
  const triple = image.charCodeAt(i + 1) === c && image.charCodeAt(i + 2) === c;
  return { span, quote: triple ? q + q + q : q, prefix: i === 0 ? '' : image.slice(0, i).toLowerCase() };
}

/** r R u U b B. */
function isPrefixChar(c: number): boolean {
  return c === 114 || c === 82 || c === 117 || c === 85 || c === 98 || c === 66;
}
