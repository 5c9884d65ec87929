import { describe, expect, it } from 'vitest';
import { plan } from '../../src/placement/plan.js';
import { maskOf, idsOfMask, rangesOf } from '../../src/placement/bitmap.js';
import { createFlags } from '../../src/placement/flags.js';
import type { Host, PlacementConfig } from '../../src/placement/types.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

const two = (): Host => fixtureHost('two-node.json');
const opteron = (): Host => fixtureHost('four-node-opteron.json');

describe('plan: the spec example', () => {
  it('places web on node 1 exactly as SPEC §5 shows', () => {
    const r = plan({ name: 'web', type: 'hvm', memory: 4096, vcpus: 2 }, two());
    expect(r.diagnostics).toEqual([]);
    const { reasons, ...rest } = r.plan!;
    expect(rest).toEqual({
      version: 1,
      domain: 'web',
      policy: 'best',
      affinity: 'hard',
      nodes: [1],
      node_affinity: { nodes: [1], mask: '0x2' },
      memory_per_node_mib: { '1': 4096 },
      vcpus: [
        { vcpu: 0, node: 1, cpus: [4, 5, 6, 7] },
        { vcpu: 1, node: 1, cpus: [4, 5, 6, 7] },
      ],
      create_flags: { value: 3, names: ['hvm', 'hap'] },
      xl: { cpus: ['4-7', '4-7'], vnuma: null },
      commands: ['xl vcpu-pin web 0 4-7', 'xl vcpu-pin web 1 4-7'],
    });
    expect(reasons[0]).toContain('node 1: most free memory among single nodes that fit (30122 MiB free)');
  });

  it('is pure: inputs unchanged, nothing shared with the result, same output twice', () => {
    const host = opteron();
    const config: PlacementConfig = cfg({ numa: { mode: 'auto', node_count: 2 }, vcpus: 4, memory: 8192 });
    const h0 = JSON.stringify(host);
    const c0 = JSON.stringify(config);
    const a = plan(config, host);
    expect(JSON.stringify(host)).toBe(h0);
    expect(JSON.stringify(config)).toBe(c0);
    const b = plan(config, host);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    a.plan!.vcpus[0]!.cpus.push(999);
    expect(host.nodes.some((n) => n.cpus.includes(999))).toBe(false);
  });
});

describe('plan: vCPU map and memory split', () => {
  it('maps vCPU i to n[floor(i*k/maxvcpus)] and splits memory by vCPUs', () => {
    const r = plan(cfg({ vcpus: 6, memory: 6000, numa: { mode: 'nodes', nodes: [2, 0, 3], node_count: 3 } }), opteron());
    const p = r.plan!;
    expect(p.nodes).toEqual([2, 0, 3]);
    expect(p.vcpus.map((v) => v.node)).toEqual([2, 2, 0, 0, 3, 3]);
    expect(p.memory_per_node_mib).toEqual({ '0': 2000, '2': 2000, '3': 2000 });
    expect(p.node_affinity).toEqual({ nodes: [0, 2, 3], mask: '0xd' });
  });

  it('uses maxvcpus, not vcpus, for the map', () => {
    const r = plan(cfg({ vcpus: 2, maxvcpus: 4, memory: 4000, numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } }), opteron());
    expect(r.plan!.vcpus.map((v) => v.node)).toEqual([0, 0, 1, 1]);
  });

  it('splits whole MiB by largest remainder', () => {
    const r = plan(cfg({ vcpus: 3, memory: 1000, numa: { mode: 'nodes', nodes: [1, 3], node_count: 2 } }), opteron());
    expect(r.plan!.memory_per_node_mib).toEqual({ '1': 667, '3': 333 });
  });

  it('splits unevenly (XM0412) when a listed node cannot hold its share', () => {
    const host = opteron();
    host.nodes[1]!.free_mib = 1000;
    const r = plan(cfg({ vcpus: 2, memory: 4000, numa: { mode: 'nodes', nodes: [1, 3], node_count: 2 } }), host);
    expect(r.plan!.memory_per_node_mib).toEqual({ '1': 1000, '3': 3000 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0412']);
  });

  it('gives every listed node memory when there are more nodes than vCPUs', () => {
    const r = plan(cfg({ vcpus: 1, memory: 3000, numa: { mode: 'auto', node_count: 2 } }), opteron());
    expect(Object.values(r.plan!.memory_per_node_mib)).toEqual([1500, 1500]);
    expect(r.plan!.vcpus).toHaveLength(1);
  });
});

describe('plan: node choice and refusals', () => {
  it('numanodes=2 on the Opteron square takes an adjacent pair (16), never the diagonal (22)', () => {
    for (let free0 = 0; free0 <= 65536; free0 += 16384) {
      const host = opteron();
      host.nodes[0]!.free_mib = free0;
      const p = plan(cfg({ memory: 8192, vcpus: 2, numa: { mode: 'auto', node_count: 2 } }), host).plan!;
      const [a, b] = p.node_affinity.nodes;
      expect(host.nodes[a!]!.distances[String(b)]).toBe(16);
    }
  });

  it('refuses a listed node the host lacks (XM0402) and sparse ids work', () => {
    const r = plan(cfg({ numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), fixtureHost('sparse.json'));
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0402']);
    const ok = plan(cfg({ numa: { mode: 'nodes', nodes: [2], node_count: 1 } }), fixtureHost('sparse.json'));
    expect(ok.plan!.vcpus[0]!.cpus).toEqual([4, 5, 6, 7]);
  });

  it('refuses listed nodes without the memory (XM0403), naming each node', () => {
    const r = plan(cfg({ memory: 40000, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), two());
    expect(r.plan).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'XM0403', severity: 'error', span: { start: 0, end: 0 } });
    expect(r.diagnostics[0]!.message).toContain('node 0 (20471 MiB free)');
  });

  it('refuses numa=on when no single node holds it (XM0404) but never a guest that fits', () => {
    const r = plan(cfg({ memory: 30000, numa: { mode: 'auto', node_count: 1 } }), two());
    expect(r.plan!.nodes).toEqual([1]);
    const no = plan(cfg({ memory: 30000, numa: { mode: 'auto', node_count: 1 } }), two(), { reservations: [{ domain: 'x', nodes: [{ node: 1, memory_mib: 2000, vcpus: 1 }] }] });
    expect(no.plan).toBeNull();
    expect(no.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
    expect(no.diagnostics[0]!.message).toContain('node 1 (28122 MiB free)');
  });

  it('refuses more nodes than the host has (XM0404)', () => {
    expect(plan(cfg({ numa: { mode: 'auto', node_count: 3 } }), two()).diagnostics.map((d) => d.code)).toEqual(['XM0404']);
  });

  it('places a guest without NUMA keys on the fewest nodes holding memory and vCPUs', () => {
    expect(plan(cfg({ memory: 8192, vcpus: 4 }), two()).plan!.nodes).toEqual([1]);
    expect(plan(cfg({ memory: 40000, vcpus: 2 }), two()).plan!.node_affinity.nodes).toEqual([0, 1]);
    expect(plan(cfg({ memory: 1024, vcpus: 6 }), two()).plan!.node_affinity.nodes).toEqual([0, 1]);
  });

  it('warns when a forced single node is overcommitted (XM0406)', () => {
    const r = plan(cfg({ vcpus: 8, numa: { mode: 'auto', node_count: 1 } }), two());
    expect(r.plan!.nodes).toEqual([1]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0406']);
  });

  it('numa off: no placement, every node allowed', () => {
    const p = plan(cfg({ numa: { mode: 'off' } }), two()).plan!;
    expect(p.nodes).toEqual([]);
    expect(p.node_affinity).toEqual({ nodes: [0, 1], mask: '0x3' });
    expect(p.vcpus).toEqual([]);
    expect(p.commands).toEqual([]);
  });

  it('numa off still needs the memory: booked over the nodes by free memory, refused when the host lacks it', () => {
    // two-node.json: 20471 + 30122 MiB free
    const p = plan(cfg({ memory: 30000, numa: { mode: 'off' } }), two()).plan!;
    expect(p.memory_per_node_mib).toEqual({ '0': 12139, '1': 17861 });
    const held = [{ domain: 'a', nodes: [{ node: 0, memory_mib: 12139, vcpus: 0 }, { node: 1, memory_mib: 17861, vcpus: 0 }] }];
    const r = plan(cfg({ name: 'b', memory: 30000, numa: { mode: 'off' } }), two(), { reservations: held });
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
  });

  it('says "its one node", not "all 1 nodes", when a one-node host is short (XM0404)', () => {
    const one: Host = { nodes: [{ ...two().nodes[0]!, distances: { '0': 10 } }] };
    const r = plan(cfg({ memory: 100000, numa: { mode: 'off' } }), one);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
    expect(r.diagnostics[0]!.message).toContain('free on its one node');
  });

  it('names each node and its free memory when the whole host is short (XM0404; it gave the total only)', () => {
    const r = plan(cfg({ memory: 100000, numa: { mode: 'off' } }), two());
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
    expect(r.diagnostics[0]!.message).toMatch(/: node 1 \(30122 MiB free\), node 0 \(20471 MiB free\)$/);
    // 72 nodes: the eight freest, and a count of the rest.
    const big = plan(cfg({ memory: 100_000_000, numa: { mode: 'off' } }), fixtureHost('seventy-two-node.json'));
    expect(big.diagnostics.map((d) => d.code)).toEqual(['XM0404']);
    expect(big.diagnostics[0]!.message.match(/node \d+ \(\d+ MiB free\)/g)).toHaveLength(8);
    expect(big.diagnostics[0]!.message).toMatch(/, and 64 more with less$/);
  });

  it('subtracts live reservations and counts their vCPUs as load', () => {
    expect(plan(cfg({ memory: 20300 }), two()).plan!.nodes).toEqual([1]);
    const r = plan(cfg({ memory: 20300 }), two(), { reservations: [{ domain: 'a', nodes: [{ node: 1, memory_mib: 10000, vcpus: 2 }] }] });
    expect(r.plan!.nodes).toEqual([0]);
    // equal free memory: the reservation's vCPUs make node 1 the more loaded one
    const host: Host = { nodes: [{ id: 0, cpus: [0], memory_mib: 8000, free_mib: 4000 }, { id: 1, cpus: [1], memory_mib: 8000, free_mib: 4000 }] } as Host;
    const loaded = plan(cfg({ memory: 100, vcpus: 1 }), host, { reservations: [{ domain: 'a', nodes: [{ node: 0, memory_mib: 0, vcpus: 3 }] }] });
    expect(loaded.plan!.nodes).toEqual([1]);
  });

  it('rejects a malformed host without planning', () => {
    const r = plan(cfg(), { nodes: [{ id: 0 }] } as unknown as Host);
    expect(r.plan).toBeNull();
    expect(r.diagnostics[0]!.code).toBe('XM0401');
  });

  it('honours the config cpus inside the chosen node', () => {
    const r = plan(cfg({ cpus: cpus('5-6') }), two());
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[5, 6], [5, 6]]);
  });

  it('writes soft affinity commands with a dash for hard', () => {
    expect(plan(cfg(), two(), { affinity: 'soft' }).plan!.commands[0]).toBe('xl vcpu-pin web 0 - 4-7');
  });
});

describe('plan: memory-only nodes', () => {
  it('pins vCPUs placed on a node without CPUs to the nearest CPUs, never to "none"', () => {
    // sparse ids: node 4 has memory but no CPUs; node 0 (distance 20) is its nearest with CPUs
    const host: Host = {
      nodes: [
        { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 4096, distances: { '0': 10, '4': 20, '65': 30 } },
        { id: 4, cpus: [], memory_mib: 16384, free_mib: 16384, distances: { '0': 20, '4': 10, '65': 30 } },
        { id: 65, cpus: [2, 3], memory_mib: 4096, free_mib: 4096, distances: { '0': 30, '4': 30, '65': 10 } },
      ],
    };
    const one = plan(cfg({ type: 'hvm', memory: 1024, numa: { mode: 'nodes', nodes: [4], node_count: 1 } }), host);
    expect(one.plan!.vcpus.map((v) => [v.node, v.cpus])).toEqual([
      [4, [0, 1]],
      [4, [0, 1]],
    ]);
    expect(one.plan!.xl.cpus).toEqual(['0-1', '0-1']);
    expect(one.plan!.commands).toEqual(['xl vcpu-pin web 0 0-1', 'xl vcpu-pin web 1 0-1']);
    expect(one.diagnostics.map((d) => d.code)).toEqual(['XM0406']);
    const two = plan(cfg({ type: 'hvm', memory: 1024, numa: { mode: 'nodes', nodes: [65, 4], node_count: 2 } }), host);
    expect(two.plan!.xl.cpus).toEqual(['2-3', '0-1']);
  });
});

describe('plan: wide node ids', () => {
  it('masks ids above 64 exactly (72-node host)', () => {
    const host = fixtureHost('seventy-two-node.json');
    const p = plan(cfg({ numa: { mode: 'nodes', nodes: [70, 65], node_count: 2 } }), host).plan!;
    expect(p.node_affinity.nodes).toEqual([65, 70]);
    expect(p.node_affinity.mask).toBe(`0x${((1n << 70n) | (1n << 65n)).toString(16)}`);
    expect(idsOfMask(p.node_affinity.mask)).toEqual([65, 70]);
  });

  it('bitmap helpers', () => {
    expect(maskOf([])).toBe('0x0');
    expect(maskOf([0, 1, 2, 3])).toBe('0xf');
    expect(maskOf([255])).toBe(`0x8${'0'.repeat(63)}`);
    expect(rangesOf([7, 0, 1, 2, 5])).toBe('0-2,5,7');
    expect(rangesOf([])).toBe('none');
    expect(idsOfMask('zz')).toBeNull();
  });
});

describe('create_flags', () => {
  it.each<[string, PlacementConfig, number, string[]]>([
    ['pv default', {}, 0, []],
    ['builder hvm', { builder: 'hvm' }, 3, ['hvm', 'hap']],
    ['pvh', { type: 'pvh' }, 3, ['hvm', 'hap']],
    ['hvm hap=0 oos=0', { type: 'hvm', hap: false, oos: false }, 0x9, ['hvm', 'oos_off']],
    ['pv ignores hap/oos/nestedhvm', { type: 'pv', hap: true, oos: false, nestedhvm: true }, 0, []],
    ['hvm nested + vpmu', { type: 'hvm', nestedhvm: true, vpmu: true }, 0xc3, ['hvm', 'hap', 'nested_virt', 'vpmu']],
    ['pci implies iommu', { type: 'hvm', pci: [{}] }, 0x23, ['hvm', 'hap', 'iommu']],
    ['passthrough disabled wins', { type: 'hvm', pci: [{}], passthrough: 'disabled' }, 3, ['hvm', 'hap']],
    ['passthrough sync_pt', { passthrough: 'sync_pt' }, 0x20, ['iommu']],
    ['s3_integrity (xm)', { s3_integrity: true }, 0x4, ['s3_integrity']],
  ])('%s', (_n, c, value, names) => {
    expect(createFlags(c)).toEqual({ value, names });
  });
});

describe('plan: config pinning and vnuma', () => {
  it('applies a per-vCPU cpus list to its own vCPU only', () => {
    const r = plan(cfg({ vcpus: 3, cpus: [cpus('4'), cpus('0-3')] }), fixtureHost('two-node.json'));
    expect(r.plan!.vcpus.map((v) => v.cpus)).toEqual([[4], [4, 5, 6, 7], [4, 5, 6, 7]]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0417', 'warning']]);
  });

  it('chooses among the nodes the config cpus reach instead of overriding them', () => {
    // node 1 is the freest, but cpus = "0-3" keeps the vCPUs on node 0: the plan must not replace them
    for (const numa of [undefined, { mode: 'auto' as const, node_count: 1 }]) {
      for (const policy of ['best', 'most-free', 'round-robin'] as const) {
        const r = plan(cfg({ cpus: cpus('0-3'), ...(numa ? { numa } : {}) }), two(), { policy, cursor: 1 });
        expect(r.diagnostics.map((d) => d.code)).toEqual([]);
        expect(r.plan!.nodes).toEqual([0]);
        expect(r.plan!.xl.cpus).toEqual(['0-3', '0-3']);
      }
    }
    // when those nodes cannot hold it, the whole host competes again (and XM0417 says so)
    const big = plan(cfg({ cpus: cpus('0-3'), memory: 25000 }), two());
    expect(big.plan!.nodes).toEqual([1]);
    expect(big.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0417', 'warning']]);
  });

  it('refuses cpus that share no CPU with the listed numanode (XM0405 error, SPEC §3), as check --host does', () => {
    const r = plan(cfg({ cpus: cpus('0-3'), numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), two());
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0405', 'error']]);
    // one listed node they do share is enough: the others' vCPUs get their node's CPUs, with a warning
    const ok = plan(cfg({ vcpus: 2, cpus: cpus('0-3'), numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } }), two());
    expect(ok.plan!.xl.cpus).toEqual(['0-3', '4-7']);
    expect(ok.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0417', 'warning']]);
  });

  it('refuses cpus that name no CPU of the host (XM0405 error: an empty affinity), in every NUMA mode, as check --host does', () => {
    for (const numa of [undefined, { mode: 'off' as const }, { mode: 'auto' as const, node_count: 2 }]) {
      const r = plan(cfg({ cpus: cpus('100-101'), ...(numa ? { numa } : {}) }), two());
      expect([r.plan, r.diagnostics.map((d) => [d.code, d.severity])]).toEqual([null, [['XM0405', 'error']]]);
    }
    // a guest that does not fit is refused for its memory first (the binding constraint)
    expect(plan(cfg({ cpus: cpus('100-101'), memory: 90000 }), two()).diagnostics.map((d) => d.code)).toEqual(['XM0404']);
  });

  it('leaves a config that sets its own vnuma alone', () => {
    const r = plan(cfg({ type: 'hvm', vnuma: [], numa: { mode: 'auto', node_count: 2 } }), fixtureHost('two-node.json'));
    expect(r.plan!.xl.vnuma).toBeNull();
  });
});
