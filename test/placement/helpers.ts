/** Shared helpers of the placement tests: fixture hosts and config builders. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { Ledger } from '../../src/placement/ledger.js';
import { parseCpuList } from '../../src/normalize/cpulist.js';
import type { Host, PlacementConfig, Plan } from '../../src/placement/types.js';
import type { Io } from '../../src/cli/types.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/hosts');

/** The built CLI (npm run build). */
export const CLI = join(import.meta.dirname, '../../dist/cli.mjs');

/** Whether the CLI is built: tests that spawn it are skipped otherwise. */
export const cliBuilt = ((): boolean => {
  try {
    return statSync(CLI).size > 0;
  } catch {
    return false;
  }
})();

/** A fixture host (JSON). */
export function fixtureHost(name: string): Host {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Host;
}

/** A fixture's raw text. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A parsed CPU list value, as normalize() produces it. */
export function cpus(text: string): ReturnType<typeof parseCpuList>['list'] {
  return parseCpuList(text).list;
}

/** A stored plan booking `mem` MiB and one vCPU of `domain` on `node`, as the ledger holds it. */
export function booked(domain: string, node: number, mem: number): Plan {
  return {
    domain,
    nodes: [node],
    node_affinity: { nodes: [node], mask: '' },
    memory_per_node_mib: { [String(node)]: mem },
    vcpus: [{ vcpu: 0, node, cpus: [] }],
    xl: { cpus: [], vnuma: null },
  } as unknown as Plan;
}

/**
 * `host` with no free memory on any node but `id`: a guest without NUMA keys (or `numa = "on"`)
 * reserved against it lands on node `id`, chosen by the policy, so rebalance may move it (a guest
 * placed with `numanode` is one its admin put there, which rebalance leaves; decision 050).
 */
export function freeOnly<H extends { nodes: Array<{ id: number; free_mib: number }> }>(host: H, id: number): H {
  return { ...host, nodes: host.nodes.map((n) => (n.id === id ? n : { ...n, free_mib: 0 })) };
}

/** A config with defaults filled for tests. */
export function cfg(over: Partial<PlacementConfig> = {}): PlacementConfig {
  return { name: 'web', memory: 4096, vcpus: 2, ...over };
}

/** An Io that collects stdout and stderr as text. */
export type CapturedIo = Io & { out: string; err: string };

/** A command-line Io run in `dir`, with its own default ledger under `dir/state`, capturing the output. */
export function captureIo(dir: string): CapturedIo {
  const o = { out: '', err: '' };
  return Object.assign(o, {
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    readStdin: async () => ({ bytes: new Uint8Array(0), over: false }),
    cwd: dir,
    env: { XDG_STATE_HOME: join(dir, 'state') },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
}

/** A ledger (`l.db`) in a fresh temporary folder for each test of the calling file, closed and removed after it. */
export function useTempLedger(prefix: string): { ledger: Ledger; dir: string } {
  const t = { ledger: undefined as unknown as Ledger, dir: '' };
  beforeEach(() => {
    t.dir = mkdtempSync(join(tmpdir(), prefix));
    t.ledger = Ledger.open(join(t.dir, 'l.db')).ledger!;
  });
  afterEach(() => {
    t.ledger.close();
    rmSync(t.dir, { recursive: true, force: true });
  });
  return t;
}

/** Overwrite the stored plan of `domain` in `ledger` with `value` (a hand edit, another program, an older xmcfg's row). */
export function storeRow(ledger: Ledger, domain: string, value: unknown): void {
  const db = (ledger as unknown as { db: { prepare: (s: string) => { run: (...a: unknown[]) => void } } }).db;
  db.prepare('UPDATE reservations SET plan = ? WHERE domain = ?').run(JSON.stringify(value), domain);
}

/** A temporary folder made before the calling describe block's tests and removed after them. */
export function useTempDir(prefix: string): { dir: string } {
  const t = { dir: '' };
  beforeAll(() => {
    t.dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(t.dir, { recursive: true, force: true }));
  return t;
}

/** Run the built CLI with `args`, its default ledger under `dir/state`, without colour. */
export function runCli(dir: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: join(dir, 'state'), NO_COLOR: '1' } });
}

/**
 * Node 0 is near node 2 (12), 20 from node 3 and far from node 1 (30); node 1 is near node 3 (12);
 * 1-2 is 20 and 2-3 is 30: two near pairs, {0,2} and {1,3}, whose lowest ids are far apart.
 */
export const SPLIT_DISTANCES: readonly (readonly number[])[] = [
  [10, 30, 12, 20],
  [30, 10, 20, 12],
  [12, 20, 10, 30],
  [20, 12, 30, 10],
];

/** Four nodes of 4 CPUs (node i: CPUs 4i..4i+3), 16 GiB each, `free` MiB free, distances `dist` (row = from). */
export function fourNodes(free: readonly number[], dist: readonly (readonly number[])[] = SPLIT_DISTANCES): Host {
  return {
    nodes: free.map((f, i) => ({
      id: i,
      cpus: [0, 1, 2, 3].map((c) => 4 * i + c),
      memory_mib: 16384,
      free_mib: f,
      distances: Object.fromEntries(dist[i]!.map((d, j) => [String(j), d])),
    })),
  };
}
