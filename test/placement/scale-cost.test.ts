/**
 * Placement work on big hosts grows with the host, not with the host times each guest's CPU lists
 * (issue #4). Asserted by counting, not by timing: how often a stored CPU list is resolved while
 * rebalance judges which guests named their nodes (namedNodes) and which nodes keep a guest's
 * cpus_soft must not depend on the host's node count. Before, each stored list was resolved again
 * for every node: rebalance on 64 nodes with 256 reservations, a quarter with cpus, took 2.2 s.
 * The pair and neighbour lists ordered by distance are built by counting sort (SLIT distances are
 * bytes) in the order the key sort gave, and the repeated-key scan of host JSON decodes no key
 * without escapes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capacityOf, neighbours, pairsByDistance, type Capacity } from '../../src/placement/capacity.js';
import { repeatedJsonKeys } from '../../src/placement/json-keys.js';
import { plan } from '../../src/placement/plan.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import { storedRequest } from '../../src/placement/move-rules.js';
import type { CpuList } from '../../src/normalize/cpulist.js';
import type { Host, Plan } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** A host of `n` nodes with sparse ids (3i+1), 4 CPUs each, a full SLIT matrix, node i's memory i % 4 GiB used. */
function bigHost(n: number): Host {
  const ids = Array.from({ length: n }, (_, i) => 3 * i + 1);
  return {
    nodes: ids.map((id, i) => ({
      id,
      cpus: [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3],
      memory_mib: 65536,
      free_mib: 65536 - (i % 4) * 4096,
      distances: Object.fromEntries(ids.map((j) => [String(j), j === id ? 10 : 20])),
    })),
  };
}

/** `text` as a parsed CPU list that counts in `reads` each walk over its items (each time it is resolved). */
function counted(text: string, reads: { n: number }): CpuList {
  const list = cpus(text)!;
  const items = [...list.items];
  const walk = Array.prototype[Symbol.iterator];
  Object.defineProperty(items, Symbol.iterator, {
    value(this: typeof items) {
      reads.n++;
      return walk.call(this);
    },
  });
  return { text: list.text, items };
}

/**
 * Six guests booked on `host`, each with stored cpus (0-7: nodes 0 and 1 only, so named by cpus) or
 * a stored cpus_soft (one list, or one per vCPU), every list counting its reads in `reads`.
 */
function bookings(host: Host, reads: { n: number }): Plan[] {
  return Array.from({ length: 6 }, (_, i) => {
    const c = cfg({ name: `g${i}`, memory: 1024, vcpus: 2, cpus: cpus('0-7') });
    const p = plan(c, host).plan!;
    const request = storedRequest(c);
    if (i % 3 === 0) return { ...p, config_request: { ...request, cpus: counted('0-7', reads) } };
    const soft = i % 3 === 1 ? counted('0-11', reads) : [counted('0-3', reads), counted('4-11', reads)];
    return { ...p, config_request: { ...request, cpus: undefined }, config_cpus_soft: soft };
  });
}

describe('placement cost on big hosts', () => {
  it('rebalance resolves each stored CPU list as often on 256 nodes as on 8', () => {
    const readsAt = (n: number): number => {
      const host = bigHost(n);
      const reads = { n: 0 };
      const plans = bookings(host, reads);
      reads.n = 0;
      const r = rebalancePlan(host, plans, { threshold: 10, maxMoves: 2 });
      // The guests with stored cpus stay, named by them; the others are judged, not dropped.
      expect(r.kept.map((k) => [k.domain, k.by])).toEqual([
        ['g0', 'cpus'],
        ['g3', 'cpus'],
      ]);
      return reads.n;
    };
    const small = readsAt(8);
    expect(small).toBeGreaterThan(0);
    expect(readsAt(256)).toBe(small);
  });
});

/** A capacity view over a random `n`-node distance matrix (asymmetric; `int`: whole numbers 10-255, else fractions). */
function randomView(n: number, seed: number, int: boolean): Capacity {
  let a = seed;
  const next = (): number => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = i === j ? 10 : int ? 11 + Math.floor(next() * 6) * (next() < 0.1 ? 40 : 1) : 11 + next() * 5;
  return { ...capacityOf(bigHost(n)), dist };
}

/** The orders by key sort, as they were built before counting sort: pairs by (two-way distance, lo, hi), neighbours by (distance, position). */
function sortedPairs(cap: Capacity): number[][] {
  const n = cap.ids.length;
  const out: number[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b, cap.dist[a * n + b]! + cap.dist[b * n + a]!]);
  return out.sort((x, y) => x[2]! - y[2]! || x[0]! - y[0]! || x[1]! - y[1]!);
}

describe('plans of many vCPUs', () => {
  it('resolve the config\'s cpus and cpus_soft as often for 512 vCPUs as for 4', () => {
    const host = bigHost(64);
    const readsAt = (vcpus: number, affinity: 'hard' | 'soft'): number => {
      const reads = { n: 0 };
      const c = cfg({ name: 'g', memory: 4096, vcpus, maxvcpus: vcpus, numa: { mode: 'auto', node_count: 4 }, cpus: counted('0-255', reads), cpus_soft: counted('0-127', reads) });
      const r = plan(c, host, { affinity });
      expect(r.plan?.vcpus.length).toBe(vcpus);
      return reads.n;
    };
    for (const affinity of ['hard', 'soft'] as const) expect(readsAt(512, affinity)).toBe(readsAt(4, affinity));
  });

  it('place a per-vCPU cpus list without looking at every node for every vCPU', () => {
    const host = bigHost(64);
    const somesAt = (vcpus: number): number => {
      const entry = cpus('0-255');
      const c = cfg({ name: 'g', memory: 4096, vcpus, maxvcpus: vcpus, numa: { mode: 'auto', node_count: 4 }, cpus: Array.from({ length: vcpus }, () => entry) });
      const some = vi.spyOn(Array.prototype, 'some');
      try {
        expect(plan(c, host).plan?.vcpus.length).toBe(vcpus);
        return some.mock.calls.length;
      } finally {
        some.mockRestore();
      }
    };
    // Each further vCPU may cost a few scans, not one per node of the host (64 here).
    expect((somesAt(512) - somesAt(4)) / 508).toBeLessThan(16);
  });
});

describe('rebalance with many guests', () => {
  afterEach(() => vi.restoreAllMocks());

  it("judges each guest's stored cpus against the host's CPUs (and their nodes) gathered once, not once per guest", () => {
    const host = bigHost(256);
    // Set insertions while rebalance runs, with `guests` bookings whose stored cpus name 8 CPUs.
    const addsWith = (guests: number): number => {
      const plans = Array.from({ length: guests }, (_, i) => {
        const c = cfg({ name: `g${i}`, memory: 1024, vcpus: 2, cpus: cpus('0-7') });
        return { ...plan(c, host).plan!, config_request: storedRequest(c) };
      });
      const add = vi.spyOn(Set.prototype, 'add');
      const set = vi.spyOn(Map.prototype, 'set');
      rebalancePlan(host, plans, { threshold: 10, maxMoves: 1 });
      const n = add.mock.calls.length + set.mock.calls.length;
      add.mockRestore();
      set.mockRestore();
      return n;
    };
    // Each guest more costs about its own list, not the host's 1024 CPUs (it was over 2,000).
    expect((addsWith(12) - addsWith(2)) / 10).toBeLessThan(256);
  });
});

describe('rebalance on many nodes', () => {
  afterEach(() => vi.restoreAllMocks());

  it("works out each trial move's spread from the nodes it changes, not from every node again", () => {
    // Memory use per node looked at (each reads its free memory through one Math.max) while
    // rebalance runs, with two guests on a host whose use spreads 18.75 points (threshold 10).
    const looksAt = (n: number): number => {
      const host = bigHost(n);
      const plans = ['a', 'b'].map((name) => plan(cfg({ name, memory: 8192, vcpus: 1, numa: { mode: 'auto', node_count: 1 } }), host).plan!);
      const max = vi.spyOn(Math, 'max');
      const r = rebalancePlan(host, plans, { threshold: 10, maxMoves: 2 });
      const calls = max.mock.calls.length;
      max.mockRestore();
      expect(r.work.seedTrials + r.work.searchTrials).toBeGreaterThan(n);
      return calls;
    };
    // Four times the nodes: about four times the trials, each as cheap (it was sixteen times: n²).
    expect(looksAt(256) / looksAt(64)).toBeLessThan(6);
  });
});

describe('lists ordered by distance', () => {
  afterEach(() => vi.restoreAllMocks());

  it('pairs and neighbours come in the key sort\'s order, by counting sort for whole distances, without sorting', () => {
    for (const [seed, int] of [[1, true], [2, true], [3, false]] as const) {
      const cap = randomView(23, seed, int);
      const sorts = vi.spyOn(Object.getPrototypeOf(Int8Array.prototype) as Int8Array, 'sort');
      const pairs = pairsByDistance(cap);
      const near = neighbours(cap);
      // Whole distances (what a host allows) are bucketed: no typed array sorted.
      expect(sorts.mock.calls.length === 0).toBe(int);
      sorts.mockRestore();
      expect([...pairs.lo].map((lo, t) => [lo, pairs.hi[t], pairs.dist[t]])).toEqual(sortedPairs(cap));
      const n = cap.ids.length;
      for (let a = 0; a < n; a++) {
        const want = [...Array(n).keys()].filter((b) => b !== a).sort((x, y) => cap.dist[a * n + x]! - cap.dist[a * n + y]! || x - y);
        expect([...near[a]!]).toEqual(want);
      }
    }
  });
});

describe('repeated keys in host JSON', () => {
  afterEach(() => vi.restoreAllMocks());

  it('decodes only keys written with escapes, and still finds the repeats at their lines and columns', () => {
    const text = JSON.stringify(bigHost(32)).replace('"free_mib"', '"free\\u005fmib":1,\n "free_mib"');
    const parse = vi.spyOn(JSON, 'parse');
    const found = repeatedJsonKeys(text);
    expect(parse.mock.calls.length).toBe(1);
    expect(found.map((r) => [r.key, r.where, r.line, r.firstLine, r.column - text.split('\n')[1]!.indexOf('"free_mib"') - 1])).toEqual([['free_mib', 'nodes[0]', 2, 1, 0]]);
  });
});
