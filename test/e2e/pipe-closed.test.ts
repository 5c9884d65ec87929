/**
 * `xmcfg check … | head`: the reader of standard output goes away before the report is written. The
 * run stops quietly with 141, what a shell reports for a tool SIGPIPE ended, never 0 ("clean") for
 * a run cut short whose files had errors: `set -o pipefail` (GitHub Actions' bash) fails the step.
 * Standard output that cannot be written at all (a full disk) is exit 2 naming the output.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI, hasStackTrace } from './cli-helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-pipe-'));
  // 600 files with an error each: about 400 KB of stylish report, far more than a pipe holds, so
  // the writer meets the closed pipe whatever the timing.
  for (let i = 0; i < 600; i++) writeFileSync(join(dir, `g${i}.cfg`), `name = "g${i}"\nmemroy = 3\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!BUILT)('standard output closed early', () => {
  it.each([['stylish'], ['json']])('check -f %s | head -c 1: exit 141 (was 0), no message', (format) => {
    const script = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check . -f ${format} | head -c 1 >/dev/null`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(141);
    expect(r.stderr).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe.skipIf(!BUILT || !existsSync('/dev/full'))('standard output that cannot be written', () => {
  it('> /dev/full: exit 2 with "cannot write standard output", not an internal error', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'check', 'g1.cfg'], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('xmcfg: cannot write standard output: no space left on device\n');
    } finally {
      closeSync(fd);
    }
  });
});
