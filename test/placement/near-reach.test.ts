/**
 * A guest without `numanodes` (automatic, or `numa = "on"`) whose `cpus` (or `cpus_soft`) reach
 * nodes that cannot hold it: the whole host competes, and `best` took its usual choice there (worst
 * fit: the freest node, wherever it is). Now, under `best`, as many nodes as that choice but the
 * ones nearest the reached nodes (decision 088, src/placement/near-reach.ts); `most-free` and
 * `round-robin` keep their own rule.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { PlacementConfig, PlanOptions } from '../../src/placement/types.js';
import { cfg, cpus, fourNodes } from './helpers.js';

const shape = (r: ReturnType<typeof plan>) => ({ nodes: r.plan?.nodes, vcpuNodes: r.plan?.vcpus.map((v) => v.node), codes: r.diagnostics.map((d) => d.code) });

interface Case {
  name: string;
  over: Partial<PlacementConfig>;
  free: number[];
  options?: PlanOptions;
  nodes: number[];
  vcpuNodes: number[];
  codes: string[];
}

// Node 0 (CPUs 0-3) has 1000 MiB free; node 1, the freest, is 30 from it, node 2 is 12 (SPLIT_DISTANCES).
const FREE = [1000, 16000, 8000, 6000];

const cases: Case[] = [
  // Was node 1 (the freest, 30 from node 0).
  { name: 'automatic, cpus on node 0 which lacks memory: node 2, nearest node 0', over: { cpus: cpus('0-3') }, free: FREE, nodes: [2], vcpuNodes: [2, 2], codes: ['XM0417'] },
  { name: 'numa = "on": the same node', over: { cpus: cpus('0-3'), numa: { mode: 'auto', node_count: 1 } }, free: FREE, nodes: [2], vcpuNodes: [2, 2], codes: ['XM0417'] },
  // cpus_soft keeps the memory on its nodes (decision 042): its nodes are the reached ones the same way.
  { name: 'cpus_soft on node 0: node 2', over: { cpus_soft: cpus('0-3') }, free: FREE, nodes: [2], vcpuNodes: [2, 2], codes: ['XM0426'] },
  // The nearest node too small: the next nearest that holds it, node 3 (20), not node 1 (30).
  { name: 'node 2 too small: node 3 (20 away), not node 1 (30)', over: { cpus: cpus('0-3') }, free: [1000, 16000, 3000, 6000], nodes: [3], vcpuNodes: [3, 3], codes: ['XM0417'] },
  // Two nodes needed anywhere (fewest first, SPEC §5): the pair search takes 1,3 (12 apart, 25 from
  // node 0 on average); the set grown nearest node 0 takes node 2 first (node 0 itself, 3000 MiB,
  // would leave the pair short), then node 3 (more free memory than node 1, as near the set).
  {
    name: 'two nodes needed: node 2 and then node 3, not the pair 1,3',
    over: { memory: 20000, vcpus: 4, cpus: cpus('0-3') },
    free: [3000, 12000, 10000, 16000],
    nodes: [3, 2],
    vcpuNodes: [3, 3, 2, 2],
    codes: ['XM0417'],
  },
  // Unchanged: the policy's own choice is already the nearest (node 2 is the freest).
  { name: 'the freest node is also the nearest: the usual single-node choice', over: { cpus: cpus('0-3') }, free: [1000, 6000, 16000, 8000], nodes: [2], vcpuNodes: [2, 2], codes: ['XM0417'] },
  // Unchanged: most-free's rule is free memory, not distance.
  { name: 'most-free keeps the freest node', over: { cpus: cpus('0-3') }, free: FREE, options: { policy: 'most-free' }, nodes: [1], vcpuNodes: [1, 1], codes: ['XM0417'] },
];

describe('best: a guest without numanodes goes near the nodes its pinning reaches (decision 088)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(cfg({ name: 'g', memory: 4096, vcpus: 2, ...c.over }), fourNodes(c.free), c.options);
      expect(shape(r)).toEqual({ nodes: c.nodes, vcpuNodes: c.vcpuNodes, codes: c.codes });
    });
  }

  it('the reasons name the reached nodes and both distances', () => {
    const r = plan(cfg({ name: 'g', memory: 4096, vcpus: 2, cpus: cpus('0-3') }), fourNodes(FREE));
    expect(r.plan!.reasons[0]).toContain('decision 088');
    expect(r.plan!.reasons[0]).toContain('mean distance to them 12, against 30');
    expect(r.plan!.reasons).toContain("the nodes the pinning reaches: node 0, those that share a CPU with the config's cpus");
  });
});
