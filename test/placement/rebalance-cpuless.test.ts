/**
 * rebalance proposes no move onto a node without CPUs for a guest whose vCPUs have CPUs where it
 * is: its memory would all be remote from where its vCPUs run. A guest already on CPU-less nodes
 * may still move between them.
 */
import { describe, expect, it } from 'vitest';
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

  it('still moves a guest between two CPU-less nodes', () => {
    // Node 0 (with CPUs) is 60 % used by others: node 2 is where node 1's guests can even out.
    const guests = ['a', 'b', 'c', 'd'].map((d) => booked(d, 1, 2_000));
    const r = rebalancePlan(host([[0, 1], [], []], [4_000]), guests, { threshold: 30, maxMoves: 3 });
    expect(r.moves.length).toBeGreaterThan(0);
    expect(r.moves.every((m) => m.from.join() === '1' && m.to === 2)).toBe(true);
  });
});
