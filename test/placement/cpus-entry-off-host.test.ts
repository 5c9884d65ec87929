/**
 * A per-vCPU `cpus` entry that names no CPU of the host, in a list of any length. xl parses each
 * entry into its vCPU's own map (parse_vcpu_affinity), libxl__build_pre sets it with
 * libxl_set_vcpuaffinity, and Xen's vcpu_set_hard_affinity refuses a mask with no online CPU
 * (-EINVAL): "setting affinity failed on vcpu `0'", and `xl create` fails. That is XM0405 (error),
 * as for one string naming no CPU of the host. Before, a list whose other entries named host CPUs
 * got XM0416 and XM0417 (warnings) instead, and the plan pinned vCPU 0 elsewhere; with numanode,
 * a full list got XM0405 for the numanode half and a short list did not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placementFindings } from '../../src/placement/findings.js';
import { plan } from '../../src/placement/plan.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { CLI, FIXTURES, cfg, cliBuilt, cpus, fixtureHost } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, node 1 CPUs 4-7.
const two = () => fixtureHost('two-node.json');
const node1: PlacementConfig['numa'] = { mode: 'nodes', nodes: [1], node_count: 1 };

describe('a cpus entry naming no CPU of the host is XM0405 whatever the list length', () => {
  const cases: Array<[string, PlacementConfig['cpus']]> = [
    ['short list', [cpus('100'), cpus('0-3')]],
    ['full list', [cpus('100'), cpus('0-3'), cpus('0-3'), cpus('0-3')]],
    ['one string', cpus('100')],
  ];
  for (const [what, value] of cases) {
    it(`${what}: plan refuses, check --host says the same`, () => {
      const c = cfg({ name: 'p', memory: 1024, vcpus: 4, cpus: value });
      const r = plan(c, two());
      expect(r.plan).toBeNull();
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0405', 'error']]);
      expect(placementFindings(c, undefined, two()).map((d) => d.code)).toEqual(['XM0405']);
      // With numanode = 1 too: the entry is judged before the nodes.
      const n = cfg({ name: 'p', memory: 1024, vcpus: 4, cpus: value, numa: node1 });
      expect(plan(n, two()).diagnostics.map((d) => d.code)).toEqual(['XM0405']);
      expect(placementFindings(n, undefined, two()).map((d) => d.code)).toEqual(['XM0405']);
    });
  }

  it('XM0405 is at the first entry naming none, the others related; XM0416 keeps the entries that name some host CPU', () => {
    // cpus = ["100", "0-3,200", "300"]: offsets of the value and of each entry in a made-up file.
    const spans = new Map([
      ['/cpus', { key: { start: 0, end: 4 }, value: { start: 7, end: 35 } }],
      ['/cpus/0', { key: { start: 0, end: 4 }, value: { start: 8, end: 13 } }],
      ['/cpus/1', { key: { start: 0, end: 4 }, value: { start: 15, end: 24 } }],
      ['/cpus/2', { key: { start: 0, end: 4 }, value: { start: 26, end: 31 } }],
    ]);
    const c = cfg({ name: 'p', memory: 1024, vcpus: 4, cpus: [cpus('100'), cpus('0-3,200'), cpus('300')] });
    const found = placementFindings(c, spans, two());
    expect(found.map((d) => [d.code, d.span, (d.related ?? []).map((x) => x.span)])).toEqual([
      ['XM0405', { start: 8, end: 13 }, [{ start: 26, end: 31 }]],
      ['XM0416', { start: 7, end: 35 }, []],
    ]);
    expect(found[1]!.message).toContain('(200)');
  });

  it('an entry past maxvcpus is no vCPU\'s: not judged', () => {
    const c = cfg({ name: 'p', memory: 1024, vcpus: 2, cpus: [cpus('0'), cpus('1'), cpus('100')] });
    expect(plan(c, two()).diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe.skipIf(!cliBuilt)('plan and check --host put XM0405 at the entry', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-cpus-entry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cpus = ["100", "0-3"] with vcpus = 4: XM0405 at line 5, column 9 in both', () => {
    const file = join(dir, 'g.cfg');
    writeFileSync(file, 'name = "g"\ntype = "hvm"\nmemory = 1024\nvcpus = 4\ncpus = ["100", "0-3"]\n');
    const host = join(FIXTURES, 'two-node.json');
    const env = { ...process.env, XDG_STATE_HOME: join(dir, 'state'), NO_COLOR: '1' };
    const p = spawnSync(process.execPath, [CLI, 'plan', file, '--host', host], { encoding: 'utf8', env });
    expect(p.status).toBe(1);
    expect([...p.stderr.matchAll(/:(\d+):(\d+): \w+ (XM04\d\d):/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`)).toEqual(['XM0405@5:9']);
    const k = spawnSync(process.execPath, [CLI, 'check', file, '--host', host, '--format', 'json'], { encoding: 'utf8', env });
    const report = JSON.parse(k.stdout) as { files: { diagnostics: { code: string; line: number; column: number; endColumn: number }[] }[] };
    expect(report.files[0]!.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}-${d.endColumn}`)).toEqual(['XM0405@5:9-14']);
  });
});
