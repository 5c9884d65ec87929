/**
 * sysfs trees the kernel would not write but copies and hand edits do: a node folder without its
 * distance file, meminfo figures in another unit (or none), a meminfo copied from another node.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

type Files = Record<string, string | null>;

/** A sysfs root with these node folders (file name → text; null leaves the file out). */
function tree(nodes: Record<number, Files>, flat: Files = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'xmcfg-odd-'));
  roots.push(root);
  const base = join(root, 'sys/devices/system/node');
  for (const [id, files] of Object.entries(nodes)) {
    mkdirSync(join(base, `node${id}`), { recursive: true });
    for (const [name, text] of Object.entries(files)) if (text !== null) writeFileSync(join(base, `node${id}`, name), text);
  }
  for (const [path, text] of Object.entries(flat)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    if (text !== null) writeFileSync(join(root, path), text);
  }
  return root;
}

const meminfo = (id: number, totalKb: number, freeKb: number, unit = 'kB'): string => `Node ${id} MemTotal:  ${totalKb} ${unit}\nNode ${id} MemFree:   ${freeKb} ${unit}\n`;
const read = (root: string) => readHost('', { format: 'sysfs', root });

describe('sysfs: odd trees', () => {
  it('a node folder without a distance file is warned about (XM0411 naming it), not silently given 20 to every node', () => {
    const r = read(
      tree({
        0: { cpulist: '0-1\n', meminfo: meminfo(0, 4194304, 2097152), distance: '10 21 21\n' },
        1: { cpulist: '2-3\n', meminfo: meminfo(1, 4194304, 2097152), distance: null },
        2: { cpulist: '4-5\n', meminfo: meminfo(2, 4194304, 2097152), distance: '21 21 10\n' },
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
    expect(r.diagnostics[0]!.message).toMatch(/\bnode 1\b/);
    expect(r.host!.nodes[1]!.distances).toEqual({ '0': 20, '1': 10, '2': 20 });
    // One node: no distances to miss.
    expect(read(tree({ 0: { cpulist: '0-1\n', meminfo: meminfo(0, 4194304, 2097152) } })).diagnostics).toEqual([]);
  });

  it('meminfo figures in another unit than kB, or none, are XM0401 (4096 MB was read as 4 MiB)', () => {
    for (const unit of ['MB', '']) {
      const r = read(tree({ 0: { cpulist: '0-1\n', meminfo: meminfo(0, 4096, 2048, unit) } }));
      expect(r.host, unit).toBeNull();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
      expect(r.diagnostics[0]!.message).toContain('node0/meminfo');
    }
    // The kernel's kB, in any case a hand copy may give it, reads as before.
    expect(read(tree({ 0: { cpulist: '0-1\n', meminfo: meminfo(0, 4194304, 2097152, 'kb') } })).host!.nodes[0]!.memory_mib).toBe(4096);
    // /proc/meminfo (no node folders) too.
    const flat = read(tree({}, { 'proc/meminfo': 'MemTotal:  4096 MB\nMemFree:  2048 MB\n', 'sys/devices/system/cpu/online': '0-3\n' }));
    expect(flat.host).toBeNull();
    expect(flat.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(flat.diagnostics[0]!.message).toContain('proc/meminfo');
  });

  it("a node's meminfo with another node's lines (copied between folders) is XM0401, not that node's memory", () => {
    const r = read(
      tree({
        0: { cpulist: '0-1\n', meminfo: meminfo(0, 4194304, 2097152), distance: '10 20\n' },
        1: { cpulist: '2-3\n', meminfo: meminfo(0, 4194304, 2097152), distance: '20 10\n' },
      }),
    );
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(r.diagnostics[0]!.message).toContain('node1/meminfo');
  });

  it('a cpulist naming a CPU past 2^53 is XM0401 (its expansion never ended: 1e17 + 1 is 1e17, and the process died out of memory)', () => {
    const r = read(
      tree({
        0: { cpulist: '0-1\n', meminfo: meminfo(0, 4194304, 2097152), distance: '10 20\n' },
        1: { cpulist: '99999999999999999\n', meminfo: meminfo(1, 4194304, 2097152), distance: '20 10\n' },
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0401', 'error']]);
    expect(r.diagnostics[0]!.message).toContain('node1/cpulist');
  });
});
