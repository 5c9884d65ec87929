/**
 * Ledger reservations that book nodes the host does not have (a ledger kept for another host, a
 * node gone offline): they cannot be subtracted from any node, and used to be dropped without a
 * word. Each is reported (XM0418, warning) by plan, migrate-plan and rebalance; the parts on nodes
 * the host has are still counted, and rebalance never proposes to move such a guest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { migratePlan, loadOfPlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import { plan } from '../../src/placement/plan.js';
import type { Host, Plan, ReservationLoad } from '../../src/placement/types.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES, cfg, fixtureHost } from './helpers.js';

const NOWHERE = { start: 0, end: 0 };
const flat = (n: number): Host => ({ nodes: Array.from({ length: n }, (_, id) => ({ id, cpus: [2 * id, 2 * id + 1], memory_mib: 10000, free_mib: 10000, distances: {} })) }) as Host;
const gone: ReservationLoad = { domain: 'gone', nodes: [{ node: 3, memory_mib: 4096, vcpus: 2 }] };
const split: ReservationLoad = { domain: 'split', nodes: [{ node: 1, memory_mib: 1000, vcpus: 1 }, { node: 3, memory_mib: 2000, vcpus: 1 }] };

describe('plan() with reservations on nodes the host lacks', () => {
  it('warns once per such reservation (XM0418, no position) and still counts the parts on nodes the host has', () => {
    const h = fixtureHost('two-node.json');
    const r = plan(cfg({ numa: { mode: 'nodes', nodes: [1], node_count: 1 } }), h, { reservations: [gone, split] });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span])).toEqual([
      ['XM0418', 'warning', NOWHERE],
      ['XM0418', 'warning', NOWHERE],
    ]);
    expect(r.diagnostics.map((d) => d.message.match(/^reservation of (\w+)/)?.[1])).toEqual(['gone', 'split']);
    // node 1: 30122 MiB free on the host, 1000 of it booked by split's part there
    expect(r.plan!.reasons.some((x) => x.includes('node 1: 29122 MiB free'))).toBe(true);
  });

  it('keeps the warning on one line whatever the domain name holds', () => {
    const odd: ReservationLoad = { domain: 'web\nerror: forged', nodes: [{ node: 3, memory_mib: 1, vcpus: 0 }] };
    const [d] = plan(cfg(), fixtureHost('two-node.json'), { reservations: [odd] }).diagnostics;
    expect(d!.code).toBe('XM0418');
    expect(d!.message).not.toContain('\n');
  });

  it('says nothing about reservations on the host nodes, or parts that book nothing', () => {
    const h = fixtureHost('two-node.json');
    const empty: ReservationLoad = { domain: 'off', nodes: [{ node: 0, memory_mib: 512, vcpus: 0 }, { node: 5, memory_mib: 0, vcpus: 0 }] };
    expect(plan(cfg(), h, { reservations: [empty, { domain: 'here', nodes: [{ node: 0, memory_mib: 1, vcpus: 1 }] }] }).diagnostics).toEqual([]);
  });

  it('warns on a refusal too (the warning may be why the numbers look odd)', () => {
    const r = plan(cfg({ memory: 999999 }), fixtureHost('two-node.json'), { reservations: [gone] });
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0418', 'XM0404']);
  });
});

describe('migrate-plan and rebalance with reservations on nodes the host lacks', () => {
  it('migratePlan warns about them, whether the move is planned, refused or nothing to do', () => {
    const h = flat(2);
    const web = plan(cfg({ name: 'web', memory: 3000, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), h).plan!;
    const ok = migratePlan(web, h, [loadOfPlan(web), gone], [1]);
    expect(ok.migration!.plan).not.toBeNull();
    expect(ok.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0418', 'warning']]);
    const full: ReservationLoad = { domain: 'full', nodes: [{ node: 1, memory_mib: 9000, vcpus: 1 }] };
    expect(migratePlan(web, h, [loadOfPlan(web), gone, full], [1]).diagnostics.map((d) => d.code)).toEqual(['XM0418', 'XM0409']);
    expect(migratePlan(web, h, [loadOfPlan(web), gone], [0]).diagnostics.map((d) => d.code)).toEqual(['XM0418']);
  });

  it('rebalancePlan warns, counts the parts on the host, and never proposes moving such a guest', () => {
    const four = flat(4);
    const big = plan(cfg({ name: 'big', memory: 6000, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), four).plan!;
    const half = plan(cfg({ name: 'half', memory: 2000, vcpus: 2, numa: { mode: 'nodes', nodes: [0, 3], node_count: 2 } }), four).plan!;
    expect(half.memory_per_node_mib).toEqual({ '0': 1000, '3': 1000 });
    // On the two-node host, moving half would even out the most (70% / 0% -> 60% / 20%), but half
    // is partly on node 3, which this host lacks: where it really is cannot be known.
    const r = rebalancePlan(flat(2), [big, half] as Plan[], { threshold: 1, maxMoves: 1 });
    expect(r.before).toBe(70);
    expect(r.moves.map((m) => m.domain)).toEqual(['big']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message.match(/^reservation of (\w+)/)?.[1]])).toEqual([['XM0418', 'warning', 'half']]);
  });

  it('rebalancePlan warns on a host with nothing to balance too', () => {
    const one: Host = { nodes: [{ id: 0, cpus: [0], memory_mib: 10000, free_mib: 10000, distances: {} }] } as Host;
    const half = plan(cfg({ name: 'half', memory: 2000, vcpus: 2, numa: { mode: 'nodes', nodes: [0, 3], node_count: 2 } }), flat(4)).plan!;
    expect(rebalancePlan(one, [half]).diagnostics.map((d) => d.code)).toEqual(['XM0418']);
  });
});

describe('the commands', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-offhost-'));
    writeFileSync(join(dir, 'far.cfg'), 'name = "far"\nmemory = 4096\nvcpus = 2\nnumanode = 3\nkernel = "/boot/vmlinuz"\n');
    writeFileSync(join(dir, 'db.cfg'), 'name = "db"\nmemory = 4096\nvcpus = 2\nkernel = "/boot/vmlinuz"\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const x = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const f = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
    const code = await run(argv, f.io);
    return { code, stdout: f.out.stdout, stderr: f.out.stderr };
  };

  it('plan, plan --reserve, rebalance and migrate-plan report XM0418 and exit 0; ledger list lists the reservation as recorded', async () => {
    const ledger = join(dir, 'l.db');
    expect((await x('plan', 'far.cfg', '--host', join(FIXTURES, 'four-node-opteron.json'), '--ledger', ledger, '--reserve')).code).toBe(0);
    const two = join(FIXTURES, 'two-node.json');
    for (const argv of [['plan', 'db.cfg'], ['rebalance'], ['migrate-plan', 'far', '--to-node', '1']]) {
      const r = await x(...argv, '--host', two, '--ledger', ledger);
      expect({ argv, code: r.code, codes: [...r.stderr.matchAll(/(warning|error) (XM\d{4})/g)].map((m) => `${m[1]} ${m[2]}`) }).toEqual({ argv, code: 0, codes: ['warning XM0418'] });
    }
    const reserve = await x('plan', 'db.cfg', '--host', two, '--ledger', ledger, '--reserve');
    expect([reserve.code, [...reserve.stderr.matchAll(/XM\d{4}/g)].map((m) => m[0])]).toEqual([0, ['XM0418']]);
    const list = await x('ledger', 'list', '--ledger', ledger, '--format', 'json');
    expect(JSON.parse(list.stdout).reservations.map((e: { domain: string; nodes: Array<{ node: number }> }) => [e.domain, e.nodes.map((n) => n.node)])).toEqual([
      ['db', [1]],
      ['far', [3]],
    ]);
  });

  it('explain XM0418 exits 0', async () => {
    expect((await x('explain', 'XM0418')).code).toBe(0);
  });
});
