/**
 * A host is validated once per command (issue #4, decision 087). `xmcfg plan` read and validated
 * the host (the schema, then every distance of the matrix: a million for 1,024 nodes), and plan()
 * validated it again; check --host's placement findings and migrate-plan's plans did the same.
 * Counted by runs of the host schema validator, not timed. Host JSON is scanned for repeated keys
 * (a slice and a Map entry per key) only when JSON.parse lost a key. Validating the canonical host again
 * says only the distance-scale findings (CheckedHost.again): asserted so the skipped validation
 * loses no finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/placement/generated/host-validator.mjs', async (importOriginal) => (await import('./host-validator-count.js')).countedHostValidator(importOriginal));

const scans = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/placement/json-keys.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/placement/json-keys.js')>();
  return { ...orig, repeatedJsonKeys: (text: string) => (scans.n++, orig.repeatedJsonKeys(text)) };
});

import { runPlan } from '../../src/cli/placement-run.js';
import { readHost } from '../../src/placement/host.js';
import { keptEveryKey, repeatedJsonKeys } from '../../src/placement/json-keys.js';
import { checkedHost, validateHost } from '../../src/placement/host-check.js';
import { placementFindings } from '../../src/placement/findings.js';
import { migratePlan } from '../../src/placement/migrate.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { captureIo, cfg, fixtureHost } from './helpers.js';
import { bigHost, validationsOf } from './host-validator-count.js';

/** The same host as `xl info -n` text. */
function xlInfo(host: Host): string {
  const rows = host.nodes.flatMap((n) => n.cpus.map((c) => `${String(c).padStart(4)}:    ${c % 4}    ${n.id}    ${n.id}`));
  const numa = host.nodes.map((n) => `${String(n.id).padStart(4)}:    ${n.memory_mib}    ${n.free_mib}    ${Object.values(n.distances!).join(',')}`);
  return [`nr_nodes               : ${host.nodes.length}`, 'cpu_topology           :', 'cpu:    core    socket     node', ...rows, 'numa_info              :', 'node:    memsize    memfree    distances', ...numa, 'xen_major              : 4', ''].join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-host-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = bigHost(256);
writeFileSync(join(dir, 'host.json'), JSON.stringify(big));
writeFileSync(join(dir, 'host.txt'), xlInfo(big));
writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 4096\nvcpus = 4\n');

describe('a 256-node host is validated once', () => {
  for (const file of ['host.json', 'host.txt']) {
    it(`by xmcfg plan --host ${file}, and by plan --reserve`, async () => {
      const io = captureIo(dir);
      expect(await validationsOf(() => runPlan({ file: 'web.cfg', host: file, ledger: join(dir, `${file}.db`) }, io))).toBe(1);
      expect(io.err).toBe('');
      const nodes = (JSON.parse(io.out) as { nodes: number[] }).nodes;
      expect(nodes).toHaveLength(1);
      const reserve = captureIo(dir);
      expect(await validationsOf(() => runPlan({ file: 'web.cfg', host: file, ledger: join(dir, `${file}.db`), reserve: true }, reserve))).toBe(1);
      expect((JSON.parse(reserve.out) as { nodes: number[] }).nodes).toEqual(nodes);
    });
  }

  it("by check --host's placement findings and by migrate-plan's plans", async () => {
    expect(await validationsOf(() => placementFindings(cfg({ name: 'g', memory: 1024, vcpus: 2 }), undefined, big))).toBe(1);
    const placed = plan(cfg({ name: 'g', memory: 1024, vcpus: 2 }), big).plan!;
    let moved: ReturnType<typeof migratePlan> | null = null;
    expect(await validationsOf(() => (moved = migratePlan(placed, big, [], [5])))).toBe(1);
    expect(moved!.migration?.to).toEqual([5]);
  });
});

describe('CheckedHost.again', () => {
  /** Hosts whose validation finds something: distances off the SLIT scale, missing, naming no node; free_mib over memory_mib. */
  const odd = (): Host[] => {
    const two = fixtureHost('two-node.json');
    const at = (d0: Record<string, number>, d1?: Record<string, number>, free = 1000): Host => ({
      nodes: [
        { ...two.nodes[0]!, free_mib: free, distances: d0 },
        { ...two.nodes[1]!, ...(d1 ? { distances: d1 } : {}) },
      ],
    });
    return [at({ 0: 12, 1: 20 }), at({ 0: 10, 1: 8 }), at({ 1: 21 }), at({ 0: 10, 1: 21, 7: 30 }), at({}, {}), at({ 0: 10, 1: 21 }, undefined, 1e9), at({ 0: 12 }, { 0: 5, 1: 10 })];
  };

  it('is what validating the canonical host again finds, for fixtures and odd hosts', () => {
    const hosts = [...['two-node.json', 'four-node-opteron.json', 'sparse.json', 'eight-node-2hop.json', 'seventy-two-node.json'].map(fixtureHost), ...odd()];
    const kinds: string[] = [];
    for (const given of hosts) {
      const first = validateHost(given);
      const checked = checkedHost(first.host!);
      expect(checked.again).toEqual(validateHost(first.host).diagnostics);
      kinds.push(`${first.diagnostics.length}/${checked.again.length}`);
    }
    // The odd hosts have findings, some of which a second validation repeats and some not.
    expect(kinds.slice(5)).toEqual(['1/1', '1/1', '1/0', '1/0', '0/0', '1/0', '3/2']);
  });
});

describe('host JSON: the repeated-key scan', () => {
  it('runs only when JSON.parse kept fewer keys than the text writes', () => {
    scans.n = 0;
    const text = JSON.stringify(big);
    expect(readHost(text).host?.nodes).toHaveLength(256);
    expect(scans.n).toBe(0);
    const twice = text.replace('"free_mib":65536', '"free_mib":65536,"free_mib":1');
    expect(readHost(twice).diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(scans.n).toBe(1);
  });

  it('keptEveryKey is true exactly when no key repeats (strings with colons, quotes and escapes; __proto__; nesting)', () => {
    // Written raw: each text is the JSON as a file holds it.
    const texts = [
      String.raw`{}`,
      String.raw`[]`,
      String.raw`{"a": 1, "b": {"a": 2}}`,
      String.raw`{"a": 1, "a": 2}`,
      String.raw`{"a:b": "c:d", "e\\": 1, "f": "\\", "e\\": 2}`,
      String.raw`{"a:b": "c:d", "e\\": 1, "f": "\\"}`,
      String.raw`{"a\"": 1, "a\u0022": 2}`,
      String.raw`{"\\": ":", "x": [{"y": 1}, {"y": 2, "y": 3}]}`,
      String.raw`{"__proto__": 1, "b": 2}`,
      String.raw`{"__proto__": 1, "__proto__": 2}`,
      String.raw`{"nodes": [{"distances": {"0": 10, "1": 20, "0": 10}}]}`,
      String.raw`{"s": "\\\"}{:,", "t": 1}`,
      String.raw`[[[{"k": {"k": {"k": 1}}}]]]`,
    ];
    const kept = texts.map((t) => keptEveryKey(t, JSON.parse(t)));
    expect(kept).toEqual(texts.map((t) => repeatedJsonKeys(t).length === 0));
    expect(kept.filter((k) => !k)).toHaveLength(6);
  });
});
