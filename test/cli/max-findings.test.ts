/**
 * The per-file cap on listed findings (--max-findings, XM0043): a file with a finding on every line
 * lists the first ones, errors first, and one note at the end of the file; counts, the exit status
 * and --max-warnings still count every finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { limitFindings } from '../../src/diagnostics/limit.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';
import { fakeIo } from './fake-io.js';

interface JsonOut {
  files: { path: string; errorCount: number; warningCount: number; diagnostics: { code: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-cap-'));
  // Each `a=[` is an unclosed bracket (XM0013, at the `a` of the next line; the last at its `[`).
  writeFileSync(join(dir, 'brackets5.cfg'), 'a=[\n'.repeat(5));
  writeFileSync(join(dir, 'brackets1100.cfg'), 'a=[\n'.repeat(1100));
  // Warnings (unknown keys, XM0101) on lines 3-5, an error (XM0011) on line 6.
  writeFileSync(join(dir, 'late-error.cfg'), 'name = "x"\nkernel = "/boot/vmlinuz"\nmemroy1 = 1\nmemroy2 = 1\nmemroy3 = 1\nkernel "/boot/k"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(args: string[]): Promise<{ code: number; out: JsonOut; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir });
  const code = await run(['check', ...args], io);
  const parsed = args.includes('json') ? (JSON.parse(out.stdout) as JsonOut) : ({ files: [] } as JsonOut);
  return { code, out: parsed, stdout: out.stdout, stderr: out.stderr };
}

const at = (d: { code: string; line: number; column: number }) => `${d.code}@${d.line}:${d.column}`;

describe('check --max-findings', () => {
  it('lists the first N findings and one XM0043 note at the end of the file; counts stay true', async () => {
    const r = await check(['brackets5.cfg', '-f', 'json', '--max-findings', '3']);
    expect(r.code).toBe(1);
    const f = r.out.files[0]!;
    expect(f.diagnostics.map(at)).toEqual(['XM0105@1:1', 'XM0227@1:1', 'XM0013@2:1', 'XM0043@6:1']);
    expect(f.diagnostics[3]).toMatchObject({ severity: 'info', endLine: 6, endColumn: 1 });
    // 2 + 5 errors in the file; the note itself is not counted.
    expect([f.errorCount, f.warningCount]).toEqual([7, 0]);
  });

  it('caps at 1000 per file by default, and 0 lists every finding', async () => {
    const capped = (await check(['brackets1100.cfg', '-f', 'json'])).out.files[0]!;
    expect(capped.diagnostics).toHaveLength(1001);
    expect(at(capped.diagnostics[999]!)).toBe('XM0013@999:1');
    expect(at(capped.diagnostics[1000]!)).toBe('XM0043@1101:1');
    expect(capped.errorCount).toBe(1102);
    const all = (await check(['brackets1100.cfg', '-f', 'json', '--max-findings', '0'])).out.files[0]!;
    expect(all.diagnostics).toHaveLength(1102);
    expect(all.diagnostics.some((d) => d.code === 'XM0043')).toBe(false);
    expect(all.errorCount).toBe(1102);
  });

  it('keeps errors before warnings, and --max-warnings still counts the warnings left out', async () => {
    const r = await check(['late-error.cfg', '-f', 'json', '--max-findings', '1', '--max-warnings', '2']);
    const f = r.out.files[0]!;
    expect(f.diagnostics.map(at)).toEqual(['XM0011@6:8', 'XM0043@7:1']);
    expect([f.errorCount, f.warningCount]).toEqual([1, 3]);
    expect(r.code).toBe(1);
    // Without the error, the three warnings left out still exceed --max-warnings 2.
    const w = await check(['late-error.cfg', '-f', 'json', '--max-findings', '1', '--max-warnings', '3']);
    expect(w.code).toBe(1);
  });

  it('applies after --quiet, so warnings never take the slots of errors', async () => {
    const r = await check(['late-error.cfg', '-f', 'json', '--quiet', '--max-findings', '1']);
    expect(r.out.files[0]!.diagnostics.map(at)).toEqual(['XM0011@6:8']);
    expect(r.out.files[0]!.warningCount).toBe(0);
  });

  it('the stylish summary counts every finding', async () => {
    const r = await check(['brackets5.cfg', '--max-findings', '3']);
    expect(r.stdout).toContain('note[XM0043]');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('found 7 errors in 1 of 1 file');
  });

  it('rejects a negative or fractional --max-findings as a usage error', async () => {
    for (const v of ['-1', '1.5', 'abc']) {
      const r = await check(['brackets5.cfg', '--max-findings', v]);
      expect(r.code, v).toBe(2);
      expect(r.stdout, v).toBe('');
    }
  });
});

describe('limitFindings', () => {
  const d = (code: string, severity: Diagnostic['severity'], start: number): Diagnostic => ({ code, severity, message: code, span: { start, end: start + 1 } });

  it('returns everything unchanged under the cap or with 0', () => {
    const all = [d('XM0101', 'warning', 0), d('XM0011', 'error', 5)];
    expect(limitFindings(all, 2, 10)).toEqual({ diagnostics: all, omitted: null });
    expect(limitFindings(all, 0, 10)).toEqual({ diagnostics: all, omitted: null });
  });

  it('keeps errors, then warnings, then notes, in file order, and counts the rest by severity', () => {
    const all = [d('XM0030', 'info', 0), d('XM0101', 'warning', 1), d('XM0011', 'error', 9), d('XM0101', 'warning', 3), d('XM0010', 'error', 2)];
    const { diagnostics, omitted } = limitFindings(all, 3, 20);
    expect(diagnostics.map((x) => [x.code, x.span.start])).toEqual([
      ['XM0101', 1],
      ['XM0010', 2],
      ['XM0011', 9],
      ['XM0043', 20],
    ]);
    expect(omitted).toEqual({ errors: 0, warnings: 1, infos: 1 });
    expect(diagnostics[3]!.span).toEqual({ start: 20, end: 20 });
  });
});

describe.skipIf(!BUILT)('built check on a 1 MiB file of `a=[` lines', () => {
  it('prints 1001 findings, not 262,146, with the true count', () => {
    const big = join(dir, 'big.cfg');
    writeFileSync(big, 'a=[\n'.repeat(1 << 18));
    const r = xmcfg(['check', big, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as JsonOut).files[0]!;
    expect(f.diagnostics).toHaveLength(1001);
    expect(at(f.diagnostics[1000]!)).toBe('XM0043@262145:1');
    expect(f.errorCount).toBe(262_146);
    expect(r.stdout.length).toBeLessThan(1_000_000);
  }, 60_000);
});
