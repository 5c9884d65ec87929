/**
 * A config without NUMA keys that sets its own vnuma: libxl turns automatic placement off once a
 * pnode is given and allocates each vnode's memory on exactly its pnode, so the plan (and the
 * reservation it books) must follow the vnodes instead of choosing a node the memory is not on.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { plan } from '../../src/placement/plan.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { fixtureHost } from './helpers.js';

const text = (a: number, sa: number, b: number, sb: number): string =>
  `name = "v"\ntype = "hvm"\nmemory = ${sa + sb}\nmaxvcpus = 3\nvnuma = [["pnode=${a}", "size=${sa}", "vcpus=0-1", "vdistances=10,21"],\n         ["pnode=${b}", "size=${sb}", "vcpus=2", "vdistances=21,10"]]\n`;
const config = (t: string): PlacementConfig => check(t, { dialect: 'xl' }).config as PlacementConfig;

describe('plan: a config\'s own vnuma fixes its nodes', () => {
  const host = fixtureHost('two-node.json'); // node 0: 20471 MiB free, CPUs 0-3; node 1: 30122, CPUs 4-7

  it('books each vnode\'s size on its pnode and pins each vCPU to its vnode\'s node', () => {
    // Automatic placement would take node 1 alone (the freest, and it holds 3 GiB).
    const p = plan(config(text(0, 2048, 1, 1024)), host).plan!;
    expect([p.nodes, p.memory_per_node_mib]).toEqual([[0, 1], { '0': 2048, '1': 1024 }]);
    expect(p.vcpus.map((v) => [v.vcpu, v.node])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
    ]);
    expect(p.xl).toEqual({ cpus: ['0-3', '0-3', '4-7'], vnuma: null });
  });

  it('refuses with XM0403 when a pnode cannot hold its vnodes, though the host could hold the guest elsewhere', () => {
    const r = plan(config(text(0, 30000, 1, 1024)), host);
    expect([r.plan, r.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0403']]);
  });

  it('check --host says the same at the vnuma value', () => {
    const r = check(text(0, 30000, 1, 1024), { dialect: 'xl', host });
    expect(r.diagnostics.filter((d) => d.code.startsWith('XM04')).map((d) => [d.code, d.line, d.column])).toEqual([['XM0403', 5, 9]]);
  });

  it('NUMA keys still decide when the config has them (the RFC request is the plan\'s input)', () => {
    const t = text(0, 2048, 1, 1024) + 'numanode = 1\n';
    expect(plan(config(t), host).plan?.nodes).toEqual([1]);
  });
});

/**
 * With NUMA keys the keys decide the plan (decision 028), but libxl still allocates each vnode's
 * memory on its pnode: the plan booked and pinned other nodes than the memory's without a word.
 */
describe('NUMA keys beside a vnuma of the config\'s own (XM0424)', () => {
  const host = fixtureHost('two-node.json');
  const one = (numa: string, pnode: number): string =>
    `name = "v"\ntype = "hvm"\nmemory = 2048\nmaxvcpus = 2\n${numa}\nvnuma = [["pnode=${pnode}", "size=2048", "vcpus=0-1", "vdistances=10"]]\n`;

  it('numanode = 0 with vnuma on node 1: XM0424 in plan and, at the vnuma value, in check --host', () => {
    const t = one('numanode = 0', 1);
    const r = plan(config(t), host);
    expect(r.plan!.nodes).toEqual([0]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0424', 'warning']]);
    const d = check(t, { dialect: 'xl', host }).diagnostics.filter((x) => x.code.startsWith('XM04'));
    expect(d.map((x) => [x.code, x.line, x.column, x.endLine, x.endColumn])).toEqual([['XM0424', 6, 9, 6, 65]]);
  });

  it('numa = "off" books over every node while the vnuma keeps the memory on node 1: XM0424', () => {
    expect(plan(config(one('numa = "off"', 1)), host).diagnostics.map((d) => d.code)).toEqual(['XM0424']);
  });

  it('no finding when the plan books exactly the pnodes, or without NUMA keys', () => {
    expect(plan(config(one('numanode = 1', 1)), host).diagnostics).toEqual([]);
    expect(plan(config(one('', 1)), host).diagnostics).toEqual([]);
  });
});
