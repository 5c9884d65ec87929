/**
 * `normalize`, `schema` and `explain` as a user drives them, on command lines QA found mishandled;
 * each case is kept so it stays fixed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodes } from '../../src/diagnostics/codes/index.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd() });
  const code = await run(args, io);
  return { code, ...out };
}

describe('explain with an empty code', () => {
  it('is an unknown code (exit 2), not the list of every code: `explain "$CODE"` with CODE unset must not pass', async () => {
    for (const code of ['', ' ']) {
      expect(await cli(['explain', code])).toEqual({ code: 2, stdout: '', stderr: `xmcfg explain: unknown code '${code}' (run 'xmcfg explain' to list every code)\n` });
    }
    // Without an argument it still lists them all.
    const list = await cli(['explain']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^XM0001 {2}error {4}invalid character$/);
  });
});

describe('explain with the start of a code', () => {
  it('lists that family instead of padding it into another code: `explain XM01` showed XM0001', async () => {
    const family = await cli(['explain', 'XM01']);
    expect(family.code).toBe(0);
    const codes = family.stdout.trimEnd().split('\n').map((l) => l.slice(0, 6));
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c.startsWith('XM01'))).toBe(true);
    expect(codes).toEqual(allCodes().filter((c) => c.code.startsWith('XM01')).map((c) => c.code));
    // Lower case works the same way, and a longer start narrows the list.
    expect((await cli(['explain', 'xm04'])).stdout).toBe((await cli(['explain', 'XM04'])).stdout);
    const narrow = (await cli(['explain', 'xm040'])).stdout.split('\n').filter(Boolean);
    expect(narrow.length).toBeGreaterThan(0);
    expect(narrow.every((l) => /^XM040\d /.test(l))).toBe(true);
    // A family with no code is unknown; bare numbers and whole codes keep their meaning.
    expect(await cli(['explain', 'XM9'])).toEqual({ code: 2, stdout: '', stderr: "xmcfg explain: unknown code 'XM9' (run 'xmcfg explain' to list every code)\n" });
    expect((await cli(['explain', '40'])).stdout.startsWith('XM0040: ')).toBe(true);
    expect((await cli(['explain', 'xm0040'])).stdout.startsWith('XM0040: ')).toBe(true);
  });

  it('reads a start without the leading 0 as the code with its zeros left out, as a bare number: `explain XM102` was unknown while `explain 102` showed XM0102', async () => {
    for (const [given, code] of [['XM102', 'XM0102'], ['xm102', 'XM0102'], ['XM40', 'XM0040'], ['XM1', 'XM0001'], [' Xm555 ', 'XM0555']]) {
      const r = await cli(['explain', given]);
      expect({ given, code: r.code, head: r.stdout.slice(0, 8), stderr: r.stderr }).toEqual({ given, code: 0, head: `${code}: `, stderr: '' });
    }
    // No such code: still unknown, not a family listing.
    for (const given of ['XM9999', 'XM999', 'XM9', 'XM09']) expect({ given, ...(await cli(['explain', given])) }).toEqual({ given, code: 2, stdout: '', stderr: `xmcfg explain: unknown code '${given}' (run 'xmcfg explain' to list every code)\n` });
  });
});

describe('lsp with a bad --debounce or --max-diagnostics', () => {
  it('is a usage error naming the value (exit 2), not the default in its place: the editor log was the only trace', async () => {
    const cases: [string[], string][] = [
      [['--debounce', 'abc'], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not 'abc'\n"],
      [['--debounce=-5'], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not '-5'\n"],
      [['--debounce='], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not ''\n"],
      [['--max-diagnostics', '0'], "xmcfg lsp: --max-findings must be a whole number of at least 1, not '0'\n"],
      [['--max-diagnostics', '2.5'], "xmcfg lsp: --max-findings must be a whole number of at least 1, not '2.5'\n"],
      [['--max-diagnostics', 'many'], "xmcfg lsp: --max-findings must be a whole number of at least 1, not 'many'\n"],
      // yargs' number parse read these as 1000 and 16.
      [['--debounce', '1e3'], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not '1e3'\n"],
      [['--max-diagnostics', '0x10'], "xmcfg lsp: --max-findings must be a whole number of at least 1, not '0x10'\n"],
    ];
    for (const [args, stderr] of cases) expect({ args, ...(await cli(['lsp', '--stdio', ...args])) }).toEqual({ args, code: 2, stdout: '', stderr });
  });
});

describe('fmt, normalize and convert name the value of a bad number or size option', () => {
  it('as check does (they said only "must be an integer of at least 20" or "a size like 512K")', async () => {
    const cases: [string[], string][] = [
      [['fmt', '--line-width', 'wide', 'x.cfg'], "xmcfg fmt: --line-width must be a whole number of at least 20, not 'wide'\n"],
      [['fmt', '--line-width', '10', 'x.cfg'], "xmcfg fmt: --line-width must be a whole number of at least 20, not '10'\n"],
      [['fmt', '--indent=', 'x.cfg'], "xmcfg fmt: --indent must be a whole number from 1 to 16, not ''\n"],
      [['fmt', '--indent', '2.5', 'x.cfg'], "xmcfg fmt: --indent must be a whole number from 1 to 16, not '2.5'\n"],
      // yargs' number parse read these as 100 and 4.
      [['fmt', '--line-width', '1e2', 'x.cfg'], "xmcfg fmt: --line-width must be a whole number of at least 20, not '1e2'\n"],
      [['fmt', '--indent', '0x4', 'x.cfg'], "xmcfg fmt: --indent must be a whole number from 1 to 16, not '0x4'\n"],
      [['fmt', '--max-file-size', '12Q', 'x.cfg'], "xmcfg fmt: --max-file-size must be a size like 1048576, 512K or 64M, not '12Q'\n"],
      [['normalize', 'x.cfg', '--max-file-size', 'big'], "xmcfg normalize: --max-file-size must be a size like 1048576, 512K or 64M, not 'big'\n"],
      [['convert', 'x.cfg', '--to', 'xl', '--max-file-size', '-1'], "xmcfg convert: --max-file-size must be a size like 1048576, 512K or 64M, not '-1'\n"],
    ];
    for (const [args, stderr] of cases) expect({ args, ...(await cli(args)) }).toEqual({ args, code: 2, stdout: '', stderr });
    // Given twice, the last one counts (docs/cli.md): '1' then '1K' was refused as the size '1,1K', and
    // convert's '--dialect xl --dialect xm' as the dialect 'xl,xm'.
    const twice: string[][] = [
      ['fmt', '--check', '--max-file-size', '1', '--max-file-size', '1K', 'fixtures/examples/web.cfg'],
      ['convert', 'fixtures/examples/web.cfg', '--to', 'xl', '--max-file-size', '1', '--max-file-size', '1K'],
      ['convert', 'fixtures/examples/web.cfg', '--to', 'xl', '--dialect', 'xm', '--dialect', 'xl'],
    ];
    for (const args of twice) {
      const r = await cli(args);
      expect({ args, code: r.code < 2, usage: /--max-file-size must|--dialect must|XM0040/.test(r.stderr) }).toEqual({ args, code: true, usage: false });
    }
    // Still accepted: the defaults' own spelling.
    expect((await cli(['fmt', '--check', '--line-width', '20', '--indent', '16', 'fixtures/examples/web.cfg'])).code).toBeLessThan(2);
  });
});

describe('normalize with an option given twice or without its value', () => {
  it('takes the last --dialect and --max-file-size, as check does, and refuses a --dialect without a value (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-normalize-qa-'));
    try {
      // A Python expression: XM0503 read as xl, fine read as xm.
      const file = join(dir, 'expr.cfg');
      writeFileSync(file, 'name = "e"\ntype = "hvm"\nmemory = 256 * 2\n');
      const codes = (r: { stderr: string }) => [...r.stderr.matchAll(/\[(XM\d{4})\]/g)].map((m) => m[1]);
      const xl = await cli(['normalize', file, '--dialect', 'xm', '--dialect', 'xl']);
      expect({ code: xl.code, xm0503: codes(xl).includes('XM0503') }).toEqual({ code: 1, xm0503: true });
      const xm = await cli(['normalize', file, '--dialect', 'xl', '--dialect', 'xm']);
      expect({ xm0503: codes(xm).includes('XM0503'), memory: (JSON.parse(xm.stdout) as { memory: number }).memory }).toEqual({ xm0503: false, memory: 512 });
      const size = await cli(['normalize', file, '--max-file-size', '1', '--max-file-size', '1K']);
      expect({ stdout: size.stdout !== '', xm0040: codes(size).includes('XM0040'), usage: size.stderr.includes('--max-file-size') }).toEqual({ stdout: true, xm0040: false, usage: false });
      const bare = await cli(['normalize', file, '--dialect']);
      expect({ code: bare.code, stdout: bare.stdout }).toEqual({ code: 2, stdout: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
