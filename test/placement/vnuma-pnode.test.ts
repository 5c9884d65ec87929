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
