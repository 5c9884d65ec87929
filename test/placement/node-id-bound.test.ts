/**
 * Node ids past the host bound (MAX_NODE_ID, decision 023): every host reader refuses them with the
 * place that gives the id named (JSON field, `xl info -n` line and column, sysfs folder), before
 * any node mask is built; sparse ids under the bound plan with the mask bit at the id.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CPU_ID, MAX_DISTANCE, MAX_NODE_ID } from '../../src/placement/host-check.js';
import { readHost } from '../../src/placement/host.js';
import { plan } from '../../src/placement/plan.js';
import { cfg } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A sysfs tree with the given node folders (CPUs 2i, 2i+1 each; distance rows over all of them). */
function sysfs(ids: readonly (number | string)[]): string {
  const root = mkdtempSync(join(tmpdir(), 'xmcfg-bound-'));
  roots.push(root);
  const base = join(root, 'sys/devices/system/node');
  ids.forEach((id, i) => {
    const dir = join(base, `node${id}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cpulist'), `${2 * i}-${2 * i + 1}\n`);
    writeFileSync(join(dir, 'meminfo'), `Node ${id} MemTotal:  8388608 kB\nNode ${id} MemFree:  ${4194304 * (i + 1)} kB\n`);
    writeFileSync(join(dir, 'distance'), `${ids.map((_, j) => (i === j ? 10 : 20)).join(' ')}\n`);
  });
  return root;
}

/** `xl info -n` text with nodes 0 and `id` (CPUs 0-1 and 2-3); distance rows as wide as `width`. */
function xlInfo(id: string, width = 2): string {
  const row = (self: number): string => Array.from({ length: width }, (_, j) => (j === self ? 10 : 20)).join(',');
  return [
    'nr_nodes               : 2',
    'cpu_topology           :',
    'cpu:    core    socket     node',
    '  0:       0        0        0',
    '  1:       1        0        0',
    `  2:       0        1     ${id}`,
    `  3:       1        1     ${id}`,
    'numa_info              :',
    'node:    memsize    memfree    distances',
    `   0:     32768      20471      ${row(0)}`,
    `${id.padStart(4)}:     32768      30122      ${row(Math.min(width - 1, Number(id)))}`,
    '',
  ].join('\n');
}

describe('node ids above the bound', () => {
  it('keeps the bound in step with host-schema.json', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/placement/host-schema.json'), 'utf8'));
    const node = schema.properties.nodes.items.properties;
    expect([node.id.maximum, node.cpus.items.maximum, node.distances.additionalProperties.maximum]).toEqual([MAX_NODE_ID, MAX_CPU_ID, MAX_DISTANCE]);
    expect(node.distances.propertyNames.pattern).toBe(`^(0|[1-9][0-9]{0,${String(MAX_NODE_ID).length - 1}})$`);
  });

  it('node 2^31 is refused by every reader, naming the JSON field, the xl info line and column, the sysfs folder', () => {
    const big = 2 ** 31;
    const json = readHost({ nodes: [{ id: 0, cpus: [0, 1], memory_mib: 4096, free_mib: 4096 }, { id: big, cpus: [2, 3], memory_mib: 4096, free_mib: 4096 }] });
    expect(json.host).toBeNull();
    expect(json.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(json.diagnostics[0]!.message).toContain('nodes[1].id');

    // Line 6 is CPU 2's row, its node column at 27; the numa_info row of the node (line 11) is
    // refused too, at its id (column 1).
    const xl = readHost(xlInfo(String(big)), { format: 'xl-info' });
    expect(xl.host).toBeNull();
    expect(xl.diagnostics.map((d) => d.code)).toEqual(['XM0401', 'XM0401', 'XM0401']);
    expect(xl.diagnostics.map((d) => d.message.match(/^xl info line (\d+), column (\d+): /)?.slice(1).map(Number))).toEqual([
      [6, 27],
      [7, 27],
      [11, 1],
    ]);
    expect(xl.diagnostics.every((d) => d.message.includes(String(big)))).toBe(true);

    const fs = readHost('', { format: 'sysfs', root: sysfs([0, big]) });
    expect(fs.host).toBeNull();
    expect(fs.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(fs.diagnostics[0]!.message).toContain(`node${big}`);
  });

  it('sysfs: a folder id just past the bound, or of 20 digits, is refused, never left out (ids of 6 digits or more were)', () => {
    for (const id of [MAX_NODE_ID + 1, 1_000_000, '12345678901234567890']) {
      const r = readHost('', { format: 'sysfs', root: sysfs([0, id]) });
      expect(r.host, String(id)).toBeNull();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
      expect(r.diagnostics[0]!.message).toContain(`node${id}`);
    }
    // The bound itself is a node.
    expect(readHost('', { format: 'sysfs', root: sysfs([0, MAX_NODE_ID]) }).host?.nodes.map((n) => n.id)).toEqual([0, MAX_NODE_ID]);
  });

  it('sysfs: a node/online list that cannot be read (a range to 4000000000) is warned about, not taken as absent in silence', () => {
    const root = sysfs([0, 1]);
    writeFileSync(join(root, 'sys/devices/system/node/online'), '0-4000000000\n');
    const r = readHost('', { format: 'sysfs', root });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain('node/online');
    expect(r.host?.nodes.map((n) => n.id)).toEqual([0, 1]);
  });

  it('xl info: a node id of 20 digits is refused at its row (it ended the table, and the row was skipped)', () => {
    const r = readHost(xlInfo('12345678901234567890'), { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401', 'XM0401', 'XM0401']);
    expect(r.diagnostics[2]!.message).toMatch(/^xl info line 11, column 1: /);
  });

  it('a sparse host with nodes 0 and 200 plans on node 200 with bit 200 of the mask, from JSON, xl info and sysfs', () => {
    const hosts = [
      readHost({ nodes: [{ id: 0, cpus: [0, 1], memory_mib: 32768, free_mib: 1000 }, { id: 200, cpus: [2, 3], memory_mib: 32768, free_mib: 30122 }] }).host!,
      readHost(xlInfo('200', 201).replace('20471', '1000'), { format: 'xl-info' }).host!,
      readHost('', { format: 'sysfs', root: sysfs([0, 200]) }).host!,
    ];
    for (const h of hosts) {
      expect(h.nodes.map((n) => n.id)).toEqual([0, 200]);
      const p = plan(cfg({ name: 'g', memory: 2048, vcpus: 2, numa: { mode: 'auto', node_count: 1 } }), h).plan!;
      expect(p.node_affinity).toEqual({ nodes: [200], mask: `0x${(1n << 200n).toString(16)}` });
      expect(p.vcpus.map((v) => v.cpus)).toEqual([
        [2, 3],
        [2, 3],
      ]);
    }
  });
});
