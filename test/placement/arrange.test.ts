import { describe, expect, it } from 'vitest';
import { arrange, expectedDistance } from '../../src/placement/arrange.js';
import type { Capacity } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { isRefusal, type Demand } from '../../src/placement/demand.js';

const GiB = 1024;

/**
 * Two sockets of three nodes: 12 inside a socket, 30 across. Free GiB per position is given; the
 * harness-like 64-node case in miniature (a set that must reach across sockets).
 */
function host(freeGiB: number[]): Capacity {
  const n = freeGiB.length;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = a === b ? 10 : Math.floor(a / 3) === Math.floor(b / 3) ? 12 : 30;
  return { ids: freeGiB.map((_, i) => i), cpus: new Array(n).fill(8), free: freeGiB.map((g) => g * GiB), load: new Array(n).fill(0), dist };
}

type Row = [name: string, free: number[], set: number[], memGiB: number, vcpus: number, slots: number[], memGiBOut: number[], proportional: boolean];

// slots: positions in node-list order; memGiBOut: memory per slot.
const TABLE: Row[] = [
  // 1 vCPU: the vCPU goes to the node nearest the set's memory (not the freest, which is across
  // the sockets), the rest fills its socket partner before the far node
  ['one vCPU, central node', [21, 20, 0, 25, 0, 0], [3, 0, 1], 64, 1, [0, 1, 3], [21, 20, 23], false],
  // equally near vCPU-less nodes share what does not fit evenly
  ['even spill inside a tier', [8, 6, 6, 0, 0, 0], [0, 1, 2], 16, 1, [0, 1, 2], [8, 4, 4], false],
  // everything fits in proportion to the vCPUs: nothing spills
  ['proportional', [20, 20, 20, 0, 0, 0], [2, 0, 1], 24, 3, [0, 1, 2], [8, 8, 8], true],
  // 4 vCPUs on 3 nodes: position 0 gets 2 of them, so a most central node takes it; what it
  // cannot hold goes to its socket partner, not across
  ['busiest position to the centre', [10, 10, 0, 10, 0, 0], [3, 1, 0], 24, 4, [0, 1, 3], [10, 8, 6], false],
];

describe('arrange: positions and memory of an automatic multi-node guest', () => {
  it.each(TABLE)('%s', (_name, free, set, memGiB, vcpus, slots, memOut, proportional) => {
    const a = arrange(set, memGiB * GiB, vcpus, host(free));
    expect(a).not.toBeNull();
    expect(a!.slots).toEqual(slots);
    expect(a!.mem).toEqual(memOut.map((g) => g * GiB));
    expect(a!.proportional).toBe(proportional);
  });

  it('returns null when the set lacks the memory', () => {
    expect(arrange([0, 1], 40 * GiB, 2, host([10, 10, 10, 0, 0, 0]))).toBeNull();
  });

  it('beats listing the freest node first on expected distance', () => {
    const cap = host([21, 20, 0, 25, 0, 0]);
    const a = arrange([3, 0, 1], 64 * GiB, 1, cap)!;
    // freest-first (the previous order) with the same memory rule: vCPU on node 3, 25 local, 39 at 30
    const freestFirst = { slots: [3, 0, 1], mem: [25 * GiB, 20 * GiB, 19 * GiB], proportional: false };
    expect(expectedDistance(a, 1, cap)).toBeLessThan(expectedDistance(freestFirst, 1, cap));
    expect(expectedDistance(a, 1, cap)).toBeCloseTo((21 * 10 + 20 * 12 + 23 * 30) / 64, 6);
  });

  it('is used by the best policy for automatic guests that need three or more nodes', () => {
    const d: Demand = { memMiB: 64 * GiB, vcpus: 1, kind: 'auto', count: 0, list: [] };
    const r = choose(d, host([21, 20, 0, 25, 0, 0]), 'best');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.slots[0]).toBe(0);
    expect(r.arranged).toBe(true);
    expect(r.mem.reduce((x, y) => x + y, 0)).toBe(64 * GiB);
  });
});
