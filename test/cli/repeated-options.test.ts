/**
 * An option given twice takes its last value in every command (docs/cli.md), not only in those
 * whose runner read yargs' array itself: `plan --host a --host b` planned on this machine's sysfs,
 * `--ledger` twice read the default ledger, `--policy` twice printed the policy as a list and
 * `convert --to xl --to json` was refused. Repeatable options still collect every value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;
const WEB = new URL('../../fixtures/examples/web.cfg', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xmcfg-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

describe('an option given twice', () => {
  it('plan: the last --host, --policy and --format count', async () => {
    const missing = await cli(['plan', WEB, '--host', HOST, '--host', 'missing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("'missing.json'");
    const r = await cli(['plan', WEB, '--host', 'missing.json', '--host', HOST, '--policy', 'most-free', '--policy', 'best']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { policy: unknown }).policy).toBe('best');
    const xl = await cli(['plan', WEB, '--host', HOST, '-f', 'text', '-f', 'xl']);
    expect(xl.stdout.startsWith('# xmcfg plan for web01')).toBe(true);
  });

  it('convert: the last --to counts; repeatable options (--define, explain codes) keep every value', async () => {
    const r = await cli(['convert', WEB, '--to', 'xl', '--to', 'json', '--dialect', 'xl']);
    expect(r.code).toBe(0);
    expect(typeof JSON.parse(r.stdout)).toBe('object');
    const n = await cli(['normalize', '-D', 'memory=1024', '-D', 'vcpus=3', '--dialect', 'xm', new URL('../../fixtures/examples/legacy.xm', import.meta.url).pathname]);
    expect(JSON.parse(n.stdout)).toMatchObject({ memory: 1024, vcpus: 3 });
    const e = await cli(['explain', 'XM0101', 'XM0102']);
    expect(e.stdout).toMatch(/^XM0102: /m);
  });

  it('ledger and rebalance: the last --ledger and --format count', async () => {
    const r = await cli(['ledger', 'list', '--ledger', 'a.db', '--ledger', 'b.db', '-f', 'text', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { ledger: string }).ledger).toBe(join(dir, 'b.db'));
    const b = await cli(['rebalance', '--host', HOST, '--ledger', 'b.db', '-f', 'text', '-f', 'json']);
    expect((JSON.parse(b.stdout) as { version: number }).version).toBe(1);
  });
});
