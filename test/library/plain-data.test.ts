/**
 * The copy the library makes of a caller's object before a stage reads it (src/library/plain-data.ts,
 * decision 066): the bounds that keep a shared or deep value from running the process out of time,
 * memory or stack, and JSON's own oddities kept as data.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ITEMS, MAX_PROBLEMS, MAX_VALUES, plainData } from '../../src/library/plain-data.js';
import { readHost } from '../../src/index.js';

describe('plainData', () => {
  it('copies arrays, plain objects and primitives; keeps bytes and functions whole; reads only `keys` of the root', () => {
    const bytes = new Uint8Array([1]);
    const fn = (): number => 1;
    const r = plainData({ a: [1, 'x', null, { b: true }], bytes, fn, skip: 1 }, ['a', 'bytes', 'fn', 'missing']);
    expect(r).toEqual({ value: { a: [1, 'x', null, { b: true }], bytes, fn }, problems: [], more: 0 });
    expect((r.value as { bytes: unknown }).bytes).toBe(bytes);
  });

  it('a value shared by two places is no cycle; one holding itself is, at its path', () => {
    const shared = { id: 1 };
    expect(plainData({ x: shared, y: [shared] }).problems).toEqual([]);
    const loop: Record<string, unknown> = {};
    loop['self'] = { back: loop };
    expect(plainData({ top: loop }).problems).toEqual([{ path: 'top.self.back', why: expect.stringMatching(/cycle/u) }]);
  });

  it(`nesting of ${MAX_DEPTH} levels is copied, one more is a problem at the deepest path`, () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : [nest(n - 1)]);
    expect(plainData(nest(MAX_DEPTH)).problems).toEqual([]);
    const deeper = plainData(nest(MAX_DEPTH + 1));
    expect(deeper.problems).toHaveLength(1);
    expect(deeper.problems[0]!.path).toBe('[0]'.repeat(MAX_DEPTH));
  });

  it(`an array of ${MAX_ITEMS} items is copied, one more item is a problem; one huge array shared many times stops at ${MAX_VALUES} values`, () => {
    const full = new Array(MAX_ITEMS).fill(0);
    expect(plainData({ cpus: full }).problems).toEqual([]);
    expect(plainData({ cpus: [...full, 0] }).problems).toEqual([{ path: 'cpus', why: expect.stringMatching(/^has 1048577 items/u) }]);
    // Ten references to one array: each is copied (a DAG, not a cycle) until the budget is spent.
    const many = plainData({ nodes: Array.from({ length: 10 }, () => ({ cpus: full })) });
    expect(many.problems.length).toBeGreaterThan(0);
    expect(many.problems[0]!.why).toMatch(/more than 4194304 items and keys in all/u);
  });

  it(`lists ${MAX_PROBLEMS} problems and counts the rest`, () => {
    const bad = Array.from({ length: MAX_PROBLEMS + 5 }, () => {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    });
    const r = plainData(bad);
    expect([r.problems.length, r.more]).toEqual([MAX_PROBLEMS, 5]);
  });

  it('a "__proto__" key of parsed JSON stays data, so a host object says what its JSON text says', () => {
    const text = '{ "nodes": [ { "id": 0, "cpus": [0], "memory_mib": 1, "free_mib": 1, "__proto__": { "x": 1 } } ] }';
    const copy = plainData(JSON.parse(text)).value as { nodes: object[] };
    expect(Object.keys(copy.nodes[0]!)).toContain('__proto__');
    expect(Object.getPrototypeOf(copy.nodes[0])).toBe(Object.prototype);
    expect(readHost(JSON.parse(text) as object).diagnostics.map((d) => [d.code, d.message])).toEqual(readHost(text).diagnostics.map((d) => [d.code, d.message]));
  });
});
