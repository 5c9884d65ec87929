/**
 * A per-vCPU `cpus` list longer than maxvcpus: xl never parses the entries past it (check's XM0204),
 * so they pin no vCPU and reach no node. affinityNodes counted them, so `cpus = ["0", "1", "4"]`
 * with two vCPUs made node 1 a candidate: the plan put the guest there and replaced both pins (XM0417).
 */
import { describe, expect, it } from 'vitest';
import { placementFindings } from '../../src/placement/findings.js';
import { affinityNodes } from '../../src/placement/pinning.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
describe('affinityNodes counts only the vCPUs that exist', () => {
  it('an entry past maxvcpus reaches no node', () => {
    const h = fixtureHost('two-node.json');
    const c = cfg({ name: 'p', memory: 4096, vcpus: 2, cpus: [cpus('0'), cpus('1'), cpus('4')] });
    expect(affinityNodes(c, h)?.map((n) => n.id)).toEqual([0]);
    const r = plan(c, h);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.plan!.nodes).toEqual([0]);
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[0], [1]]);
  });

  it('maxvcpus above vcpus counts every vCPU that may exist', () => {
    const h = fixtureHost('two-node.json');
    const c = cfg({ name: 'p', memory: 4096, vcpus: 2, maxvcpus: 3, cpus: [cpus('0'), cpus('1'), cpus('4')] });
    expect(affinityNodes(c, h)).toBeNull();
  });

  it('check --host judges no CPU of an entry past maxvcpus (XM0416 is for CPUs a vCPU may be pinned to)', () => {
    const h = fixtureHost('two-node.json');
    expect(placementFindings(cfg({ name: 'p', vcpus: 2, cpus: [cpus('0'), cpus('1'), cpus('99')] }), undefined, h).map((d) => d.code)).toEqual([]);
    // With a third vCPU the entry is its own: naming no CPU of the host, it fails xl create (XM0405).
    expect(placementFindings(cfg({ name: 'p', vcpus: 3, cpus: [cpus('0'), cpus('1'), cpus('99')] }), undefined, h).map((d) => d.code)).toEqual(['XM0405']);
  });
});
