/**
 * `ledger list` prints a reservation's nodes as xl's range text, so a guest over many nodes does
 * not push the other columns off the screen; a committed migration keeps the reservation's first
 * booking time in `created`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedger } from '../../src/cli/placement-run.js';
import { Ledger } from '../../src/placement/ledger.js';
import { fakeIo } from '../cli/fake-io.js';
import { cfg, fixtureHost } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-list-ranges-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger list', () => {
  it('prints the nodes of a guest over 72 nodes as one range', async () => {
    const ledger = join(dir, 'wide.db');
    const l = Ledger.open(ledger).ledger!;
    const host = fixtureHost('seventy-two-node.json');
    const wide = l.reserve(cfg({ name: 'wide', memory: 72 * 1024, vcpus: 72, numa: { mode: 'nodes', nodes: host.nodes.map((n) => n.id), node_count: host.nodes.length } }), host);
    expect(wide.plan?.node_affinity.nodes.length).toBe(72);
    expect(l.reserve(cfg({ name: 'pair', memory: 2048, vcpus: 2, numa: { mode: 'nodes', nodes: [3, 5], node_count: 2 } }), host).plan).not.toBeNull();
    l.close();
    const { io, out } = fakeIo({ cwd: dir });
    expect(await runLedger({ action: 'list', ledger }, io)).toBe(0);
    const rows = out.stdout.trim().split('\n').slice(1).map((r) => r.split(/\s+/).slice(0, 2));
    const ids = host.nodes.map((n) => n.id).sort((a, b) => a - b);
    expect(rows).toEqual([
      ['pair', '3,5'],
      ['wide', `${ids[0]}-${ids[71]}`],
    ]);
  });
});

describe('a committed migration', () => {
  it('keeps the time the guest was first booked', () => {
    const ledger = join(dir, 'moved.db');
    const l = Ledger.open(ledger).ledger!;
    const host = fixtureHost('two-node.json');
    expect(l.reserve(cfg({ name: 'web', memory: 1024, vcpus: 1, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), host, {}, () => '2026-01-01T00:00:00.000Z').plan).not.toBeNull();
    const moved = l.commitMigration('web', host, [1], () => '2026-02-02T00:00:00.000Z');
    expect(moved.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [entry] = l.list().entries;
    expect([entry!.nodes.map((n) => n.node), entry!.created]).toEqual([[1], '2026-01-01T00:00:00.000Z']);
    l.close();
  });
});
