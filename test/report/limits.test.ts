/**
 * GitHub's limits, at and past them. Annotations: 10 of each kind per step (and 50 per job), so
 * `--format github` annotates the worst first and one notice counts what it left out, by kind.
 * Code scanning: a SARIF run with more than 25,000 results is rejected and only 5,000 are shown,
 * so past 5,000 the results are listed worst first and past 25,000 the rest are left out, with a
 * notification that counts them by level.
 */
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { formatGithub } from '../../src/report/github.js';
import { sarifLog } from '../../src/report/sarif.js';
import { SARIF_MAX_RESULTS, SARIF_SHOWN_RESULTS } from '../../src/report/sarif-limits.js';
import type { FileReport } from '../../src/report/types.js';
import { sarifValidator } from './sarif-schema.js';
import { fileReport } from './fixtures.js';

const CODE: Record<Severity, string> = { error: 'XM0201', warning: 'XM0101', info: 'XM0043' };

/** A file of `n` one-line statements with one finding of `severity` on each line. */
function findings(path: string, severity: Severity, n: number): FileReport {
  const text = 'k = 1\n'.repeat(n);
  const diags: Diagnostic[] = Array.from({ length: n }, (_, i) => ({ code: CODE[severity], severity, message: `m${i}`, span: { start: i * 6, end: i * 6 + 1 } }));
  return fileReport(path, text, diags);
}

/** The workflow commands and log lines of a github report. */
function github(files: FileReport[]): { annotations: Record<string, number>; notice: string[]; log: string[] } {
  const lines = formatGithub(files, { cwd: '/ws', srcRoot: '/ws' }).trimEnd().split('\n').filter((l) => l !== '');
  const annotations: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const l of lines) {
    const m = /^::(error|warning|notice) file=/.exec(l);
    if (m) annotations[m[1]!]!++;
  }
  return { annotations, notice: lines.filter((l) => l.startsWith('::notice title=xmcfg::')), log: lines.filter((l) => !l.startsWith('::')) };
}

describe('github: 10 annotations of each kind per step', () => {
  it('at the limit (10 errors, 10 warnings, 10 notes): 30 annotations, no summary, no log lines', () => {
    const r = github([findings('a.cfg', 'error', 10), findings('b.cfg', 'warning', 10), findings('c.cfg', 'info', 10)]);
    expect(r).toEqual({ annotations: { error: 10, warning: 10, notice: 10 }, notice: [], log: [] });
  });

  it('past it, worst first across files: the later file\'s errors are annotated, the summary counts what is left by kind', () => {
    const r = github([findings('a.cfg', 'warning', 12), findings('b.cfg', 'error', 12), findings('c.cfg', 'info', 10)]);
    // One notice slot goes to the summary: 9 notes are annotated.
    expect(r.annotations).toEqual({ error: 10, warning: 10, notice: 9 });
    expect(r.notice).toHaveLength(1);
    expect(r.notice[0]).toMatch(/::5 more findings \(2 errors, 2 warnings, 1 note\) not annotated \(GitHub shows 10 per kind and step, 50 per job\)/);
    expect(r.log.map((l) => l.split(': ')[0] + ' ' + l.split(' ')[2]!.replace(':', ''))).toEqual(['b.cfg:11:1 XM0201', 'b.cfg:12:1 XM0201', 'a.cfg:11:1 XM0101', 'a.cfg:12:1 XM0101', 'c.cfg:10:1 XM0043']);
  });
});


/** `level:ruleId` runs of the results, as [label, count] pairs in order. */
function runs(results: readonly Sarif.Result[]): [string, number][] {
  const out: [string, number][] = [];
  for (const r of results) {
    const label = `${r.level}:${r.ruleId}`;
    const last = out[out.length - 1];
    if (last && last[0] === label) last[1]++;
    else out.push([label, 1]);
  }
  return out;
}

describe('sarif: code scanning keeps 25,000 results per run and shows 5,000', () => {
  it('at 5,000 results: file order, no notification', () => {
    const log = sarifLog([findings('a.cfg', 'warning', SARIF_SHOWN_RESULTS - 1), findings('b.cfg', 'error', 1)], { cwd: '/ws' });
    expect(runs(log.runs[0]!.results!)).toEqual([
      ['warning:XM0101', SARIF_SHOWN_RESULTS - 1],
      ['error:XM0201', 1],
    ]);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications).toBeUndefined();
  });

  it('past 5,000: worst first (the later file\'s error leads), one note notification', () => {
    const log = sarifLog([findings('a.cfg', 'warning', SARIF_SHOWN_RESULTS), findings('b.cfg', 'error', 1)], { cwd: '/ws' });
    const results = log.runs[0]!.results!;
    expect(runs(results)).toEqual([
      ['error:XM0201', 1],
      ['warning:XM0101', SARIF_SHOWN_RESULTS],
    ]);
    expect(results[0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(1);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => [n.level, n.descriptor?.id])).toEqual([['note', 'results-ordered']]);
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('at 25,000 results all are kept; at 25,002 the two notes are left out, counted, and their rule goes', () => {
    const at = sarifLog([findings('a.cfg', 'warning', SARIF_MAX_RESULTS - 1), findings('b.cfg', 'error', 1)], { cwd: '/ws' });
    expect(at.runs[0]!.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(at.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.descriptor?.id)).toEqual(['results-ordered']);

    const past = sarifLog([findings('a.cfg', 'info', 2), findings('b.cfg', 'warning', SARIF_MAX_RESULTS - 1), findings('c.cfg', 'error', 1)], { cwd: '/ws' });
    const run = past.runs[0]!;
    expect(runs(run.results!)).toEqual([
      ['error:XM0201', 1],
      ['warning:XM0101', SARIF_MAX_RESULTS - 1],
    ]);
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['XM0101', 'XM0201']);
    expect(run.results!.every((r) => run.tool.driver.rules![r.ruleIndex!]!.id === r.ruleId)).toBe(true);
    const notes = run.invocations![0]!.toolExecutionNotifications!;
    expect(notes.map((n) => [n.level, n.descriptor?.id])).toEqual([
      ['warning', 'results-left-out'],
      ['note', 'results-ordered'],
    ]);
    expect(notes[0]!.message.text).toMatch(/^2 results left out \(2 notes\)/);
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
    expect(sarifValidator()(past)).toBe(true);
  });
});
