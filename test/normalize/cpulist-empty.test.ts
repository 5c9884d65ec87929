/**
 * parseCpuList's `empty` (xl: the list selects no CPU on any host) is what applying the items in
 * order gives, and a long list with removals is read in one pass (it was quadratic: 40,000 items of
 * "0,^0" took 10 s in `check`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCpuList } from '../../src/normalize/cpulist.js';

/** The CPUs a list of plain CPU items selects, applying each item in order on a small host. */
function selected(items: ReadonlyArray<{ negate: boolean; from: number; to: number }>): Set<number> {
  const set = new Set<number>();
  for (const it of items) for (let c = it.from; c <= it.to; c++) it.negate ? set.delete(c) : set.add(c);
  return set;
}

describe('parseCpuList: a list that selects no CPU', () => {
  it('is empty exactly when applying its items in order leaves no CPU', () => {
    const item = fc.record({ negate: fc.boolean(), from: fc.integer({ min: 0, max: 12 }), len: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      // Up to 24 items: short lists (up to 16) are compared item by item, longer ones by the union-find.
      fc.property(fc.array(item, { maxLength: 24 }), (raw) => {
        const text = raw.map((r) => `${r.negate ? '^' : ''}${r.from}${r.len > 0 ? `-${r.from + r.len}` : ''}`).join(',');
        const p = parseCpuList(text, { xl: true });
        expect(p.errors).toEqual([]);
        expect(p.empty, text).toBe(selected(p.list.items).size === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads 100,000 items that add and remove the same CPUs', () => {
    const cleared = parseCpuList('0-3,^0-3,'.repeat(50_000).slice(0, -1), { xl: true });
    expect([cleared.list.items.length, cleared.empty]).toEqual([100_000, true]);
    const kept = parseCpuList('0-3,^0-3,'.repeat(50_000) + '2', { xl: true });
    expect([kept.list.items.length, kept.empty]).toEqual([100_001, false]);
  });
});
