/** @fileoverview Counting findings across files and saying the counts in words. */
import { countBySeverity, plural } from '../diagnostics/diagnostic.js';
import { FINDINGS_LEFT_OUT, type SeverityCounts } from '../diagnostics/limit.js';
import type { FileReport, NotCheckedInput, ReportOptions } from './types.js';

/** Totals of a whole run. */
export interface Totals {
  files: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * A file's findings by severity: the listed ones plus those the per-file cap left out, without the
 * XM0043 note that stands for them (it is about the report, not the config).
 */
export function fileCounts(r: FileReport): SeverityCounts {
  const c = countBySeverity(r.diagnostics);
  if (!r.omitted) return c;
  const notes = r.diagnostics.reduce((n, d) => n + (d.code === FINDINGS_LEFT_OUT ? 1 : 0), 0);
  return { errors: c.errors + r.omitted.errors, warnings: c.warnings + r.omitted.warnings, infos: c.infos - notes + r.omitted.infos };
}

/**
 * A report built file by file: what each file adds is made when the file is added (its text is not
 * kept), and `finish` gives the report from the run's totals and the inputs not checked.
 */
export interface ReportBuilder<T> {
  add(file: FileReport): void;
  finish(t: Totals, notChecked: readonly NotCheckedInput[]): T;
}

/** A whole report at once through `builder`: every file in order, then finished with `options.notChecked`. */
export function buildReport<T>(builder: ReportBuilder<T>, results: readonly FileReport[], options: ReportOptions): T {
  for (const file of results) builder.add(file);
  return builder.finish(totals(results), options.notChecked ?? []);
}

/** Count files and findings by severity (findings left out by the per-file cap included). */
export function totals(results: readonly FileReport[]): Totals {
  const t = emptyTotals();
  for (const r of results) addToTotals(t, r);
  return t;
}

/** Totals of no files, to count a run file by file with {@link addToTotals}. */
export function emptyTotals(): Totals {
  return { files: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0 };
}

/** Count one more file into `t`. */
export function addToTotals(t: Totals, r: FileReport): void {
  const c = fileCounts(r);
  t.files++;
  t.errors += c.errors;
  t.warnings += c.warnings;
  t.infos += c.infos;
  if (r.diagnostics.length > 0) t.filesWithFindings++;
}

/** "2 inputs not checked (reasons on stderr)": what every format says of inputs that could not be checked. */
export function notCheckedText(n: number): string {
  return `${plural(n, 'input')} not checked (reasons on stderr)`;
}

/** "5 warnings, more than --max-warnings 3": what junit, github and sarif say of a run over the limit. */
export function overLimitText(warnings: number, limit: number): string {
  return `${plural(warnings, 'warning')}, more than --max-warnings ${limit}`;
}

/** The warning count when it exceeds the --max-warnings limit (the run then exits 1), else null. */
export function warningsOverLimit(t: Totals, limit: number | null | undefined): number | null {
  return limit === null || limit === undefined || t.warnings <= limit ? null : t.warnings;
}

/**
 * The one-line summary at the end of human-readable output. Inputs that could not be checked are
 * counted there too: "checked 0 files: no problems found" after a missing path read as a clean run.
 */
export function summaryLine(t: Totals, notChecked = 0): string {
  const parts: string[] = [];
  if (t.errors) parts.push(plural(t.errors, 'error'));
  if (t.warnings) parts.push(plural(t.warnings, 'warning'));
  if (t.infos) parts.push(plural(t.infos, 'note'));
  const missed = notChecked > 0 ? notCheckedText(notChecked) : '';
  if (parts.length === 0) {
    if (missed === '') return `checked ${plural(t.files, 'file')}: no problems found`;
    return t.files === 0 ? `checked 0 files: ${missed}` : `checked ${plural(t.files, 'file')}: no problems found; ${missed}`;
  }
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `found ${listed} in ${t.filesWithFindings} of ${plural(t.files, 'file')}${missed === '' ? '' : `; ${missed}`}`;
}
