/**
 * The JSON outputs of the placement commands beside plan's (SPEC §5 defines plan's only): each is
 * versioned like plan, check, ledger list and rebalance, and carries names as they are (JSON needs no
 * one-line escaping; the text outputs do that).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { loadOfPlan, migratePlan } from '../../src/placement/migrate.js';
import { plan } from '../../src/placement/plan.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES, cfg, fixtureHost } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-json-out-'));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\nmemory = 4096\nvcpus = 2\nnumanode = 1\nkernel = "/boot/vmlinuz"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function x(...argv: string[]): Promise<{ code: number; stdout: string }> {
  const f = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(argv, f.io);
  return { code, stdout: f.out.stdout };
}

describe('migrate-plan --format json', () => {
  it('is version 1, like the other JSON outputs, whether the guest moves or is already there', async () => {
    const host = join(FIXTURES, 'four-node-opteron.json');
    expect((await x('plan', 'web.cfg', '--host', host, '--reserve')).code).toBe(0);
    for (const to of ['2', '1']) {
      const r = await x('migrate-plan', 'web', '--to-node', to, '--host', host, '--format', 'json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect([Object.keys(j)[0], j.version, j.domain, j.to]).toEqual(['version', 1, 'web', [Number(to)]]);
    }
  });

  it('gives the source nodes in one order in the text and the JSON: the node set, ascending, as ledger list and rebalance give them (the text gave the plan order, 3,1)', async () => {
    const host = join(FIXTURES, 'four-node-opteron.json');
    writeFileSync(join(dir, 'listed.cfg'), 'name = "listed"\nmemory = 4096\nvcpus = 2\nnumanode = "3,1"\nkernel = "/boot/vmlinuz"\n');
    const placed = await x('plan', 'listed.cfg', '--host', host, '--reserve', '-f', 'json');
    expect([placed.code, JSON.parse(placed.stdout).nodes]).toEqual([0, [3, 1]]);
    const j = JSON.parse((await x('migrate-plan', 'listed', '--to-node', '2,0', '--host', host, '--format', 'json')).stdout);
    const text = (await x('migrate-plan', 'listed', '--to-node', '2,0', '--host', host)).stdout;
    // `to` is the target order the user gave: the new plan's placement order.
    expect([j.from, j.to, j.plan.nodes]).toEqual([[1, 3], [2, 0], [2, 0]]);
    const head = /^# listed: 4096 MiB from nodes ([\d,]+) to nodes ([\d,]+) /.exec(text.split('\n')[0]!);
    expect(head && [head[1]!.split(',').map(Number), head[2]!.split(',').map(Number)]).toEqual([j.from, j.to]);
    expect(j.steps[0]).toBe(text.split('\n')[0]);
  });

  it('names the domain as it is when there is nothing to do (it was escaped to one line)', () => {
    const h = fixtureHost('two-node.json');
    const p = plan(cfg({ name: 'a\nb', numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), h).plan!;
    const same = migratePlan(p, h, [loadOfPlan(p)], [1]);
    expect(same.migration!.domain).toBe('a\nb');
    expect(same.migration!.steps).toEqual(['# a\\nb is already on node 1: nothing to do']);
    expect(migratePlan(p, h, [loadOfPlan(p)], [0]).migration!.domain).toBe('a\nb');
  });
});

describe('the plan a migration prints', () => {
  it('says its nodes are the migration target, not nodes the config lists', () => {
    const h = fixtureHost('four-node-opteron.json');
    const p = plan(cfg({ numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), h).plan!;
    const moved = migratePlan(p, h, [loadOfPlan(p)], [2, 3]).migration!.plan!;
    expect(moved.reasons[0]).toBe('nodes 2,3: the migration target (--to-node)');
    expect(moved.reasons.filter((r) => r.includes('numanode'))).toEqual([]);
  });
});
