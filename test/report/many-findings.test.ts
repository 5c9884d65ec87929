/**
 * `--max-findings 0` lists every finding: 300,000 of them (a file of 300,000 `x=1` lines, or one
 * finding a line of random text) made `--format github` and `stylish` end in "internal error:
 * RangeError", since `push(...lines)` passed each line as an argument on the stack.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithub } from '../../src/report/github.js';
import { FINGERPRINT_KEY, sarifLog } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { fileReport } from './fixtures.js';

const N = 300_000;
const text = 'k = 1\n'.repeat(N);
const diags: Diagnostic[] = Array.from({ length: N }, (_, i) => ({ code: 'XM0101', severity: 'warning', message: 'm', span: { start: i * 6, end: i * 6 + 1 } }));

describe('reports of 300,000 findings', () => {
  it('github: 10 annotations, the rest in the log, one line each', () => {
    const lines = formatGithub([fileReport('a.cfg', text, diags)], { cwd: '/ws', srcRoot: '/ws' }).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning file=')).length).toBe(10);
    expect(lines.filter((l) => !l.startsWith('::')).length).toBe(N - 10);
  });

  it('stylish: a block for every finding and the summary', () => {
    const out = formatStylish([fileReport('a.cfg', text, diags)], { frameWidth: 80 });
    expect(out.split('\n').filter((l) => l.includes('XM0101')).length).toBe(N);
  });
});

describe('SARIF of many findings on one long line', () => {
  // A disk list of 20,000 bad entries on one line: each finding collapsed and hashed the whole line
  // for its fingerprint, so the report took time quadratic in the line (60 s for `check -f sarif`).
  const count = (n: number): number => {
    const line = `disk = [${Array.from({ length: n }, () => '"x"').join(', ')}]\n`;
    const ds: Diagnostic[] = Array.from({ length: n }, (_, i) => ({ code: 'XM0213', severity: 'error', message: 'm', span: { start: 8 + i * 5, end: 11 + i * 5 } }));
    const replace = vi.spyOn(String.prototype, 'replace');
    try {
      const log = sarifLog([fileReport('a.cfg', line, ds)], { cwd: '/ws', srcRoot: '/ws' });
      expect(new Set(log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!)).size).toBe(n);
      return replace.mock.calls.length;
    } finally {
      replace.mockRestore();
    }
  };

  it('reads the line once per code, not once per finding (fingerprints unchanged: one hash, :1 … :n)', () => {
    const small = count(100);
    const large = count(2_000);
    // The line's text is collapsed (String.prototype.replace) once, not once per finding (1,900 more).
    expect(large - small).toBe(0);
  });
});
