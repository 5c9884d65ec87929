/**
 * An automatic guest (no NUMA keys) with more vCPUs than the host, or the nodes its cpus reach, has
 * CPUs (decision 053). Before, memory alone decided and the `best` policy put every vCPU on the one
 * node that held the memory (64 vCPUs on node 2's 12 CPUs of a 48-CPU host); libxl finds no
 * candidate then and leaves the domain on every node. Now the nodes with CPUs and free memory that
 * give the fewest vCPUs per CPU on the most crowded node, ties to more nodes.
 */
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { migratePlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host, HostNode, PlacementConfig } from '../../src/placement/types.js';
import { cfg, cpus, fixtureHost, useTempLedger } from './helpers.js';

const opteron = () => fixtureHost('four-node-opteron.json');
const g64 = (over: Partial<PlacementConfig> = {}): PlacementConfig => cfg({ name: 'g', type: 'hvm', memory: 4096, vcpus: 64, ...over });

/** A node of a three-node host: `n` CPUs (numbered from `first`), `free` MiB free, 20 from the other nodes. */
function node(id: number, first: number, n: number, free: number): HostNode {
  const distances: Record<string, number> = {};
  for (let j = 0; j < 3; j++) distances[String(j)] = j === id ? 10 : 20;
  return { id, cpus: Array.from({ length: n }, (_, i) => first + i), memory_mib: 16384, free_mib: free, distances };
}

/** vCPUs per node id of a plan. */
function perNode(p: { vcpus: Array<{ node: number }> }): Record<number, number> {
  const out: Record<number, number> = {};
  for (const v of p.vcpus) out[v.node] = (out[v.node] ?? 0) + 1;
  return out;
}

const codes = (r: { diagnostics: Array<{ code: string }> }): string[] => r.diagnostics.map((d) => d.code);
/** Each finding's code and the nodes it names (XM0406 names every overcommitted node, decision 058). */
const overNodes = (r: { diagnostics: Array<{ code: string }> }): Array<[string, number[] | undefined]> => r.diagnostics.map((d) => [d.code, (d as { nodes?: number[] }).nodes]);

describe('automatic placement of a guest with more vCPUs than CPUs', () => {
  it('64 vCPUs on four 12-CPU nodes: every node, 16 vCPUs and 1024 MiB each, one XM0406 naming the four (numa = "on" and numanodes = 2 keep their count)', () => {
    const r = plan(g64(), opteron());
    expect([...r.plan!.nodes].sort()).toEqual([0, 1, 2, 3]);
    expect(perNode(r.plan!)).toEqual({ 0: 16, 1: 16, 2: 16, 3: 16 });
    expect(r.plan!.memory_per_node_mib).toEqual({ '0': 1024, '1': 1024, '2': 1024, '3': 1024 });
    expect(overNodes(r)).toEqual([['XM0406', [0, 1, 2, 3]]]);
    expect(r.plan!.vcpus.every((v) => v.cpus.length === 12)).toBe(true);
    expect(plan(g64({ numa: { mode: 'auto', node_count: 1 } }), opteron()).plan!.nodes).toHaveLength(1);
    expect(plan(g64({ numa: { mode: 'auto', node_count: 2 } }), opteron()).plan!.nodes).toHaveLength(2);
  });

  it('uneven nodes: the prefix by CPU count with the fewest vCPUs per CPU on its most crowded node (8+8 CPUs for 20 vCPUs, not the 1-CPU node too)', () => {
    const host: Host = { nodes: [node(0, 0, 8, 8000), node(1, 8, 8, 8000), node(2, 16, 1, 8000)] };
    const r = plan(g64({ vcpus: 20, memory: 2048 }), host);
    // 10 vCPUs on 8 CPUs (1.25) beats 20 on 8 (2.5) and 7 on 1 CPU (7).
    expect(perNode(r.plan!)).toEqual({ 0: 10, 1: 10 });
    expect(overNodes(r)).toEqual([['XM0406', [0, 1]]]);
  });

  it('a full node is left out; a node without CPUs joins only when the nodes with CPUs lack the memory', () => {
    const full: Host = { nodes: [node(0, 0, 4, 0), node(1, 4, 4, 8000), node(2, 8, 4, 8000)] };
    expect([...plan(g64({ vcpus: 16, memory: 2048 }), full).plan!.nodes].sort()).toEqual([1, 2]);
    // Nodes 0 and 1 hold 2000 MiB of the 4000: node 2 (no CPUs, 8000 free) joins for the rest.
    const short: Host = { nodes: [node(0, 0, 4, 1000), node(1, 4, 4, 1000), node(2, 8, 0, 8000)] };
    const r = plan(g64({ vcpus: 16, memory: 4000 }), short);
    expect([...r.plan!.nodes].sort()).toEqual([0, 1, 2]);
    expect(Object.values(r.plan!.memory_per_node_mib).reduce((a, b) => a + b, 0)).toBe(4000);
  });

  it("cpus that reach nodes 0 and 1 only: both of them, the config's pins kept", () => {
    const r = plan(g64({ cpus: cpus('0-23') }), opteron());
    expect([...r.plan!.nodes].sort()).toEqual([0, 1]);
    expect(perNode(r.plan!)).toEqual({ 0: 32, 1: 32 });
    expect(overNodes(r)).toEqual([['XM0406', [0, 1]]]);
  });

  it('round-robin counts only the CPUs the host has: nodes with CPUs, not the CPU-less one too', () => {
    const host: Host = { nodes: [node(0, 0, 4, 8000), node(1, 4, 4, 8000), node(2, 8, 0, 8000)] };
    expect(plan(g64({ vcpus: 16, memory: 1024 }), host, { policy: 'round-robin' }).plan!.nodes).toEqual([0, 1]);
  });
});

describe('a spread guest in the ledger', () => {
  const t = useTempLedger('xmcfg-spread-');

  it('a PV guest is booked on every node, rebalance never moves it onto one node, and migrate-plan onto one says XM0406', () => {
    const host = opteron();
    // PV: no vnuma lines, so the guest can move at all (an HVM guest over several nodes gets vnuma, XM0414).
    const pv = g64({ type: undefined });
    expect(Object.keys(t.ledger.reserve(pv, host).plan!.memory_per_node_mib)).toEqual(['0', '1', '2', '3']);
    // A numa = "on" guest of 48000 MiB on one node puts the spread far above the threshold.
    expect(t.ledger.reserve(cfg({ name: 'big', memory: 48000, vcpus: 2, numa: { mode: 'auto', node_count: 1 } }), host).plan!.nodes).toHaveLength(1);
    const plans = t.ledger.list().entries.map((e) => e.plan);
    const r = rebalancePlan(host, plans, { threshold: 5 });
    expect(r.moves.map((m) => m.domain)).not.toContain('g');
    // The admin's own target is taken, with the overcommit said.
    const m = migratePlan(plans.find((p) => p.domain === 'g')!, host, [], [1]);
    expect([m.migration?.to, m.diagnostics.map((d) => d.code)]).toEqual([[1], ['XM0406']]);
  });

  it('an HVM guest spread over several nodes gets vnuma, as every multi-node HVM plan does: migrate-plan refuses it (XM0414)', () => {
    const p = plan(g64(), opteron()).plan!;
    expect(p.xl.vnuma).toHaveLength(4);
    expect(migratePlan(p, opteron(), [], [1]).diagnostics.map((d) => d.code)).toEqual(['XM0414']);
  });
});
