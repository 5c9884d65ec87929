/**
 * @fileoverview Lookups in the compact token stream: binary search by offset and iteration over
 * the tokens inside a span. The stream is gap-free, so every offset belongs to exactly one token.
 */
import type { Tok, TokenStream } from './tree.js';
import type { Span } from '../diagnostics/span.js';

/** Index of the first token whose start is >= offset (tokens.count when none). */
export function tokenAtOrAfter(tokens: TokenStream, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when some token of `kind` lies inside `span` but outside every span of `skip`. */
export function hasTokenOutside(tokens: TokenStream, span: Span, kind: Tok, skip: readonly Span[]): boolean {
  let k = 0;
  for (let i = tokenAtOrAfter(tokens, span.start); i < tokens.count && tokens.ends[i]! <= span.end; i++) {
    if (tokens.kinds[i] !== kind) continue;
    const s = tokens.starts[i]!;
    while (k < skip.length && skip[k]!.end <= s) k++;
    if (k < skip.length && skip[k]!.start <= s) continue;
    return true;
  }
  return false;
}
