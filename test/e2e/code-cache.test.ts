/**
 * The V8 code caches of the build (dist/check.v8cache, dist/validator.v8cache,
 * dist/chunks/validator.v8cache) can never change a result: a missing, stale, cut short, swapped or
 * damaged cache (bytes flipped in place: release V8 does not notice) gives exactly the output and
 * exit code of an intact one, and is not handed to V8 at all. Runs on a private copy of dist/. A
 * preloaded spy on vm.Script records, for each script compiled, whether it was given cached data
 * and whether V8 accepted it (so the intact caches are shown to be used: the checks cannot pass by
 * ignoring every cache).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, privateDist } from './cli-helpers.js';

const FIXTURES = resolve('fixtures/examples');
/** Each cache, the script compiled from it (its vm.Script filename) and a command that compiles it. */
const CACHES = [
  { name: 'check.v8cache', script: 'check.script.js', args: ['check', '--format', 'json', 'broken.cfg', 'web.cfg', 'legacy.xm'] },
  { name: 'validator.v8cache', script: 'xmcfg-validator.cjs', args: ['check', 'broken.cfg', 'web.cfg', 'legacy.xm'] },
  { name: 'chunks/validator.v8cache', script: 'xmcfg-validator.cjs', args: ['normalize', 'web.cfg'] },
];
const SPY = `const vm = require('node:vm');
const { appendFileSync } = require('node:fs');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    const state = options && options.cachedData ? (this.cachedDataRejected ? 'rejected' : 'accepted') : 'none';
    appendFileSync(process.env.XMCFG_TEST_SCRIPT_LOG, require('node:path').basename(String(options && options.filename)) + ' ' + state + '\\n');
  }
};
require('node:module').syncBuiltinESMExports();
`;

const copy = privateDist('xmcfg-code-cache-', { 'spy.cjs': SPY });

/** Run the copied bin under the spy: its output, and each script it compiled with its cache's fate. */
function run(args: string[]): { out: { code: number | null; stdout: string; stderr: string }; scripts: string[] } {
  const log = join(copy.dir, `scripts-${Math.random().toString(36).slice(2)}.log`);
  const r = spawnSync(process.execPath, ['-r', join(copy.dir, 'spy.cjs'), join(copy.dist, 'cli.mjs'), ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XMCFG_TEST_SCRIPT_LOG: log } });
  const scripts = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { out: { code: r.status, stdout: r.stdout, stderr: r.stderr }, scripts };
}

/** `good` with `n` bytes inverted from `at` (same length; the header stays intact when `at` is past it). */
function flipped(good: Buffer, at: number, n: number): Buffer {
  const b = Buffer.from(good);
  for (let i = at; i < at + n; i++) b[i] = b[i]! ^ 0xff;
  return b;
}

describe.skipIf(!BUILT)('code caches of the built xmcfg', () => {
  for (const { name, script, args } of CACHES) {
    it(`${name}: intact, it is handed to V8 and accepted`, () => {
      const r = run(args);
      expect(r.out.code).toBe(name.startsWith('chunks/') ? 0 : 1);
      expect(r.scripts).toContain(`${script} accepted`);
      expect(r.scripts.filter((s) => !s.endsWith(' accepted'))).toEqual([]);
    });

    it(`${name}: missing, stale, cut short, swapped or damaged, the same output from source`, () => {
      const cache = join(copy.dist, name);
      const good = readFileSync(cache);
      const intact = run(args);
      const others = CACHES.filter((c) => c.name !== name).map((c) => readFileSync(join(copy.dist, c.name)));
      const damaged: [string, Buffer | null][] = [
        ['missing', null],
        ['stale header', flipped(good, 0, 8)],
        ['cut in half', good.subarray(0, good.length >> 1)],
        ['cut after the header', good.subarray(0, 68)],
        ['empty', Buffer.alloc(0)],
        ['bytes flipped in the middle', flipped(good, good.length >> 1, 64)],
        ['one byte flipped after the header', flipped(good, 68, 1)],
        ['one byte flipped at the end', flipped(good, good.length - 1, 1)],
        ['checksum flipped', flipped(good, 64, 4)],
        ...others.map((o, i): [string, Buffer] => [`swapped for ${CACHES.filter((c) => c.name !== name)[i]!.name}`, o]),
      ];
      try {
        for (const [what, bytes] of damaged) {
          if (bytes) writeFileSync(cache, bytes);
          else rmSync(cache);
          const r = run(args);
          expect({ what, ...r.out }).toEqual({ what, ...intact.out });
          // A cache made from the same source (the other validator cache) is a valid one; anything
          // else never reaches V8.
          const sameSource = bytes !== null && bytes.length > 64 && bytes.subarray(0, 64).equals(good.subarray(0, 64)) && what.startsWith('swapped');
          expect({ what, scripts: r.scripts.filter((s) => s.startsWith(`${script} `)) }).toEqual({ what, scripts: intact.scripts.filter((s) => s.startsWith(`${script} `)).map((s) => (sameSource ? s : `${script} none`)) });
        }
      } finally {
        writeFileSync(cache, good);
      }
    });
  }

  it('check.v8cache damaged: --jobs 2 (whose workers load the same script) gives the serial output', () => {
    const cache = join(copy.dist, 'check.v8cache');
    const good = readFileSync(cache);
    const args = ['check', '--format', 'json', 'broken.cfg', 'web.cfg', 'legacy.xm'];
    const serial = run(args).out;
    try {
      writeFileSync(cache, flipped(good, good.length >> 1, 64));
      const r = run(['check', '--jobs', '2', ...args.slice(1)]);
      expect({ code: r.out.code, stdout: r.out.stdout }).toEqual({ code: serial.code, stdout: serial.stdout });
      expect(r.scripts.filter((x) => x.startsWith('check.script.js ') && !x.endsWith(' none'))).toEqual([]);
    } finally {
      writeFileSync(cache, good);
    }
  });
});
