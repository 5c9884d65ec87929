/**
 * rebalance leaves a guest whose config named its nodes where it is (decision 050): numanode, a
 * vnuma of its own with pnodes beside NUMA keys, or cpus that leave out a node. The ledger stores
 * what the config asked for with the plan (`config_request`, in its copy only); a reservation
 * booked before has none and is judged as before. Before, rebalance proposed moving such guests
 * like any other (a `numanode = 0` guest was the cheapest move).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRebalance } from '../../src/cli/placement-run.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { PlacementConfig } from '../../src/placement/types.js';
import { captureIo, cfg, cpus, fixtureHost, freeOnly, storeRow, useTempLedger } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, 32768 MiB, 20471 free (37.5 % used); node 1 CPUs 4-7, 30122 free (8.1 %).
const two = () => fixtureHost('two-node.json');
const t = useTempLedger('xmcfg-named-');

/** Reserve `named` (4096 MiB) and `a` (8192 MiB), both on node 0: the only node with free memory then. */
function withNamed(named: PlacementConfig) {
  expect(t.ledger.reserve(named, freeOnly(two(), 0)).plan?.nodes).toEqual([0]);
  expect(t.ledger.reserve(cfg({ name: 'a', memory: 8192, vcpus: 2 }), freeOnly(two(), 0)).plan?.nodes).toEqual([0]);
  return t.ledger.list().entries.map((e) => e.plan);
}

const numanode0 = cfg({ name: 'n', memory: 4096, vcpus: 1, numa: { mode: 'nodes', nodes: [0], node_count: 1 } });

describe('rebalance and guests whose config named their nodes', () => {
  it('numanode: moves the other guest only, and says which guest it kept and why', () => {
    const r = rebalancePlan(two(), withNamed(numanode0), { threshold: 10, maxMoves: 5 });
    expect(r.moves.map((m) => [m.domain, m.to])).toEqual([['a', 1]]);
    expect(r.kept).toEqual([{ domain: 'n', nodes: [0], by: 'numanode', config: 'numanode = 0' }]);
  });

  it('cpus that leave out node 1 keep the guest; a vnuma with pnodes (never moved, XM0414) is listed with its reason', () => {
    const pinned = rebalancePlan(two(), withNamed(cfg({ name: 'n', memory: 4096, vcpus: 1, cpus: cpus('0-3') })), { threshold: 10 });
    expect([pinned.moves.map((m) => m.domain), pinned.kept.map((k) => [k.domain, k.by, k.config])]).toEqual([['a'], [['n', 'cpus', 'cpus = "0-3"']]]);
    t.ledger.release('n');
    t.ledger.release('a');
    const vnuma = [{ pnode: 0, size: 4096, vcpus: [0] }];
    const v = rebalancePlan(two(), withNamed(cfg({ name: 'n', type: 'pv', memory: 4096, vcpus: 1, numa: { mode: 'auto', node_count: 1 }, vnuma })), { threshold: 10 });
    expect([v.moves.map((m) => m.domain), v.kept.map((k) => [k.domain, k.by])]).toEqual([['a'], [['n', 'vnuma']]]);
  });

  it('cpus that reach every node, or numa = "on", leave the guest movable', () => {
    const r = rebalancePlan(two(), withNamed(cfg({ name: 'n', memory: 4096, vcpus: 1, numa: { mode: 'auto', node_count: 1 }, cpus: cpus('0,4') })), { threshold: 10 });
    expect([r.moves.map((m) => m.domain).sort(), r.kept]).toEqual([['a', 'n'], []]);
  });

  it('a reservation booked before requests were stored is judged as before (moved)', () => {
    withNamed(numanode0);
    const stored = t.ledger.list().entries.find((e) => e.domain === 'n')!.plan;
    expect(stored.config_request).toEqual({ numa: 'numanode', nodes: [0], own_vnuma: false });
    const { config_request: _, ...old } = stored;
    storeRow(t.ledger, 'n', old);
    const r = rebalancePlan(two(), t.ledger.list().entries.map((e) => e.plan), { threshold: 10 });
    expect([r.moves.map((m) => m.domain).sort(), r.kept]).toEqual([['a', 'n'], []]);
  });

  it('a stored request that is not one makes the ledger corrupt (XM0408), not a crash', () => {
    withNamed(numanode0);
    const stored = t.ledger.list().entries.find((e) => e.domain === 'n')!.plan;
    storeRow(t.ledger, 'n', { ...stored, config_request: { numa: 'numanode' } });
    expect(t.ledger.list().diagnostics.map((d) => d.code)).toEqual(['XM0408']);
  });

  it('the command says so: a "# kept" line in text, `kept` in JSON', async () => {
    withNamed(numanode0);
    const host = join(t.dir, 'host.json');
    writeFileSync(host, JSON.stringify(two()));
    const text = captureIo(t.dir);
    expect(await runRebalance({ host, ledger: t.ledger.path }, text)).toBe(0);
    expect(text.out.split('\n')[1]).toBe('# kept n on node 0: its config names its nodes (numanode = 0)');
    const json = captureIo(t.dir);
    expect(await runRebalance({ host, ledger: t.ledger.path, format: 'json' }, json)).toBe(0);
    const out = JSON.parse(json.out) as { moves: Array<{ domain: string }>; kept: unknown };
    expect([out.moves.map((m) => m.domain), out.kept]).toEqual([['a'], [{ domain: 'n', nodes: [0], by: 'numanode', config: 'numanode = 0' }]]);
  });
});
