import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitGeneral, splitMemory } from '../../src/placement/split.js';

type Row = [name: string, mem: number, counts: number[], free: number[], spareOnly: boolean, out: number[] | null, proportional: boolean];

const TABLE: Row[] = [
  ['even split fits', 4096, [1, 1], [8192, 8192], false, [2048, 2048], true],
  ['odd MiB: the remainder goes to the earlier slot', 4097, [2, 2], [8192, 8192], false, [2049, 2048], true],
  ['3 vCPUs: 2 to 1', 3000, [2, 1], [8192, 8192], false, [2000, 1000], true],
  ['one vCPU, listed nodes weigh the same', 4096, [1, 0], [8192, 8192], false, [2048, 2048], true],
  ['one vCPU, automatic: the vCPU node takes it all', 4096, [1, 0], [8192, 8192], true, [4096, 0], true],
  ['first slot short: it gives all it has', 8192, [1, 1], [1024, 8192], false, [1024, 7168], false],
  ['second slot short', 8192, [1, 1], [8192, 1024], false, [7168, 1024], false],
  ['automatic spill to the vCPU-less node', 8192, [1, 0], [5000, 8192], true, [5000, 3192], false],
  ['not enough in total', 8192, [1, 1], [4000, 4000], false, null, false],
];

describe('splitMemory over two slots', () => {
  it.each(TABLE)('%s', (_name, mem, counts, free, spareOnly, out, proportional) => {
    const r = splitMemory(mem, counts, free, spareOnly);
    if (out === null) {
      expect(r).toBeNull();
      return;
    }
    expect(r).toEqual({ mem: out, proportional });
  });

  it('matches the general capped fill on any input', () => {
    const slot = fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 70000 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70000 }), slot, slot, fc.boolean(), (mem, [c0, f0], [c1, f1], spareOnly) => {
        expect(splitMemory(mem, [c0, c1], [f0, f1], spareOnly)).toEqual(splitGeneral(mem, [c0, c1], [f0, f1], spareOnly));
      }),
      { seed: 20070101, numRuns: 3000 },
    );
  });
});
