/**
 * `--max-findings 0` lists every finding: 300,000 of them (a file of 300,000 `x=1` lines, or one
 * finding a line of random text) made `--format github` and `stylish` end in "internal error:
 * RangeError", since `push(...lines)` passed each line as an argument on the stack.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithub } from '../../src/report/github.js';
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
