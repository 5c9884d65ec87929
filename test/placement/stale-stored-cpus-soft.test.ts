/**
 * A reservation's stored cpus_soft (decision 046) naming no CPU of the current host: the host
 * description lost those CPUs since the booking, or the ledger belongs to another host. rebalance
 * proposes a guest with a stored cpus_soft only to nodes that keep some CPU of each vCPU's soft
 * affinity, so such a guest was never proposed, without a word. Now XM0428 (warning) says so, and
 * the guest counts as load, is never proposed and is not listed as kept, as for stored cpus (XM0427;
 * decision 072).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';
import { cfg, cliBuilt, cpus, fixtureHost, runCli, useTempDir, useTempLedger } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, node 1 CPUs 4-7. "Now" node 1 has CPUs 8-11: 4-7 are gone.
const then = () => fixtureHost('two-node.json');
const now = (): Host => ({ nodes: then().nodes.map((n) => (n.id === 1 ? { ...n, cpus: [8, 9, 10, 11] } : n)) });
const t = useTempLedger('xmcfg-stale-soft-');

/** Reserve `p` (2 vCPUs, `memory` MiB) with `over` on the old host; the stored plans of every guest. */
function reserved(over: Partial<PlacementConfig>, memory = 2048) {
  expect(t.ledger.reserve(cfg({ name: 'p', memory, vcpus: 2, ...over }), then()).plan).not.toBeNull();
  return t.ledger.list().entries.map((e) => e.plan);
}
const soft = (text: string | string[]) => ({ cpus_soft: Array.isArray(text) ? text.map(cpus) : cpus(text) });

describe('rebalance and a stored cpus_soft that names no CPU of the host', () => {
  const cases: Array<{ name: string; over: Partial<PlacementConfig>; codes: string[] }> = [
    { name: 'one list off the host: XM0428 (it was silent)', over: soft('4-7'), codes: ['XM0428'] },
    { name: 'a per-vCPU list with one entry off the host: XM0428', over: soft(['4', '0-3']), codes: ['XM0428'] },
    { name: 'cpus and cpus_soft both off the host: XM0427 and XM0428', over: { ...soft('4-7'), cpus: cpus('4-7') }, codes: ['XM0427', 'XM0428'] },
    { name: 'cpus_soft on the host: nothing said', over: soft('0-3'), codes: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = rebalancePlan(now(), reserved(c.over), { threshold: 0 });
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual(c.codes.map((x) => [x, 'warning']));
      expect(r.kept).toEqual([]);
    });
  }

  it('the guest counts as load and is never proposed; a guest without cpus_soft is moved instead', () => {
    // Node 1 gets p (8192 MiB) on the old host; q (8192 MiB) lands on node 0 too. The spread is
    // evened by moving one of them: q, as p is never proposed.
    t.ledger.reserve(cfg({ name: 'q', memory: 8192, vcpus: 2 }), { nodes: then().nodes.map((n) => (n.id === 1 ? { ...n, free_mib: 0 } : n)) });
    const plans = reserved({ ...soft('0-3') }, 8192);
    const stale = plans.map((p) => (p.domain === 'p' ? { ...p, config_cpus_soft: cpus('12-15') } : p));
    const r = rebalancePlan(now(), stale, { threshold: 0 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0428']);
    expect(r.moves.map((m) => m.domain)).not.toContain('p');
    expect(r.moves.map((m) => m.domain)).toEqual(['q']);
    // Alone (q released), nothing is proposed, and the outcome says no move was feasible.
    const alone = rebalancePlan(now(), stale.filter((p) => p.domain === 'p'), { threshold: 0 });
    expect([alone.moves, alone.outcome, alone.diagnostics.map((d) => d.code)]).toEqual([[], 'no-feasible-move', ['XM0428']]);
  });

  it('migrate-plan still plans a move it is asked for, with XM0426 (no XM0428 there)', () => {
    const p = reserved(soft('4-7')).find((x) => x.domain === 'p')!;
    const r = migratePlan(p, now(), [], [0]);
    expect(r.migration!.plan).not.toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0426']);
  });

  it('on the host it was booked on: no XM0428', () => {
    const r = rebalancePlan(then(), reserved(soft('4-7')), { threshold: 0 });
    expect(r.diagnostics).toEqual([]);
  });
});

describe.skipIf(!cliBuilt)('rebalance on a host that lost the stored cpus_soft CPUs', () => {
  const d = useTempDir('xmcfg-stale-soft-cli-');
  const codes = (stderr: string) => [...stderr.matchAll(/ (XM04\d\d):/g)].map((m) => m[1]);

  it('plan --reserve, then rebalance with the new host: XM0428, no move', () => {
    writeFileSync(join(d.dir, 'then.json'), JSON.stringify(then()));
    writeFileSync(join(d.dir, 'now.json'), JSON.stringify(now()));
    writeFileSync(join(d.dir, 'p.cfg'), 'name = "p"\ntype = "hvm"\nmemory = 2048\nvcpus = 2\ncpus_soft = "4-7"\n');
    const ledger = join(d.dir, 'l.db');
    expect(runCli(d.dir, ['plan', join(d.dir, 'p.cfg'), '--host', join(d.dir, 'then.json'), '--ledger', ledger, '--reserve']).status).toBe(0);
    const r = runCli(d.dir, ['rebalance', '--host', join(d.dir, 'now.json'), '--ledger', ledger, '--format', 'json', '--threshold', '0']);
    expect([r.status, codes(r.stderr)]).toEqual([0, ['XM0428']]);
    expect(JSON.parse(r.stdout).moves).toEqual([]);
  });
});
