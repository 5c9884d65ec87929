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
