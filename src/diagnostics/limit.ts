/**
 * @fileoverview The per-file cap on listed findings. A file of random text or of 262,144 `a=[`
 * lines has a finding per line: a report of all of them is 100+ MB that nobody reads past the
 * first screen. The first `max` are kept (errors first, as the editor does), one XM0043 note says
 * how many were left out, and the counts of what was left out travel with it so totals stay true.
 */
import { plural, countBySeverity, type Diagnostic, type Severity } from './diagnostic.js';

/** The code of the note that stands for the findings left out. */
export const FINDINGS_LEFT_OUT = 'XM0043';

/** Default most findings listed per file (the language server's default too). */
export const DEFAULT_MAX_FINDINGS = 1000;

/** Findings counted by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A file's findings after the cap: what is listed (the note included) and what was left out. */
export interface LimitedFindings {
  diagnostics: Diagnostic[];
  /** Counts of the findings left out; null when nothing was. */
  omitted: SeverityCounts | null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * At most `max` findings (0: no limit), errors first, then warnings, then notes, each in file order;
 * the kept ones come back sorted by position, followed by one XM0043 note at `end` (the end of the text).
 * `dropped`: findings the parser already left out (ParseOptions.maxFindings, with a cap of at least
 * `max`), counted with the ones left out here.
 */
export function limitFindings(diagnostics: readonly Diagnostic[], max: number, end: number, dropped: SeverityCounts | null = null): LimitedFindings {
  const extra = dropped ? dropped.errors + dropped.warnings + dropped.infos : 0;
  if (max <= 0 || (diagnostics.length <= max && extra === 0)) return { diagnostics: [...diagnostics], omitted: null };
  const ranked = [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start || a.span.end - b.span.end);
  const kept = ranked.slice(0, max);
  const left = ranked.slice(max);
  const here = countBySeverity(left);
  const omitted = addCounts(here, dropped)!;
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  kept.push({
    code: FINDINGS_LEFT_OUT,
    severity: 'info',
    message: `${left.length + extra} more findings not listed (${countsText(omitted)}): the report lists at most ${max} per file, errors first`,
    span: { start: end, end },
    hint: 'fix the findings listed, or use --max-findings 0 to list them all',
  });
  return { diagnostics: kept, omitted };
}

/** "3 errors, 1 warning": the non-zero counts in words. */
function countsText(c: SeverityCounts): string {
  const parts: string[] = [];
  if (c.errors) parts.push(plural(c.errors, 'error'));
  if (c.warnings) parts.push(plural(c.warnings, 'warning'));
  if (c.infos) parts.push(plural(c.infos, 'note'));
  return parts.join(', ');
}

/** Two counts added (null and absent count as none). */
export function addCounts(a: SeverityCounts | null | undefined, b: SeverityCounts | null | undefined): SeverityCounts | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}
