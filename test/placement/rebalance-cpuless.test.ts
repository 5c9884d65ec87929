/**
 * rebalance proposes no move onto a node without CPUs for a guest whose vCPUs have CPUs where it
 * is: its memory would all be remote from where its vCPUs run. Nor for a guest already on CPU-less
 * nodes: migrate-plan refuses every target without CPUs (XM0422), and rebalance proposes only moves
 * it accepts (move-rules.ts, decision 050).
 */
import { describe, expect, it } from 'vitest';
import { loadOfPlan, migratePlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host } from '../../src/placement/types.js';
import { booked } from './helpers.js';

/** Nodes of 10,000 MiB each; `cpus[i]` lists node i's CPUs, `free[i]` its free memory (default all). */
function host(cpus: number[][], free: number[] = []): Host {
  return { nodes: cpus.map((c, id) => ({ id, cpus: c, memory_mib: 10_000, free_mib: free[id] ?? 10_000, distances: {} })) } as Host;
}

describe('rebalance and nodes without CPUs', () => {
  it('moves a loaded node\'s guests to the node with CPUs, never to the CPU-less one', () => {
    // Node 0 is full; node 1 has no CPUs, node 2 has. Both are empty: before, the first guest went
    // to node 1 (its index comes first).
    const guests = ['a', 'b', 'c', 'd'].map((d) => booked(d, 0, 2_000));
    const r = rebalancePlan(host([[0, 1], [], [2, 3]]), guests, { threshold: 30, maxMoves: 3 });
    expect(r.moves.length).toBeGreaterThan(0);
    expect(r.moves.map((m) => m.to)).not.toContain(1);
    expect(r.moves.every((m) => m.to === 2)).toBe(true);
  });

  it('moves no guest onto a CPU-less node, even one already on such a node: migrate-plan refuses it (XM0422)', () => {
    // Node 0 (with CPUs) is 60 % used by others, node 1's guests would even out onto node 2: before,
    // rebalance proposed that move, which migrate-plan then refused (decision 050: one rule).
    const guests = ['a', 'b', 'c', 'd'].map((d) => booked(d, 1, 2_000));
    const h = host([[0, 1], [], []], [4_000]);
    const r = rebalancePlan(h, guests, { threshold: 30, maxMoves: 3 });
    expect(r.moves.map((m) => m.to)).not.toContain(2);
    const refused = migratePlan(guests[0]!, h, guests.map(loadOfPlan), [2]);
    expect([refused.migration, refused.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0422']]);
  });
});
