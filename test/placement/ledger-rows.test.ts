/**
 * A ledger row whose plan column is JSON but not a plan (a hand edit, another program, a damaged
 * row) is a corrupt ledger: XM0408 naming the domain, exit 2, never an internal error. The row can
 * still be given back with `release`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedger, runMigratePlan, runRebalance, runRelease } from '../../src/cli/placement-run.js';
import { Ledger } from '../../src/placement/ledger.js';
import { storedPlanProblem } from '../../src/placement/stored-plan.js';
import { plan } from '../../src/placement/plan.js';
import { fakeIo } from '../cli/fake-io.js';
import { cfg, FIXTURES, fixtureHost } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-rows-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD = ['{}', '[1,2]', 'null', '"x"', 'not json', '{"version":1,"domain":"bad"}'];

function ledgerWith(planText: string, name: string): string {
  const path = join(dir, `${name}.db`);
  const l = Ledger.open(path).ledger!;
  expect(l.reserve(cfg({ name: 'web', memory: 1024 }), fixtureHost('two-node.json')).plan).not.toBeNull();
  l.close();
  const db = new (createRequire(import.meta.url)('better-sqlite3'))(path);
  db.prepare("INSERT INTO reservations VALUES ('bad', 'x', 'best', ?)").run(planText);
  db.prepare("INSERT INTO reservation_nodes VALUES ('bad', 0, 1024, 1)").run();
  db.close();
  return path;
}

describe('a ledger row that holds no plan', () => {
  it.each(BAD.map((b, i) => [b, i] as const))('%s: list, migrate-plan (with and without --commit) and rebalance exit 2 with XM0408; release gives it back', async (text, i) => {
    const ledger = ledgerWith(text, `bad${i}`);
    const host = join(FIXTURES, 'two-node.json');
    const runs: Array<[string, (io: ReturnType<typeof fakeIo>['io']) => Promise<number>]> = [
      ['list', (io) => runLedger({ action: 'list', ledger }, io)],
      ['migrate', (io) => runMigratePlan({ name: 'web', 'to-node': [0], host, ledger }, io)],
      ['commit', (io) => runMigratePlan({ name: 'bad', 'to-node': [1], host, ledger, commit: true }, io)],
      ['rebalance', (io) => runRebalance({ host, ledger, threshold: 0 }, io)],
    ];
    for (const [what, run] of runs) {
      const { io, out } = fakeIo({ cwd: dir });
      expect([what, await run(io), out.stdout, [...out.stderr.matchAll(/ (XM\d{4}):/g)].map((m) => m[1])]).toEqual([what, 2, '', ['XM0408']]);
    }
    const { io, out } = fakeIo({ cwd: dir });
    expect([await runRelease({ name: 'bad', ledger }, io), out.stdout]).toEqual([0, 'released bad\n']);
    const after = fakeIo({ cwd: dir });
    expect(await runLedger({ action: 'list', ledger }, after.io)).toBe(0);
  });
});

describe('storedPlanProblem', () => {
  it('accepts every plan plan() makes, names the first bad field otherwise', () => {
    for (const numa of [undefined, { mode: 'off' as const }, { mode: 'auto' as const, node_count: 2 }]) {
      const p = plan(cfg({ type: 'hvm', ...(numa ? { numa } : {}) }), fixtureHost('two-node.json')).plan!;
      expect(storedPlanProblem(JSON.parse(JSON.stringify(p)), 'web')).toBeNull();
      expect(storedPlanProblem(JSON.parse(JSON.stringify(p)), 'other')).toBe('domain');
      expect(storedPlanProblem({ ...p, vcpus: [{ vcpu: 0 }] }, 'web')).toBe('vcpus');
      expect(storedPlanProblem({ ...p, policy: 'worst' }, 'web')).toBe('policy');
    }
  });
});
