/**
 * @fileoverview The sizes of nested lists (evaluate-limits.ts) are cached per evaluation, in a Map
 * that goes with it, not in one WeakMap of the process with an entry per nested list ever built:
 * `convert --to json` of 13,000 statements nested 90 deep spent 18.6 s of CPU there, 11 times what
 * 3,000 did. Counted by WeakMap insertions, not timed; and the cache still measures shared lists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../../src/syntax/index.js';
import { sizeOf } from '../../src/syntax/evaluate-limits.js';
import type { Value } from '../../src/syntax/value.js';

/** `n` statements each assigning a list nested `depth` deep. */
const nested = (n: number, depth = 60) => `x = ${'['.repeat(depth)}1${']'.repeat(depth)}\n`.repeat(n);

afterEach(() => vi.restoreAllMocks());

describe('list sizes cached per evaluation', () => {
  it.each(['xl', 'xm'] as const)('%s: WeakMap insertions do not grow with the nested lists evaluated', (dialect) => {
    const set = vi.spyOn(WeakMap.prototype, 'set');
    parse(nested(20), { dialect });
    const few = set.mock.calls.length;
    set.mockClear();
    const r = parse(nested(200), { dialect });
    // 180 statements more, 59 nested lists each: one insertion per list before.
    expect(set.mock.calls.length).toBeLessThanOrEqual(few + 10);
    expect(r.settings.length).toBe(200);
  });

  it('a list shared by name is measured with its repeats (2**16 items fit, 2**17 do not: XM0057)', () => {
    const doubling = (k: number) => 'a = [1]\n' + 'a = [a, a]\n'.repeat(k);
    expect(parse(doubling(15), { dialect: 'xm' }).diagnostics.map((d) => d.code)).not.toContain('XM0057');
    const over = parse(doubling(17), { dialect: 'xm' }).diagnostics.filter((d) => d.code === 'XM0057');
    expect(over.length).toBe(1);
  });

  it('outside an evaluation sizeOf measures a shared list correctly', () => {
    const span = { start: 0, end: 0 };
    let v: Value = { kind: 'string', value: 'ab', span };
    for (let i = 0; i < 20; i++) v = { kind: 'list', items: [v, v], tuple: false, span };
    expect(sizeOf(v)).toEqual({ chars: 2 * 2 ** 20, items: 2 ** 21 - 2, depth: 20 });
  });
});
