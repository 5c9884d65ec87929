/**
 * rebalance says why it proposes nothing (within the threshold, or no feasible move), in text and
 * JSON, and its whole-number options read decimal digits only, as migrate-plan's --to-node does
 * (yargs read --max-moves 1e3 as 1000).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRebalance } from '../../src/cli/placement-run.js';
import { captureIo } from './helpers.js';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-rebal-opts-'));
  const node = (id: number, free: number) => ({ id, cpus: [id], memory_mib: 8192, free_mib: free, distances: {} });
  // Even: both nodes empty. Uneven: node 0 is 87.5 % used by memory no ledger guest holds, so
  // nothing can move off it.
  writeFileSync(join(dir, 'even.json'), JSON.stringify({ nodes: [node(0, 8192), node(1, 8192)] }));
  writeFileSync(join(dir, 'uneven.json'), JSON.stringify({ nodes: [node(0, 1024), node(1, 8192)] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
const ledger = () => join(dir, 'none.db');

describe('rebalance: why nothing is proposed', () => {
  it('JSON adds outcome (within-threshold, no-feasible-move) beside the version 1 fields', async () => {
    const even = captureIo(dir);
    expect(await runRebalance({ host: join(dir, 'even.json'), ledger: ledger(), format: 'json' }, even)).toBe(0);
    expect(JSON.parse(even.out)).toEqual({ version: 1, threshold: 10, spread_before: 0, spread_after: 0, outcome: 'within-threshold', moves: [], kept: [] });
    const uneven = captureIo(dir);
    expect(await runRebalance({ host: join(dir, 'uneven.json'), ledger: ledger(), format: 'json' }, uneven)).toBe(0);
    expect(JSON.parse(uneven.out)).toEqual({ version: 1, threshold: 10, spread_before: 87.5, spread_after: 87.5, outcome: 'no-feasible-move', moves: [], kept: [] });
    const none = captureIo(dir);
    expect(await runRebalance({ host: join(dir, 'uneven.json'), ledger: ledger(), format: 'json', 'max-moves': '0' }, none)).toBe(0);
    expect(JSON.parse(none.out).outcome).toBe('no-moves-allowed');
  });

  it('text: the two cases print different lines (the second line), not the same "# nothing to do"', async () => {
    const lines = async (host: string): Promise<string[]> => {
      const io = captureIo(dir);
      expect(await runRebalance({ host: join(dir, host), ledger: ledger() }, io)).toBe(0);
      return io.out.trimEnd().split('\n');
    };
    const even = await lines('even.json');
    const uneven = await lines('uneven.json');
    expect(even).toHaveLength(2);
    expect(uneven).toHaveLength(2);
    expect(even[1]).toMatch(/^# nothing to do: /);
    expect(uneven[1]).toMatch(/^# nothing to do: /);
    expect(even[1]).not.toBe(uneven[1]);
  });
});

describe('rebalance and migrate-plan: whole-number options are decimal digits', () => {
  it.each([['--max-moves', '1e3'], ['--max-moves', '0x5'], ['--max-moves', '5.0'], ['--threshold', '1e1'], ['--threshold', '0x10']])('rebalance %s %s is a usage error (exit 2)', (opt, value) => {
    const r = cli('rebalance', '--host', 'uneven.json', '--ledger', ledger(), opt, value);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
