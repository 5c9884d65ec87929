/**
 * A per-vCPU `cpus` list shorter than maxvcpus (`vcpus = 4`, `cpus = ["0", "1"]`): xl sets the
 * hard affinity of the listed vCPUs only and Xen gives the others every CPU, so without a plan the
 * domain's node affinity (the union over its vCPUs) is every node; numa = "off" (no pins written)
 * books the memory there (vcpusReach). A plan pins every vCPU, and keeps the guest on the nodes the
 * config pinned some of them to while those can hold it, as XM0417's meaning says (decision 042).
 */
import { describe, expect, it } from 'vitest';
import { affinityNodes, vcpusReach } from '../../src/placement/pinning.js';
import { placementFindings } from '../../src/placement/findings.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
const two = () => fixtureHost('two-node.json');
const short = { name: 'p', memory: 4096, vcpus: 4, cpus: [cpus('0'), cpus('1')] };

describe('a per-vCPU cpus list shorter than maxvcpus', () => {
  it('reaches every node (vCPUs 2 and 3 unrestricted) but keeps the plan on the listed vCPUs\' node', () => {
    const h = two();
    expect(vcpusReach(cfg(short), h, 4)).toBeNull();
    expect(affinityNodes(cfg(short), h)?.map((n) => n.id)).toEqual([0]);
  });

  it('the policy keeps the guest on node 0, where the listed pins are, while it fits: no XM0417', () => {
    const r = plan(cfg(short), two());
    expect(r.plan!.nodes).toEqual([0]);
    expect(r.plan!.node_affinity).toEqual({ nodes: [0], mask: '0x1' });
    // The listed vCPUs keep their own CPUs; the others get node 0's.
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[0], [1], [0, 1, 2, 3], [0, 1, 2, 3]]);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('numa = "off": nothing pinned, so the memory is booked over every node, as Xen takes it', () => {
    const r = plan(cfg({ ...short, numa: { mode: 'off' } }), two());
    expect(r.plan!.nodes).toEqual([]);
    expect(Object.keys(r.plan!.memory_per_node_mib).sort()).toEqual(['0', '1']);
  });

  it('with cpus_soft "4-7": the plan pins every vCPU on node 0, so that soft affinity is ignored (XM0426)', () => {
    const c = cfg({ ...short, cpus_soft: cpus('4-7') });
    const r = plan(c, two());
    expect(r.plan!.node_affinity).toEqual({ nodes: [0], mask: '0x1' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0426']);
    // check --host says what plan says.
    expect(placementFindings(c, undefined, two()).map((d) => d.code)).toEqual(['XM0426']);
  });
});

describe('XM0405 judges the CPUs the vCPUs will run on (decision 046)', () => {
  // numanode = 1 (CPUs 4-7): vCPUs 2 and 3, past the list, may run on any CPU, node 1's too.
  const c = cfg({ ...short, numa: { mode: 'nodes', nodes: [1], node_count: 1 } });
  const spans = new Map([
    ['/numa', { key: { start: 0, end: 8 }, value: { start: 11, end: 12 } }],
    ['/cpus', { key: { start: 20, end: 24 }, value: { start: 27, end: 39 } }],
  ]);

  it('a short list whose entries leave out numanode\'s CPUs: planned, the listed vCPUs moved with XM0417', () => {
    const r = plan(c, two());
    expect(r.plan!.nodes).toEqual([1]);
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7]]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0417']);
    // check --host says what plan says, at cpus.
    expect(placementFindings(c, spans, two()).map((d) => [d.code, d.span])).toEqual([['XM0417', { start: 27, end: 39 }]]);
    // A list as long as maxvcpus that leaves them out is still XM0405, and so is a short one naming no CPU of the host.
    const full = cfg({ ...short, vcpus: 2, numa: { mode: 'nodes', nodes: [1], node_count: 1 } });
    expect(plan(full, two()).diagnostics.map((d) => d.code)).toEqual(['XM0405']);
    expect(placementFindings(full, spans, two()).map((d) => [d.code, d.span])).toEqual([['XM0405', { start: 27, end: 39 }]]);
    // vCPU 0 and 1 would have an empty affinity: xl create fails whatever the others get.
    const off = cfg({ ...short, cpus: [cpus('64'), cpus('65')], numa: { mode: 'nodes', nodes: [1], node_count: 1 } });
    expect(plan(off, two()).diagnostics.map((d) => d.code)).toEqual(['XM0405']);
    expect(placementFindings(off, spans, two()).map((d) => d.code)).toEqual(['XM0405']);
  });
});
