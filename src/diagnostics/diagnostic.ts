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
