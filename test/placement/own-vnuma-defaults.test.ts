/**
 * A config's own vnuma without maxvcpus or maxmem: xl's parse_vnuma_config makes the vCPUs it lists
 * max_vcpus and the sizes' total max_memkb, so the plan counts those (not vcpus' default of 1), and
 * refuses, as xl does, a listed count above the host's CPUs when maxvcpus is not written (XM0421).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { plan } from '../../src/placement/plan.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { fixtureHost } from './helpers.js';

/** Two vnodes of 1024 MiB on pnodes 0 and 1 listing vCPUs 0..a-1 and a..a+b-1; `extra` lines after. */
const text = (a: number, b: number, extra = ''): string =>
  `name = "v"\ntype = "hvm"\nmemory = 2048\n${extra}vnuma = [["pnode=0", "size=1024", "vcpus=0-${a - 1}", "vdistances=10,21"],\n         ["pnode=1", "size=1024", "vcpus=${a}-${a + b - 1}", "vdistances=21,10"]]\n`;
const config = (t: string): PlacementConfig => check(t, { dialect: 'xl' }).config as PlacementConfig;
const host = fixtureHost('two-node.json'); // CPUs 0-3 on node 0, 4-7 on node 1

describe('plan: vnuma stands in for maxvcpus and maxmem', () => {
  it('places every vCPU the vnuma lists on its vnode\'s node (was one vCPU on the freest node)', () => {
    const p = plan(config(text(2, 2)), host).plan!;
    expect([p.nodes, p.memory_per_node_mib, p.vcpus.map((v) => v.node)]).toEqual([[0, 1], { '0': 1024, '1': 1024 }, [0, 0, 1, 1]]);
  });

  it('the vnuma sizes are maxmem when memory is not written', () => {
    const p = plan(config(text(2, 2).replace('memory = 2048\n', '')), host).plan!;
    expect(p.memory_per_node_mib).toEqual({ '0': 1024, '1': 1024 });
  });
});

describe('plan: a vnuma with a vnode that lacks vcpus= or size= still counts as xl counts it', () => {
  it('vnode 0 without vcpus=: xl makes the 4 vCPUs vnode 1 lists max_vcpus (the plan had 1)', () => {
    const t = text(2, 2).replace('"vcpus=0-1", ', '').replace('vcpus=2-3', 'vcpus=0-3');
    const p = plan(config(t), host, { dialect: 'xl' }).plan!;
    expect(p.vcpus).toHaveLength(4);
  });

  it('vnode 0 without size=: the sizes given are maxmem, and memory follows it (the plan had 32 MiB and 1 vCPU)', () => {
    const t = text(1, 1).replace('memory = 2048\n', '').replace('"size=1024", "vcpus=0-0"', '"vcpus=0-0"');
    const p = plan(config(t), host, { dialect: 'xl' }).plan!;
    expect([Object.values(p.memory_per_node_mib).reduce((a, b) => a + b, 0), p.vcpus.length]).toEqual([1024, 2]);
  });
});

describe('XM0421: more listed vCPUs than host CPUs without maxvcpus', () => {
  it('plan refuses it; check --host reports it at the vnuma value', () => {
    const r = plan(config(text(6, 4)), host);
    expect([r.plan, r.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0421']]);
    const c = check(text(6, 4), { dialect: 'xl', host });
    expect(c.diagnostics.filter((d) => d.code.startsWith('XM04')).map((d) => [d.code, d.line, d.column])).toEqual([['XM0421', 4, 9]]);
  });

  it('maxvcpus set to the count lets it through (xl skips the check), and 8 vCPUs on 8 CPUs is fine', () => {
    expect(plan(config(text(6, 4, 'maxvcpus = 10\n')), host).diagnostics.map((d) => d.code)).not.toContain('XM0421');
    expect(plan(config(text(4, 4)), host).diagnostics.map((d) => d.code)).not.toContain('XM0421');
    expect(check(text(4, 4), { dialect: 'xl', host }).diagnostics.map((d) => d.code)).not.toContain('XM0421');
  });
});
