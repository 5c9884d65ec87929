/**
 * @fileoverview The findings `fmt` and `convert` print for a file, cut as `check` cuts its report
 * (at most DEFAULT_MAX_FINDINGS, errors first, one XM0043 note counting the rest): a 200 KB line of
 * 20,000 invalid characters printed 4.8 MB of code frames (found by scripts/fuzz.mjs, seed 4).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_MAX_FINDINGS, FINDINGS_LEFT_OUT, limitFindings } from '../diagnostics/limit.js';

/** At most check's default number of findings; the note's hint names `check`, as these commands have no --max-findings. */
export function capped(diagnostics: readonly Diagnostic[], end: number): Diagnostic[] {
  const { diagnostics: kept } = limitFindings(diagnostics, DEFAULT_MAX_FINDINGS, end);
  return kept.map((d) => (d.code === FINDINGS_LEFT_OUT ? { ...d, hint: 'fix the findings listed first; `xmcfg check --max-findings 0` lists them all' } : d));
}
