/**
 * `-o FILE` in a folder that does not exist yet (`check -o reports/x.sarif` on a fresh checkout):
 * the writer every command shares (src/cli/output-file.ts) makes the missing folders, as ESLint's
 * -o does, and still writes atomically; a file where a folder should be stays exit 2 naming it; a
 * run that writes nothing leaves no folder behind; `~` is never made a folder; inputs stay guarded.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const WEB = readFileSync('fixtures/examples/web.cfg', 'utf8');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-output-folders-'));
  writeFileSync(join(dir, 'web.cfg'), WEB);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

/** Every file below `d`, hidden temporary files included, as paths from `d`. */
function tree(d: string): string[] {
  return readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();
}

describe('-o FILE in a missing folder', () => {
  it.each([
    ['check', ['check', 'web.cfg', '-f', 'sarif']],
    ['convert', ['convert', 'web.cfg', '--to', 'json']],
    ['normalize', ['normalize', 'web.cfg']],
    ['schema', ['schema']],
  ] as const)('%s makes the folders and writes what stdout gets, leaving no temporary file', async (_n, args) => {
    const plain = await cli([...args]);
    const r = await cli([...args, '-o', 'reports/ci/x.out']);
    expect([r.code, r.stdout]).toEqual([plain.code, '']);
    expect(readFileSync(join(dir, 'reports/ci/x.out'), 'utf8')).toBe(plain.stdout);
    expect(tree(join(dir, 'reports'))).toEqual(['ci', 'ci/x.out']);
  });

  it('a file where a folder should be: exit 2 naming it, nothing made', async () => {
    for (const o of ['web.cfg/x.json', 'web.cfg/sub/x.json', './sub/../web.cfg/x.json']) {
      const r = await cli(['check', 'web.cfg', '-o', o]);
      expect([o, r.code, r.stdout, r.stderr]).toEqual([o, 2, '', `xmcfg: cannot write '${o}': 'web.cfg' is not a directory\n`]);
    }
    const c = await cli(['convert', 'web.cfg', '--to', 'xl', '-o', 'web.cfg/x.cfg']);
    expect([c.code, c.stderr.split('\n').at(-2)]).toEqual([2, "xmcfg convert: cannot write 'web.cfg/x.cfg': 'web.cfg' is not a directory"]);
    expect(tree(dir)).toEqual(['web.cfg']);
  });

  it('a run that writes nothing removes the folders it made', async () => {
    // normalize of a missing file prints nothing: the output file is not written, its folders go too.
    const r = await cli(['normalize', 'missing.cfg', '-o', 'out/a/n.json']);
    expect(r.code).toBe(2);
    expect(tree(dir)).toEqual(['web.cfg']);
  });

  it('an unexpanded ~ is not made a folder, and says so', async () => {
    const r = await cli(['check', 'web.cfg', '-o', '~/r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xmcfg: cannot write '~\/r\.json': no such file or directory \('~' was not expanded/);
    expect(existsSync(join(dir, '~'))).toBe(false);
  });

  it('an input named through a missing folder is still refused, and nothing is made', async () => {
    const r = await cli(['check', 'web.cfg', '-o', 'new/../web.cfg']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^xmcfg check: --output-file 'new\/\.\.\/web\.cfg' is /);
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe(WEB);
    expect(tree(dir)).toEqual(['web.cfg']);
  });
});
