/**
 * @fileoverview `--format json`, version 1: exactly the shape in SPEC §4. Lines and columns are
 * 1-based UTF-16, `end*` exclusive, paths as given. Diagnostics use the shared public shape
 * (`toJsonDiagnostic`), so the library and the report agree.
 */
import { toJsonDiagnostic, type JsonDiagnostic } from '../diagnostics/json.js';
import type { Dialect } from '../syntax/value.js';
import { sortedCopy } from './stylish.js';
import { fileCounts } from './summary.js';
import type { FileReport } from './types.js';

/** One file of the JSON report. */
export interface JsonFile {
  path: string;
  dialect: Dialect | null;
  errorCount: number;
  warningCount: number;
  diagnostics: JsonDiagnostic[];
}

/** The whole JSON report. */
export interface JsonReport {
  version: 1;
  files: JsonFile[];
}

/** Build the JSON report object. */
export function jsonReport(results: readonly FileReport[]): JsonReport {
  return {
    version: 1,
    files: results.map(jsonFile),
  };
}

/** One file of the JSON report. */
export function jsonFile(r: FileReport): JsonFile {
  // Counts include findings the per-file cap left out (the XM0043 note at the end says how many).
  const c = fileCounts(r);
  return {
    path: r.path,
    dialect: r.dialect,
    errorCount: c.errors,
    warningCount: c.warnings,
    diagnostics: sortedCopy(r.diagnostics).map((d) => toJsonDiagnostic(d, r.lineIndex)),
  };
}

/** Render the JSON report (two-space indent, trailing newline). */
export function formatJson(results: readonly FileReport[]): string {
  return JSON.stringify(jsonReport(results), null, 2) + '\n';
}
