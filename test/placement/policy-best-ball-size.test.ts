import { describe, expect, it } from 'vitest';
import type { Capacity } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { isRefusal, type Demand } from '../../src/placement/demand.js';

/**
 * Six nodes in three pairs (0-1, 2-3, 4-5) 12 apart, every other distance 20; the even nodes are
 * the freest. A seed's nearest ball that holds a small guest is its pair: two nodes, too few for a
 * three-node set, so the ball has to widen until it has room for the set.
 */
function pairs(): Capacity {
  const free = [9000, 8000, 9000, 8000, 9000, 8000];
  const n = free.length;
  const dist = new Float64Array(n * n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) dist[x * n + y] = x === y ? 10 : x >> 1 === y >> 1 ? 12 : 20;
  return { ids: [0, 1, 2, 3, 4, 5], cpus: new Array(n).fill(4), free, load: new Array(n).fill(0), dist };
}

function count(k: number, memMiB = 1024): Demand {
  return { memMiB, vcpus: 4, kind: 'count', count: k, list: [] };
}

describe('best: a seed ball has room for every node of a counted set', () => {
  it('grows a three-node set around a pair instead of falling back to the freest nodes', () => {
    // The freest three (0, 2, 4) are all 20 apart; a pair plus one node is nearer (mean 17.3).
    const r = choose(count(3), pairs(), 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.rule).toBe('nearest-set');
    const s = [...r.slots].sort((a, b) => a - b);
    expect(s.filter((p) => s.includes(p ^ 1))).toHaveLength(2);
  });

  it('takes every node of the host by the distance search when the config asks for all of them', () => {
    const r = choose(count(6), pairs(), 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.rule).toBe('nearest-set');
    expect([...r.slots].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does not count nodes without free memory as room in the ball', () => {
    // Node 1 is full: seed 0's pair-ball has one usable node; the set still comes from the search.
    const cap = pairs();
    cap.free[1] = 0;
    const r = choose(count(3), cap, 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.rule).toBe('nearest-set');
    expect(r.slots).not.toContain(1);
    const s = [...r.slots].sort((a, b) => a - b);
    expect(s.filter((p) => s.includes(p ^ 1))).toHaveLength(2);
  });
});
