/**
 * `xmcfg explain` with several codes, as pasted from a report: each explained in turn (it was
 * "Unknown argument: XM0102", exit 2), an unknown one named on stderr while the others are shown.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd() });
  const code = await run(args, io);
  return { code, ...out };
}

describe('explain with several codes', () => {
  it('prints each page in the order given, a blank line between them, exit 0', async () => {
    const one = await cli(['explain', 'XM0101']);
    const two = await cli(['explain', 'XM0102']);
    const both = await cli(['explain', 'XM0101', 'XM0102']);
    expect(both).toEqual({ code: 0, stdout: `${one.stdout}\n${two.stdout}`, stderr: '' });
    // The page of one code is what it was: starts with its code, ends with its link line.
    expect(one.stdout.startsWith('XM0101: ')).toBe(true);
    expect(one.stdout.endsWith('\n')).toBe(true);
  });

  it('shows a code given twice (or spelt two ways) once, and a family as its list', async () => {
    const one = await cli(['explain', 'XM0101']);
    expect(await cli(['explain', 'XM0101', '101', 'xm0101'])).toEqual({ code: 0, stdout: one.stdout, stderr: '' });
    const family = await cli(['explain', 'XM04']);
    expect((await cli(['explain', 'XM04', 'XM0101'])).stdout).toBe(`${family.stdout}\n${one.stdout}`);
  });

  it('names an unknown code on stderr, explains the known ones, and exits 2 as a single unknown code does', async () => {
    const one = await cli(['explain', 'XM0101']);
    const two = await cli(['explain', 'XM0102']);
    const r = await cli(['explain', 'XM0101', 'XM9999', 'XM0102', '']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${one.stdout}\n${two.stdout}`);
    expect(r.stderr).toBe("xmcfg explain: unknown code 'XM9999' (run 'xmcfg explain' to list every code)\nxmcfg explain: unknown code '' (run 'xmcfg explain' to list every code)\n");
    expect((await cli(['explain', 'XM9999'])).code).toBe(2);
  });
});
