/**
 * round-robin's cursor walks the nodes with CPUs and memory only: on sparse.json (node 5 has no
 * CPUs, node 9 no memory) a cursor of 3 or 5 put a 4-vCPU guest on CPU-less node 5 alone, and a
 * guest with more vCPUs than the host's CPUs took the window 0,2,5. libxl never places vCPUs on a
 * node without CPUs, and `best` takes such nodes only when the nodes with CPUs lack the memory
 * (decision 053); round-robin's most-free fallback still does that.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { cfg, fixtureHost } from './helpers.js';

const sparse = fixtureHost('sparse.json');

describe('round-robin and nodes without CPUs', () => {
  it.each([3, 5])('cursor %i: a 4-vCPU guest goes to node 0 (the ring wraps past nodes 5 and 9), the cursor to 2', (cursor) => {
    const r = plan(cfg({ memory: 1024, vcpus: 4 }), sparse, { policy: 'round-robin', cursor });
    expect([r.plan!.nodes, r.cursor]).toEqual([[0], 2]);
  });

  it.each([13, 64])('%i vCPUs (more than the 12 CPUs): nodes 0 and 2, the nodes with CPUs and memory, not 5', (vcpus) => {
    const r = plan(cfg({ memory: 1024, vcpus }), sparse, { policy: 'round-robin', cursor: 0 });
    expect(r.plan!.nodes).toEqual([0, 2]);
    expect(r.plan!.vcpus.every((v) => v.node !== 5)).toBe(true);
  });

  it('a guest the nodes with CPUs cannot hold still gets CPU-less node 5 (most-free fallback)', () => {
    const r = plan(cfg({ memory: 40_000, vcpus: 2 }), sparse, { policy: 'round-robin', cursor: 0 });
    expect(r.plan!.nodes).toContain(5);
  });

  it('numanodes = 3 asks for more nodes than the ring has: every node is walked, as before', () => {
    const r = plan(cfg({ memory: 1024, vcpus: 2, numa: { mode: 'auto', node_count: 3 } }), sparse, { policy: 'round-robin', cursor: 0 });
    expect(r.plan!.nodes).toHaveLength(3);
  });
});
