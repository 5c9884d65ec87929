/** `xmcfg rebalance` end to end: its lines, run in order with --commit, each succeed and balance the host. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, freeOnly, type CapturedIo } from './helpers.js';
import { runMigratePlan, runPlan, runRebalance } from '../../src/cli/placement-run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-rebalance-'));
  // Node 0 47 % used, node 1 17 %, node 2 empty but small: a guest of node 0 overfills node 2.
  const nodes = [
    { id: 0, cpus: [0, 1], memory_mib: 8192, free_mib: 7680 },
    { id: 1, cpus: [2], memory_mib: 6144, free_mib: 5632 },
    { id: 2, cpus: [3], memory_mib: 2048, free_mib: 2048 },
  ];
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ nodes }));
  // Each guest is reserved against a host state where only its node has free memory, so the policy
  // puts it there: a guest placed with numanode is one its admin chose, which rebalance leaves.
  for (const id of [0, 1]) writeFileSync(join(dir, `only${id}.json`), JSON.stringify(freeOnly({ nodes }, id)));
  for (const [name, memory] of [['g0', 1536], ['g1', 512], ['g2', 1792]] as const) {
    writeFileSync(join(dir, `${name}.cfg`), `name = "${name}"\ntype = "hvm"\nmemory = ${memory}\nvcpus = 2\nnuma = "on"\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (): CapturedIo => captureIo(dir);

describe('rebalance, then its migrate-plan lines with --commit', () => {
  it('every proposed move commits in turn and the host ends within the threshold (no move was proposed)', async () => {
    const host = join(dir, 'host.json');
    const ledger = join(dir, 'l.db');
    for (const [g, node] of [['g0', 0], ['g1', 1], ['g2', 0]] as const) expect(await runPlan({ file: `${g}.cfg`, host: join(dir, `only${node}.json`), ledger, reserve: true }, io())).toBe(0);
    const r = io();
    expect(await runRebalance({ host, ledger, threshold: 20, format: 'json' }, r)).toBe(0);
    const proposed = JSON.parse(r.out) as { spread_before: number; spread_after: number; moves: Array<{ domain: string; to: number }> };
    expect(proposed.spread_before).toBe(46.9);
    expect(proposed.moves.length).toBeGreaterThan(0);
    for (const m of proposed.moves) expect(await runMigratePlan({ name: m.domain, 'to-node': [m.to], host, ledger, commit: true }, io())).toBe(0);
    const after = io();
    expect(await runRebalance({ host, ledger, threshold: 20, format: 'json' }, after)).toBe(0);
    const settled = JSON.parse(after.out) as { spread_before: number; moves: unknown[] };
    expect(settled.spread_before).toBe(proposed.spread_after);
    expect(settled.spread_before).toBeLessThanOrEqual(20);
    expect(settled.moves).toEqual([]);
  });
});
