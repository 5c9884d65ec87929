/**
 * rebalance proposes no move that lowers the spread by less than REBALANCE_MIN_GAIN (0.1 point,
 * the precision the spread prints with; decision 056): a live migration copies the guest's whole
 * memory, and a run on seventy-two-node.json proposed a move worth 0.037 points ("75% -> 75%").
 */
import { describe, expect, it } from 'vitest';
import { REBALANCE_MIN_GAIN, rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host } from '../../src/placement/types.js';
import { booked } from './helpers.js';

/** Two nodes of 100,000 MiB with CPUs: node 0 has `free0` MiB free, node 1 all. */
function host(free0: number): Host {
  const node = (id: number, free: number) => ({ id, cpus: [id], memory_mib: 100_000, free_mib: free, distances: {} });
  return { nodes: [node(0, free0), node(1, 100_000)] } as Host;
}

describe('rebalance: a move must be worth its memory copy', () => {
  it('a move that lowers the spread by 0.06 point is not proposed: no-feasible-move', () => {
    // Node 0 is 90 % used by others and holds a 30 MiB ledger guest: moving it lowers the spread
    // 90.03 -> 89.97.
    const r = rebalancePlan(host(10_000), [booked('small', 0, 30)]);
    expect([r.outcome, r.moves, r.before, r.after]).toEqual(['no-feasible-move', [], 90, 90]);
  });

  it('a move that lowers it by 0.1 point or more still is', () => {
    // 200 MiB: 90.2 -> 89.8.
    const r = rebalancePlan(host(10_000), [booked('small', 0, 200)]);
    expect(r.outcome).toBe('moves');
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['small', 1]]);
    expect([r.before, r.after]).toEqual([90.2, 89.8]);
    expect(r.before - r.after).toBeGreaterThanOrEqual(REBALANCE_MIN_GAIN);
  });

  it('a list that reaches the threshold by less than 0.1 point per move is not proposed either', () => {
    // Spread 10.03 (threshold 10): moving 30 MiB reaches 9.97, a gain of 0.06 for one copy.
    const r = rebalancePlan(host(90_000), [booked('small', 0, 30)], { threshold: 10 });
    expect([r.outcome, r.moves]).toEqual(['no-feasible-move', []]);
  });

  it('the greedy list keeps only moves worth 0.1 point each', () => {
    // Guests of 30 MiB (0.06 point each) and one of 2,000 MiB: only the big one moves.
    const guests = [booked('a', 0, 30), booked('b', 0, 30), booked('big', 0, 2_000)];
    const r = rebalancePlan(host(10_000), guests, { maxMoves: 5 });
    expect(r.moves.map((m) => m.domain)).toEqual(['big']);
  });
});
