/**
 * @fileoverview The stylish report of one file's findings that `normalize` and `convert` print on
 * stderr, cut by their --max-findings as `check` cuts its report (limitFindings: errors first, one
 * XM0043 note counting the rest): a file of 200,000 bad statements printed 200,000 findings.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { limitFindings, type SeverityCounts } from '../diagnostics/limit.js';
import type { FileReport } from '../report/types.js';

/**
 * A file's report entry with at most `max` findings (0: all); the counts of the ones left out
 * (`dropped`: those the check never built, CheckResult.omitted) travel with it, so the stylish
 * summary line counts every finding, as check's does.
 */
export function cappedReport(path: string, text: string, diagnostics: readonly Diagnostic[], max: number, dropped: SeverityCounts | null = null): FileReport {
  const { diagnostics: kept, omitted } = limitFindings(diagnostics, max, text.length, dropped);
  const report: FileReport = { path, dialect: null, text, lineIndex: new LineIndex(text), diagnostics: kept };
  if (omitted) report.omitted = omitted;
  return report;
}
