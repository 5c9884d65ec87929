import { describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';
import { FIXTURES, fixtureHost, fixtureText } from './helpers.js';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('readHost: JSON', () => {
  it('reads the spec example and keeps it canonical', () => {
    const r = readHost(fixtureText('two-node.json'));
    expect(r.diagnostics).toEqual([]);
    expect(r.host?.nodes.map((n) => n.id)).toEqual([0, 1]);
    expect(r.host?.nodes[1]).toMatchObject({ cpus: [4, 5, 6, 7], free_mib: 30122, distances: { '0': 21, '1': 10 } });
  });

  it('accepts an object and does not mutate it', () => {
    const h = fixtureHost('sparse.json');
    const before = JSON.stringify(h);
    const r = readHost(h);
    expect(JSON.stringify(h)).toBe(before);
    expect(r.host?.nodes.map((n) => n.id)).toEqual([0, 2, 5, 9]);
    expect(r.host?.nodes.find((n) => n.id === 5)?.cpus).toEqual([]);
    expect(r.host?.nodes.find((n) => n.id === 9)?.memory_mib).toBe(0);
  });

  it('reads 72 nodes', () => {
    const r = readHost(fixtureText('seventy-two-node.json'));
    expect(r.host?.nodes).toHaveLength(72);
    expect(r.diagnostics).toEqual([]);
  });

  it.each([
    ['missing free_mib', { nodes: [{ id: 0, cpus: [0], memory_mib: 1 }] }, 'nodes[0].free_mib'],
    ['negative memory', { nodes: [{ id: 0, cpus: [0], memory_mib: -1, free_mib: 0 }] }, 'nodes[0].memory_mib'],
    ['string cpu', { nodes: [{ id: 0, cpus: ['a'], memory_mib: 1, free_mib: 0 }] }, 'nodes[0].cpus[0]'],
    ['unknown field', { nodes: [{ id: 0, cpus: [0], memory_mib: 1, free_mib: 0, speed: 1 }] }, 'speed'],
    ['no nodes', { nodes: [] }, 'nodes'],
    ['not an object', [1, 2], 'host'],
  ])('rejects a malformed host (%s) with XM0401 naming the field', (_name, input, field) => {
    const r = readHost(input as object);
    expect(r.host).toBeNull();
    expect(r.diagnostics[0]?.code).toBe('XM0401');
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain(field);
  });

  it('lists the first 20 schema problems of a host and counts the rest in one finding', () => {
    const node: Record<string, unknown> = { id: 0, cpus: [0], memory_mib: 1, free_mib: 0 };
    for (let i = 0; i < 100_000; i++) node[`k${i}`] = i;
    const r = readHost({ nodes: [node] });
    expect(r.host).toBeNull();
    expect(r.diagnostics).toHaveLength(21);
    expect(r.diagnostics.every((d) => d.code === 'XM0401' && d.severity === 'error')).toBe(true);
    expect(r.diagnostics[19]!.message).toContain('k19');
    expect(r.diagnostics[20]!.message).toContain('99980');
    // Exactly 20 problems: all listed, no count.
    const twenty: Record<string, unknown> = { id: 0, cpus: [0], memory_mib: 1, free_mib: 0 };
    for (let i = 0; i < 20; i++) twenty[`k${i}`] = i;
    expect(readHost({ nodes: [twenty] }).diagnostics).toHaveLength(20);
  });

  it('rejects duplicate ids and CPUs on two nodes', () => {
    const dup = readHost({ nodes: [{ id: 1, cpus: [0], memory_mib: 1, free_mib: 0 }, { id: 1, cpus: [1], memory_mib: 1, free_mib: 0 }] });
    expect(dup.host).toBeNull();
    expect(dup.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    const cpu = readHost({ nodes: [{ id: 0, cpus: [0], memory_mib: 1, free_mib: 0 }, { id: 1, cpus: [0], memory_mib: 1, free_mib: 0 }] });
    expect(cpu.host).toBeNull();
  });

  it('fills a missing distance matrix with SLIT defaults, warns on partial ones', () => {
    const none = readHost({ nodes: [{ id: 0, cpus: [0], memory_mib: 1, free_mib: 1 }, { id: 3, cpus: [1], memory_mib: 1, free_mib: 1 }] });
    expect(none.diagnostics).toEqual([]);
    expect(none.host?.nodes[0]?.distances).toEqual({ '0': 10, '3': 20 });
    const partial = readHost({ nodes: [{ id: 0, cpus: [0], memory_mib: 1, free_mib: 1, distances: { '0': 10 } }, { id: 3, cpus: [1], memory_mib: 1, free_mib: 1 }] });
    expect(partial.diagnostics.map((d) => d.code)).toEqual(['XM0411']);
  });

  it('warns once per node whose distance to itself is not 10 (hop counts, a hand-made matrix)', () => {
    const node = (id: number, distances: Record<string, number>) => ({ id, cpus: [id], memory_mib: 1, free_mib: 1, distances });
    const hops = readHost({ nodes: [node(0, { '0': 0, '1': 1 }), node(1, { '0': 1, '1': 0 })] });
    expect(hops.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning'], ['XM0411', 'warning']]);
    // used as given: a warning, not a different host
    expect(hops.host?.nodes[0]?.distances).toEqual({ '0': 0, '1': 1 });
    // one finding for a node, not a second one for its remote distance below the wrong local one
    expect(readHost({ nodes: [node(0, { '0': 20, '1': 10 }), node(1, { '0': 21, '1': 10 })] }).diagnostics.map((d) => d.code)).toEqual(['XM0411']);
    // an asymmetric matrix on the SLIT scale is valid (ACPI allows it)
    expect(readHost({ nodes: [node(0, { '0': 10, '1': 20 }), node(1, { '0': 40, '1': 10 })] }).diagnostics).toEqual([]);
  });

  it('clamps free above memory with a warning', () => {
    const r = readHost({ nodes: [{ id: 0, cpus: [0], memory_mib: 100, free_mib: 200 }] });
    expect(r.host?.nodes[0]?.free_mib).toBe(100);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0411']);
  });

  it('reports JSON syntax errors as XM0401', () => {
    expect(readHost('{ nodes: ').diagnostics[0]?.code).toBe('XM0401');
  });
});

describe('readHost: a host without CPUs', () => {
  it('is XM0401: a plan could pin its vCPUs nowhere', () => {
    const r = readHost({ nodes: [{ id: 0, cpus: [], memory_mib: 1024, free_mib: 1024 }] });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
  });
});

describe('readHost: JSON text', () => {
  it('reads JSON after a byte-order mark (Notepad writes one) as the same host', () => {
    const text = fixtureText('two-node.json');
    const r = readHost(`\ufeff${text}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.host).toEqual(readHost(text).host);
    expect(r.host).not.toBeNull();
  });
});

describe('readHost: xl info -n', () => {
  it('tells a file that is no xl info output at all (a config given as the host) from plain `xl info` without -n', () => {
    // A config: not one `key : value` line, so the advice is what a host is, not "run xl info -n".
    const config = readHost('name = "web"\nmemory = 1024\nvcpus = 2\n', { format: 'xl-info' });
    expect(config.host).toBeNull();
    expect(config.diagnostics.map((d) => [d.code, d.severity, d.hint !== undefined])).toEqual([['XM0401', 'error', true]]);
    expect(config.diagnostics[0]!.message).not.toContain('numa_info');
    // `xl info` without -n: its lines are xl's, only the numa_info section is missing.
    const plain = readHost('host                   : xen1\nnr_cpus                : 8\nxen_major              : 4\n', { format: 'xl-info' });
    expect(plain.diagnostics.map((d) => [d.code, d.hint !== undefined])).toEqual([['XM0401', false]]);
    expect(plain.diagnostics[0]!.message).toContain('numa_info');
  });

  it('reads the two-node example', () => {
    const r = readHost(fixtureText('xl-info-two-node.txt'), { format: 'xl-info' });
    expect(r.diagnostics).toEqual([]);
    expect(r.host).toEqual(fixtureHost('two-node.json'));
  });

  it('reads the same host from CRLF text, text with blank lines between rows and tab-separated columns', () => {
    const text = fixtureText('xl-info-two-node.txt');
    for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\n\n'), text.replace(/ {2,}/g, '\t'), `\n\n${text}\n\n`]) {
      const r = readHost(variant, { format: 'xl-info' });
      expect(r.diagnostics).toEqual([]);
      expect(r.host).toEqual(fixtureHost('two-node.json'));
    }
  });

  it('reads sparse ids and CPU-less nodes; distances indexed by node id', () => {
    const r = readHost(fixtureText('xl-info-sparse.txt'), { format: 'xl-info' });
    expect(r.diagnostics).toEqual([]);
    expect(r.host?.nodes.map((n) => [n.id, n.cpus, n.free_mib])).toEqual([
      [0, [0, 1, 2], 8192],
      [2, [], 65000],
      [3, [4, 5], 16000],
    ]);
    expect(r.host?.nodes[1]?.distances).toEqual({ '0': 20, '2': 10, '3': 30 });
  });

  it('rejects plain `xl info` without the numa section', () => {
    const r = readHost('host : x\nnr_nodes : 1\n', { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics[0]?.code).toBe('XM0401');
  });

  it('refuses Xen 4.1 output (`numa_info : none`) with one finding that has a way out (a JSON host), not "run xl info -n"', () => {
    const text = fixtureText('xl-info-two-node.txt');
    const start = text.indexOf('numa_info');
    const end = text.indexOf('xen_major');
    const r = readHost(`${text.slice(0, start)}numa_info              : none\n${text.slice(end)}`, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.hint !== undefined])).toEqual([['XM0401', 'error', true]]);
    // plain `xl info` (no -n) keeps its own finding, without that hint
    expect(readHost('host : x\nnr_nodes : 1\n', { format: 'xl-info' }).diagnostics.map((d) => [d.code, d.hint !== undefined])).toEqual([['XM0401', false]]);
  });

  it('rejects a garbled numa row', () => {
    const text = fixtureText('xl-info-two-node.txt').replace('      10,21', '      ten').replace('      21,10', '      twenty');
    const r = readHost(text, { format: 'xl-info' });
    // one finding for the row, not a second one claiming the numa_info section is missing
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401', 'XM0401']);
  });

  it('refuses a numa_info row with fewer distances than the others (output cut short), naming its line', () => {
    const text = fixtureText('xl-info-two-node.txt');
    // the last row cut inside its distances: "21,10" -> "21" (node 1 lost its own distance)
    const cut = text.slice(0, text.indexOf('21,10') + 2);
    const r = readHost(cut, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0401', 'error']]);
    const line = cut.split('\n').length;
    expect(r.diagnostics[0]!.message).toContain(`line ${line}, column`);
    // the same rows, whole, read as before
    expect(readHost(text, { format: 'xl-info' }).diagnostics).toEqual([]);
  });

  it('reads 200,000 numa_info rows without throwing (their widths were spread into Math.max: RangeError)', () => {
    // Every row but the last has two distances: the last is cut short. Ids past 65535 are refused
    // (decision 023): the first 20 findings listed, the last row's always, the rest counted.
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i}: 1024 512 ${i === 199_999 ? '10' : '10,20'}`);
    const text = ['cpu_topology :', 'cpu: core socket node', '0: 0 0 0', 'numa_info :', 'node: memsize memfree distances', ...rows].join('\n');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(new Array(22).fill('XM0401'));
    expect(r.diagnostics[0]!.message).toMatch(/^xl info line 65542, column 1: /);
    expect(r.diagnostics[20]!.message).toContain(`line ${rows.length + 5}, column`);
    expect(r.diagnostics[21]!.message).toMatch(/\b134443 more rows\b/);
  });

  it('lists 20 row findings and counts the rest (30,000 garbled rows gave 30,000 findings)', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i}: 1024 x 10`);
    const text = ['cpu_topology :', 'cpu: core socket node', '0: 0 0 0', 'numa_info :', 'node: memsize memfree distances', ...rows, ''].join('\n');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(new Array(21).fill('XM0401'));
    expect(r.diagnostics[19]!.message).toMatch(/^xl info line 25, column/);
    expect(r.diagnostics[20]!.message).toMatch(/\b29980 more rows\b/);
  });

  it('refuses output without cpu_topology rows (XM0401): no node would have a CPU to pin to', () => {
    const text = fixtureText('xl-info-two-node.txt')
      .split('\n')
      .filter((l) => !/^\s*\d+:\s+\d+\s+\d+\s+\d+\s*$/.test(l))
      .join('\n');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
  });

  it('reads the -1 xl prints for a CPU without a node and for an unknown distance', () => {
    // xl prints libxl's invalid entry (~0) with %d: a CPU Xen puts on no node, and no SLIT distance
    const text = [
      'nr_cpus                : 4',
      'cpu_topology           :',
      'cpu:    core    socket     node',
      '  0:       0        0        0',
      '  1:       1        0        0',
      '  2:       0        1       -1',
      '  3:       1        1        2',
      'No device topology data available',
      'numa_info              :',
      'node:    memsize    memfree    distances',
      '   0:     16384       8192      10,-1,-1',
      '   2:     65536      65000      -1,-1,10',
      'xen_major              : 4',
    ].join('\n');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host?.nodes.map((n) => [n.id, n.cpus])).toEqual([
      [0, [0, 1]],
      [2, [3]],
    ]);
    expect(r.host?.nodes[0]?.distances).toEqual({ '0': 10, '2': 20 });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['XM0411', 'warning'], // CPU 2 on no node
      ['XM0411', 'warning'], // node 0: no distance to node 2
      ['XM0411', 'warning'], // node 2: no distance to node 0
    ]);
    expect(r.diagnostics[0]!.message).toContain('2');
  });
});

describe('readHost: sysfs', () => {
  it('reads node folders', () => {
    const r = readHost('', { format: 'sysfs', root: join(FIXTURES, 'sysfs-two-node') });
    expect(r.diagnostics).toEqual([]);
    expect(r.host).toEqual({
      nodes: [
        { id: 0, cpus: [0, 1, 2, 3], memory_mib: 32768, free_mib: 20471, distances: { '0': 10, '1': 21 } },
        { id: 1, cpus: [4, 5, 6, 7], memory_mib: 32768, free_mib: 30122, distances: { '0': 21, '1': 10 } },
      ],
    });
  });

  it('reads sparse ids (above 64), CPU-less and memory-less nodes', () => {
    const r = readHost(join(FIXTURES, 'sysfs-sparse'), { format: 'sysfs' });
    expect(r.diagnostics).toEqual([]);
    expect(r.host?.nodes.map((n) => [n.id, n.cpus, n.memory_mib])).toEqual([
      [0, [0, 1], 8192],
      [4, [], 16384],
      [65, [2, 3], 0],
    ]);
    expect(r.host?.nodes[2]?.distances).toEqual({ '0': 30, '4': 30, '65': 10 });
  });

  it('falls back to one node from /proc/meminfo and the CPU count', () => {
    const r = readHost('', { format: 'sysfs', root: join(FIXTURES, 'sysfs-flat') });
    expect(r.host).toEqual({ nodes: [{ id: 0, cpus: [0, 1, 2, 3, 4, 5], memory_mib: 7860, free_mib: 1968, distances: { '0': 10 } }] });
  });

  it('leaves out node folders that node/online does not list (their distances count online nodes only)', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const base = join(root, 'sys/devices/system/node');
    const node = (id: number, cpulist: string, totalKb: number, freeKb: number, distance: string): void => {
      mkdirSync(join(base, `node${id}`), { recursive: true });
      writeFileSync(join(base, `node${id}/cpulist`), `${cpulist}\n`);
      writeFileSync(join(base, `node${id}/meminfo`), `Node ${id} MemTotal:  ${totalKb} kB\nNode ${id} MemFree:  ${freeKb} kB\n`);
      writeFileSync(join(base, `node${id}/distance`), `${distance}\n`);
    };
    node(0, '0-3', 16777216, 8388608, '10 20 20');
    node(1, '', 16777216, 16000000, '20 10 20');
    node(3, '4-7', 0, 0, '20 20 10');
    mkdirSync(join(base, 'node2')); // offline: an empty folder
    writeFileSync(join(base, 'online'), '0-1,3\n');
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
      expect(r.host?.nodes.map((n) => [n.id, n.cpus, n.memory_mib])).toEqual([
        [0, [0, 1, 2, 3], 16384],
        [1, [], 16384],
        [3, [4, 5, 6, 7], 0],
      ]);
      expect(r.host?.nodes[0]?.distances).toEqual({ '0': 10, '1': 20, '3': 20 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a cpulist that expands past any host (XM0401) instead of exhausting memory', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const dir = join(root, 'sys/devices/system/node/node0');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cpulist'), `${Array.from({ length: 200 }, () => '0-1000000').join(',')}\n`);
    writeFileSync(join(dir, 'meminfo'), 'Node 0 MemTotal:  1024 kB\nNode 0 MemFree:  512 kB\n');
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect(r.host).toBeNull();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
      expect(r.diagnostics[0]!.message).toContain('node0/cpulist');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('warns that sysfs under Xen is the domain\'s view, not the hypervisor\'s (XM0411)', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    mkdirSync(join(root, 'sys/hypervisor'), { recursive: true });
    writeFileSync(join(root, 'sys/hypervisor/type'), 'xen\n');
    mkdirSync(join(root, 'proc'));
    writeFileSync(join(root, 'proc/meminfo'), 'MemTotal:  4194304 kB\nMemFree:  2097152 kB\n');
    mkdirSync(join(root, 'sys/devices/system/cpu'), { recursive: true });
    writeFileSync(join(root, 'sys/devices/system/cpu/online'), '0-3\n');
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect(r.host?.nodes.map((n) => n.cpus)).toEqual([[0, 1, 2, 3]]);
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a meminfo field by its whole name and only decimal counts', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const base = join(root, 'sys/devices/system/node');
    const node = (id: number, meminfo: string): void => {
      mkdirSync(join(base, `node${id}`), { recursive: true });
      writeFileSync(join(base, `node${id}/cpulist`), `${id}\n`);
      writeFileSync(join(base, `node${id}/meminfo`), meminfo);
    };
    try {
      // a field whose name ends in MemFree, before MemFree: its 0 was taken as the node's free memory
      node(0, 'Node 0 MemTotal:  8388608 kB\nNode 0 SwapMemFree:  0 kB\nNode 0 MemFree:  4194304 kB\n');
      const r = readHost('', { format: 'sysfs', root });
      expect(r.diagnostics).toEqual([]);
      expect(r.host?.nodes.map((n) => [n.id, n.memory_mib, n.free_mib])).toEqual([[0, 8192, 4096]]);
      // hex is no kernel count (Number() read it as 8388608 kB)
      node(1, 'Node 1 MemTotal:  0x800000 kB\nNode 1 MemFree:  4194304 kB\n');
      const hex = readHost('', { format: 'sysfs', root });
      expect(hex.host).toBeNull();
      expect(hex.diagnostics.map((d) => [d.code, d.message.includes('node1')])).toEqual([['XM0401', true]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('ignores a distance file with a value that is not a decimal count, with one warning (2e1 was read as 20)', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const base = join(root, 'sys/devices/system/node');
    for (const id of [0, 1]) {
      mkdirSync(join(base, `node${id}`), { recursive: true });
      writeFileSync(join(base, `node${id}/cpulist`), `${id}\n`);
      writeFileSync(join(base, `node${id}/meminfo`), `Node ${id} MemTotal:  8388608 kB\nNode ${id} MemFree:  4194304 kB\n`);
      writeFileSync(join(base, `node${id}/distance`), id === 0 ? '10 2e1\n' : '30 10\n');
    }
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
      // node 0's row is the SLIT default; node 1's is read
      expect(r.host?.nodes.map((n) => n.distances)).toEqual([{ '0': 10, '1': 20 }, { '0': 30, '1': 10 }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads meminfo and distance files whose fields are separated by tabs or several blanks; skips folders that are not node<N>', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const base = join(root, 'sys/devices/system/node');
    for (const id of [0, 255]) {
      mkdirSync(join(base, `node${id}`), { recursive: true });
      writeFileSync(join(base, `node${id}/cpulist`), id === 0 ? '0-3\n' : '\n');
      writeFileSync(join(base, `node${id}/meminfo`), `Node ${id} MemTotal:\t\t8388608\tkB\nNode ${id} MemFree:   \t 4194304  kB\n`);
      writeFileSync(join(base, `node${id}/distance`), id === 0 ? '10\t20\n' : '20  10 \n');
    }
    // not kernel node folders: no number, a leading zero (node01 would be a second node 1)
    for (const f of ['node', 'nodeX', 'node00']) mkdirSync(join(base, f));
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect(r.diagnostics).toEqual([]);
      expect(r.host?.nodes.map((n) => [n.id, n.cpus, n.memory_mib, n.free_mib, n.distances])).toEqual([
        [0, [0, 1, 2, 3], 8192, 4096, { '0': 10, '255': 20 }],
        [255, [], 8192, 4096, { '0': 20, '255': 10 }],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync('/dev/zero'))('reads each sysfs file only up to a bound: a cpulist or meminfo that never ends is XM0401, not a hang', () => {
    const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-'));
    const dir = join(root, 'sys/devices/system/node/node0');
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/zero', join(dir, 'cpulist'));
    writeFileSync(join(dir, 'meminfo'), 'Node 0 MemTotal:  1024 kB\nNode 0 MemFree:  512 kB\n');
    mkdirSync(join(root, 'proc'));
    symlinkSync('/dev/zero', join(root, 'proc/meminfo'));
    try {
      const r = readHost('', { format: 'sysfs', root });
      expect([r.host, r.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0401']]);
      rmSync(join(root, 'sys'), { recursive: true });
      const one = readHost('', { format: 'sysfs', root });
      expect([one.host, one.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0401']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a node folder without meminfo', () => {
    const r = readHost('', { format: 'sysfs', root: join(FIXTURES, 'sysfs-broken') });
    expect(r.host).toBeNull();
    expect(r.diagnostics[0]?.code).toBe('XM0401');
  });

  it('rejects a root with nothing in it', () => {
    const r = readHost('', { format: 'sysfs', root: join(FIXTURES, 'does-not-exist') });
    expect(r.host).toBeNull();
    expect(r.diagnostics[0]?.code).toBe('XM0401');
  });
});
