import { describe, expect, it } from 'vitest';
import type { Capacity } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { isRefusal, type Demand } from '../../src/placement/demand.js';

const GiB = 1024;

/**
 * Seven nodes: A, B, C (positions 0-2) pairwise 20 apart, each with a small partner a, b, c
 * (positions 3-5) at distance 12; Z (position 6) is 30 from everyone and the freest node.
 */
function host(): Capacity {
  const free = [11, 11, 10, 4, 4, 4, 20].map((g) => g * GiB);
  const n = free.length;
  const dist = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (x === y) dist[x * n + y] = 10;
      else if (x === 6 || y === 6) dist[x * n + y] = 30;
      else if (Math.abs(x - y) === 3) dist[x * n + y] = 12;
      else dist[x * n + y] = 20;
    }
  }
  return { ids: [0, 1, 2, 3, 4, 5, 6], cpus: new Array(n).fill(4), free, load: new Array(n).fill(0), dist };
}

function demand(memGiB: number): Demand {
  return { memMiB: memGiB * GiB, vcpus: 3, kind: 'auto', count: 0, list: [] };
}

describe('best grows multi-node sets inside the nearest ball that holds the guest', () => {
  it('takes three nodes 20 apart rather than a near partner plus the far freest node', () => {
    // 32 GiB: the two freest nodes hold 31, so three nodes are needed. Growing nearest-first
    // against the whole host's free memory takes the 12-away partner (4 GiB), then must reach
    // for Z at 30; the ball of radius 20 around A, B or C holds 32 GiB in A + B + C.
    const r = choose(demand(32), host(), 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect([...r.slots].sort()).toEqual([0, 1, 2]);
    expect(r.mem.reduce((a, b) => a + b, 0)).toBe(32 * GiB);
  });

  it('still uses the far node when no near ball holds the guest', () => {
    // 33 GiB: A + B + C hold only 32, so the set must include Z (the fewest nodes stay 3).
    const r = choose(demand(33), host(), 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.slots).toHaveLength(3);
    expect(r.slots).toContain(6);
  });

  it('is deterministic', () => {
    const a = choose(demand(32), host(), 'best');
    const b = choose(demand(32), host(), 'best');
    expect(a).toEqual(b);
  });
});
