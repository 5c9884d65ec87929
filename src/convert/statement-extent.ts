/**
 * @fileoverview How much of the input a conversion edit covers for a statement: a NUMA statement
 * the plan's lines replace goes with its line break, a Python block with its indented body.
 */
import type { Span } from '../diagnostics/span.js';
import type { Stmt } from '../syntax/tree.js';

/** The span extended over its line break when nothing but blanks share its line (so deleting it leaves no empty line). */
export function wholeLine(text: string, span: Span): Span {
  let s = span.start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = span.end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const atLineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  if (!atLineStart) return span;
  if (text[e] === '\r' && text[e + 1] === '\n') return { start: s, end: e + 2 };
  if (text[e] === '\n' || text[e] === '\r') return { start: s, end: e + 1 };
  return e === text.length ? { start: s, end: e } : span;
}

/** A statement's whole extent, its indented block included (the header's span stops at the colon). */
export function blockSpan(st: Stmt): Span {
  let end = st.span.end;
  if (st.kind === 'unsupported') for (const b of st.body) end = Math.max(end, blockSpan(b).end);
  return { start: st.span.start, end };
}
