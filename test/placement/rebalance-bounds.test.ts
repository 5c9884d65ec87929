/**
 * rebalance's search bounds: lists that cannot reach the threshold, or cannot move less memory than
 * the best found, are pruned, so the search does less work and proposes the same moves (these are
 * random cases of bench/rebalance.mjs; the moves are what the search without bounds proposed, and
 * its trial counts are in the comments).
 */
import { describe, expect, it } from 'vitest';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host, Plan } from '../../src/placement/types.js';

/** A stored plan booking `mem` MiB and `vcpus` vCPUs of `domain` on `node`, as the ledger holds it. */
function booked(domain: string, node: number, mem: number, vcpus: number): Plan {
  return {
    domain,
    nodes: [node],
    node_affinity: { nodes: [node], mask: '' },
    memory_per_node_mib: { [String(node)]: mem },
    vcpus: Array.from({ length: vcpus }, (_, v) => ({ vcpu: v, node, cpus: [] })),
    xl: { cpus: [], vnuma: null },
  } as unknown as Plan;
}

/** Nodes of these sizes, 8 CPUs each, 1 GiB of each kept by the host. */
function host(sizes: number[]): Host {
  return { nodes: sizes.map((m, id) => ({ id, cpus: Array.from({ length: 8 }, (_, c) => id * 8 + c), memory_mib: m, free_mib: m - 1024, distances: {} })) } as Host;
}

type Guest = [string, number, number, number];
const plans = (gs: Guest[]): Plan[] => gs.map(([d, n, m, v]) => booked(d, n, m, v));

describe('rebalance: bounded search, same moves, less work', () => {
  it.each([
    {
      // Unbounded: 1508 search trials.
      sizes: [32768, 32768, 32768],
      guests: [['g0', 1, 1024, 2], ['g1', 0, 4096, 4], ['g2', 1, 4096, 1], ['g3', 0, 1024, 3], ['g4', 0, 512, 4], ['g5', 0, 16384, 2], ['g6', 1, 2048, 4], ['g7', 2, 1024, 2], ['g8', 2, 16384, 4], ['g9', 1, 2048, 3], ['g10', 0, 1024, 1], ['g11', 1, 1024, 4]] as Guest[],
      moves: [['g1', 1], ['g10', 1], ['g4', 1]],
      trials: 1508,
    },
    {
      // Unbounded: 409 search trials.
      sizes: [32768, 16384, 8192, 8192],
      guests: [['g0', 1, 2048, 4], ['g1', 2, 2048, 1], ['g2', 2, 2048, 3], ['g3', 1, 4096, 4], ['g4', 2, 2048, 1]] as Guest[],
      moves: [['g1', 0], ['g2', 0], ['g0', 3]],
      trials: 409,
    },
    {
      // Unbounded: 70 search trials.
      sizes: [32768, 16384, 16384],
      guests: [['g0', 2, 8192, 2], ['g1', 2, 4096, 4], ['g2', 0, 16384, 1], ['g3', 2, 512, 4], ['g4', 0, 4096, 4], ['g5', 2, 1024, 1], ['g6', 2, 1024, 1], ['g7', 0, 1024, 4], ['g9', 1, 2048, 1], ['g10', 1, 4096, 1]] as Guest[],
      moves: [['g1', 1]],
      trials: 70,
    },
  ])('proposes $moves with fewer than $trials search trials (threshold 5, at most 4 moves)', ({ sizes, guests, moves, trials }) => {
    const r = rebalancePlan(host(sizes), plans(guests), { threshold: 5, maxMoves: 4 });
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual(moves);
    expect(r.work.cut).toBe(false);
    expect(r.work.searchTrials).toBeLessThan(trials / 2);
  });

  it('does not search at all when the moves allowed cannot reach the threshold (the greedy list stands)', () => {
    // 40 guests of 1 GiB on node 0, node 1 empty: two moves bring 40 GiB of 64 GiB down by 2 GiB at
    // most. Unbounded, the search tried every pair of moves (40 guests alike: one kind, 2 trials).
    const guests = Array.from({ length: 40 }, (_, i): Guest => [`g${i}`, 0, 1024 + i, 1]);
    const r = rebalancePlan(host([65536, 65536]), plans(guests), { threshold: 0, maxMoves: 2 });
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['g39', 1], ['g38', 1]]);
    expect(r.work.searchTrials).toBe(0);
    expect(r.work.cut).toBe(false);
  });

  it('rules out every least use L the nodes could end at, not only the lowest and highest (bench case, threshold 2, 4 moves)', () => {
    // Node 0 must rise as much as nodes 1-3 fall, at one common level; the per-node checks took the
    // rising at the lowest level and the falling at the highest: 3,130 search trials with those only.
    const guests: Guest[] = [['g0', 3, 512, 4], ['g1', 3, 4096, 2], ['g2', 2, 4096, 3], ['g3', 0, 16384, 3], ['g4', 3, 2048, 1], ['g5', 3, 4096, 3], ['g6', 1, 2048, 4], ['g7', 1, 4096, 4], ['g8', 3, 2048, 4], ['g9', 0, 2048, 2]];
    const r = rebalancePlan(host([32768, 8192, 16384, 16384]), plans(guests), { threshold: 2, maxMoves: 4 });
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['g1', 2], ['g6', 0]]);
    expect(r.work.cut).toBe(false);
    expect(r.work.searchTrials).toBe(1166);
  });

  it('counts guests booked on one node that differ in vCPUs only as one kind: they move alike', () => {
    // Four guests of 100 MiB (1-4 vCPUs) on node 0 of four nodes: as four guests alike, 12 sets of
    // (kind, target) moves; as four kinds, 69. The same moves either way.
    const guests = [1, 2, 3, 4].map((v, i): Guest => [`g${i}`, 0, 100, v]);
    const flat = { nodes: [0, 1, 2, 3].map((id) => ({ id, cpus: [id], memory_mib: 1000, free_mib: 1000, distances: {} })) } as Host;
    const r = rebalancePlan(flat, plans(guests), { threshold: 0, maxMoves: 3 });
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['g0', 1], ['g1', 2], ['g2', 3]]);
    expect(r.work.searchTrials).toBe(12);
  });
});
