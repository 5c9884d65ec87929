/**
 * Node choice counts the CPUs the guest may run on (decision 057). With `cpus = "0,8-15"` on two
 * nodes of 8 CPUs, node 0 offers one CPU and node 1 eight; the policies counted node 0's whole
 * eight, so `best` put all 8 vCPUs on node 0 (the freer) pinned to CPU 0, with XM0406, and its
 * reasons said "0 vCPUs on 8 CPUs". XM0406 counts the CPUs within the vCPUs' hard affinity: the
 * two now agree, so a plan whose policy found a node with a CPU for each vCPU has no XM0406.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capacityOf, cpusAllowed } from '../../src/placement/capacity.js';
import { vcpusReach } from '../../src/placement/pinning.js';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig, PolicyName } from '../../src/placement/types.js';
import { cfg, cliBuilt, cpus, runCli, useTempDir } from './helpers.js';

/** Nodes of `size` CPUs each (node i: CPUs i·size …), `free` MiB free each, distance 10/20. */
function host(free: number[], size = 8): Host {
  return {
    nodes: free.map((f, i) => ({
      id: i,
      cpus: Array.from({ length: size }, (_, k) => i * size + k),
      memory_mib: 16384,
      free_mib: f,
      distances: Object.fromEntries(free.map((_, j) => [String(j), i === j ? 10 : 20])),
    })),
  };
}

// Node 0 is the freer, so whole-node counting took it.
const two = () => host([16384, 12000]);
const codes = (r: ReturnType<typeof plan>) => r.diagnostics.map((d) => d.code);

describe('node choice counts only the CPUs the config lets the guest run on', () => {
  const cases: Array<{ name: string; over: Partial<PlacementConfig>; policy?: PolicyName; nodes: number[]; codes: string[] }> = [
    { name: 'no NUMA keys, cpus "0,8-15", 8 vCPUs: node 1 (8 allowed CPUs), not node 0 (1)', over: { vcpus: 8, cpus: cpus('0,8-15') }, nodes: [1], codes: [] },
    { name: 'numa = "on" (one node): node 1', over: { vcpus: 8, cpus: cpus('0,8-15'), numa: { mode: 'auto', node_count: 1 } }, nodes: [1], codes: [] },
    {
      name: 'a per-vCPU list reaching the same CPUs: node 1',
      over: { vcpus: 8, cpus: Array.from({ length: 8 }, () => cpus('0,8-15')) },
      nodes: [1],
      codes: [],
    },
    {
      name: '10 vCPUs on 9 allowed CPUs: the least overcommitted set, node 1 alone (10 on 8), not 5 of them on CPU 0',
      over: { vcpus: 10, cpus: cpus('0,8-15') },
      nodes: [1],
      codes: ['XM0406'],
    },
    // It took nodes 0,1 (the freer node 0 first, for its one allowed CPU), with XM0406: the fewest nodes
    // with the memory and the allowed CPUs is node 1 alone (SPEC §3, decision 104), as best takes.
    { name: 'most-free takes the fewest nodes whose allowed CPUs cover the vCPUs: node 1', over: { vcpus: 8, cpus: cpus('0,8-15') }, policy: 'most-free', nodes: [1], codes: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plan(cfg({ memory: 2048, ...c.over }), two(), { policy: c.policy ?? 'best' });
      expect([...r.plan!.node_affinity.nodes]).toEqual(c.nodes);
      expect(codes(r)).toEqual(c.codes);
    });
  }

  it('the 10-vCPU guest\'s XM0406 is about node 1\'s whole CPU set (at vcpus), none about CPU 0', () => {
    const r = plan(cfg({ memory: 2048, vcpus: 10, cpus: cpus('0,8-15') }), two());
    expect(r.diagnostics.filter((d) => d.code === 'XM0406').map((d) => 'byCpus' in d)).toEqual([false]);
  });

  it('agrees with XM0406: wherever one node has an allowed CPU for each vCPU and the memory, best takes one node and XM0406 stays silent', () => {
    for (const text of ['0,8-15', '0-1,8-13', '0-6,15', '1,3,5,7,9-15', '0-3,12-15']) {
      const reach = vcpusReach(cfg({ cpus: cpus(text) }), two(), 1)!;
      const allowed = [0, 1].map((n) => [...Array(8).keys()].filter((k) => reach.has(n * 8 + k)).length);
      for (let v = 1; v <= 9; v++) {
        const r = plan(cfg({ memory: 2048, vcpus: v, cpus: cpus(text) }), two());
        if (Math.max(...allowed) >= v) {
          expect([text, v, r.plan!.nodes.length]).toEqual([text, v, 1]);
          expect([text, v, codes(r)]).toEqual([text, v, []]);
        }
      }
    }
  });

  it('cpus covering whole nodes (or none) leave the view as it is: the same object, so those plans are unchanged', () => {
    const h = two();
    const cap = capacityOf(h);
    expect(cpusAllowed(cap, h, vcpusReach(cfg({ cpus: cpus('0-7') }), h, 4))).toBe(cap);
    expect(cpusAllowed(cap, h, vcpusReach(cfg({ cpus: cpus('0-15') }), h, 4))).toBe(cap);
    expect(cpusAllowed(cap, h, null)).toBe(cap);
    const narrowed = cpusAllowed(cap, h, vcpusReach(cfg({ cpus: cpus('0,8-15') }), h, 4));
    expect(narrowed.cpus).toEqual([1, 8]);
    expect(narrowed.whole).toEqual([8, 8]);
  });

  it('a node the cpus leave no CPU keeps its own count (a plan there pins to its CPUs, XM0417)', () => {
    const h = host([4096, 4096, 4096]);
    const narrowed = cpusAllowed(capacityOf(h), h, vcpusReach(cfg({ cpus: cpus('0-3') }), h, 2));
    expect(narrowed.cpus).toEqual([4, 8, 8]);
  });
});

describe.skipIf(!cliBuilt)('xmcfg plan with cpus that narrow a node', () => {
  const t = useTempDir('xmcfg-narrow-cap-');

  it('plans node 1 with no XM0406 (it was node 0, 8 vCPUs pinned to CPU 0)', () => {
    writeFileSync(join(t.dir, 'host.json'), JSON.stringify(two()));
    writeFileSync(join(t.dir, 'g.cfg'), 'name = "g"\ntype = "hvm"\nmemory = 2048\nvcpus = 8\ncpus = "0,8-15"\n');
    const r = runCli(t.dir, ['plan', join(t.dir, 'g.cfg'), '--host', join(t.dir, 'host.json')]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).nodes).toEqual([1]);
    expect([...r.stderr.matchAll(/ (XM04\d\d):/g)].map((m) => m[1])).toEqual([]);
  });
});
