/**
 * `convert --to xl --host` of an xm file with a cpus_soft: xm ignored the key (XM0553), and its
 * reading leaves the key out when xl's rules find anything wrong (cpus-soft-xl-rules.test.ts), but
 * the converted file keeps the line for xl to apply, or comments it out. The plan was
 * made from the xm reading: `"4294967300"` (CPU 4 to xl, which wraps the number as libxl_bitmap_set
 * does; a CPU no host has to xm) left XM0425 unsaid and booked a numa = "off" guest over every node,
 * and a line convert comments out (`"4-7 "`: xl's parse_range refuses the blank) still counted as
 * the file's own soft affinity, so no `cpus_soft = "all"` was written and libxl would have placed
 * the guest itself.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import type { Host } from '../../src/placement/types.js';

const HOST: Host = {
  nodes: [
    { id: 0, cpus: [0, 1, 2, 3], memory_mib: 32768, free_mib: 20471, distances: { '0': 10, '1': 21 } },
    { id: 1, cpus: [4, 5, 6, 7], memory_mib: 32768, free_mib: 30122, distances: { '0': 21, '1': 10 } },
  ],
};
const file = (numa: string, soft: string) => `name = "web"\nmemory = 1024\nvcpus = 2\n${numa}\ncpus_soft = ${soft}\nkernel = "/boot/vmlinuz"\n`;
const at = (src: string, r: ReturnType<typeof convertToXl>) =>
  r.diagnostics.filter((d) => d.code.startsWith('XM04')).map((d) => [d.code, src.slice(d.span.start, d.span.end)]);

describe('convert --host plans with the cpus_soft the converted file holds', () => {
  it('numa = "off": the memory goes where xl reads cpus_soft (CPU 4, node 1), and the file keeps its line', () => {
    const src = file('numa = "off"', '"4294967300"');
    const r = convertToXl(src, { host: HOST });
    expect(r.plan!.memory_per_node_mib).toEqual({ '1': 1024 });
    expect(r.plan!.node_affinity).toEqual({ nodes: [1], mask: '0x2' });
    expect(r.text.split('\n').filter((l) => /cpus_soft/.test(l))).toEqual(['cpus_soft = "4294967300"']);
  });

  it('a placed plan: XM0425 and XM0426 at the cpus_soft value (xl pins vCPU 0 to 0-3, which shares no CPU with CPU 4)', () => {
    const src = file('numanode = [0, 1]', '"4294967300"');
    const r = convertToXl(src, { host: HOST });
    expect(r.plan!.xl.cpus).toEqual(['0-3', '4-7']);
    expect(at(src, r).sort()).toEqual([
      ['XM0425', '"4294967300"'],
      ['XM0426', '"4294967300"'],
    ]);
  });

  it('numa = "off" with a cpus_soft convert comments out: the plan writes cpus_soft = "all" and books over every node', () => {
    const src = file('numa = "off"', '"4-7 "');
    const r = convertToXl(src, { host: HOST });
    expect(r.plan!.node_affinity).toEqual({ nodes: [0, 1], mask: '0x3' });
    const lines = r.text.split('\n');
    expect(lines.filter((l) => /^cpus_soft\s*=/.test(l)).map((l) => l.replace(/\s*#.*/, ''))).toEqual(['cpus_soft = "all"']);
    expect(lines.filter((l) => /^#.*cpus_soft = "4-7 "/.test(l))).toHaveLength(1);
  });
});
