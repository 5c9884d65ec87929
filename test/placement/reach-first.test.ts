/**
 * `numanodes = k` with `cpus` that reach fewer than k nodes (or nodes that cannot hold the guest):
 * the whole host competes, and a node the cpus leave no CPU kept its own CPU count there (decision
 * 057), so the policies weighed every node alike: on four 4-CPU nodes, `numanodes = 2` with
 * `cpus = "0-3"` got nodes 1 and 2 from best and most-free (XM0417 for both vCPUs) although node 0
 * had room for its share. Now the set keeps the reached nodes, in the slots with the most vCPUs, and
 * adds the others the policy's way (decision 085, src/placement/reach-first.ts).
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig, PlanOptions } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** Four nodes of 4 CPUs in a line (neighbours 16, others 22), `free` MiB free each. */
function line(free: number[] = [8000, 16000, 15000, 12000]): Host {
  const ids = [0, 1, 2, 3];
  return {
    nodes: ids.map((i) => ({
      id: i,
      cpus: [0, 1, 2, 3].map((k) => i * 4 + k),
      memory_mib: 16384,
      free_mib: free[i]!,
      distances: Object.fromEntries(ids.map((j) => [String(j), i === j ? 10 : Math.abs(i - j) === 1 ? 16 : 22])),
    })),
  };
}
const numanodes = (k: number): PlacementConfig['numa'] => ({ mode: 'auto', node_count: k });
const codes = (r: ReturnType<typeof plan>) => r.diagnostics.map((d) => d.code);
const shape = (r: ReturnType<typeof plan>) => ({ nodes: r.plan?.nodes, vcpuNodes: r.plan?.vcpus.map((v) => v.node), codes: codes(r) });

interface Case {
  name: string;
  over: Partial<PlacementConfig>;
  options?: PlanOptions;
  free?: number[];
  nodes: number[];
  vcpuNodes: number[];
  codes: string[];
}

const cases: Record<'best' | 'most-free' | 'round-robin', Case[]> = {
  best: [
    { name: 'numanodes = 2, cpus = "0-3": node 0 and its nearest, node 1 (was 1,2: XM0417 for both vCPUs)', over: { vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }, nodes: [0, 1], vcpuNodes: [0, 1], codes: ['XM0417'] },
    { name: '4 vCPUs: vCPUs 0-1 keep node 0', over: { vcpus: 4, cpus: cpus('0-3'), numa: numanodes(2) }, nodes: [0, 1], vcpuNodes: [0, 0, 1, 1], codes: ['XM0417'] },
    { name: 'numanodes = 3, cpus on nodes 0 and 2: both kept, node 1 (nearest both) added', over: { vcpus: 3, cpus: cpus('0-3,8-11'), numa: numanodes(3) }, nodes: [0, 2, 1], vcpuNodes: [0, 2, 1], codes: ['XM0417'] },
    { name: 'cpus on node 3: node 3 and its nearest, node 2', over: { vcpus: 2, cpus: cpus('12-15'), numa: numanodes(2) }, nodes: [3, 2], vcpuNodes: [3, 2], codes: ['XM0417'] },
    // 1 vCPU on 2 nodes: the vCPU stays on node 0; node 1 only lends CPUs the cpus take away (XM0423).
    { name: 'fewer vCPUs than nodes: the vCPU on the kept node, the other memory-only (XM0423)', over: { vcpus: 1, cpus: cpus('0-3'), numa: numanodes(2) }, nodes: [0, 1], vcpuNodes: [0], codes: ['XM0423'] },
    // The reached nodes hold too little memory together: the freest of them is kept, uneven (XM0412).
    { name: 'cpus on nodes 0-1 that cannot hold the guest: node 1 kept, node 2 added', over: { vcpus: 2, memory: 6000, cpus: cpus('0-7'), numa: numanodes(2) }, free: [500, 2000, 15000, 16000], nodes: [1, 2], vcpuNodes: [1, 2], codes: ['XM0417', 'XM0412'] },
    // cpus_soft keeps the memory on its nodes (decision 042): its node is kept the same way.
    { name: 'cpus_soft = "0-3": node 0 kept (was 1,2: XM0426 for both vCPUs)', over: { vcpus: 2, cpus_soft: cpus('0-3'), numa: numanodes(2) }, nodes: [0, 1], vcpuNodes: [0, 1], codes: ['XM0426', 'XM0425'] },
    { name: '--affinity soft: cpus fence the same way', over: { vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }, options: { affinity: 'soft' }, nodes: [0, 1], vcpuNodes: [0, 1], codes: ['XM0417'] },
  ],
  'most-free': [
    { name: 'numanodes = 2, cpus = "0-3": node 0 and the freest other, node 1 (was 1,2)', over: { vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }, nodes: [0, 1], vcpuNodes: [0, 1], codes: ['XM0417'] },
    { name: 'numanodes = 3, cpus on nodes 0 and 3: both kept, node 1 (freest) added', over: { vcpus: 3, cpus: cpus('0-3,12-15'), numa: numanodes(3) }, nodes: [0, 3, 1], vcpuNodes: [0, 3, 1], codes: ['XM0417'] },
    { name: 'cpus on nodes 0-1 that cannot hold the guest: node 1 kept, node 3 (freest) added', over: { vcpus: 2, memory: 6000, cpus: cpus('0-7'), numa: numanodes(2) }, free: [500, 2000, 15000, 16000], nodes: [1, 3], vcpuNodes: [1, 3], codes: ['XM0417', 'XM0412'] },
  ],
  'round-robin': [
    { name: 'cursor 2, cpus = "0-3": node 0 and the next from the cursor, node 2 (was 2,3)', over: { vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }, options: { cursor: 2 }, nodes: [0, 2], vcpuNodes: [0, 2], codes: ['XM0417'] },
    { name: 'cursor 1, cpus on node 3: node 3 and node 1', over: { vcpus: 2, cpus: cpus('12-15'), numa: numanodes(2) }, options: { cursor: 1 }, nodes: [3, 1], vcpuNodes: [3, 1], codes: ['XM0417'] },
    { name: 'cursor 1, numanodes = 3, cpus on nodes 0 and 2: node 1 added', over: { vcpus: 3, cpus: cpus('0-3,8-11'), numa: numanodes(3) }, options: { cursor: 1 }, nodes: [0, 2, 1], vcpuNodes: [0, 2, 1], codes: ['XM0417'] },
  ],
};

describe('numanodes = k keeps the nodes the config\'s cpus reach', () => {
  for (const [policy, list] of Object.entries(cases)) {
    for (const c of list) {
      it(`${policy}: ${c.name}`, () => {
        const r = plan(cfg({ memory: 2048, ...c.over }), line(c.free), { policy: policy as PlanOptions['policy'], ...c.options });
        expect(shape(r)).toEqual({ nodes: c.nodes, vcpuNodes: c.vcpuNodes, codes: c.codes });
      });
    }
  }

  it('the vCPUs on a kept node keep their cpus; the others are pinned to their node (XM0417)', () => {
    const r = plan(cfg({ memory: 2048, vcpus: 4, cpus: cpus('1-2'), numa: numanodes(2) }), line());
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[1, 2], [1, 2], [4, 5, 6, 7], [4, 5, 6, 7]]);
    expect(r.plan!.memory_per_node_mib).toEqual({ '0': 1024, '1': 1024 });
  });

  it('round-robin moves the cursor past the last node it added, in ring order', () => {
    const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }), line(), { policy: 'round-robin', cursor: 2 });
    expect(r.cursor).toBe(3);
    // From node 3: nodes 3 and 1 added (node 0 is kept), so the next guest starts at node 2.
    const w = plan(cfg({ memory: 2048, vcpus: 3, cpus: cpus('0-3'), numa: numanodes(3) }), line(), { policy: 'round-robin', cursor: 3 });
    expect([w.plan!.nodes, w.cursor]).toEqual([[0, 1, 3], 2]);
  });

  it('fewer than k nodes the cpus reach, all of them full: the whole host competes as before, never a refusal', () => {
    for (const policy of ['best', 'most-free', 'round-robin'] as const) {
      const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }), line([0, 16000, 15000, 12000]), { policy });
      expect([r.plan?.nodes.includes(0), codes(r)]).toEqual([false, ['XM0417']]);
    }
  });

  it('numanodes = every node: the reached nodes take the vCPU slots (2 vCPUs on 4 nodes: slots 0 and 2)', () => {
    const r = plan(cfg({ memory: 4096, vcpus: 2, cpus: cpus('4-7,12-15'), numa: numanodes(4) }), line([16000, 16000, 16000, 16000]));
    expect([r.plan!.vcpus.map((v) => v.node), r.plan!.xl.cpus, codes(r)]).toEqual([[1, 3], ['4-7', '12-15'], ['XM0423']]);
  });

  it('the reasons name the kept node and the nodes the pinning reaches', () => {
    const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: cpus('0-3'), numa: numanodes(2) }), line());
    expect(r.plan!.reasons.filter((x) => x.includes('decision 085') || x.startsWith('the nodes the pinning reaches: node 0,'))).toHaveLength(2);
  });
});

/** The mirror cases, unchanged: a numanode list is placed as listed (SPEC §3), whatever the cpus reach. */
describe('numanode = [list] naming nodes the cpus do not reach', () => {
  for (const policy of ['best', 'most-free', 'round-robin'] as const) {
    it(`${policy}: a listed node the cpus reach keeps its vCPUs, the other's are moved (XM0417, the registry's example)`, () => {
      const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: cpus('0-3'), numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } }), line(), { policy });
      expect(shape(r)).toEqual({ nodes: [0, 1], vcpuNodes: [0, 1], codes: ['XM0417'] });
    });
    it(`${policy}: no listed node the cpus reach: XM0405, no plan`, () => {
      const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: cpus('0-3'), numa: { mode: 'nodes', nodes: [1, 2], node_count: 2 } }), line(), { policy });
      expect([r.plan, codes(r)]).toEqual([null, ['XM0405']]);
    });
  }
});
