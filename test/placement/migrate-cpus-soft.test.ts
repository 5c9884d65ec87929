/**
 * A reserved guest whose file gives its own cpus_soft (decision 046). The file keeps it beside the
 * plan's pins, also after a move, so the ledger stores it with the plan: migrate-plan warns, as plan
 * does for numanode, where the target leaves it unreachable (XM0426) or loses the memory to it
 * (XM0425), and rebalance proposes only moves that keep it, as plan's policy keeps such a guest on
 * its nodes. Both ignored it: `migrate-plan s --to-node 1` moved a `cpus_soft = "node:0"` guest
 * without a word, and rebalance proposed that move first.
 */
import { describe, expect, it } from 'vitest';
import { migratePlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host, PlanOptions } from '../../src/placement/types.js';
import { cfg, cpus, fixtureHost, freeOnly, storeRow, useTempLedger } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
const two = () => fixtureHost('two-node.json');
const t = useTempLedger('xmcfg-soft-move-');

/** Reserve `config`, then the ledger's entries as migrate-plan and rebalance read them. */
function reserved(configs: Array<[ReturnType<typeof cfg>, PlanOptions?, Host?]>) {
  for (const [c, o, h] of configs) expect(t.ledger.reserve(c, h ?? two(), o).plan).not.toBeNull();
  return t.ledger.list().entries;
}

const soft = (name: string, memory = 4096) => cfg({ name, memory, vcpus: 2, cpus_soft: cpus('node:0') });

describe('migrate-plan of a guest with its own cpus_soft', () => {
  it('to a node cpus_soft leaves out: XM0426, and a step says to change it; to two nodes also XM0425', () => {
    const entries = reserved([[soft('s')]]);
    const s = entries.find((e) => e.domain === 's')!;
    expect(s.plan.nodes).toEqual([0]);
    const others = entries.map((e) => ({ domain: e.domain, nodes: e.nodes }));
    const one = migratePlan(s.plan, two(), others, [1]);
    expect(one.diagnostics.map((d) => d.code)).toEqual(['XM0426']);
    expect(one.migration!.steps.filter((l) => l.includes('cpus_soft'))).toHaveLength(1);
    // The output plan is the §5 shape: the stored cpus_soft is not part of it.
    expect(Object.keys(one.migration!.plan!)).not.toContain('config_cpus_soft');
    const both = migratePlan(s.plan, two(), others, [0, 1]);
    expect(both.diagnostics.map((d) => d.code).sort()).toEqual(['XM0425', 'XM0426']);
    // Planned with --affinity soft (its lines replace the file's cpus_soft): nothing stored, nothing said.
    t.ledger.release('s');
    const st = reserved([[soft('t'), { affinity: 'soft' }]])[0]!;
    expect(st.plan.config_cpus_soft).toBeUndefined();
    expect(migratePlan(st.plan, two(), [], [0]).diagnostics).toEqual([]);
  });

  it('--commit keeps the stored cpus_soft, so a later move still sees it', () => {
    reserved([[soft('s')]]);
    const c = t.ledger.commitMigration('s', two(), [1]);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['XM0426']);
    const again = t.ledger.list().entries[0]!;
    expect(again.plan.nodes).toEqual([1]);
    expect(again.plan.config_cpus_soft).toEqual(cpus('node:0'));
    // Back to node 0, where its soft affinity is: no warning.
    expect(migratePlan(again.plan, two(), [], [0]).diagnostics).toEqual([]);
  });
});

describe('rebalance and a guest with its own cpus_soft', () => {
  it('moves another guest, not the one whose cpus_soft keeps it on its node', () => {
    // Node 0 at 37.5 % + 2 × 8192 MiB, node 1 at 8.1 %: one 8192 MiB move to node 1 evens them.
    // "a" comes first among equal moves (by name): it was the one proposed.
    const entries = reserved([[soft('a', 8192)], [cfg({ name: 'b', memory: 8192, vcpus: 2 }), {}, freeOnly(two(), 0)]]);
    const r = rebalancePlan(two(), entries.map((e) => e.plan));
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['b', 1]]);
    // Alone, it is not moved at all.
    t.ledger.release('b');
    const alone = rebalancePlan(two(), t.ledger.list().entries.map((e) => e.plan));
    expect([alone.moves, alone.outcome]).toEqual([[], 'no-feasible-move']);
  });
});

describe('the stored cpus_soft is checked as the rest of a stored plan', () => {
  it('one that is no CPU list makes the ledger corrupt (XM0408), not a crash', () => {
    reserved([[soft('s')]]);
    const stored = t.ledger.list().entries[0]!.plan;
    storeRow(t.ledger, 's', { ...stored, config_cpus_soft: { text: 'x', items: [{ kind: 'cpu' }] } });
    expect(t.ledger.list().diagnostics.map((d) => d.code)).toEqual(['XM0408']);
  });
});
