import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/placement/plan.js';
import { capacityOf } from '../../src/placement/capacity.js';
import { choose } from '../../src/placement/choose.js';
import { satisfiable, isRefusal, type Demand } from '../../src/placement/demand.js';
import { SPREAD_QUANTUM_MIB } from '../../src/placement/policy-best.js';
import type { Host, PlacementConfig, PolicyName } from '../../src/placement/types.js';
import { cfg, fixtureHost } from './helpers.js';

type Row = [host: string, policy: PolicyName, config: Partial<PlacementConfig>, nodes: number[]];

// Each row: the nodes (placement order) the policy must choose on a fresh fixture host.
const TABLE: Row[] = [
  ['two-node.json', 'best', { memory: 4096 }, [1]],
  ['two-node.json', 'most-free', { memory: 4096 }, [1]],
  ['two-node.json', 'round-robin', { memory: 4096 }, [0]],
  ['two-node.json', 'best', { memory: 25000, numa: { mode: 'auto', node_count: 1 } }, [1]],
  ['two-node.json', 'round-robin', { memory: 25000, numa: { mode: 'auto', node_count: 1 } }, [1]],
  ['two-node.json', 'best', { memory: 4096, numa: { mode: 'auto', node_count: 2 } }, [0, 1]],
  ['four-node-opteron.json', 'best', { memory: 8192 }, [1]],
  ['four-node-opteron.json', 'most-free', { memory: 8192 }, [1]],
  ['four-node-opteron.json', 'best', { memory: 8192, numa: { mode: 'auto', node_count: 2 } }, [2, 3]],
  ['four-node-opteron.json', 'most-free', { memory: 8192, numa: { mode: 'auto', node_count: 2 } }, [1, 2]],
  ['four-node-opteron.json', 'round-robin', { memory: 8192, numa: { mode: 'auto', node_count: 2 } }, [0, 1]],
  ['four-node-opteron.json', 'best', { memory: 8192, numa: { mode: 'auto', node_count: 3 } }, [1, 2, 3]],
  ['four-node-opteron.json', 'best', { memory: 100000, vcpus: 4 }, [2, 3]],
  ['eight-node-2hop.json', 'best', { memory: 2048, vcpus: 16 }, [4, 5]],
  ['eight-node-2hop.json', 'best', { memory: 2048, numa: { mode: 'auto', node_count: 2 } }, [4, 5]],
  ['eight-node-2hop.json', 'most-free', { memory: 2048, numa: { mode: 'auto', node_count: 2 } }, [1, 2]],
  ['eight-node-2hop.json', 'best', { memory: 2048, numa: { mode: 'nodes', nodes: [5, 3], node_count: 2 } }, [5, 3]],
  ['sparse.json', 'best', { memory: 1024 }, [2]],
  // node 5 has the most memory but no CPU: the load guard keeps a vCPU off it
  ['sparse.json', 'best', { memory: 1024, numa: { mode: 'auto', node_count: 1 } }, [2]],
  ['sparse.json', 'round-robin', { memory: 1024, numa: { mode: 'auto', node_count: 1 } }, [0]],
  ['sparse.json', 'best', { memory: 20000, vcpus: 2 }, [2, 0]],
  // equally free nodes: the domain name's hash picks (spreads concurrent creations)
  ['seventy-two-node.json', 'best', { memory: 2048 }, [12]],
  ['seventy-two-node.json', 'best', { memory: 4096, numa: { mode: 'auto', node_count: 2 } }, [25, 30]],
  ['seventy-two-node.json', 'most-free', { memory: 4096, numa: { mode: 'auto', node_count: 2 } }, [5, 10]],
  // 2 vCPUs on 4 nodes: the RFC map puts them on positions 0 and 2, which go to the two freest
  // (equally near) nodes, so more of the memory is local to a vCPU
  ['seventy-two-node.json', 'best', { memory: 30000, vcpus: 2 }, [25, 26, 30, 31]],
];

describe('policy table', () => {
  it.each(TABLE)('%s %s %j → %j', (hostName, policy, over, nodes) => {
    const r = plan(cfg(over), fixtureHost(hostName), { policy });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.plan!.nodes).toEqual(nodes);
    expect(r.plan!.reasons.length).toBeGreaterThan(1);
  });
});

describe('best spreads near-equal choices by the domain name', () => {
  it('different names pick different equally free nodes; the same name always the same', () => {
    const host = fixtureHost('seventy-two-node.json');
    const picks = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => plan(cfg({ name, memory: 2048 }), host).plan!.nodes[0]));
    expect(picks.size).toBeGreaterThan(3);
    expect(plan(cfg({ name: 'a', memory: 2048 }), host).plan!.nodes).toEqual(plan(cfg({ name: 'a', memory: 2048 }), host).plan!.nodes);
    // every pick is in the top free-memory step (SPREAD_QUANTUM_MIB) after placement
    const step = (id: number): number => Math.floor((host.nodes[id]!.free_mib - 2048) / SPREAD_QUANTUM_MIB);
    const top = Math.max(...host.nodes.filter((x) => x.free_mib >= 2048).map((x) => step(x.id)));
    for (const id of picks) expect(step(id!)).toBe(top);
  });
});

describe('round-robin keeps a cursor', () => {
  it('walks the nodes from the cursor and returns the next one', () => {
    const host = fixtureHost('four-node-opteron.json');
    const seen: number[] = [];
    let cursor = 0;
    for (let i = 0; i < 5; i++) {
      const r = plan(cfg({ memory: 1024 }), host, { policy: 'round-robin', cursor });
      seen.push(r.plan!.nodes[0]!);
      cursor = r.cursor!;
    }
    expect(seen).toEqual([0, 1, 2, 3, 0]);
  });

  it('skips nodes that cannot hold the guest instead of overcommitting', () => {
    const host = fixtureHost('two-node.json');
    const r = plan(cfg({ memory: 25000, numa: { mode: 'auto', node_count: 1 } }), host, { policy: 'round-robin', cursor: 0 });
    expect(r.plan!.nodes).toEqual([1]);
    expect(r.cursor).toBe(0);
  });

  it('treats a cursor between sparse ids as the next id', () => {
    // Cursor 1 names node 2. (Cursor 3 named CPU-less node 5, which the ring now skips: round-robin-cpuless.test.ts.)
    const r = plan(cfg({ memory: 100, numa: { mode: 'auto', node_count: 1 } }), fixtureHost('sparse.json'), { policy: 'round-robin', cursor: 1 });
    expect(r.plan!.nodes).toEqual([2]);
    expect(r.cursor).toBe(0);
  });
});

/** A random host: 1..12 nodes, sparse ids, random free memory, symmetric distances. */
const hostArb = fc
  .array(fc.record({ cpus: fc.integer({ min: 0, max: 8 }), mem: fc.integer({ min: 0, max: 65536 }), used: fc.integer({ min: 0, max: 100 }), gap: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 12 })
  .chain((nodes) => fc.array(fc.integer({ min: 11, max: 40 }), { minLength: nodes.length * nodes.length, maxLength: nodes.length * nodes.length }).map((d) => ({ nodes, d })))
  .map(({ nodes, d }) => {
    let id = -1;
    let cpu = 0;
    const ids = nodes.map((x) => (id += x.gap));
    const n = nodes.length;
    return {
      nodes: nodes.map((x, i) => ({
        id: ids[i]!,
        cpus: Array.from({ length: x.cpus }, () => cpu++),
        memory_mib: x.mem,
        free_mib: Math.floor((x.mem * (100 - x.used)) / 100),
        distances: Object.fromEntries(ids.map((other, j) => [String(other), i === j ? 10 : d[Math.min(i, j) * n + Math.max(i, j)]!])),
      })),
    } satisfies Host;
  });

const requestArb = fc.record({
  memory: fc.integer({ min: 1, max: 100000 }),
  vcpus: fc.integer({ min: 1, max: 24 }),
  kind: fc.constantFrom('auto', 'on', 'nodes2', 'nodes3', 'list'),
  pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
});

describe('best never strands a satisfiable request (property)', () => {
  it('places every request the oracle says fits, exactly as asked; refuses only the others', () => {
    fc.assert(
      fc.property(hostArb, requestArb, (host, req) => {
        const ids = host.nodes.map((x) => x.id);
        const list = [...new Set(req.pick.map((p) => ids[p % ids.length]!))];
        const numa: PlacementConfig['numa'] =
          req.kind === 'on' ? { mode: 'auto', node_count: 1 } : req.kind === 'nodes2' ? { mode: 'auto', node_count: 2 } : req.kind === 'nodes3' ? { mode: 'auto', node_count: 3 } : req.kind === 'list' ? { mode: 'nodes', nodes: list, node_count: list.length } : undefined;
        const config = cfg({ memory: req.memory, vcpus: req.vcpus, ...(numa ? { numa } : {}) });
        const cap = capacityOf(host);
        const pos = new Map(ids.map((id, i) => [id, i]));
        const d: Demand = {
          memMiB: req.memory,
          vcpus: req.vcpus,
          kind: numa === undefined ? 'auto' : numa.mode === 'nodes' ? 'list' : 'count',
          count: numa === undefined ? 0 : numa.mode === 'nodes' ? list.length : (numa as { node_count: number }).node_count,
          list: numa?.mode === 'nodes' ? list.map((id) => pos.get(id)!) : [],
        };
        const fits = satisfiable(d, cap);
        const r = plan(config, host);
        if (!fits) {
          expect(r.plan).toBeNull();
          expect(r.diagnostics.some((x) => x.code.startsWith('XM040') && x.severity === 'error')).toBe(true);
          return;
        }
        expect(r.plan).not.toBeNull();
        const p = r.plan!;
        const mem = Object.values(p.memory_per_node_mib).reduce((a, b) => a + b, 0);
        expect(mem).toBe(req.memory);
        for (const [id, m] of Object.entries(p.memory_per_node_mib)) expect(m).toBeLessThanOrEqual(host.nodes.find((x) => x.id === Number(id))!.free_mib);
        if (d.kind === 'count') expect(p.nodes).toHaveLength(d.count);
        if (d.kind === 'list') expect([...p.nodes].sort()).toEqual([...list].sort());
        expect(p.vcpus).toHaveLength(req.vcpus);
        p.vcpus.forEach((v, i) => expect(v.node).toBe(p.nodes[Math.floor((i * p.nodes.length) / req.vcpus)]));
        // deterministic
        expect(JSON.stringify(plan(config, host))).toBe(JSON.stringify(r));
      }),
      { numRuns: 400, seed: 20070101 },
    );
  });

  it('every policy agrees with the oracle on refusals for numa=on', () => {
    fc.assert(
      fc.property(hostArb, fc.integer({ min: 1, max: 70000 }), (host, memory) => {
        const cap = capacityOf(host);
        const fits = satisfiable({ memMiB: memory, vcpus: 1, kind: 'count', count: 1, list: [] }, cap);
        for (const policy of ['best', 'most-free', 'round-robin'] as const) {
          const c = choose({ memMiB: memory, vcpus: 1, kind: 'count', count: 1, list: [] }, cap, policy, 0);
          expect(isRefusal(c)).toBe(!fits);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
