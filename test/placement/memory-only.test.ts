/**
 * A plan node that gets memory but no vCPU (fewer vCPUs than `numanodes`, or a node automatic
 * placement took for its memory) must be in the xl lines' reach: without vnuma Xen takes the
 * memory from the nodes of the CPUs the vCPUs may run on. The plan split 4096 MiB over nodes 0-3
 * for a 2-vCPU guest but pinned vCPU 0 to node 0 and vCPU 1 to node 2 (`cpus = [ "0-3", "8-11" ]`),
 * so `xl create` put nothing on nodes 1 and 3. Now their CPUs join the nearest vCPUs' affinity.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { placementFindings } from '../../src/placement/findings.js';
import { formatPlanXl } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import type { Host, Plan } from '../../src/placement/types.js';
import { cfg, cpus } from './helpers.js';

/** A host of `n` nodes of 4 CPUs and 30000 MiB free, all 20 apart. */
function host(n: number, free = 30000): Host {
  const ids = [...Array(n).keys()];
  return { nodes: ids.map((id) => ({ id, cpus: [0, 1, 2, 3].map((c) => 4 * id + c), memory_mib: 32768, free_mib: free, distances: Object.fromEntries(ids.map((o) => [String(o), o === id ? 10 : 20])) })) };
}

/** The nodes the xl cpus lines let the vCPUs run on (Xen's node affinity), and the nodes the plan puts memory on. */
function reach(p: Plan, h: Host): { xl: number[]; memory: number[] } {
  const nodeOf = new Map(h.nodes.flatMap((n) => n.cpus.map((c) => [c, n.id] as const)));
  const xl = new Set(p.vcpus.flatMap((v) => v.cpus.map((c) => nodeOf.get(c)!)));
  return { xl: [...xl].sort((a, b) => a - b), memory: Object.entries(p.memory_per_node_mib).filter(([, m]) => m > 0).map(([id]) => Number(id)) };
}

describe('memory-only plan nodes are in the xl lines\' reach', () => {
  it('numanodes = 4 with 2 vCPUs (HVM): vCPU 0 also runs on node 1, vCPU 1 on node 3', () => {
    const h = host(4);
    const p = plan(cfg({ name: 'g1', type: 'hvm', memory: 4096, vcpus: 2, numa: { mode: 'auto', node_count: 4 } }), h).plan!;
    expect(p.memory_per_node_mib).toEqual({ 0: 1024, 1: 1024, 2: 1024, 3: 1024 });
    expect(p.vcpus.map((v) => [v.vcpu, v.node])).toEqual([[0, 0], [1, 2]]);
    expect(p.xl.cpus).toEqual(['0-7', '8-15']);
    expect(p.commands).toEqual(['xl vcpu-pin g1 0 0-7', 'xl vcpu-pin g1 1 8-15']);
    expect(formatPlanXl(p)).toContain('cpus = [ "0-7", "8-15" ]');
    expect(reach(p, h)).toEqual({ xl: [0, 1, 2, 3], memory: [0, 1, 2, 3] });
  });

  it('a PV guest of one vCPU on 3 nodes', () => {
    const h = host(3);
    const p = plan(cfg({ name: 'pv', memory: 3000, vcpus: 1, numa: { mode: 'auto', node_count: 3 } }), h).plan!;
    expect(reach(p, h)).toEqual({ xl: [0, 1, 2], memory: [0, 1, 2] });
  });

  it('a node automatic placement took for its memory only', () => {
    const h = host(2, 10000);
    const p = plan(cfg({ name: 'big', memory: 15000, vcpus: 1 }), h).plan!;
    expect(p.nodes).toHaveLength(2);
    expect(reach(p, h)).toEqual({ xl: [0, 1], memory: [0, 1] });
  });

  it('leaves vCPUs on their own node when every node has one', () => {
    const h = host(2);
    const p = plan(cfg({ name: 'two', type: 'hvm', memory: 4096, vcpus: 2, numa: { mode: 'auto', node_count: 2 } }), h).plan!;
    expect(p.xl.cpus).toEqual(['0-3', '4-7']);
  });
});

/**
 * A config's own cpus that leaves out a memory-only node's CPUs: the vCPUs keep the config's pinning
 * (the plan's lists are cut to it), so the lent CPUs are gone and Xen's node affinity misses the node,
 * while the plan and the ledger book memory there. It used to pass without a finding, and the reason
 * still said the vCPUs "may also run on" the node's CPUs.
 */
describe("a config's cpus that leaves out the CPUs of memory-only nodes", () => {
  const spans = new Map([['/cpus', { key: { start: 30, end: 34 }, value: { start: 37, end: 47 } }]]);

  it('numanodes = 4, 2 vCPUs, cpus = "0-3,8-11": XM0423 names nodes 1 and 3 and their 2048 MiB, at cpus in check --host', () => {
    const h = host(4);
    const c = cfg({ name: 'g1', type: 'hvm', memory: 4096, vcpus: 2, cpus: cpus('0-3,8-11'), numa: { mode: 'auto', node_count: 4 } });
    const r = plan(c, h);
    const p = r.plan!;
    // The plan stays inside the config's cpus: no vCPU is pinned to a CPU it leaves out.
    expect(p.xl.cpus).toEqual(['0-3', '8-11']);
    expect(p.node_affinity).toEqual({ nodes: [0, 1, 2, 3], mask: '0xf' });
    expect(reach(p, h)).toEqual({ xl: [0, 2], memory: [0, 1, 2, 3] });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0423', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain('node 1,3 (CPUs 4-7,12-15)');
    expect(r.diagnostics[0]!.message).toContain('2048 MiB');
    expect(p.reasons.some((x) => x.startsWith('memory-only nodes:'))).toBe(false);
    expect(placementFindings(c, spans, h).map((d) => [d.code, d.span])).toEqual([['XM0423', { start: 37, end: 47 }]]);
  });

  it('cpus = "4-7,12-15" pins the vCPUs to the lent CPUs only: XM0423 names nodes 0 and 2, the vCPU nodes', () => {
    const h = host(4);
    const r = plan(cfg({ name: 'g2', type: 'hvm', memory: 4096, vcpus: 2, cpus: cpus('4-7,12-15'), numa: { mode: 'auto', node_count: 4 } }), h);
    expect(r.plan!.xl.cpus).toEqual(['4-7', '12-15']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0423']);
    expect(r.diagnostics[0]!.message).toContain('node 0,2 (CPUs 0-3,8-11)');
  });

  it('cpus that keep one lender: XM0423 names only the other, and the reason only the kept one', () => {
    const h = host(4);
    const r = plan(cfg({ name: 'g3', type: 'hvm', memory: 4096, vcpus: 2, cpus: cpus('0-11'), numa: { mode: 'nodes', nodes: [0, 1, 2, 3], node_count: 4 } }), h);
    expect(r.plan!.xl.cpus).toEqual(['0-7', '8-11']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0423']);
    expect(r.diagnostics[0]!.message).toContain('node 3 (CPUs 12-15)');
    expect(r.plan!.reasons.find((x) => x.startsWith('memory-only nodes:'))).toMatch(/^memory-only nodes: node 1 \(vCPU 0 of node 0\):/);
  });

  it('cpus that cover the lent CPUs: no finding', () => {
    const r = plan(cfg({ name: 'g4', type: 'hvm', memory: 4096, vcpus: 2, cpus: cpus('0-15'), numa: { mode: 'auto', node_count: 4 } }), host(4));
    expect(r.diagnostics).toEqual([]);
  });
});

describe('XM0306 (more nodes than vCPUs) agrees with the plan', () => {
  it('says the nodes without vCPUs get memory, as the plan gives it (it said "no vCPU and no memory")', () => {
    const text = 'name = "g"\ntype = "hvm"\nmemory = 4096\nvcpus = 2\nnumanodes = 4\n';
    const d = check(text, { dialect: 'xl' }).diagnostics.find((x) => x.code === 'XM0306')!;
    expect(d.message).not.toMatch(/no memory/);
    const p = plan(cfg({ name: 'g', type: 'hvm', memory: 4096, vcpus: 2, numa: { mode: 'auto', node_count: 4 } }), host(4)).plan!;
    expect(Object.values(p.memory_per_node_mib).every((m) => m > 0)).toBe(true);
  });
});
