/**
 * A plan that puts memory on a node without CPUs. Without vnuma (whose pnode allocates a vnode's
 * memory exactly there), Xen derives a domain's node affinity, where its memory comes from, from
 * the CPUs its vCPUs may run on: the xl lines then cannot keep that memory on the CPU-less node, and
 * the XM0406 warning says so with the MiB at stake. A node the split leaves without memory gets no
 * vnuma, and a reason says why.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { cfg } from './helpers.js';

/** Node 0: CPUs, no memory; node 1: memory, no CPUs; node 2: both. */
const host: Host = {
  nodes: [
    { id: 0, cpus: [0, 1, 2, 3], memory_mib: 0, free_mib: 0, distances: { '0': 10, '1': 20, '2': 30 } },
    { id: 1, cpus: [], memory_mib: 8192, free_mib: 8192, distances: { '0': 20, '1': 10, '2': 20 } },
    { id: 2, cpus: [4, 5], memory_mib: 8192, free_mib: 8192, distances: { '0': 30, '1': 20, '2': 10 } },
  ],
};

describe('memory on a node without CPUs', () => {
  it('one node (no vnuma for a single node): XM0406 names the MiB the xl lines cannot keep there', () => {
    const r = plan(cfg({ name: 'c', type: 'hvm', memory: 1024, vcpus: 2, numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), host);
    expect(r.plan?.xl.vnuma).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0406', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain('1024 MiB');
  });

  it('two nodes with vnuma (HVM): the pnode keeps the memory, so XM0406 does not claim it is lost', () => {
    const r = plan(cfg({ name: 'c', type: 'hvm', memory: 2048, vcpus: 2, numa: { mode: 'nodes', nodes: [1, 2], node_count: 2 } }), host);
    expect(r.plan?.xl.vnuma).not.toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0406']);
    expect(r.diagnostics[0]!.message).not.toContain('MiB');
  });

  it('a split that leaves a node without memory: no vnuma, and a reason says why', () => {
    const r = plan(cfg({ name: 't', type: 'hvm', memory: 3000, vcpus: 3, numa: { mode: 'auto', node_count: 3 } }), host);
    expect(r.plan?.memory_per_node_mib['0']).toBe(0);
    expect(r.plan?.xl.vnuma).toBeNull();
    expect(r.plan?.reasons.filter((x) => x.startsWith('no vnuma'))).toHaveLength(1);
  });
});
