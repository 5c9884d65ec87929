/**
 * `xl info -n` text that lost numa_info rows (output cut short, a row deleted in an edit): each lost
 * node is left out with one warning that names it and the table, and no plan uses it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHost, runPlan } from '../../src/cli/placement-run.js';
import { readHost } from '../../src/placement/host.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { captureIo, cfg, fixtureText } from './helpers.js';

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

/** The fixture up to the first `mark`, and `keep` characters of it. */
function cutAt(mark: string, keep = 0): string {
  return full.slice(0, full.indexOf(mark) + keep);
}

/** The readHost findings as `CODE severity @line:column`, and whether a host came out. */
function cutFindings(text: string): { host: boolean; at: string[] } {
  const r = readHost(text, { format: 'xl-info' });
  return { host: r.host !== null, at: r.diagnostics.map((d) => `${d.code} ${d.severity} @${/^xl info line (\d+)(?:, column (\d+))?:/.exec(d.message)?.slice(1).filter(Boolean).join(':') ?? '?'}`) };
}

describe('xl info -n text cut inside a row: one XM0401 at the line and column of the field, never a host', () => {
  // Line 35 is node 1's numa_info row, "   1:     32768      30122      21,10": memsize at column 11,
  // memfree at 22, distances at 33. Line 28 is CPU 7's row, "  7:       3        1        1": node at 30.
  it.each([
    // "21,10" cut to "21,1": a distance of 1 that reads as a number (it read as a host before)
    ['the last numa_info row inside its distances', cutAt('21,10', 4), 'distances', '35:33'],
    ['the last numa_info row inside memfree', cutAt('30122      21,10', 3), 'memfree', '35:22'],
    ['the last numa_info row after memfree, before distances', cutAt('30122      21,10', 7), 'distances', '35:29'],
    ['the last numa_info row after its colon', cutAt('   1:     32768', 5), 'memsize', '35:6'],
    ['the last numa_info row before its colon', cutAt('   1:     32768', 4), 'colon', '35:5'],
    ['the last cpu_topology row after its node (a node 1 of 10, say)', cutAt('  7:       3        1        1', 30), 'node', '28:30'],
    ['the last cpu_topology row inside its socket', cutAt('  7:       3        1        1', 21), 'socket', '28:21'],
    ['the last cpu_topology row before its node', cutAt('  7:       3        1        1', 23), 'node', '28:24'],
  ])('%s', (_what, text, field, at) => {
    expect(text.endsWith('\n')).toBe(false);
    const r = readHost(text, { format: 'xl-info' });
    expect(cutFindings(text)).toEqual({ host: false, at: [`XM0401 error @${at}`] });
    expect(r.diagnostics[0]!.message).toContain(field);
  });

  it('a numa_info row that lost its distances inside the text is refused at the column they would start', () => {
    const text = full.replace('      30122      21,10\n', '      30122\n');
    expect(cutFindings(text)).toEqual({ host: false, at: ['XM0401 error @35:27'] });
    expect(readHost(text, { format: 'xl-info' }).diagnostics[0]!.message).toContain('distances');
  });

  it('text that stops at a line end in cpu_topology says so at its last line (it said "run xl info -n")', () => {
    const text = cutAt('device topology');
    expect(cutFindings(text)).toEqual({ host: false, at: ['XM0401 error @28'] });
    expect(readHost(text, { format: 'xl-info' }).diagnostics[0]!.message).toMatch(/cpu_topology.*numa_info/);
  });

  it('text that stops at the numa_info heading or inside its column header says it is cut, once (it said "run xl info -n")', () => {
    // Line 32 is the numa_info heading, line 33 its column header; 20 the cpu_topology header.
    for (const text of [cutAt('node:    memsize'), cutAt('node:    memsize').trimEnd()]) {
      expect(cutFindings(text)).toEqual({ host: false, at: ['XM0401 error @32'] });
      expect(readHost(text, { format: 'xl-info' }).diagnostics[0]!.message).toMatch(/numa_info.*cut short/);
    }
    expect(cutFindings(cutAt('node:    memsize    mem', 22))).toEqual({ host: false, at: ['XM0401 error @33:6'] });
    expect(cutFindings(cutAt('cpu:    core    soc', 19))).toEqual({ host: false, at: ['XM0401 error @20:5'] });
    expect(readHost(cutAt('cpu:    core    soc', 19), { format: 'xl-info' }).diagnostics[0]!.message).toContain('cut short');
  });

  it('whole output without its last newline (it ends in the xen_* lines) reads the same host', () => {
    expect(readHost(full.trimEnd(), { format: 'xl-info' })).toEqual(readHost(full, { format: 'xl-info' }));
  });

  it('xmcfg host and plan refuse the cut text: exit 2, the finding on stderr, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-xl-info-cut-'));
    try {
      writeFileSync(join(dir, 'cut.txt'), cutAt('21,10', 4));
      writeFileSync(join(dir, 'g.cfg'), 'name = "g"\ntype = "hvm"\nmemory = 512\nvcpus = 1\n');
      const h = captureIo(dir);
      expect(await runHost({ 'from-xl-info': 'cut.txt' }, h)).toBe(2);
      expect([h.out, h.err.replace(/(column \d+): .*/, '$1')]).toEqual(['', "xmcfg host: 'cut.txt': error XM0401: xl info line 35, column 33\n"]);
      const p = captureIo(dir);
      expect(await runPlan({ file: 'g.cfg', host: 'cut.txt', ledger: join(dir, 'none.db') }, p)).toBe(2);
      expect([p.out, p.err.replace(/(column \d+): .*/, '$1')]).toEqual(['', "xmcfg plan: host 'cut.txt': error XM0401: xl info line 35, column 33\n"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
