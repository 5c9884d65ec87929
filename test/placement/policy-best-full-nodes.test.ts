/**
 * `best`'s last fallback for `numanodes = k` takes the k freest nodes even when fewer than k nodes
 * have free memory (refusing would strand guests that fit: SPEC §5 "never refuse a guest that
 * fits"). What a user then gets (decision 083): the full nodes carry vCPUs and 0 MiB, the memory is
 * on the nodes that have it, no node is booked past its free memory, and the fallback is taken only
 * when no k-node set of nodes that all have memory exists.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';
import { cfg } from './helpers.js';
import { mulberry32 as rng } from '../../scripts/seeded-random.mjs';

/** A host of `free.length` nodes, ids 0.., 4 CPUs and 16 GiB each, free memory as given, SLIT distances (node i to j: 10 + 2|i-j|). */
function hostOf(free: readonly number[]): Host {
  return {
    nodes: free.map((f, i) => ({
      id: i,
      cpus: [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3],
      memory_mib: 16384,
      free_mib: f,
      distances: Object.fromEntries(free.map((_, j) => [String(j), i === j ? 10 : 10 + 2 * Math.abs(i - j)])),
    })),
  };
}

const count = (k: number, over: Partial<PlacementConfig> = {}): PlacementConfig => cfg({ name: 'g', memory: 4096, vcpus: 4, numa: { mode: 'auto', node_count: k }, ...over });

/** A random small host's free memory: 2-6 nodes, about half of them full (so the fallback is exercised). */
function randomFree(next: () => number): number[] {
  const n = 2 + Math.floor(next() * 5);
  return Array.from({ length: n }, () => (next() < 0.5 ? 0 : Math.floor(next() * 6) * 1024));
}

describe('best: numanodes = k when fewer than k nodes have free memory', () => {
  it('places the guest on the freest node plus a full one: vCPUs on both, the memory where it fits, XM0412', () => {
    const r = plan(count(2), hostOf([0, 8192, 0, 0]));
    expect(r.plan?.nodes).toEqual([0, 1]);
    expect(r.plan?.memory_per_node_mib).toEqual({ '0': 0, '1': 4096 });
    expect(r.plan?.vcpus.map((v) => v.node)).toEqual([0, 0, 1, 1]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0412', 'info']]);
  });

  it('an HVM guest gets no vnuma lines (a vnode needs memory), and the reasons say why', () => {
    const r = plan(count(2, { type: 'hvm' }), hostOf([0, 8192, 0, 0]));
    expect(r.plan?.xl.vnuma).toBeNull();
    expect(r.plan?.reasons).toContain('no vnuma: some node gets no memory, and every virtual node needs some');
  });

  it('on random hosts, never books a node past its free memory, and takes a full node only when no k nodes with memory hold the guest', () => {
    const next = rng(4);
    let fallbacks = 0;
    for (let trial = 0; trial < 400; trial++) {
      const free = randomFree(next);
      const n = free.length;
      const k = 2 + Math.floor(next() * (n - 1));
      const memory = 1024 * (1 + Math.floor(next() * 8));
      const vcpus = 1 + Math.floor(next() * 8);
      const r = plan(count(k, { memory, vcpus }), hostOf(free));
      const withMemory = free.filter((f) => f > 0).length;
      const total = free.reduce((a, f) => a + f, 0);
      if (!r.plan) {
        // Refused only when the k freest nodes together lack the memory (XM0404).
        const topK = [...free].sort((a, b) => b - a).slice(0, k).reduce((a, f) => a + f, 0);
        expect([r.diagnostics.at(-1)?.code, topK < memory || k > n || total < memory]).toEqual(['XM0404', true]);
        continue;
      }
      const mem = r.plan.memory_per_node_mib;
      expect(r.plan.nodes.length).toBe(k);
      expect(Object.values(mem).reduce((a, m) => a + m, 0)).toBe(memory);
      for (const id of r.plan.nodes) expect(mem[String(id)]!).toBeLessThanOrEqual(free[id]!);
      const empty = r.plan.nodes.filter((id) => mem[String(id)] === 0 && free[id] === 0);
      if (empty.length > 0) {
        fallbacks++;
        // A full node is taken only when fewer than k nodes have memory at all.
        expect(withMemory).toBeLessThan(k);
      }
    }
    expect(fallbacks).toBeGreaterThan(20);
  });

  it('automatic guests on the same random hosts are never booked past a node\'s free memory either', () => {
    const next = rng(9);
    let placed = 0;
    for (let trial = 0; trial < 400; trial++) {
      const free = randomFree(next);
      const memory = 1024 * (1 + Math.floor(next() * 12));
      const r = plan(cfg({ name: 'g', memory, vcpus: 1 + Math.floor(next() * 12) }), hostOf(free));
      if (!r.plan) continue;
      placed++;
      const mem = r.plan.memory_per_node_mib;
      expect(Object.values(mem).reduce((a, m) => a + m, 0)).toBe(memory);
      for (const id of r.plan.nodes) expect(mem[String(id)]!).toBeLessThanOrEqual(free[id]!);
    }
    expect(placed).toBeGreaterThan(100);
  });
});
