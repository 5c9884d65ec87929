/**
 * `--max-findings N` of normalize, convert, plan and fmt, as check's (decision 011): at most N
 * findings of a file on stderr (default 1000, 0: all), errors first, each severity in file order,
 * then one XM0043 note at the end of the file; the stylish summary and the exit status count every
 * finding; the value is validated as check validates it. A generated file of 1,500 unknown keys
 * (or of 1,500 syntax errors, for plan and fmt, which list only errors) printed all 1,500.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const HOST = join(import.meta.dirname, '../../fixtures/hosts/two-node.json');
const N = 1500;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-cap-cmds-'));
  // Lines 3..1502: an unknown key each (XM0101, warning); line 1503: vcpus = "x" (XM0108, error).
  writeFileSync(join(dir, 'keys.cfg'), `name = "g"\nkernel = "/k"\n${Array.from({ length: N }, (_, i) => `key_${i} = ${i}\n`).join('')}vcpus = "x"\n`);
  // Lines 3..1502: `xI = =` each, a syntax error (XM0010) at the second `=`.
  writeFileSync(join(dir, 'errors.cfg'), `name = "g"\nkernel = "/k"\n${Array.from({ length: N }, (_, i) => `x${i} = =\n`).join('')}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir });
  const code = await run(args, io);
  return { code, stderr: out.stderr };
}

/** The stylish blocks on stderr as `CODE@line:column` (header `warning[XM0101]: …`, then ` --> FILE:L:C`). */
const blocks = (stderr: string) => [...stderr.matchAll(/^(?:error|warning|info|note)\[(XM\d{4})\]:.*\n *--> [^\n]*?:(\d+):(\d+)$/gm)].map((m) => `${m[1]}@${m[2]}:${m[3]}`);
/** plan's one line per finding as `CODE@line:column` (`FILE:L:C: error XM0010: …`). */
const lines = (stderr: string) => [...stderr.matchAll(/^[^\n]*?:(\d+):(\d+): (?:error|warning|info) (XM\d{4}):/gm)].map((m) => `${m[3]}@${m[1]}:${m[2]}`);
/** The stylish summary's numbers: errors and warnings counted. */
const summary = (stderr: string) => {
  const m = /^found (?:(\d+) errors?)?(?: and )?(?:(\d+) warnings?)? in /m.exec(stderr);
  return m ? [Number(m[1] ?? 0), Number(m[2] ?? 0)] : null;
};

const KEYS = (i: number) => `XM0101@${i + 3}:1`;
const ERRS = (i: number) => `XM0010@${i + 3}:${String(i).length + 5}`;
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('--max-findings of the commands that print a file findings on stderr', () => {
  const stylish: [string, string[], (i: number) => string, number, number, number][] = [
    // command, args, finding i, line of the note (end of the file), errors, exit
    ['normalize', ['normalize', 'keys.cfg'], KEYS, 1504, 1, 1],
    ['convert --to json', ['convert', 'keys.cfg', '--to', 'json', '--dialect', 'xm'], KEYS, 1504, 1, 1],
    ['convert --to xl', ['convert', 'keys.cfg', '--to', 'xl', '--dialect', 'xm'], KEYS, 1504, 0, 0],
  ];

  for (const [name, args, finding, end, errors, exit] of stylish) {
    it(`${name}: 1000 by default, errors first; the note at the end; counts and exit status whole`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(exit);
      const got = blocks(r.stderr);
      const listed = errors ? [...range(999, finding), 'XM0108@1503:9'] : range(1000, finding);
      expect(got.slice(0, 1001)).toEqual([...listed, `XM0043@${end}:1`]);
      expect(summary(r.stderr)).toEqual([errors, N]);
    });

    it(`${name}: --max-findings 2 lists two, errors first; 0 lists every finding`, async () => {
      const two = await cli([...args, '--max-findings', '2']);
      expect(two.code).toBe(exit);
      expect(blocks(two.stderr).slice(0, 3)).toEqual([...(errors ? [finding(0), 'XM0108@1503:9'] : [finding(0), finding(1)]), `XM0043@${end}:1`]);
      expect(summary(two.stderr)).toEqual([errors, N]);
      const all = await cli([...args, '--max-findings', '0']);
      expect(all.code).toBe(exit);
      const got = blocks(all.stderr);
      expect(got.filter((c) => c.startsWith('XM0101'))).toEqual(range(N, finding));
      expect(got.some((c) => c.startsWith('XM0043'))).toBe(false);
    });
  }

  it('plan: the errors that stop it, 1000 by default, 0 for all; exit 1 either way', async () => {
    const base = ['plan', 'errors.cfg', '--host', HOST];
    const def = await cli(base);
    expect(def.code).toBe(1);
    expect(lines(def.stderr)).toEqual([...range(1000, ERRS), 'XM0043@1503:1']);
    const three = await cli([...base, '--max-findings', '3']);
    expect(three.code).toBe(1);
    expect(lines(three.stderr)).toEqual([...range(3, ERRS), 'XM0043@1503:1']);
    const all = await cli([...base, '--max-findings', '0']);
    expect(all.code).toBe(1);
    expect(lines(all.stderr)).toEqual(range(N, ERRS));
  });

  it('fmt: a refused file lists 1000 of its errors by default, N with --max-findings N, all with 0', async () => {
    for (const [extra, want] of [
      [[], [...range(1000, ERRS), 'XM0043@1503:1']],
      [['--max-findings', '4'], [...range(4, ERRS), 'XM0043@1503:1']],
      [['--max-findings', '0'], range(N, ERRS)],
    ] as const) {
      const r = await cli(['fmt', '--check', 'errors.cfg', ...extra]);
      expect(r.code).toBe(1);
      expect(blocks(r.stderr)).toEqual(want);
    }
  });

  it('refuses a value check refuses, with check message, exit 2', async () => {
    const commands = [['normalize', 'keys.cfg'], ['convert', 'keys.cfg', '--to', 'xl'], ['plan', 'errors.cfg', '--host', HOST], ['fmt', 'errors.cfg']];
    for (const value of ['-1', '', '0x10', 'many']) {
      const checked = await cli(['check', 'keys.cfg', '--max-findings', value]);
      expect(checked.code).toBe(2);
      for (const c of commands) {
        const r = await cli([...c, '--max-findings', value]);
        expect([r.code, r.stderr]).toEqual([2, checked.stderr.replace('xmcfg check:', `xmcfg ${c[0]}:`)]);
      }
    }
  });
});
