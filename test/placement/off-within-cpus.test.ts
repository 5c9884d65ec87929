/**
 * `numa = "off"` with the config's own `cpus`: xmcfg places nothing, but Xen derives the node
 * affinity, where the memory comes from, from the vCPUs' hard affinity, so the guest's memory lands
 * on the nodes of those CPUs. The plan booked it over every node by free memory (so the ledger,
 * and every later plan, counted it on nodes it never touched) and said "memory may come from any node".
 */
import { describe, expect, it } from 'vitest';
import { formatPlanText, formatPlanXl } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
const two = () => fixtureHost('two-node.json');

describe('numa = "off" with the config\'s own cpus', () => {
  it('books the memory on the nodes the cpus reach, and the mask and the headers say so', () => {
    const h = two();
    const p = plan(cfg({ name: 'o', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: cpus('0-3') }), h).plan!;
    expect(p.nodes).toEqual([]);
    expect(p.memory_per_node_mib).toEqual({ '0': 4096 });
    expect(p.node_affinity).toEqual({ nodes: [0], mask: '0x1' });
    expect(p.xl.cpus).toBeNull();
    expect(formatPlanXl(p).split('\n')[0]).toBe("# xmcfg plan for o: policy best, not placed, node 0 by the config's cpus (mask 0x1)");
    expect(formatPlanText(p, h).split('\n')[1]).toBe("  nodes        0 (not placed; the config's cpus)   mask 0x1");
  });

  it('"^" exclusions and per-vCPU lists count as Xen counts them (the union of the vCPUs\' CPUs)', () => {
    const a = plan(cfg({ name: 'a', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: cpus('all,^node:0') }), two()).plan!;
    expect(a.memory_per_node_mib).toEqual({ '1': 4096 });
    const b = plan(cfg({ name: 'b', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: [cpus('4'), cpus('5-6')] }), two()).plan!;
    expect(b.memory_per_node_mib).toEqual({ '1': 4096 });
  });

  it('a per-vCPU list that leaves a vCPU unrestricted, or cpus over every node: any node, as before', () => {
    const a = plan(cfg({ name: 'a', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: [cpus('4')] }), two()).plan!;
    expect(a.node_affinity.nodes).toEqual([0, 1]);
    expect(Object.keys(a.memory_per_node_mib)).toEqual(['0', '1']);
    const b = plan(cfg({ name: 'b', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: cpus('0-7') }), two()).plan!;
    expect(formatPlanXl(b).split('\n')[0]).toBe('# xmcfg plan for b: policy best, not placed, any node (mask 0x3)');
  });

  it('nodes the cpus reach that cannot hold the guest: booked over the host, as Xen falls back to other nodes', () => {
    const p = plan(cfg({ name: 'big', memory: 30000, vcpus: 2, numa: { mode: 'off' }, cpus: cpus('0-3') }), two()).plan!;
    expect(p.node_affinity.nodes).toEqual([0, 1]);
    expect(p.memory_per_node_mib).toEqual({ '0': 12139, '1': 17861 });
  });
});
