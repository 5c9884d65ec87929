/**
 * @fileoverview Diagnostics as data. Every stage returns these instead of throwing; the code is
 * the stable contract (tests assert code and span, never English text).
 */
import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/** A secondary location that explains a finding (e.g. the first definition of a duplicate key). */
export interface RelatedSpan {
  message: string;
  span: Span;
}

/** A text edit that fixes a finding: replace `span` with `text`. */
export interface TextEdit {
  span: Span;
  text: string;
}

/** A named, machine-applicable fix (quick fix in the editor, `--fix` later). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One finding, positioned by offsets into the file's text. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  hint?: string;
  related?: RelatedSpan[];
  fixes?: Fix[];
}

/** Count diagnostics by severity. */
export function countBySeverity(diags: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Order diagnostics by position, then code, so every output is deterministic. */
export function sortDiagnostics<T extends Diagnostic>(diags: T[]): T[] {
  return diags.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Longest piece of source text a message quotes whole; the span shows the rest. */
const QUOTE_LIMIT = 60;

/**
 * Source text as a message quotes it: cut to its start and `…` when long, so a generated file's
 * 100,000-character key or number never makes a message (and every report line) that long.
 */
export function quoteText(text: string): string {
  return text.length > QUOTE_LIMIT ? text.slice(0, QUOTE_LIMIT - 1) + '…' : text;
}

/** "1 error", "2 warnings": a count with its noun, as messages and summaries write counts. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Append every item of `items` to `target`. Not `target.push(...items)`: a spread passes each item
 * as an argument on the stack, and a file of 300,000 findings overflowed it (`convert` of 300,000
 * `x=1` lines ended in "internal error: RangeError").
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
