/**
 * `xmcfg check` as a user and a CI pipeline run it, on adversarial command lines and inputs:
 * each case is a defect found by QA, kept so it stays fixed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-qa-'));
  writeFileSync(join(dir, 'warn.cfg'), 'name = "w"\nbootloader = "pygrub"\nmemroy = 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin });
  const code = await run(args, io);
  return { code, ...out };
}

describe('check usage errors', () => {
  it('an unknown --format is one line on stderr plus the pointer to --help, exit 2', async () => {
    const r = await cli(['check', 'warn.cfg', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^xmcfg: Invalid values: Argument: format, Given: "xml", Choices: /);
    expect(lines[1]).toBe("Run 'xmcfg check --help' for usage.");
  });
});

describe('check --max-warnings', () => {
  it('says "1 warning", not "1 warnings", when one warning is over the limit', async () => {
    const r = await cli(['check', 'warn.cfg', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('xmcfg: 1 warning, more than --max-warnings 0\n');
  });
});
