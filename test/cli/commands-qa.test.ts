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
