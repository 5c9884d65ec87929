/**
 * `best`'s last fallback, reached when the distance searches (which take only nodes with free
 * memory) find no set: fewer than k nodes have free memory for `numanodes = k`, or an automatic
 * guest needs a full node's CPUs. It took the freest nodes, so the full ones by lowest id, whatever
 * their distance (decision 083 left that for a measured change). Now the set is grown from the
 * freest node, nearest first (summed two-way distance to the set, then the most free memory, then
 * the lowest id), while it can still hold the guest (decision 088, src/placement/compact.ts).
 * Hosts: fourNodes() with SPLIT_DISTANCES (helpers.ts), two near pairs {0,2} and {1,3}.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { cfg, fourNodes } from './helpers.js';

const numanodes = (k: number, over: Partial<PlacementConfig> = {}): PlacementConfig => cfg({ name: 'g', memory: 4096, vcpus: 4, numa: { mode: 'auto', node_count: k }, ...over });
const shape = (r: ReturnType<typeof plan>) => ({
  nodes: r.plan?.nodes,
  memory: r.plan?.memory_per_node_mib,
  vcpuNodes: r.plan?.vcpus.map((v) => v.node),
  codes: r.diagnostics.map((d) => d.code),
});

interface Case {
  name: string;
  config: PlacementConfig;
  free: number[];
  dist?: number[][];
  nodes: number[];
  memory: Record<string, number>;
  vcpuNodes: number[];
  codes: string[];
}

const cases: Case[] = [
  {
    // Was nodes 0,1 (lowest id): the vCPUs on node 1 reached their memory at 30.
    name: 'numanodes = 2, only node 0 has memory: node 0 and its near node 2',
    config: numanodes(2),
    free: [8192, 0, 0, 0],
    nodes: [0, 2],
    memory: { '0': 4096, '2': 0 },
    vcpuNodes: [0, 0, 2, 2],
    codes: ['XM0412'],
  },
  {
    // Was nodes 0,3 (lowest id, 20 from node 3).
    name: 'numanodes = 2, only node 3 has memory: node 3 and its near node 1',
    config: numanodes(2),
    free: [0, 0, 0, 8192],
    nodes: [1, 3],
    memory: { '1': 0, '3': 4096 },
    vcpuNodes: [1, 1, 3, 3],
    codes: ['XM0412'],
  },
  {
    // From node 0: node 2 (12), then nodes 1 and 3 are as near the set (30 + 20 each): node 3 has
    // more free memory. Was nodes 0,1,3 (the freest three: 0, 3, then 1 by id).
    name: 'numanodes = 3, nodes 0 and 3 have memory: node 0, its near node 2, then node 3 (ties to the most free memory)',
    config: numanodes(3, { vcpus: 3 }),
    free: [6000, 0, 0, 2000],
    nodes: [0, 2, 3],
    memory: { '0': 2096, '2': 0, '3': 2000 },
    vcpuNodes: [0, 2, 3],
    codes: ['XM0412'],
  },
  {
    // Distances are compared both ways: 0→1 is 12 but 1→0 is 30 (42 in all), 0↔2 is 20 each way (40).
    name: 'a one-way near node loses to one nearer both ways',
    config: numanodes(2),
    free: [8192, 0, 0, 0],
    dist: [
      [10, 12, 20, 30],
      [30, 10, 20, 20],
      [20, 20, 10, 20],
      [30, 20, 20, 10],
    ],
    nodes: [0, 2],
    memory: { '0': 4096, '2': 0 },
    vcpuNodes: [0, 0, 2, 2],
    codes: ['XM0412'],
  },
  {
    // An automatic guest needing two nodes' CPUs when one node has memory: the pair search takes
    // only nodes with memory, so this is the fallback too. Was nodes 3,0 (node 0 by id, 20 away).
    name: 'automatic, 8 vCPUs on 4-CPU nodes, only node 3 has memory: node 3 and its near node 1',
    config: cfg({ name: 'g', memory: 1024, vcpus: 8 }),
    free: [0, 0, 0, 8192],
    nodes: [3, 1],
    memory: { '3': 1024, '1': 0 },
    vcpuNodes: [3, 3, 3, 3, 1, 1, 1, 1],
    codes: ['XM0412'],
  },
];

describe('best: the fallback that takes full nodes keeps the set compact (decision 088)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(c.config, fourNodes(c.free, c.dist));
      expect(shape(r)).toEqual({ nodes: c.nodes, memory: c.memory, vcpuNodes: c.vcpuNodes, codes: c.codes });
    });
  }

  it('the reasons name the rule, the seed and the mean distance', () => {
    const r = plan(numanodes(2), fourNodes([8192, 0, 0, 0]));
    expect(r.plan!.reasons[0]).toContain('decision 088');
    expect(r.plan!.reasons.find((x) => x.startsWith('score: no sets compared'))).toContain('mean distance 12; spare memory after placement 4096 MiB; grown from node 0');
  });
});
