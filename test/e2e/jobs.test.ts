import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, xmcfg } from './cli-helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-jobs-'));
  // 150 small guests, every third with a finding, so the order of results is checkable.
  for (let i = 0; i < 150; i++) {
    const typo = i % 3 === 0 ? 'memroy = 1\n' : '';
    writeFileSync(join(dir, `g${String(i).padStart(3, '0')}.cfg`), `name = "g${i}"\ntype = "pvh"\nkernel = "/boot/k"\nmemory = 256\n${typo}`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!BUILT)('built xmcfg --jobs', () => {
  it('worker threads check part of the tree and the report is identical, in input order', () => {
    const one = xmcfg(['check', '.', '-f', 'json', '-j', '1'], { cwd: dir });
    const three = xmcfg(['check', '.', '-f', 'json', '-j', '3'], { cwd: dir, env: { XMCFG_DEBUG: '1' } });
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
    const files = (JSON.parse(one.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(files).toEqual([...files].sort());
    expect(files.length).toBe(150);
    const m = /(\d+) files on the main thread, (\d+) on 2 worker/.exec(three.stderr);
    expect(m).not.toBeNull();
    expect(Number(m![1]) + Number(m![2])).toBe(150);
  });
});
