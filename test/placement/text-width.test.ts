/**
 * `plan --format text` on a host of one node and of 72: prose lines (nodes, memory, reasons) wrap at
 * TEXT_WIDTH with continuation lines under their first item, and nothing is lost in the wrapping.
 */
import { describe, expect, it } from 'vitest';
import { formatPlanText, TEXT_WIDTH } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { cfg, fixtureHost } from './helpers.js';

/** The lines of a text plan that are not commands (commands are pasted, never wrapped). */
const prose = (text: string): string[] => text.slice(0, text.indexOf('\n  commands:')).split('\n');

describe('plan --format text: width', () => {
  it('72 nodes: the memory line of a numa = "off" guest (1362 columns) and every reason wrap at TEXT_WIDTH, keeping all 72 nodes', () => {
    const host = fixtureHost('seventy-two-node.json');
    const r = plan(cfg({ name: 'o', memory: 200_000, vcpus: 2, numa: { mode: 'off' } }), host);
    const text = formatPlanText(r.plan!, host);
    const lines = prose(text);
    expect(lines.filter((l) => l.length > TEXT_WIDTH)).toEqual([]);
    // The memory entries, read back across the continuation lines, are the plan's.
    const at = lines.findIndex((l) => l.startsWith('  memory '));
    let end = at + 1;
    while (lines[end]!.startsWith(' '.repeat(15))) end++;
    const block = [lines[at]!.slice(15), ...lines.slice(at + 1, end)];
    const entries = block.join(' ').split(/,\s*/).map((e) => e.trim());
    expect(entries).toEqual(Object.entries(r.plan!.memory_per_node_mib).map(([id, m]) => `node ${id}: ${m} MiB`));
    expect(entries).toHaveLength(72);
    // Reasons: each item's words, joined back, are the reason.
    const why = lines.slice(lines.indexOf('  why:') + 1).filter((l) => l !== '');
    const items = why.reduce<string[]>((acc, l) => (l.startsWith('    - ') ? [...acc, l.slice(6)] : [...acc.slice(0, -1), `${acc[acc.length - 1]!} ${l.trim()}`]), []);
    expect(items).toEqual(r.plan!.reasons);
  });

  it('one node: short lines stay as they were', () => {
    const host: Host = { nodes: [{ id: 0, cpus: [0, 1, 2, 3], memory_mib: 32768, free_mib: 20471, distances: { '0': 10 } }] };
    const r = plan(cfg({ name: 'a', memory: 4096, vcpus: 2, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), host);
    const lines = prose(formatPlanText(r.plan!, host));
    expect(lines.slice(0, 4)).toEqual(['Plan for a (policy best, hard affinity)', '  nodes        0   mask 0x1', '  memory       node 0: 4096 MiB', '  create flags 0 (0x0)']);
    expect(lines.filter((l) => l.length > TEXT_WIDTH)).toEqual([]);
  });
});
