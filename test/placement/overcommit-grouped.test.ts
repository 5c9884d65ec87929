/**
 * XM0406 names every overcommitted node in one finding per span (decision 058): the nodes `cpus`
 * narrows at cpus, the others at vcpus. It was one finding per node, all at the same span: four
 * identical-looking warnings at `vcpus` for a 64-vCPU guest on four nodes, seventy-one at `cpus`
 * for a guest pinned to one CPU of each node of seventy-two-node.json. Each carries `nodes`, so its
 * position and its nodes never depend on its wording. Nodes without CPUs keep one XM0406 each.
 */
import { describe, expect, it } from 'vitest';
import { placementFindings } from '../../src/placement/findings.js';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

/** Each finding's code, nodes and whether it is about cpus (byCpus). */
const over = (diagnostics: ReadonlyArray<{ code: string }>) =>
  diagnostics.map((d) => [d.code, (d as { nodes?: number[] }).nodes, (d as { byCpus?: boolean }).byCpus === true]);

// Two nodes of 4 CPUs: node 0 CPUs 0-3, node 1 CPUs 4-7.
const small = (): Host => ({
  nodes: [0, 1].map((id) => ({ id, cpus: [0, 1, 2, 3].map((c) => id * 4 + c), memory_mib: 16384, free_mib: 16384, distances: { '0': id === 0 ? 10 : 20, '1': id === 0 ? 20 : 10 } })),
});

describe('one XM0406 per span, naming every overcommitted node', () => {
  const cases: Array<{ name: string; host: () => Host; config: Partial<PlacementConfig>; want: unknown[] }> = [
    {
      name: '64 vCPUs on four 12-CPU nodes: one finding, nodes 0-3',
      host: () => fixtureHost('four-node-opteron.json'),
      config: { type: 'hvm', vcpus: 64 },
      want: [['XM0406', [0, 1, 2, 3], false]],
    },
    {
      name: 'cpus "0,4,8" on seventy-two-node, 6 vCPUs: one finding about cpus, nodes 0-2',
      host: () => fixtureHost('seventy-two-node.json'),
      config: { type: 'hvm', vcpus: 6, cpus: cpus('0,4,8') },
      want: [['XM0406', [0, 1, 2], true]],
    },
    {
      name: 'one pinned CPU on every node of seventy-two-node, 144 vCPUs (PV): one finding, not one per node',
      host: () => fixtureHost('seventy-two-node.json'),
      config: { vcpus: 144, memory: 1024, cpus: cpus(fixtureHost('seventy-two-node.json').nodes.filter((n) => n.cpus.length > 0).map((n) => n.cpus[0]).join(',')) },
      want: [['XM0406', fixtureHost('seventy-two-node.json').nodes.filter((n) => n.cpus.length > 0 && n.free_mib > 0).map((n) => n.id), true]],
    },
    {
      name: 'numanode = 0,1, 10 vCPUs: node 0 narrowed to CPU 0 (at cpus), node 1 on its whole 4 CPUs (at vcpus): two findings',
      host: small,
      config: { vcpus: 10, numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 }, cpus: Array.from({ length: 10 }, (_, i) => cpus(i < 5 ? '0' : '4-7')) },
      want: [
        ['XM0406', [1], false],
        ['XM0406', [0], true],
      ],
    },
    { name: 'one overcommitted node: one finding, as before', host: small, config: { vcpus: 6, numa: { mode: 'auto', node_count: 1 } }, want: [['XM0406', [0], false]] },
    { name: 'no overcommit: none', host: small, config: { vcpus: 8 }, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(cfg({ name: 'g', ...c.config }), c.host());
      expect(r.plan).not.toBeNull();
      expect(over(r.diagnostics.filter((d) => d.code === 'XM0406'))).toEqual(c.want);
    });
  }

  it('check --host gives the same one finding, at cpus', () => {
    const spans = new Map([
      ['/vcpus', { key: { start: 0, end: 5 }, value: { start: 8, end: 9 } }],
      ['/cpus', { key: { start: 10, end: 14 }, value: { start: 17, end: 24 } }],
    ]);
    const found = placementFindings(cfg({ name: 'g', type: 'hvm', vcpus: 6, cpus: cpus('0,4,8') }), spans, fixtureHost('seventy-two-node.json'));
    expect(found.map((d) => [d.code, d.span])).toEqual([['XM0406', { start: 17, end: 24 }]]);
  });
});
