import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpuOrder, freeOrder, type Capacity } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { byFreeDesc, isRefusal, type Demand } from '../../src/placement/demand.js';

/** A ring of n nodes (distance 10 + 4 per hop) with the given free MiB and CPU counts. */
function ring(free: number[], cpus: number[]): Capacity {
  const n = free.length;
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dist[a * n + b] = 10 + 4 * Math.min((a - b + n) % n, (b - a + n) % n);
  return { ids: free.map((_, i) => i * 2), cpus: [...cpus], free: [...free], load: new Array(n).fill(0), dist };
}

const freeArb = fc.array(fc.integer({ min: 0, max: 65536 }), { minLength: 1, maxLength: 40 });

describe('capacity orders', () => {
  it('freeOrder matches a full sort after any sequence of changes on one view', () => {
    fc.assert(
      fc.property(freeArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 65536 })), { maxLength: 30 }), (free, changes) => {
        const cap = ring(free, free.map(() => 4));
        expect([...freeOrder(cap)]).toEqual(byFreeDesc(cap));
        for (const [at, value] of changes) {
          cap.free[at % free.length] = value;
          expect([...freeOrder(cap)]).toEqual(byFreeDesc(cap));
        }
      }),
      { seed: 20070101, numRuns: 200 },
    );
  });

  it('cpuOrder lists the most CPUs first, ties by position', () => {
    const cap = ring([1, 1, 1, 1, 1], [4, 8, 4, 8, 2]);
    expect([...cpuOrder(cap)]).toEqual([1, 3, 0, 2, 4]);
  });
});

describe('a capacity view reused across placements (the benchmark adapter refills it in place)', () => {
  it('chooses exactly what a fresh view of the same state chooses', () => {
    const demandArb = fc.record({
      memMiB: fc.integer({ min: 1, max: 120000 }),
      vcpus: fc.integer({ min: 1, max: 16 }),
      kind: fc.constantFrom('auto', 'count'),
      count: fc.integer({ min: 1, max: 4 }),
      salt: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65536 }), { minLength: 2, maxLength: 24 }), fc.array(demandArb, { minLength: 1, maxLength: 25 }), (free, demands) => {
        const reused = ring(free, free.map((_, i) => (i % 3 === 0 ? 8 : 4)));
        for (const x of demands) {
          const d: Demand = { memMiB: x.memMiB, vcpus: x.vcpus, kind: x.kind, count: x.kind === 'count' ? x.count : 0, list: [], salt: x.salt };
          const fresh = ring(reused.free, reused.cpus);
          const a = choose(d, reused, 'best');
          const b = choose(d, fresh, 'best');
          expect(a).toEqual(b);
          if (isRefusal(a)) continue;
          a.slots.forEach((p, i) => (reused.free[p] = reused.free[p]! - a.mem[i]!));
        }
      }),
      { seed: 20070101, numRuns: 150 },
    );
  });
});
