/**
 * The check loader sets its V8 flags (scripts/build.mjs CHECK_V8_FLAGS: a faster-growing young
 * generation) once, in the main thread, before it compiles the check script, and the code caches
 * the check loads were made under the same flags: V8 accepts them (a cache made under other flags
 * would be rejected, and every start would compile from source). The worker loader sets none (the
 * flags are per process). A preloaded spy logs each setFlagsFromString call and each vm.Script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, privateDist } from './cli-helpers.js';

const FIXTURES = resolve('fixtures/examples');
const SPY = `const v8 = require('node:v8');
const vm = require('node:vm');
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const log = (line) => appendFileSync(process.env.XMCFG_TEST_SCRIPT_LOG, line + '\\n');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  log('flags ' + flags + (isMainThread ? '' : ' (worker)'));
  return setFlags(flags);
};
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    const state = options && options.cachedData ? (this.cachedDataRejected ? 'rejected' : 'accepted') : 'none';
    log(require('node:path').basename(String(options && options.filename)) + ' ' + state + (isMainThread ? '' : ' (worker)'));
  }
};
require('node:module').syncBuiltinESMExports();
`;

const copy = privateDist('xmcfg-v8-flags-', { 'spy.cjs': SPY });

/** Run the copied bin under the spy: its exit code and what the spy logged, in order. */
function run(args: string[]): { code: number | null; log: string[] } {
  const file = join(copy.dir, `log-${Math.random().toString(36).slice(2)}.log`);
  const r = spawnSync(process.execPath, ['-r', join(copy.dir, 'spy.cjs'), join(copy.dist, 'cli.mjs'), ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XMCFG_TEST_SCRIPT_LOG: file } });
  return { code: r.status, log: existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [] };
}

describe.skipIf(!BUILT)('V8 flags of the check command', () => {
  it('are set once, before the check script is compiled from its cache, which V8 accepts', () => {
    const r = run(['check', '--format', 'json', 'broken.cfg', 'web.cfg', 'legacy.xm']);
    expect(r.code).toBe(1);
    expect(r.log).toEqual(['flags --semi-space-growth-factor=4', 'check.script.js accepted', 'xmcfg-validator.cjs accepted']);
  });
  it('--jobs: the workers set no flags and their caches are accepted too', () => {
    // Enough files that the worker gets some (it starts after the main thread has begun).
    const r = run(['check', '--jobs', '2', '--format', 'json', resolve('fixtures')]);
    expect(r.code).toBe(1);
    expect(r.log).toContain('check.script.js accepted (worker)');
    expect(r.log.filter((l) => l.startsWith('flags '))).toEqual(['flags --semi-space-growth-factor=4']);
    expect(r.log.filter((l) => !l.startsWith('flags ') && !l.endsWith(' accepted') && !l.endsWith(' accepted (worker)'))).toEqual([]);
  });
  it('other commands set none and keep their own validator cache', () => {
    const r = run(['normalize', 'web.cfg']);
    expect(r.code).toBe(0);
    expect(r.log).toEqual(['xmcfg-validator.cjs accepted']);
  });
});
