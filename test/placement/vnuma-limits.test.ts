import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { cfg, fixtureHost } from './helpers.js';

/**
 * xl checks each vnuma pnode against the host's node count (physinfo nr_nodes, the online nodes),
 * not the highest node id: "xl: invalid pnode number" for pnode >= nr_nodes (xl_parse.c). The
 * sparse fixture has nodes 0, 2, 5 and 9: 4 nodes, so pnode 5 and 9 would make xl create fail.
 */
describe('plan: vnuma only names nodes xl accepts as pnode', () => {
  const host = fixtureHost('sparse.json');
  const hvm = (nodes: number[]) => cfg({ name: 'v', type: 'hvm', memory: 2048, vcpus: 2, numa: { mode: 'nodes', nodes, node_count: nodes.length } });

  it('gives no vnuma when a node id is not below the host\'s node count, and keeps the pinning', () => {
    const r = plan(hvm([5, 9]), host);
    expect(r.plan?.nodes).toEqual([5, 9]);
    expect(r.plan?.xl.vnuma).toBeNull();
    expect(r.plan?.xl.cpus).toHaveLength(2);
    const mixed = plan(hvm([2, 5]), host);
    expect(mixed.plan?.xl.vnuma).toBeNull();
  });

  it('still gives vnuma when every node id is below it (sparse or not)', () => {
    const r = plan(hvm([0, 2]), host);
    expect(r.plan?.xl.vnuma?.map((v) => v[0])).toEqual(['pnode=0', 'pnode=2']);
  });
});

/**
 * Xen's vnuma_alloc (common/domctl.c) refuses nr_vnodes² > PAGE_SIZE / sizeof(unsigned int), that
 * is more than 32 virtual nodes, with EINVAL (XSA-77: one page per allocation): xl create fails.
 */
describe('plan: vnuma only up to the 32 virtual nodes Xen accepts', () => {
  const host = {
    nodes: Array.from({ length: 40 }, (_, i) => ({ id: i, cpus: [2 * i, 2 * i + 1], memory_mib: 4096, free_mib: 4096, distances: {} })),
  };
  const guest = (k: number) => cfg({ name: 'wide', type: 'hvm', memory: k * 1024, vcpus: k, numa: { mode: 'auto', node_count: k } });

  it('33 nodes: no vnuma, the pinning stays', () => {
    const r = plan(guest(33), host);
    expect(r.plan?.nodes).toHaveLength(33);
    expect(r.plan?.xl.vnuma).toBeNull();
    expect(r.plan?.xl.cpus).toHaveLength(33);
  });

  it('32 nodes: vnuma with one virtual node each', () => {
    expect(plan(guest(32), host).plan?.xl.vnuma).toHaveLength(32);
  });
});
