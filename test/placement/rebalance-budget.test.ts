/**
 * rebalance's work is bounded: its greedy seed shares the search's budget (it had none: 20,000
 * guests and --max-moves 100000 ran for many seconds), a spent budget is XM0419, and the exact
 * search tries each set of moves once rather than every order of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRebalance } from '../../src/cli/placement-run.js';
import { Ledger } from '../../src/placement/ledger.js';
import { REBALANCE_SEARCH_BUDGET, REBALANCE_SEARCH_CHECKS, rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host } from '../../src/placement/types.js';
import { booked, captureIo, cfg, freeOnly } from './helpers.js';

/** A host of `count` empty nodes of `mem` MiB, one CPU each. */
function flat(count: number, mem: number): Host {
  return { nodes: Array.from({ length: count }, (_, id) => ({ id, cpus: [id], memory_mib: mem, free_mib: mem, distances: {} })) } as Host;
}

describe('rebalance: the greedy seed shares the budget', () => {
  it('stops at the budget with 20,000 guests of different sizes and --max-moves 100000, and says so (XM0419)', () => {
    // Each greedy turn tried all 20,000 guests on node 1; 10,000 turns and more (24 s) before.
    // The last 10 are large enough (1 % of a node each) that moving one lowers the spread by the
    // 0.1 point a move must gain (decision 056); every turn still tries the first of every kind.
    const guests = Array.from({ length: 20_000 }, (_, i) => booked(`g${i}`, 0, i < 19_990 ? i + 1 : 10_000_000 + i));
    const r = rebalancePlan(flat(2, 1_000_000_000), guests, { threshold: 0, maxMoves: 100_000 });
    expect(r.work.cut).toBe(true);
    expect(r.work.seedTrials + r.work.searchTrials).toBe(REBALANCE_SEARCH_BUDGET);
    expect(r.work.checks).toBeLessThanOrEqual(REBALANCE_SEARCH_CHECKS);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0419', 'warning']]);
    // The turns the budget allowed still stand: each moves a guest from node 0 to node 1.
    expect(r.moves.length).toBe(REBALANCE_SEARCH_BUDGET / 20_000);
    expect(r.moves.every((m) => m.from.join() === '0' && m.to === 1)).toBe(true);
  });

  it('tries one guest of a kind per turn: 20,000 guests alike are balanced within the budget', () => {
    // 20,000 guests of 1 MiB on node 0 (100,000 MiB, 20 % used); node 1 has 500 MiB, so each move
    // lowers the spread by 0.201 point, more than the 0.1 a move must gain (decision 056). Every
    // turn over all 20,000 took 12 s before; one trial per turn now.
    const guests = Array.from({ length: 20_000 }, (_, i) => booked(`t${i}`, 0, 1));
    const h = flat(2, 100_000);
    h.nodes[1]!.memory_mib = h.nodes[1]!.free_mib = 500;
    const r = rebalancePlan(h, guests, { threshold: 1, maxMoves: 100_000 });
    expect(r.work.cut).toBe(false);
    expect(r.diagnostics).toEqual([]);
    expect(r.moves.length).toBe(95);
    // The first guests by name, as when every guest was tried (ties keep the first).
    expect(r.moves.slice(0, 3).map((m) => m.domain)).toEqual(['t0', 't1', 't10']);
    expect(r.after).toBeLessThanOrEqual(1);
    expect(r.work.seedTrials).toBe(95);
  });
});

describe('rebalance: the exact search tries each set of moves once', () => {
  it('looks at 64 sets where it looked at 248 orders of them, and proposes the same moves', () => {
    // Guests of 100..400 MiB on node 0 of three equal nodes: no list evens the nodes out exactly, so
    // the search tries every list up to 3 moves. Orders: 4*2 + 4*2*3*2 + 4*2*3*2*2*2 = 248; sets:
    // 4*2 + C(4,2)*2^2 + C(4,3)*2^3 = 64; the search's bounds (rebalance-bounds.ts) prove 2 of the
    // three-move sets cannot reach 0 before trying them: 62.
    const guests = [100, 200, 300, 400].map((mem, i) => booked(`g${i}`, 0, mem));
    const r = rebalancePlan(flat(3, 10_000), guests, { threshold: 0, maxMoves: 3 });
    expect(r.work.searchTrials).toBe(62);
    expect(r.work.cut).toBe(false);
    // No list reaches 0: the greedy one (the same as when every order was tried).
    expect(r.moves).toEqual([
      { domain: 'g3', from: [0], to: 1, memory_mib: 400 },
      { domain: 'g2', from: [0], to: 2, memory_mib: 300 },
    ]);
  });

  it('counts guests of one kind once: eight alike are one guest moved up to three times', () => {
    // Sets of (kind, target) moves: 2 + 3 (two moves) + 4 (three) = 9 before the search's bounds;
    // now three moves of 100 MiB provably cannot even out 800 MiB, so the search tries none.
    const guests = Array.from({ length: 8 }, (_, i) => booked(`g${i}`, 0, 100));
    const r = rebalancePlan(flat(3, 10_000), guests, { threshold: 0, maxMoves: 3 });
    expect(r.work.searchTrials).toBe(0);
  });

  it('moves each of several guests alike once, and searches a set of (kind, target) moves once', () => {
    // Four guests of 100 MiB on node 0 of four nodes of 1,000 MiB: three moves even them out, and
    // the bounds cannot rule that out, so the search runs over guests of one kind (the test above
    // no longer does). It moves the first unmoved guest of a kind only: without that it moved g0
    // three times (g0>1, g0>2, g0>3); keyed by guest rather than by kind it tried 15 sets, not 12.
    const guests = Array.from({ length: 4 }, (_, i) => booked(`g${i}`, 0, 100));
    const r = rebalancePlan(flat(4, 1000), guests, { threshold: 0, maxMoves: 3 });
    expect(r.work.cut).toBe(false);
    expect(r.work.searchTrials).toBe(12);
    expect(r.moves).toEqual([
      { domain: 'g0', from: [0], to: 1, memory_mib: 100 },
      { domain: 'g1', from: [0], to: 2, memory_mib: 100 },
      { domain: 'g2', from: [0], to: 3, memory_mib: 100 },
    ]);
    expect(r.after).toBe(0);
  });
});

describe('xmcfg rebalance: a spent budget on the command line', () => {
  it('prints the moves found and warns with XM0419 on stderr, exit 0, with a generated host and ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-rebalance-budget-'));
    try {
      // 30 guests of different sizes on node 0 of four (70 % against 0 %): eight moves reach 50
      // points in many ways of near-equal memory, more lists than the budget (with --threshold 10
      // and five moves the search's bounds now prove at once that no list reaches it).
      const nodes = [0, 1, 2, 3].map((id) => ({ id, cpus: [id], memory_mib: 65536, free_mib: 65536 }));
      const host = join(dir, 'host.json');
      writeFileSync(host, JSON.stringify({ nodes }));
      const ledger = join(dir, 'l.db');
      const opened = Ledger.open(ledger, { create: true });
      for (let i = 0; i < 30; i++) opened.ledger!.reserve(cfg({ name: `g${i}`, memory: 1000 + 37 * i, vcpus: 1 }), freeOnly({ nodes }, 0) as Host);
      opened.ledger!.close();
      const io = captureIo(dir);
      expect(await runRebalance({ host, ledger, threshold: 50, 'max-moves': 8, format: 'json' }, io)).toBe(0);
      expect(io.err).toMatch(/^xmcfg rebalance: warning XM0419: /);
      const out = JSON.parse(io.out) as { version: number; spread_before: number; spread_after: number; moves: unknown[] };
      expect(out.version).toBe(1);
      expect(out.moves.length).toBe(8);
      expect(out.spread_after).toBeLessThan(out.spread_before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
