/**
 * Decision 088 on random small hosts with random one-way distances (d[i][j] and d[j][i] drawn
 * apart): the compact fallback never refuses a `numanodes = k` guest the freest k nodes hold and
 * never books a node past its free memory; a guest whose `cpus` reach a node that cannot hold it
 * keeps the node count `best` takes without `cpus` (fewest nodes first) and, when placed by the
 * near-reach rule, sits nearer that node than that choice.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';
import { mulberry32 as rng } from '../../scripts/seeded-random.mjs';

/** 2-6 nodes of 4 CPUs, about half of them full, random distances 11-40 each way. */
function randomHost(next: () => number): Host {
  const n = 2 + Math.floor(next() * 5);
  const dist = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 10 : 11 + Math.floor(next() * 30))));
  return {
    nodes: Array.from({ length: n }, (_, i) => ({
      id: i,
      cpus: [0, 1, 2, 3].map((c) => 4 * i + c),
      memory_mib: 16384,
      free_mib: next() < 0.5 ? 0 : Math.floor(next() * 6) * 1024,
      distances: Object.fromEntries(dist[i]!.map((d, j) => [String(j), d])),
    })),
  };
}

/** Mean distance, both ways halved, from the nodes `ids` to node `to`. */
function meanTo(host: Host, ids: readonly number[], to: number): number {
  const d = (a: number, b: number) => (host.nodes[a]!.distances as Record<string, number>)[String(b)]!;
  return ids.reduce((s, id) => s + (d(id, to) + d(to, id)) / 2, 0) / ids.length;
}

describe('decision 088 on random hosts', () => {
  it('numanodes = k: refused only when the freest k lack the memory, never past a node\'s free memory', () => {
    const next = rng(88);
    let compact = 0;
    for (let trial = 0; trial < 400; trial++) {
      const host = randomHost(next);
      const free = host.nodes.map((x) => x.free_mib);
      const n = free.length;
      const k = 2 + Math.floor(next() * (n - 1));
      const memory = 1024 * (1 + Math.floor(next() * 8));
      const r = plan(cfg({ name: 'g', memory, vcpus: 1 + Math.floor(next() * 8), numa: { mode: 'auto', node_count: k } }), host);
      const topK = [...free].sort((a, b) => b - a).slice(0, k).reduce((a, f) => a + f, 0);
      if (!r.plan) {
        expect([r.diagnostics.at(-1)?.code, topK < memory || k > n]).toEqual(['XM0404', true]);
        continue;
      }
      if (r.plan.reasons[0]!.includes('so the set is grown from node')) compact++;
      const mem = r.plan.memory_per_node_mib;
      expect(r.plan.nodes.length).toBe(k);
      expect(Object.values(mem).reduce((a, m) => a + m, 0)).toBe(memory);
      for (const id of r.plan.nodes) expect(mem[String(id)]!).toBeLessThanOrEqual(free[id]!);
    }
    expect(compact).toBeGreaterThan(20);
  });

  it('cpus on a node that cannot hold the guest: as many nodes as without cpus, nearer that node when near-reach places it', () => {
    const next = rng(89);
    let near = 0;
    for (let trial = 0; trial < 400; trial++) {
      const host = randomHost(next);
      const n = host.nodes.length;
      const at = Math.floor(next() * n);
      const memory = 1024 * (1 + Math.floor(next() * 6));
      const base = { name: 'g', memory, vcpus: 1 + Math.floor(next() * 6) };
      const pinned = plan(cfg({ ...base, cpus: cpus(`${4 * at}-${4 * at + 3}`) }), host);
      const plain = plan(cfg(base), host);
      expect(Boolean(pinned.plan)).toBe(Boolean(plain.plan));
      if (!pinned.plan || !plain.plan) continue;
      const free = host.nodes.map((x) => x.free_mib);
      for (const id of pinned.plan.nodes) expect(pinned.plan.memory_per_node_mib[String(id)]!).toBeLessThanOrEqual(free[id]!);
      // The near-reach rule's line (the compact fallback also names decision 088).
      if (!pinned.plan.reasons[0]!.includes('the nodes the pinning reaches cannot hold')) continue;
      near++;
      expect(pinned.plan.nodes.length).toBe(plain.plan.nodes.length);
      expect(meanTo(host, pinned.plan.nodes, at)).toBeLessThan(meanTo(host, plain.plan.nodes, at));
    }
    expect(near).toBeGreaterThan(20);
  });
});
