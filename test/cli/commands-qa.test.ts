/**
 * `normalize`, `schema` and `explain` as a user drives them, on command lines QA found mishandled;
 * each case is kept so it stays fixed.
 */
import { describe, expect, it } from 'vitest';
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

describe('lsp with a bad --debounce or --max-diagnostics', () => {
  it('is a usage error naming the value (exit 2), not the default in its place: the editor log was the only trace', async () => {
    const cases: [string[], string][] = [
      [['--debounce', 'abc'], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not 'abc'\n"],
      [['--debounce=-5'], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not '-5'\n"],
      [['--debounce='], "xmcfg lsp: --debounce must be a number of milliseconds (0 or more), not ''\n"],
      [['--max-diagnostics', '0'], "xmcfg lsp: --max-diagnostics must be a whole number of at least 1, not '0'\n"],
      [['--max-diagnostics', '2.5'], "xmcfg lsp: --max-diagnostics must be a whole number of at least 1, not '2.5'\n"],
      [['--max-diagnostics', 'many'], "xmcfg lsp: --max-diagnostics must be a whole number of at least 1, not 'many'\n"],
    ];
    for (const [args, stderr] of cases) expect({ args, ...(await cli(['lsp', '--stdio', ...args])) }).toEqual({ args, code: 2, stdout: '', stderr });
  });
});
