/**
 * A reservation's stored cpus (decision 050) naming no CPU of the current host: the host description
 * lost those CPUs since the booking, or the ledger belongs to another host. migrate-plan said only
 * XM0417 "none of which are on node 0" (true of every node) and nothing when asked to stay put;
 * rebalance kept the guest as one whose config "named its nodes" by cpus that name none of this
 * host's. Now XM0427 (warning) says so: migrate-plan still plans the move it is asked for, pinned to
 * the target's CPUs; rebalance counts the guest as load, never proposes it and does not list it as kept.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePlan } from '../../src/placement/migrate.js';
import { rebalancePlan } from '../../src/placement/rebalance.js';
import type { Host } from '../../src/placement/types.js';
import { cfg, cliBuilt, cpus, fixtureHost, runCli, useTempDir, useTempLedger } from './helpers.js';

// two-node.json: node 0 CPUs 0-3, node 1 CPUs 4-7. "Now" node 1 has CPUs 8-11: 4-7 are gone.
const then = () => fixtureHost('two-node.json');
const now = (): Host => ({ nodes: then().nodes.map((n) => (n.id === 1 ? { ...n, cpus: [8, 9, 10, 11] } : n)) });
const t = useTempLedger('xmcfg-stale-cpus-');

/** Reserve `p` with cpus `text` on the old host; its stored plan and the loads. */
function reserved(text: string | string[]) {
  const c = Array.isArray(text) ? text.map(cpus) : cpus(text);
  expect(t.ledger.reserve(cfg({ name: 'p', memory: 2048, vcpus: 2, cpus: c }), then()).plan).not.toBeNull();
  const entries = t.ledger.list().entries;
  return { p: entries.find((e) => e.domain === 'p')!.plan, loads: entries.map((e) => ({ domain: e.domain, nodes: e.nodes })) };
}

describe('stored cpus that name no CPU of the host', () => {
  const cases: Array<{ name: string; cpus: string | string[]; to: number; codes: string[]; planned: boolean }> = [
    { name: 'move to node 0: planned on node 0\'s CPUs, XM0427 (it was XM0417 only)', cpus: '4-7', to: 0, codes: ['XM0427'], planned: true },
    { name: 'stay on node 1: nothing to do, XM0427 (it was silent)', cpus: '4-7', to: 1, codes: ['XM0427'], planned: false },
    { name: 'a per-vCPU list with one entry off the host: XM0427 too', cpus: ['4', '0-3'], to: 1, codes: ['XM0427'], planned: true },
    { name: 'cpus on the host: unchanged (XM0417 when they miss the target)', cpus: '0-3', to: 1, codes: ['XM0417'], planned: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { p, loads } = reserved(c.cpus);
      const r = migratePlan(p, now(), loads, [c.to]);
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual(c.codes.map((x) => [x, 'warning']));
      expect(r.migration).not.toBeNull();
      expect(r.migration!.plan !== null).toBe(c.planned);
      if (c.planned) expect(r.migration!.plan!.vcpus.every((v) => v.cpus.every((x) => now().nodes.find((n) => n.id === c.to)!.cpus.includes(x)))).toBe(true);
    });
  }

  it('a move that does not fit is XM0409, with XM0427 beside it', () => {
    const { p, loads } = reserved('4-7');
    const full: Host = { nodes: now().nodes.map((n) => ({ ...n, free_mib: n.id === 0 ? 100 : n.free_mib })) };
    expect(migratePlan(p, full, loads, [0]).diagnostics.map((d) => d.code)).toEqual(['XM0427', 'XM0409']);
  });

  it('rebalance: XM0427, the guest neither moved nor kept as named by cpus', () => {
    const { p } = reserved('4-7');
    const r = rebalancePlan(now(), [p], { threshold: 0 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0427']);
    expect(r.kept).toEqual([]);
    expect(r.moves).toEqual([]);
  });

  it('rebalance on the host it was booked on: kept as named by cpus, no XM0427', () => {
    const { p } = reserved('4-7');
    const r = rebalancePlan(then(), [p], { threshold: 0 });
    expect(r.diagnostics).toEqual([]);
    expect(r.kept.map((k) => k.by)).toEqual(['cpus']);
  });
});

describe.skipIf(!cliBuilt)('migrate-plan and rebalance on a host that lost the stored CPUs', () => {
  const d = useTempDir('xmcfg-stale-cpus-cli-');
  const codes = (stderr: string) => [...stderr.matchAll(/ (XM04\d\d):/g)].map((m) => m[1]);

  it('plan --reserve, then migrate-plan and rebalance with the new host: XM0427, no exception', () => {
    writeFileSync(join(d.dir, 'then.json'), JSON.stringify(then()));
    writeFileSync(join(d.dir, 'now.json'), JSON.stringify(now()));
    writeFileSync(join(d.dir, 'p.cfg'), 'name = "p"\ntype = "hvm"\nmemory = 2048\nvcpus = 2\ncpus = "4-7"\n');
    const ledger = join(d.dir, 'l.db');
    expect(runCli(d.dir, ['plan', join(d.dir, 'p.cfg'), '--host', join(d.dir, 'then.json'), '--ledger', ledger, '--reserve']).status).toBe(0);
    const m = runCli(d.dir, ['migrate-plan', 'p', '--to-node', '0', '--host', join(d.dir, 'now.json'), '--ledger', ledger]);
    expect([m.status, codes(m.stderr)]).toEqual([0, ['XM0427']]);
    expect(m.stdout).toContain('xl migrate -C CONFIG p localhost');
    const r = runCli(d.dir, ['rebalance', '--host', join(d.dir, 'now.json'), '--ledger', ledger, '--format', 'json', '--threshold', '0']);
    expect([r.status, codes(r.stderr)]).toEqual([0, ['XM0427']]);
    expect(JSON.parse(r.stdout).moves).toEqual([]);
  });
});
