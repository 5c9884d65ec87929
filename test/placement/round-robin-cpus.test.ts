/**
 * round-robin skips the windows whose CPUs the guest may use (decision 057's narrowed view) are
 * fewer than its vCPUs while another window has them, as `best` prefers a node with a CPU for each
 * vCPU and `most-free` grows until the CPUs suffice. It checked memory only: decision 057's own
 * example (`cpus = "0,8-15"`, 8 vCPUs, two nodes of 8 CPUs) from cursor 0 went to node 0 and pinned
 * all 8 vCPUs to CPU 0 (XM0406), where `best` takes node 1 (8 allowed CPUs) and says nothing
 * (decision 074). When no window that holds the memory has the CPUs, the one with the most is taken
 * (ties to the cursor's order), so a guest that fits is never refused.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** Nodes with the given CPU counts (consecutive CPU ids), `free` MiB free each, distance 10/20. */
function host(sizes: number[], free = 12000): Host {
  let next = 0;
  return {
    nodes: sizes.map((size, i) => ({
      id: i,
      cpus: Array.from({ length: size }, () => next++),
      memory_mib: 16384,
      free_mib: free,
      distances: Object.fromEntries(sizes.map((_, j) => [String(j), i === j ? 10 : 20])),
    })),
  };
}
const codes = (r: ReturnType<typeof plan>) => r.diagnostics.map((d) => d.code);

describe('round-robin windows have the CPUs the guest may use', () => {
  const cases: Array<{ name: string; h: Host; over: Partial<PlacementConfig>; cursor: number; nodes: number[]; next: number; codes: string[] }> = [
    { name: 'cpus "0,8-15", 8 vCPUs, cursor 0: node 1 (8 allowed CPUs), not node 0 (1)', h: host([8, 8]), over: { vcpus: 8, cpus: cpus('0,8-15') }, cursor: 0, nodes: [1], next: 0, codes: [] },
    { name: 'the same with numa = "on": node 1', h: host([8, 8]), over: { vcpus: 8, cpus: cpus('0,8-15'), numa: { mode: 'auto', node_count: 1 } }, cursor: 0, nodes: [1], next: 0, codes: [] },
    { name: 'a per-vCPU list reaching the same CPUs: node 1', h: host([8, 8]), over: { vcpus: 8, cpus: Array.from({ length: 8 }, () => cpus('0,8-15')) }, cursor: 0, nodes: [1], next: 0, codes: [] },
    { name: 'no cpus, a node of 2 CPUs and one of 8, 8 vCPUs from cursor 0: node 1', h: host([2, 8]), over: { vcpus: 8 }, cursor: 0, nodes: [1], next: 0, codes: [] },
    { name: 'numanodes = 2 on nodes of 1, 1, 8, 8 CPUs, 16 vCPUs, cursor 0: nodes 2,3', h: host([1, 1, 8, 8]), over: { vcpus: 16, numa: { mode: 'auto', node_count: 2 } }, cursor: 0, nodes: [2, 3], next: 0, codes: [] },
    { name: 'windows that have the CPUs are taken in turn: cursor 1 still gives node 1', h: host([8, 8]), over: { vcpus: 8, cpus: cpus('0,8-15') }, cursor: 1, nodes: [1], next: 0, codes: [] },
    // No window has a CPU for each vCPU: the one with the most (it took node 0, 10 vCPUs on CPU 0).
    { name: 'no window has the CPUs (10 vCPUs, 9 allowed, one node asked): node 1, the most CPUs', h: host([8, 8]), over: { vcpus: 10, cpus: cpus('0,8-15'), numa: { mode: 'auto', node_count: 1 } }, cursor: 0, nodes: [1], next: 0, codes: ['XM0406'] },
    { name: 'no window has the CPUs and they tie: the cursor decides', h: host([8, 8]), over: { vcpus: 10, numa: { mode: 'auto', node_count: 1 } }, cursor: 1, nodes: [1], next: 0, codes: ['XM0406'] },
    { name: 'enough CPUs everywhere: the cursor decides, as before', h: host([8, 8]), over: { vcpus: 4 }, cursor: 0, nodes: [0], next: 1, codes: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(cfg({ memory: 2048, ...c.over }), c.h, { policy: 'round-robin', cursor: c.cursor });
      expect([r.plan!.nodes, r.cursor, codes(r)]).toEqual([c.nodes, c.next, c.codes]);
    });
  }

  it('a window without the CPUs is still taken for its memory when it is the only one that holds it', () => {
    // Node 1 (8 CPUs) is full: node 0's 2 CPUs and XM0406 rather than a refusal.
    const h = host([2, 8]);
    h.nodes[1]!.free_mib = 0;
    const r = plan(cfg({ memory: 2048, vcpus: 8 }), h, { policy: 'round-robin', cursor: 1 });
    expect([r.plan!.nodes, codes(r)]).toEqual([[0], ['XM0406']]);
  });
});
