import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPlanJson, formatPlanText, formatPlanXl } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import type { Host, PlacementConfig, PlanOptions, ReservationLoad } from '../../src/placement/types.js';
import { writeFileSync } from 'node:fs';
import { FIXTURES, cfg, cliBuilt, cpus, fixtureHost, runCli, useTempDir } from './helpers.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Compare with a golden file (UPDATE_GOLDEN=1 rewrites it). */
function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden ${name} was missing and has been written; rerun`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const CASES: Array<[name: string, host: string, config: PlacementConfig, options: PlanOptions]> = [
  ['spec-web', 'two-node.json', { name: 'web', type: 'hvm', memory: 4096, vcpus: 2 }, {}],
  ['opteron-numanodes2-hvm', 'four-node-opteron.json', cfg({ name: 'db', type: 'hvm', memory: 16384, vcpus: 6, numa: { mode: 'auto', node_count: 2 } }), {}],
  ['opteron-pv-soft', 'four-node-opteron.json', cfg({ name: 'pvguest', memory: 100000, vcpus: 4 }), { affinity: 'soft' }],
  ['sparse-listed', 'sparse.json', cfg({ name: 'edge', type: 'pvh', memory: 6000, vcpus: 3, numa: { mode: 'nodes', nodes: [2, 0], node_count: 2 } }), {}],
  ['two-node-off', 'two-node.json', cfg({ name: 'free', numa: { mode: 'off' } }), {}],
  ['two-node-round-robin', 'two-node.json', cfg({ name: 'rr', memory: 2048, vcpus: 1 }), { policy: 'round-robin', cursor: 1 }],
  // cpus narrow nodes 0 and 1 (1 and 4 of their 12 CPUs): the table counts those, as the plan does (decision 071).
  ['opteron-cpus-narrow', 'four-node-opteron.json', cfg({ name: 'pinned', memory: 8192, vcpus: 4, cpus: cpus('0,12-15') }), {}],
];

describe('golden plans in three formats', () => {
  it.each(CASES)('%s', (name, hostName, config, options) => {
    const host = fixtureHost(hostName);
    const reservations: ReservationLoad[] = name === 'spec-web' ? [] : [{ domain: 'other', nodes: [{ node: host.nodes[0]!.id, memory_mib: 1024, vcpus: 2 }] }];
    const r = plan(config, host, { ...options, reservations });
    expect(r.plan).not.toBeNull();
    golden(`${name}.json`, formatPlanJson(r.plan!));
    golden(`${name}.txt`, formatPlanText(r.plan!, host, reservations, config));
    golden(`${name}.xl`, formatPlanXl(r.plan!));
  });

  it('xl output is a valid xl settings block: cpus list per vCPU and a vnuma entry per node', () => {
    const r = plan(cfg({ name: 'db', type: 'hvm', memory: 16384, vcpus: 6, numa: { mode: 'auto', node_count: 2 } }), fixtureHost('four-node-opteron.json'));
    const xl = formatPlanXl(r.plan!);
    const cpusLine = xl.split('\n').find((l) => l.startsWith('cpus = '))!;
    expect(cpusLine.match(/"/g)).toHaveLength(12);
    expect(xl).toContain('"pnode=1", "size=8192", "vcpus=0-2", "vdistances=10,16"');
    expect(xl).toContain('"pnode=3", "size=8192", "vcpus=3-5", "vdistances=16,10"');
  });

  it('numa off: the xl header and the text nodes line say the guest is not placed and any node may hold it (they said "nodes none (mask 0x3)")', () => {
    const host = fixtureHost('two-node.json');
    const r = plan(cfg({ name: 'free', numa: { mode: 'off' } }), host);
    expect(formatPlanXl(r.plan!).split('\n')[0]).toBe('# xmcfg plan for free: policy best, not placed, any node (mask 0x3)');
    expect(formatPlanText(r.plan!, host).split('\n')[1]).toBe('  nodes        any (not placed)   mask 0x3');
  });

  it('vnuma sizes add up to maxmem', () => {
    // shadow_memory is placed but is not guest memory: the vnuma sizes still add up to maxmem
    const r = plan(cfg({ type: 'hvm', memory: 6001, maxmem: 6001, shadow_memory: 99, vcpus: 2, numa: { mode: 'auto', node_count: 2 } }), fixtureHost('four-node-opteron.json'));
    const sizes = r.plan!.xl.vnuma!.map((v) => Number(v[1]!.slice('size='.length)));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(6001);
    expect(Object.values(r.plan!.memory_per_node_mib).reduce((a, b) => a + b, 0)).toBe(6100);
  });

  it('writes no vnuma for memory below maxmem (populate-on-demand, which Xen refuses with vNUMA)', () => {
    for (const type of ['hvm', 'pvh'] as const) {
      const r = plan(cfg({ type, memory: 4000, maxmem: 6001, vcpus: 2, numa: { mode: 'auto', node_count: 2 } }), fixtureHost('four-node-opteron.json'));
      expect(r.plan!.nodes).toHaveLength(2);
      expect(r.plan!.xl.vnuma).toBeNull();
      expect(formatPlanXl(r.plan!)).not.toContain('vnuma');
    }
  });
});

describe('plan --format text: its tables line up', () => {
  it('under their headers, with a five-digit node id and 6 vCPUs per CPU (the vCPU column sat 10 to the left of its header)', () => {
    const host = { nodes: [{ id: 5, cpus: [0, 1], memory_mib: 4096, free_mib: 3000, distances: {} }, { id: 12345, cpus: [2, 3], memory_mib: 1048576, free_mib: 1000000, distances: {} }] } as Host;
    // numa = "on": one node for all 12 vCPUs (an automatic guest with more vCPUs than the host's CPUs spreads, decision 053).
    const r = plan(cfg({ name: 'h', type: 'hvm', memory: 1024, vcpus: 12, numa: { mode: 'auto', node_count: 1 } }), host);
    const lines = formatPlanText(r.plan!, host).split('\n');
    const at = (l: string, s: string, from = 0): number => l.indexOf(s, from);
    // vCPU table: each row's node ends under "node" and its CPUs start under "CPUs".
    const vh = lines.findIndex((l) => /^\s*vCPU\s+node\s+CPUs$/.test(l));
    const vrows = lines.slice(vh + 1, vh + 13);
    expect(vrows.map((l) => [l.indexOf('12345') + 5, l.indexOf('2-3')])).toEqual(vrows.map(() => [at(lines[vh]!, 'node') + 4, at(lines[vh]!, 'CPUs')]));
    // node table: ids end under "node", the memory bars start under "memory", the vCPU bars under "vCPUs".
    const nh = lines.findIndex((l) => l.includes('memory used (before -> after)'));
    const nrows = lines.slice(nh + 1, nh + 3);
    // Where a row's id ends, its first and third bars start, and its vCPU arrow is.
    const cols = (l: string): number[] => {
      const bars = [...l.matchAll(/\[/g)].map((m) => m.index);
      const arrows = [...l.matchAll(/ -> /g)].map((m) => m.index);
      return [/^\s*\d+/.exec(l)![0].length, bars[0]!, bars[2]!, arrows[1]!];
    };
    expect(new Set(nrows.map((l) => JSON.stringify(cols(l)))).size).toBe(1);
    expect(cols(nrows[0]!).slice(0, 3)).toEqual([at(lines[nh]!, 'node') + 4, at(lines[nh]!, 'memory'), at(lines[nh]!, 'vCPUs')]);
  });
});

describe('plan --format text: nodes without memory or CPUs', () => {
  it('say so in the node table (they showed 0% used and vCPUs per one CPU, like nodes with room)', () => {
    // sparse.json: node 5 has 64 GiB and no CPUs, node 9 CPUs and no memory; the guest's vCPUs on node 5 run elsewhere.
    const host = fixtureHost('sparse.json');
    const r = plan(cfg({ name: 'edge', type: 'pvh', memory: 6000, vcpus: 3, numa: { mode: 'nodes', nodes: [5], node_count: 1 } }), host);
    const rows = formatPlanText(r.plan!, host).split('\n').filter((l) => /^\s+[59]  /.test(l));
    expect(rows).toEqual([
      '     5  [..........]   0% -> [#.........]   9%   no CPUs (vCPUs 0 -> 3)',
      '     9  no memory                                [..........] 0.00 -> [..........] 0.00',
    ]);
  });
});

describe('plan --format text: vCPUs per CPU count the CPUs the config\'s cpus allow, as the plan does (decision 071)', () => {
  // four-node-opteron: 12 CPUs a node (node 0: 0-11, node 1: 12-23). cpus = "0,12-15": node 0
  // offers 1 CPU, node 1 four; nodes 2 and 3 none (they keep their own 12, as the plan counts them).
  const host = fixtureHost('four-node-opteron.json');
  const reservations: ReservationLoad[] = [{ domain: 'other', nodes: [{ node: 0, memory_mib: 1024, vcpus: 2 }] }];
  const config = cfg({ name: 'pinned', memory: 8192, vcpus: 4, cpus: cpus('0,12-15') });
  /** Each node row's id, vCPUs per CPU before and after. */
  const ratios = (text: string): number[][] =>
    text
      .split('\n')
      .filter((l) => /^\s+\d+  \[/.test(l))
      .map((l) => [Number(/^\s+(\d+)/.exec(l)![1]), ...[...l.matchAll(/\] +(\d+\.\d\d)/g)].map((m) => Number(m[1]))]);

  it('node 0 (2 vCPUs on its 1 allowed CPU) is 2.00, node 1 after the 4 vCPUs 1.00 (it said 0.17 and 0.33: whole nodes)', () => {
    const r = plan(config, host, { reservations });
    expect(r.plan!.nodes).toEqual([1]);
    expect(ratios(formatPlanText(r.plan!, host, reservations, config))).toEqual([
      [0, 2, 2],
      [1, 0, 1],
      [2, 0, 0],
      [3, 0, 0],
    ]);
  });

  it('without the config, or for a config whose cpus narrow nothing, the table is the whole-node one', () => {
    const r = plan(config, host, { reservations });
    expect(ratios(formatPlanText(r.plan!, host, reservations))).toEqual([
      [0, 0.17, 0.17],
      [1, 0, 0.33],
      [2, 0, 0],
      [3, 0, 0],
    ]);
    const whole = cfg({ name: 'pinned', memory: 8192, vcpus: 4, cpus: cpus('0-23') });
    const w = plan(whole, host, { reservations });
    expect(formatPlanText(w.plan!, host, reservations, whole)).toBe(formatPlanText(w.plan!, host, reservations));
  });
});

describe.skipIf(!cliBuilt)('xmcfg plan --format text counts the CPUs the config\'s cpus allow', () => {
  const d = useTempDir('xmcfg-text-narrow-');
  it('node 1 gets 4 vCPUs on the 4 CPUs cpus allows: 1.00 after (it said 0.33, of its 12)', () => {
    writeFileSync(join(d.dir, 'p.cfg'), 'name = "pinned"\ntype = "hvm"\nmemory = 8192\nvcpus = 4\ncpus = "0,12-15"\n');
    const r = runCli(d.dir, ['plan', join(d.dir, 'p.cfg'), '--host', join(FIXTURES, 'four-node-opteron.json'), '--format', 'text']);
    expect(r.status).toBe(0);
    const row = r.stdout.split('\n').find((l) => /^\s+1  \[/.test(l))!;
    expect([...row.matchAll(/\] +(\d+\.\d\d)/g)].map((m) => m[1])).toEqual(['0.00', '1.00']);
  });
});
