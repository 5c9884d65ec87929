/**
 * `xl info -n` text that lost numa_info rows (output cut short, a row deleted in an edit): each lost
 * node is left out with one warning that names it and the table, and no plan uses it.
 */
import { describe, expect, it } from 'vitest';
import { readHost } from '../../src/placement/host.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { cfg, fixtureText } from './helpers.js';

const full = fixtureText('xl-info-two-node.txt');
/** The fixture cut after node 0's numa_info row (node 1 has CPUs 4-7). */
const cutAfterNode0 = full.slice(0, full.indexOf('   1:     32768'));
/** The same, and node 1's CPU rows gone too (a node without CPUs, or rows lost in an edit). */
const cutCpuless = cutAfterNode0.replace(/^ {2}[4-7]:.*\n/gm, '');

/** Node 1 named, and a guest only node 1 could hold (30000 MiB: node 1 had 30122 free, node 0 20471). */
function plansOnNode1(host: Host): string[][] {
  const named = plan(cfg({ memory: 1024, numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), host);
  const big = plan(cfg({ memory: 30_000, numa: { mode: 'auto', node_count: 1 } }), host);
  return [named, big].map((r) => (r.plan ? ['planned'] : r.diagnostics.map((d) => d.code)));
}

describe('xl info -n: a lost numa_info row', () => {
  it('leaves the node out with one warning naming it, with or without CPUs (without, it was dropped silently), and no plan uses it', () => {
    const withCpus = readHost(cutAfterNode0, { format: 'xl-info' });
    expect(withCpus.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
    expect(withCpus.diagnostics[0]!.message).toMatch(/node 1\b.*numa_info/);
    expect(withCpus.host!.nodes.map((n) => n.id)).toEqual([0]);
    expect(plansOnNode1(withCpus.host!)).toEqual([['XM0402'], ['XM0404']]);

    // nr_nodes : 2 says a row is missing; the distance columns say whose.
    const cpuless = readHost(cutCpuless, { format: 'xl-info' });
    expect(cpuless.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0411', 'warning']]);
    expect(cpuless.diagnostics[0]!.message).toMatch(/nr_nodes is 2.*numa_info.*node 1\b/);
    expect(cpuless.host!.nodes.map((n) => n.id)).toEqual([0]);
    expect(plansOnNode1(cpuless.host!)).toEqual([['XM0402'], ['XM0404']]);

    // Rows matching nr_nodes, sparse ids included (xl skips offline nodes' rows), are not a cut.
    expect(readHost(full, { format: 'xl-info' }).diagnostics).toEqual([]);
    expect(readHost(fixtureText('xl-info-sparse.txt'), { format: 'xl-info' }).diagnostics.filter((d) => d.message.includes('nr_nodes'))).toEqual([]);
  });
});

describe('xl info -n: a repeated numa_info row', () => {
  it('is XM0401 naming the lines of both rows (it said only that the node id appears twice)', () => {
    // Two outputs joined, or a row pasted twice: node 1 with 30122 and then 100 MiB free.
    const text = full.replace(/^( {3}1: .*\n)/m, '$1   1:     32768        100      21,10\n');
    const r = readHost(text, { format: 'xl-info' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(r.diagnostics[0]!.message).toMatch(/^xl info line 36: .*node 1 .*line 35$/);
  });
});
