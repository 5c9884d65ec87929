/**
 * Positions and headers chosen from data the plan carries, not from its wording: XM0406 about a
 * CPU-less node is at `numanode` when that lists the node (it used to be found by a RegExp over the
 * message), and a `numa = "off"` plan kept on the nodes of the config's cpus is worded so by its
 * `keptBy` (it used to be found by the first reason's text). Rewording either must not move anything.
 */
import { describe, expect, it } from 'vitest';
import { atConfigSpans, type SpanMap } from '../../src/placement/findings.js';
import { formatPlanText, formatPlanXl } from '../../src/placement/format.js';
import { plan } from '../../src/placement/plan.js';
import { cfg, cpus, fixtureHost } from './helpers.js';

const spans: SpanMap = new Map([
  ['/numa', { key: { start: 10, end: 18 }, value: { start: 21, end: 24 } }],
  ['/vcpus', { key: { start: 70, end: 75 }, value: { start: 78, end: 79 } }],
]);

const cpuless = {
  nodes: [
    { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 2048, distances: { '0': 10, '4': 20 } },
    { id: 4, cpus: [], memory_mib: 8192, free_mib: 8192, distances: { '0': 20, '4': 10 } },
  ],
};

describe('placement facts carried as data', () => {
  it('XM0406 of a CPU-less node numanode lists stays at numanode whatever its message says', () => {
    const c = cfg({ memory: 1024, numa: { mode: 'nodes', nodes: [4], node_count: 1 } });
    const r = plan(c, cpuless);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0406']);
    const reworded = r.diagnostics.map((d) => ({ ...d, message: 'reworded' }));
    expect(atConfigSpans(c, spans, reworded).map((d) => [d.code, d.span])).toEqual([['XM0406', { start: 21, end: 24 }]]);
  });

  it('a numa = "off" plan kept on its cpus\' nodes keeps its headers whatever its first reason says', () => {
    const h = fixtureHost('two-node.json');
    const p = plan(cfg({ name: 'o', memory: 4096, vcpus: 2, numa: { mode: 'off' }, cpus: cpus('0-3') }), h).plan!;
    p.reasons[0] = 'reworded';
    expect(formatPlanXl(p).split('\n')[0]).toBe("# xmcfg plan for o: policy best, not placed, node 0 by the config's cpus (mask 0x1)");
    expect(formatPlanText(p, h).split('\n')[1]).toBe("  nodes        0 (not placed; the config's cpus)   mask 0x1");
    // The fact is not part of the plan's JSON (SPEC §5).
    expect(Object.keys(JSON.parse(JSON.stringify(p)))).not.toContain('keptBy');
  });
});
