/**
 * A per-vCPU `cpus` list shorter than maxvcpus (`vcpus = 4`, `cpus = ["0", "1"]`): xl sets the
 * hard affinity of the listed vCPUs only, libxl leaves the others alone, and Xen gives those every
 * CPU, so the domain's node affinity (the union over its vCPUs) is every node. affinityNodes and
 * the plan's candidate fence counted only the listed entries, so the policy was held to node 0 (and
 * a cpus_soft on node 1 was judged unreachable, XM0426), while numa = "off" (vcpusReach) already
 * read the same list as reaching every node.
 */
import { describe, expect, it } from 'vitest';
import { affinityNodes, vcpusReach } from '../../src/placement/pinning.js';
import { placementFindings } from '../../src/placement/findings.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 20471 MiB free; node 1 CPUs 4-7, 30122 MiB free.
const two = () => fixtureHost('two-node.json');
const short = { name: 'p', memory: 4096, vcpus: 4, cpus: [cpus('0'), cpus('1')] };

describe('a per-vCPU cpus list shorter than maxvcpus', () => {
  it('affinityNodes and vcpusReach agree: the unlisted vCPUs reach every node', () => {
    const h = two();
    expect(vcpusReach(cfg(short), h, 4)).toBeNull();
    expect(affinityNodes(cfg(short), h)).toBeNull();
    // Every vCPU listed: the union of the entries fences the nodes in, for both.
    const full = cfg({ ...short, cpus: [cpus('0'), cpus('1'), cpus('2'), cpus('3')] });
    expect([...vcpusReach(full, h, 4)!].sort()).toEqual([0, 1, 2, 3]);
    expect(affinityNodes(full, h)?.map((n) => n.id)).toEqual([0]);
  });

  it('the policy chooses among every node; the listed vCPUs whose pins it replaces have XM0417', () => {
    const r = plan(cfg(short), two());
    expect(r.plan!.nodes).toEqual([1]);
    expect(r.plan!.node_affinity).toEqual({ nodes: [1], mask: '0x2' });
    expect(r.plan!.memory_per_node_mib).toEqual({ '1': 4096 });
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7]]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0417']);
  });

  it('with cpus_soft "4-7": Xen keeps the memory on node 1 (every CPU ∩ 4-7), so the plan does, without XM0426', () => {
    const c = cfg({ ...short, cpus_soft: cpus('4-7') });
    const r = plan(c, two());
    expect(r.plan!.node_affinity).toEqual({ nodes: [1], mask: '0x2' });
    expect(r.plan!.memory_per_node_mib).toEqual({ '1': 4096 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0417']);
    // check --host says what plan says, at the config's spans.
    expect(placementFindings(c, undefined, two()).map((d) => d.code)).toEqual(['XM0417']);
  });
});
