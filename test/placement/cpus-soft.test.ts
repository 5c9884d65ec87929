/**
 * The config's own cpus_soft, as Xen uses it (decision 042): libxl runs no automatic placement when
 * a soft affinity is given, and without vnuma Xen takes the memory from the nodes of the CPUs in
 * both cpus and cpus_soft (of cpus alone when they share none). plan ignored cpus_soft: it placed a
 * `cpus_soft = "node:0"` guest on node 1 and booked its memory there, which xl create puts on node 0.
 */
import { describe, expect, it } from 'vitest';
import { placementFindings, type SpanMap } from '../../src/placement/findings.js';
import { formatPlanXl } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
const two = () => fixtureHost('two-node.json');
const codes = (r: ReturnType<typeof plan>) => r.diagnostics.map((d) => d.code);

describe('cpus_soft alone', () => {
  it('the plan chooses among the nodes cpus_soft names, as Xen takes the memory there', () => {
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:0') }), two());
    expect(codes(r)).toEqual([]);
    expect(r.plan!.nodes).toEqual([0]);
    expect(r.plan!.node_affinity.mask).toBe('0x1');
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[0, 1, 2, 3], [0, 1, 2, 3]]);
  });

  it('nodes cpus_soft names that cannot hold the guest: the whole host competes; the pins then share no CPU with cpus_soft (XM0426), so Xen keeps the memory on the pinned node', () => {
    const r = plan(cfg({ name: 's', memory: 25000, vcpus: 2, cpus_soft: cpus('node:0') }), two());
    expect(r.plan!.nodes).toEqual([1]);
    expect(codes(r)).toEqual(['XM0426']);
  });

  it('two nodes where cpus_soft names one: the other one loses its memory (XM0425)', () => {
    const r = plan(cfg({ name: 's', memory: 40000, vcpus: 2, cpus_soft: cpus('node:1') }), two());
    expect(r.plan!.nodes.slice().sort()).toEqual([0, 1]);
    expect(codes(r).sort()).toEqual(['XM0425', 'XM0426']);
  });

  it('a per-vCPU cpus_soft that leaves a vCPU at the default narrows no node (vCPU 0 then has XM0426)', () => {
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: [cpus('0')] }), two());
    expect(r.plan!.nodes).toEqual([1]);
    expect(codes(r)).toEqual(['XM0426']);
  });
});

describe('cpus with cpus_soft', () => {
  it('the candidates are the nodes of the CPUs in both', () => {
    // cpus alone reaches both nodes (the policy took node 1, the freer); cpus_soft names node 0's CPUs.
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus: cpus('2-7'), cpus_soft: cpus('0-3') }), two());
    expect(r.plan!.nodes).toEqual([0]);
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[2, 3], [2, 3]]);
    expect(codes(r)).toEqual([]);
  });

  it('sharing no CPU, the soft affinity is ignored (XM0426) and the hard one decides', () => {
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus: cpus('0-3'), cpus_soft: cpus('4-7') }), two());
    expect(r.plan!.nodes).toEqual([0]);
    expect(codes(r)).toEqual(['XM0426']);
  });
});

describe('RFC NUMA keys beside cpus_soft', () => {
  it('numanode on a node cpus_soft leaves out: XM0426 (the memory stays, the soft affinity is ignored)', () => {
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:1'), numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), two());
    expect(r.plan!.nodes).toEqual([0]);
    expect(codes(r)).toEqual(['XM0426']);
  });

  it('numanode over two nodes, cpus_soft on one: node 0 loses its memory (XM0425) and vCPU 0 its soft affinity (XM0426)', () => {
    const c = cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:1'), numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } });
    const r = plan(c, two());
    expect(r.plan!.nodes).toEqual([0, 1]);
    expect(codes(r).sort()).toEqual(['XM0425', 'XM0426']);
    // --affinity soft writes cpus_soft lines that replace the config's: nothing conflicts.
    expect(codes(plan(c, two(), { affinity: 'soft' }))).toEqual([]);
  });

  it('numanodes: the policy chooses among the nodes cpus_soft names', () => {
    const r = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:0'), numa: { mode: 'auto', node_count: 1 } }), two());
    expect(r.plan!.nodes).toEqual([0]);
    expect(codes(r)).toEqual([]);
  });

  it('numa = "off": the memory is booked on the nodes cpus_soft names, and the xl lines keep the config\'s cpus_soft', () => {
    const p = plan(cfg({ name: 'o', memory: 4096, vcpus: 2, cpus_soft: cpus('node:1'), numa: { mode: 'off' } }), two()).plan!;
    expect(p.memory_per_node_mib).toEqual({ '1': 4096 });
    expect(p.node_affinity.mask).toBe('0x2');
    const xl = formatPlanXl(p).split('\n');
    expect(xl[0]).toBe("# xmcfg plan for o: policy best, not placed, node 1 by the config's cpus_soft (mask 0x2)");
    expect(xl.filter((l) => l.startsWith('cpus_soft'))).toEqual([]);
  });

  it('check --host puts XM0425 and XM0426 at the cpus_soft value', () => {
    const spans: SpanMap = new Map([
      ['/numa', { key: { start: 10, end: 18 }, value: { start: 21, end: 27 } }],
      ['/cpus_soft', { key: { start: 30, end: 39 }, value: { start: 42, end: 50 } }],
    ]);
    const d = placementFindings(cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:1'), numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } }), spans, two());
    expect(d.map((x) => [x.code, x.span]).sort()).toEqual([
      ['XM0425', { start: 42, end: 50 }],
      ['XM0426', { start: 42, end: 50 }],
    ]);
  });
});

describe('--affinity soft: the plan\'s cpus_soft lines replace the config\'s', () => {
  it('the config\'s cpus_soft narrows no candidate and gives no reason (decision 046)', () => {
    const c = cfg({ name: 's', memory: 4096, vcpus: 2, cpus_soft: cpus('node:0') });
    // Hard: the candidates are node 0, where the file's cpus_soft keeps the memory.
    expect(plan(c, two()).plan!.nodes).toEqual([0]);
    const r = plan(c, two(), { affinity: 'soft' });
    // Soft: the file's cpus_soft is replaced, so the whole host competes (node 1 is the freer).
    expect(r.plan!.nodes).toEqual([1]);
    expect(r.plan!.reasons.filter((x) => x.includes('cpus_soft'))).toEqual([]);
    expect(codes(r)).toEqual([]);
    // The config's cpus still fences them (the plan keeps the user's pinning).
    const h = plan(cfg({ name: 's', memory: 4096, vcpus: 2, cpus: cpus('0-3'), cpus_soft: cpus('4-7') }), two(), { affinity: 'soft' });
    expect(h.plan!.nodes).toEqual([0]);
    expect(h.plan!.reasons.some((x) => x.endsWith("the config's cpus"))).toBe(true);
  });
});
