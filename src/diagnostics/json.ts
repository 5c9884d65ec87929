/**
 * @fileoverview The public, positioned shape of a diagnostic: what `check --format json`, the
 * library API and tests at the edges see. 1-based lines, UTF-16 columns, exclusive ends.
 */
import type { Diagnostic, Severity } from './diagnostic.js';
import type { LineIndex } from './line-index.js';

/** A related location in the public shape. */
export interface JsonRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A diagnostic in the public shape of spec §4 (`check --format json`). */
export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
  related?: JsonRelated[];
}

/** Position a diagnostic for output; optional fields are left out when empty. */
export function toJsonDiagnostic(d: Diagnostic, index: LineIndex): JsonDiagnostic {
  const out: JsonDiagnostic = { code: d.code, severity: d.severity, message: d.message, ...index.range(d.span) };
  if (d.hint) out.hint = d.hint;
  if (d.related?.length) out.related = d.related.map((r) => ({ message: r.message, ...index.range(r.span) }));
  return out;
}
