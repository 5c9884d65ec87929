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

/** One edit of a fix in the public shape: replace the range with `text` (an empty range inserts, an empty `text` deletes). */
export interface JsonTextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A machine-applicable fix in the public shape: the finding's Fix, positioned. */
export interface JsonFix {
  title: string;
  edits: JsonTextEdit[];
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
  /** The finding's quick fixes (an editor's code actions, SARIF's `fixes`); left out when it has none. */
  fixes?: JsonFix[];
}

/** Position a diagnostic for output; optional fields are left out when empty. */
export function toJsonDiagnostic(d: Diagnostic, index: LineIndex): JsonDiagnostic {
  const out: JsonDiagnostic = { code: d.code, severity: d.severity, message: d.message, ...index.range(d.span) };
  if (d.hint) out.hint = d.hint;
  if (d.related?.length) out.related = d.related.map((r) => ({ message: r.message, ...index.range(r.span) }));
  if (d.fixes?.length) out.fixes = d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ ...index.range(e.span), text: e.text })) }));
  return out;
}
