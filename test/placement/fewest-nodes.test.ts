/**
 * SPEC §3/§5: a guest without NUMA keys goes on the fewest nodes that hold its memory and have a CPU
 * for each vCPU (xl's automatic placement), in every policy that chooses a node count for it.
 * `most-free` took the freest nodes until memory and CPUs sufficed, so a 2-CPU node with the most
 * memory pulled in every node of a host where one 8-CPU node held the guest alone; `best`'s last
 * fallback grew its set from the freest node, so when that node had no CPUs and the CPUs were on a
 * full node it took one node more than needed (decision 104). Round-robin keeps its ring of nodes
 * with CPUs and memory and its window of consecutive nodes (decisions 053, 074), and is not held to
 * this here.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PolicyName } from '../../src/placement/types.js';
import { cfg } from './helpers.js';

/** Nodes of [free MiB, CPU count] (64 GiB installed each), all 20 apart. */
function host(nodes: Array<[number, number]>): Host {
  let cpu = 0;
  return {
    nodes: nodes.map(([free, count], i) => ({
      id: i,
      cpus: Array.from({ length: count }, () => cpu++),
      memory_mib: 65536,
      free_mib: free,
      distances: Object.fromEntries(nodes.map((_, j) => [String(j), i === j ? 10 : 20])),
    })),
  };
}

describe('the fewest nodes that hold the memory and the vCPUs', () => {
  const cases: Array<{ name: string; h: Host; memory: number; vcpus: number; policy: PolicyName; nodes: number[] }> = [
    // The freest node has 2 CPUs; node 1 holds 40 GiB and has 8 CPUs. most-free took nodes 0-2 (XM0406 on node 0).
    { name: 'most-free: one node with the CPUs, not the freest three', h: host([[102400, 2], [51200, 8], [61440, 2]]), memory: 40960, vcpus: 8, policy: 'most-free', nodes: [1] },
    // Two nodes suffice (node 0 + node 2: 130 GiB, 8 CPUs); the freest-first walk took 0, 1 and 2.
    { name: 'most-free: two nodes, the freest first, not three', h: host([[102400, 2], [92160, 2], [30720, 6], [30720, 6]]), memory: 51200, vcpus: 8, policy: 'most-free', nodes: [0, 2] },
    { name: 'most-free: the freest node when it has the CPUs (unchanged)', h: host([[102400, 8], [51200, 8]]), memory: 40960, vcpus: 8, policy: 'most-free', nodes: [0] },
    // Node 4 holds the memory and has 4 CPUs, full node 2 has 2 more: best grew from CPU-less node 0, nodes 0,2,4.
    { name: 'best: the CPUs of a full node beside the one that holds the memory, not a third node', h: host([[32768, 0], [32768, 0], [0, 2], [4096, 0], [28672, 4], [24576, 0]]), memory: 5504, vcpus: 5, policy: 'best', nodes: [2, 4] },
    { name: 'best: the same with the memory node first in id order', h: host([[20480, 2], [0, 0], [28672, 0], [20480, 2], [20480, 0], [0, 4]]), memory: 2176, vcpus: 5, policy: 'best', nodes: [0, 5] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(cfg({ memory: c.memory, vcpus: c.vcpus }), c.h, { policy: c.policy });
      expect([...r.plan!.node_affinity.nodes]).toEqual(c.nodes);
      // One node with a CPU for each vCPU overcommits nothing (the freest three put 3 vCPUs on 2 CPUs);
      // over several nodes the RFC map may still give one more vCPUs than CPUs (XM0406, as before).
      if (c.nodes.length === 1) expect(r.diagnostics.filter((d) => d.code === 'XM0406')).toEqual([]);
    });
  }

  it('on random small hosts, best and most-free take the fewest nodes some set holds the guest with, and book no node past its free memory', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const misses: string[] = [];
    let judged = 0;
    for (let t = 0; t < 1500; t++) {
      const h = host(Array.from({ length: 2 + rnd(5) }, () => [rnd(9) * 4096, rnd(6)] as [number, number]));
      const total = h.nodes.reduce((a, n) => a + n.cpus.length, 0);
      const memory = 1024 + rnd(40000);
      const vcpus = 1 + rnd(12);
      // More vCPUs than CPUs is decision 053's least-overcommitted set, not a fewest-nodes question.
      if (total === 0 || vcpus > total) continue;
      let fewest = Infinity;
      for (let mask = 1; mask < 1 << h.nodes.length; mask++) {
        const set = h.nodes.filter((_, i) => (mask >> i) & 1);
        if (set.reduce((a, n) => a + n.free_mib, 0) >= memory && set.reduce((a, n) => a + n.cpus.length, 0) >= vcpus) fewest = Math.min(fewest, set.length);
      }
      if (fewest === Infinity) continue;
      judged++;
      for (const policy of ['best', 'most-free'] as const) {
        const p = plan(cfg({ memory, vcpus }), h, { policy }).plan!;
        if (p.node_affinity.nodes.length !== fewest) misses.push(`${policy} #${t}: ${p.node_affinity.nodes.length} nodes, ${fewest} would do`);
        for (const [id, mib] of Object.entries(p.memory_per_node_mib)) expect(mib).toBeLessThanOrEqual(h.nodes[Number(id)]!.free_mib);
      }
    }
    expect(judged).toBeGreaterThan(900);
    expect(misses).toEqual([]);
  });
});
