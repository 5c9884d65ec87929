/**
 * @fileoverview Findings about the whole file at the file's anchor (decision 051). The stages that
 * judge a config have no text: a finding about something the file lacks, which no key of the file
 * makes required, is placed by them at `{start: 0, end: 0}`, "the file". The check, which has the
 * text, moves each such span to the anchor as it collects the findings (check/capped-findings.ts;
 * syntax/anchor.ts: the file's first statement), so no output shows a zero-width mark at 1:1 that
 * an editor cannot underline.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Span } from './span.js';

/** true for the span the config stages give a finding about the whole file. */
export function isFileSpan(span: Span): boolean {
  return span.start === 0 && span.end === 0;
}

/** One finding with its "whole file" spans at `anchor` (a copy), or the finding itself when it has none. */
export function atAnchor<T extends Diagnostic>(d: T, anchor: Span): T {
  // An empty file's anchor is the file start itself: nothing to move.
  if (isFileSpan(anchor)) return d;
  const related = d.related?.some((r) => isFileSpan(r.span)) ? d.related.map((r) => (isFileSpan(r.span) ? { ...r, span: { ...anchor } } : r)) : d.related;
  if (!isFileSpan(d.span) && related === d.related) return d;
  const moved: T = { ...d, span: isFileSpan(d.span) ? { ...anchor } : d.span };
  if (related !== undefined) moved.related = related;
  return moved;
}
