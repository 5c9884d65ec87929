/**
 * A reservation's stored cpus_soft (decision 046) naming no CPU of the current host: the host
 * description lost those CPUs since the booking, or the ledger belongs to another host. rebalance
 * proposes a guest with a stored cpus_soft only to nodes that keep some CPU of each vCPU's soft
 * affinity, so such a guest was never proposed, without a word. Now XM0428 (warning) says so, and
 * the guest counts as load, is never proposed and is not listed as kept, as for stored cpus (XM0427;
 * decision 072). migrate-plan said XM0426 for such a move, and nothing when there was nothing to do
 * or the move did not fit: it now says XM0428 too, on every outcome (decision 073).
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

  // The same cause gets the same code in both commands (decision 073): migrate-plan said XM0426
  // ("shares no CPU with the planned pins", whose advice is to ask for the nodes cpus_soft names:
  // there are none here) and nothing at all when there was nothing to do or the move did not fit.
  describe('migrate-plan says XM0428 too, on every outcome, in place of XM0426 for the vCPUs it names', () => {
    const moveCases: Array<{ name: string; over: Partial<PlacementConfig>; to: number[]; others?: number; codes: string[]; planned: boolean }> = [
      { name: 'one list off the host, moved: XM0428, no XM0426', over: soft('4-7'), to: [0], codes: ['XM0428'], planned: true },
      { name: 'one list off the host, already there: XM0428', over: soft('4-7'), to: [1], codes: ['XM0428'], planned: false },
      { name: 'one list off the host, the move does not fit: XM0428 beside XM0409', over: soft('4-7'), to: [0], others: 20_000, codes: ['XM0428', 'XM0409'], planned: false },
      // vCPU 0's entry names no CPU of the host (XM0428); vCPU 1's names CPUs of node 0, away from target node 1 (XM0426, its own cause).
      { name: 'a per-vCPU list, one entry off the host and one away from the target: XM0428 and XM0426', over: { ...soft(['4', '0-3']), numa: { mode: 'nodes', nodes: [0], node_count: 1 } }, to: [1], codes: ['XM0428', 'XM0426'], planned: true },
      { name: 'a per-vCPU list, one entry off the host, the other kept by the target: XM0428 alone', over: { ...soft(['4', '8-11']), numa: { mode: 'nodes', nodes: [0], node_count: 1 } }, to: [1], codes: ['XM0428'], planned: true },
      { name: 'cpus_soft on the host but away from the target: XM0426 alone, as before', over: { ...soft('0-3'), numa: { mode: 'nodes', nodes: [0], node_count: 1 } }, to: [1], codes: ['XM0426'], planned: true },
    ];
    for (const c of moveCases) {
      it(c.name, () => {
        const p = reserved(c.over).find((x) => x.domain === 'p')!;
        const others = c.others ? [{ domain: 'big', nodes: [{ node: 0, memory_mib: c.others, vcpus: 1 }] }] : [];
        const r = migratePlan(p, now(), others, c.to);
        expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual(c.codes.map((x) => [x, x === 'XM0409' ? 'error' : 'warning']));
        expect(r.migration?.plan != null).toBe(c.planned);
      });
    }

    it('the step line says the cpus_soft names no CPU of the host', () => {
      const p = reserved(soft('4-7')).find((x) => x.domain === 'p')!;
      const steps = migratePlan(p, now(), [], [0]).migration!.steps;
      expect(steps.filter((l) => l.includes('cpus_soft'))).toHaveLength(1);
      expect(steps.some((l) => l.includes('no CPU of the host'))).toBe(true);
    });
  });

  it('on the host it was booked on: no XM0428', () => {
    const r = rebalancePlan(then(), reserved(soft('4-7')), { threshold: 0 });
    expect(r.diagnostics).toEqual([]);
  });
});

describe.skipIf(!cliBuilt)('rebalance and migrate-plan on a host that lost the stored cpus_soft CPUs', () => {
  const d = useTempDir('xmcfg-stale-soft-cli-');
  const codes = (stderr: string) => [...stderr.matchAll(/ (XM04\d\d):/g)].map((m) => m[1]);

  it('plan --reserve, then rebalance and migrate-plan with the new host: XM0428 in both', () => {
    writeFileSync(join(d.dir, 'then.json'), JSON.stringify(then()));
    writeFileSync(join(d.dir, 'now.json'), JSON.stringify(now()));
    writeFileSync(join(d.dir, 'p.cfg'), 'name = "p"\ntype = "hvm"\nmemory = 2048\nvcpus = 2\ncpus_soft = "4-7"\n');
    const ledger = join(d.dir, 'l.db');
    expect(runCli(d.dir, ['plan', join(d.dir, 'p.cfg'), '--host', join(d.dir, 'then.json'), '--ledger', ledger, '--reserve']).status).toBe(0);
    const r = runCli(d.dir, ['rebalance', '--host', join(d.dir, 'now.json'), '--ledger', ledger, '--format', 'json', '--threshold', '0']);
    expect([r.status, codes(r.stderr)]).toEqual([0, ['XM0428']]);
    expect(JSON.parse(r.stdout).moves).toEqual([]);
    // migrate-plan names the same cause with the same code (decision 073), moved or not.
    const m = runCli(d.dir, ['migrate-plan', 'p', '--to-node', '0', '--host', join(d.dir, 'now.json'), '--ledger', ledger]);
    expect([m.status, codes(m.stderr)]).toEqual([0, ['XM0428']]);
    const there = runCli(d.dir, ['migrate-plan', 'p', '--to-node', '1', '--host', join(d.dir, 'now.json'), '--ledger', ledger]);
    expect([there.status, codes(there.stderr)]).toEqual([0, ['XM0428']]);
  });
});
