/**
 * A node with no memory at all (a CPU-only node: memory_mib 0) in a refusal: the message says the
 * node has no memory rather than "0 MiB free", which reads as a full node that could be freed. The
 * finding has no data field, so the node is asserted by id in the message, and the figure it was
 * given is asserted absent.
 */
import { describe, expect, it } from 'vitest';
import { loadOfPlan, migratePlan } from '../../src/placement/migrate.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { cfg } from './helpers.js';

/** Node 0 holds memory; node 1 has CPUs only; node 2 has memory, all of it in use. */
const host = (): Host => ({
  nodes: [
    { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 8192, distances: { '0': 10, '1': 20, '2': 20 } },
    { id: 1, cpus: [2, 3], memory_mib: 0, free_mib: 0, distances: { '0': 20, '1': 10, '2': 20 } },
    { id: 2, cpus: [4, 5], memory_mib: 4096, free_mib: 0, distances: { '0': 20, '1': 20, '2': 10 } },
  ],
});

/** What the message says after each "node ID (" or "node ID: ", up to the next separator, joined. */
const about = (message: string, id: number): string => [...message.matchAll(new RegExp(`node ${id}(?: \\(|: )[^;,)]*`, 'g'))].map((m) => m[0]).join(' | ');

describe('refusals naming a node without memory', () => {
  it('XM0403 (listed nodes) names the memory-less node without a free figure, the full node with one', () => {
    const r = plan(cfg({ memory: 1024, numa: { mode: 'nodes', nodes: [1, 2], node_count: 2 } }), host());
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0403']);
    const m = r.diagnostics[0]!.message;
    expect(about(m, 1)).not.toBe('');
    expect(about(m, 1)).not.toMatch(/MiB free/);
    expect(about(m, 2)).toMatch(/\b0 MiB free/);
  });

  it('XM0404 (no NUMA keys: the whole host) names the memory-less node without a free figure', () => {
    const r = plan(cfg({ memory: 10_000 }), host());
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
    expect(r.diagnostics[0]!.message).toMatch(/node 1\b/);
    expect(about(r.diagnostics[0]!.message, 1)).not.toMatch(/MiB free/);
  });

  it('XM0409 (migration target) names the memory-less target without a free figure', () => {
    const h = host();
    const g = plan(cfg({ name: 'g', memory: 1024, vcpus: 2, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), h).plan!;
    const r = migratePlan(g, h, [loadOfPlan(g)], [1]);
    expect(r.migration).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0409']);
    expect(about(r.diagnostics[0]!.message, 1)).not.toBe('');
    expect(about(r.diagnostics[0]!.message, 1)).not.toMatch(/MiB free/);
  });
});
