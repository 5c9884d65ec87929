/**
 * `most-free` never puts a node with no free memory in a plan for nothing. A `numanodes = k` guest
 * (k > 1) took the k freest nodes even when fewer than k had any memory free: a full node, or a node
 * without memory (a CPU-only node), joined the node affinity with 0 MiB and the guest's memory sat
 * on fewer nodes than asked. That is now XM0404, naming the nodes that have memory and those that
 * lack it. An automatic guest grew over every node in free order and took full nodes without CPUs
 * (nothing to give it) once its memory was met; they are skipped. `round-robin` falls back to
 * `most-free` and refuses the same. `best` is left as it was (see docs/placement.md, Policies).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig, PolicyName } from '../../src/placement/types.js';
import { cfg, cliBuilt, runCli, useTempDir } from './helpers.js';

/** Nodes with `free` MiB free, `cpus[i]` CPUs (ids from 8·i) and `total[i]` MiB installed (16384 by default). */
function host(free: number[], cpus: number[], total: number[] = free.map(() => 16384)): Host {
  return {
    nodes: free.map((f, i) => ({
      id: i,
      cpus: Array.from({ length: cpus[i]! }, (_, k) => i * 8 + k),
      memory_mib: total[i]!,
      free_mib: f,
      distances: Object.fromEntries(free.map((_, j) => [String(j), i === j ? 10 : 20])),
    })),
  };
}

const k = (n: number): Partial<PlacementConfig> => ({ numa: { mode: 'auto', node_count: n } });

describe('most-free and nodes without free memory', () => {
  const cases: Array<{ name: string; h: Host; over: Partial<PlacementConfig>; policies: PolicyName[]; want: number[] | string }> = [
    { name: 'numanodes = 2, node 1 full: XM0404 (it planned node 1 with 0 MiB)', h: host([8192, 0], [4, 4]), over: k(2), policies: ['most-free', 'round-robin'], want: 'XM0404' },
    { name: 'numanodes = 2, node 1 has no memory at all: XM0404', h: host([8192, 0], [4, 4], [16384, 0]), over: k(2), policies: ['most-free', 'round-robin'], want: 'XM0404' },
    { name: 'numanodes = 3, two nodes with memory: XM0404', h: host([8192, 100, 0], [4, 4, 4]), over: k(3), policies: ['most-free', 'round-robin'], want: 'XM0404' },
    { name: 'numanodes = 2, both with some memory: placed as before', h: host([8192, 100], [4, 4]), over: k(2), policies: ['most-free', 'round-robin'], want: [0, 1] },
    { name: 'automatic, 8 vCPUs: a full CPU-less node adds nothing and is skipped (it was nodes 0-2)', h: host([8192, 0, 0], [4, 0, 4]), over: { vcpus: 8 }, policies: ['most-free'], want: [0, 2] },
    { name: 'automatic, 8 vCPUs: a full node with CPUs still joins for its CPUs', h: host([8192, 0], [4, 4]), over: { vcpus: 8 }, policies: ['most-free'], want: [0, 1] },
  ];
  for (const c of cases) {
    for (const policy of c.policies) {
      it(`${policy}: ${c.name}`, () => {
        const r = plan(cfg({ memory: 2048, ...c.over }), c.h, { policy });
        if (typeof c.want === 'string') {
          expect(r.plan).toBeNull();
          expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([[c.want, 'error']]);
        } else {
          expect(r.plan?.node_affinity.nodes).toEqual(c.want);
        }
      });
    }
  }

  it('best is left as it was: numanodes = 3 with two nodes with memory is still placed (the benchmark strands guests otherwise)', () => {
    const r = plan(cfg({ memory: 2048, ...k(3) }), host([8192, 8192, 0, 0], [4, 4, 4, 4]));
    expect(r.plan?.nodes).toHaveLength(3);
  });
});

describe.skipIf(!cliBuilt)('xmcfg plan --policy most-free', () => {
  const t = useTempDir('xmcfg-most-free-empty-');

  it('numanodes = 2 on a host with one node with memory: exit 1, XM0404 at the numanodes value', () => {
    writeFileSync(join(t.dir, 'host.json'), JSON.stringify(host([8192, 0], [4, 4])));
    writeFileSync(join(t.dir, 'g.cfg'), 'name = "g"\ntype = "hvm"\nmemory = 2048\nvcpus = 2\nnumanodes = 2\n');
    const r = runCli(t.dir, ['plan', join(t.dir, 'g.cfg'), '--host', join(t.dir, 'host.json'), '--policy', 'most-free']);
    expect(r.status).toBe(1);
    expect([...r.stderr.matchAll(/:(\d+):(\d+): \w+ (XM04\d\d):/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`)).toEqual(['XM0404@5:13']);
  });
});
