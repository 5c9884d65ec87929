/**
 * A per-vCPU `cpus` list covering every vCPU (xl `cpus = ["0-3", "4-7"]`) pins each vCPU to its own
 * entry. Capacity counts the union of the entries (decision 057), so the policies saw one node with
 * CPUs for both vCPUs and took it: vCPU 1 was pinned to node 0's CPUs, none of which its entry
 * names (XM0417), although nodes 0 and 1 held the guest with every vCPU where its entry puts it,
 * which is what plan promises when the nodes the config's cpus reach can hold the guest. Now, when
 * the policy's choice would move a vCPU off its entry, each vCPU goes to a node its entry names
 * (decision 057, "per-vCPU lists").
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig, PolicyName } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** Two nodes of 4 CPUs (0-3, 4-7), `free` MiB free each. */
function two(free: [number, number] = [16384, 12000]): Host {
  return {
    nodes: [0, 1].map((i) => ({ id: i, cpus: [0, 1, 2, 3].map((k) => i * 4 + k), memory_mib: 16384, free_mib: free[i]!, distances: { '0': i === 0 ? 10 : 20, '1': i === 1 ? 10 : 20 } })),
  };
}
const codes = (r: ReturnType<typeof plan>) => r.diagnostics.map((d) => d.code);
const list = (...l: string[]) => l.map(cpus);

describe('a per-vCPU cpus list keeps each vCPU on a node its own entry names', () => {
  const cases: Array<{ name: string; over: Partial<PlacementConfig>; nodes: number[]; vcpuNodes: number[]; codes: string[] }> = [
    { name: '["0-3", "4-7"], 2 vCPUs, no NUMA keys: vCPU 0 on node 0, vCPU 1 on node 1 (both were on node 0, XM0417)', over: { vcpus: 2, cpus: list('0-3', '4-7') }, nodes: [0, 1], vcpuNodes: [0, 1], codes: [] },
    { name: '["4-7", "0-3"]: vCPU 0 on node 1, vCPU 1 on node 0', over: { vcpus: 2, cpus: list('4-7', '0-3') }, nodes: [1, 0], vcpuNodes: [1, 0], codes: [] },
    { name: '["4-7", "0-3"] with numanodes = 2: the same nodes, in the entries\' order (both vCPUs were moved)', over: { vcpus: 2, cpus: list('4-7', '0-3'), numa: { mode: 'auto', node_count: 2 } }, nodes: [1, 0], vcpuNodes: [1, 0], codes: [] },
    { name: 'entries alternating between the nodes: each vCPU on its own', over: { vcpus: 4, cpus: list('0-3', '4-7', '0-3', '4-7') }, nodes: [0, 1], vcpuNodes: [0, 1, 0, 1], codes: [] },
    { name: 'every entry on node 1: node 1, as before', over: { vcpus: 2, cpus: list('4-5', '6-7') }, nodes: [1], vcpuNodes: [1, 1], codes: [] },
    { name: 'entries spanning both nodes: the policy\'s node, as before', over: { vcpus: 2, cpus: list('0-7', '0-7') }, nodes: [0], vcpuNodes: [0, 0], codes: [] },
    // numa = "on" asks for one node: the entries cannot all be kept there, and XM0417 says so.
    { name: 'numa = "on" with entries on two nodes: one node, XM0417, as before', over: { vcpus: 2, cpus: list('0-3', '4-7'), numa: { mode: 'auto', node_count: 1 } }, nodes: [0], vcpuNodes: [0, 0], codes: ['XM0417'] },
    // A short list leaves vCPU 2 unrestricted (decision 042): not a full per-vCPU layout.
    { name: 'a list shorter than maxvcpus: judged as before', over: { vcpus: 3, cpus: list('0-3', '4-7') }, nodes: [0], vcpuNodes: [0, 0, 0], codes: ['XM0417'] },
  ];
  for (const policy of ['best', 'most-free', 'round-robin'] as PolicyName[]) {
    for (const c of cases) {
      it(`${policy}: ${c.name}`, () => {
        const r = plan(cfg({ memory: 2048, ...c.over }), two(), { policy });
        expect([r.plan!.nodes, r.plan!.vcpus.map((v) => v.node), codes(r)]).toEqual([c.nodes, c.vcpuNodes, c.codes]);
      });
    }
  }

  it('the pins are the entries\' CPUs and the memory follows the vCPUs', () => {
    const r = plan(cfg({ memory: 2048, vcpus: 2, cpus: list('1', '4-7') }), two());
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[1], [4, 5, 6, 7]]);
    expect(r.plan!.memory_per_node_mib).toEqual({ '0': 1024, '1': 1024 });
  });

  it('an uneven split keeps the entries\' nodes (XM0412), as a listed node set would', () => {
    const r = plan(cfg({ memory: 16000, vcpus: 2, cpus: list('0-3', '4-7') }), two([16384, 500]));
    expect([r.plan!.vcpus.map((v) => v.node), codes(r)]).toEqual([[0, 1], ['XM0412']]);
  });

  it('when the entries\' nodes cannot hold the guest, the whole host competes, as before (XM0417)', () => {
    const h: Host = { nodes: [...two([1000, 1000]).nodes, { id: 2, cpus: [8, 9, 10, 11], memory_mib: 16384, free_mib: 16384, distances: { '0': 20, '1': 20, '2': 10 } }] };
    for (const n of h.nodes) n.distances['2'] = n.id === 2 ? 10 : 20;
    const r = plan(cfg({ memory: 4096, vcpus: 2, cpus: list('0-3', '4-7') }), h);
    expect([r.plan!.nodes, codes(r)]).toEqual([[2], ['XM0417']]);
  });

  it('an HVM guest\'s vnuma lines give each vnode the vCPUs the pins put on its node', () => {
    const r = plan(cfg({ memory: 2048, maxmem: 2048, vcpus: 4, type: 'hvm', cpus: list('0-3', '4-7', '0-3', '4-7') }), two());
    expect(r.plan!.xl.vnuma!.map((v) => v.find((x) => x.startsWith('vcpus=')))).toEqual(['vcpus=0,2', 'vcpus=1,3']);
  });
});
