/**
 * Hard links (decision 038): two names of one file on disk that a folder walk or a glob finds are
 * checked once, under the first name met, as symbolic links and real-path duplicates already were;
 * a path named on the command line is kept, as named. They were checked and reported twice, their
 * findings counted twice against --max-warnings.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;
/** An unformatted config with one warning (XM0101), so each checked copy shows. */
const CFG = 'name="a"\nkernel="/k"\nmemory=512\nmemroy=1\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-hardlinks-'));
  mkdirSync(join(dir, 'g'));
  writeFileSync(join(dir, 'g/a.cfg'), CFG);
  linkSync(join(dir, 'g/a.cfg'), join(dir, 'g/b.cfg'));
  mkdirSync(join(dir, 'other'));
  linkSync(join(dir, 'g/a.cfg'), join(dir, 'other/c.cfg'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The paths `check ARGS -f json` reports, and its exit status. */
async function checked(args: string[]): Promise<{ code: number; paths: string[] }> {
  const { io, out } = fakeIo({ cwd: dir });
  const code = await run(['check', ...args, '-f', 'json'], io);
  return { code, paths: (JSON.parse(out.stdout) as { files: { path: string }[] }).files.map((f) => f.path) };
}

describe('check and hard links', () => {
  it('checks a file once when walking finds it under two names (folders and globs)', async () => {
    expect(statSync(join(dir, 'g/b.cfg')).nlink).toBe(3);
    expect(await checked(['g'])).toEqual({ code: 0, paths: ['g/a.cfg'] });
    expect(await checked(['g', 'other'])).toEqual({ code: 0, paths: ['g/a.cfg'] });
    expect(await checked(['**/*.cfg'])).toEqual({ code: 0, paths: ['g/a.cfg'] });
    expect((await checked(['g', '--max-warnings', '0'])).code).toBe(1);
  });

  it('keeps every path named on the command line; a walk leaves out what a named path is', async () => {
    expect((await checked(['g/a.cfg', 'g/b.cfg'])).paths).toEqual(['g/a.cfg', 'g/b.cfg']);
    expect((await checked(['other/c.cfg', 'g'])).paths).toEqual(['other/c.cfg']);
    expect((await checked(['g', 'other/c.cfg'])).paths).toEqual(['g/a.cfg', 'other/c.cfg']);
  });

  it('fmt still formats each name: its atomic rename gives each a file of its own', async () => {
    // Counted once by check, so the test fails where hard links were two files for both commands.
    expect((await checked(['g'])).paths).toEqual(['g/a.cfg']);
    const { io } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'g'], io)).toBe(0);
    for (const f of ['g/a.cfg', 'g/b.cfg']) expect(readFileSync(join(dir, f), 'utf8')).toBe('name = "a"\nkernel = "/k"\nmemory = 512\nmemroy = 1\n');
  });
});
