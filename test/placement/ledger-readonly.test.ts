/**
 * A ledger that may be read but not written (a shared ledger, a read-only mount): the commands
 * that only read it (ledger list, plan without --reserve, rebalance, migrate-plan without --commit)
 * must work, the ones that write must say why they cannot (XM0408, exit 2).
 *
 * The tests run as root, where permission bits stop nothing. So the built CLI is run as user
 * nobody (uid 65534) when this process is root, and as the current user otherwise: either way the
 * ledger's folder (0555) and file (0444) really refuse writes to the process that opens them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/placement/ledger.js';
import { readonlySchemaProblem, snapshotOf } from '../../src/placement/ledger-readonly.js';
import { cfg, cliBuilt, FIXTURES, fixtureHost } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-ro-'));
  chmodSync(dir, 0o755);
});
afterAll(() => {
  // The read-only folders must be writable again before they can be removed (by a non-root user).
  for (const sub of ['shared']) {
    try {
      chmodSync(join(dir, sub), 0o755);
    } catch {
      /* not created by a skipped test */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const raw = (path: string): import('better-sqlite3').Database => new (createRequire(import.meta.url)('better-sqlite3'))(path);

describe('Ledger.open({ readonly: true })', () => {
  it('reads without writing: no folder made, no migration, writes refused as XM0408', () => {
    const path = join(dir, 'ro.db');
    const w = Ledger.open(path).ledger!;
    expect(w.reserve(cfg({ name: 'a', memory: 1024 }), fixtureHost('two-node.json')).plan).not.toBeNull();
    w.close();
    const r = Ledger.open(path, { readonly: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger!.readonly).toBe(true);
    expect(r.ledger!.list().entries.map((e) => e.domain)).toEqual(['a']);
    expect(r.ledger!.loads().loads.map((l) => l.domain)).toEqual(['a']);
    const refused = r.ledger!.reserve(cfg({ name: 'b', memory: 1024 }), fixtureHost('two-node.json'));
    expect([refused.plan, refused.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0408']]);
    r.ledger!.close();
    // a missing folder is not made and a missing file not created
    const missing = Ledger.open(join(dir, 'no-such-folder', 'ledger.db'), { readonly: true });
    expect([missing.ledger, missing.diagnostics.map((d) => d.code)]).toEqual([null, ['XM0408']]);
    expect(() => statSync(join(dir, 'no-such-folder'))).toThrow();
  });

  it('creates no file beside the ledger (a reader\'s -wal/-shm could lock a writer of another user out), and sees what an open writer committed', () => {
    const folder = join(dir, 'beside');
    mkdirSync(folder);
    const path = join(folder, 'ledger.db');
    const w = Ledger.open(path).ledger!;
    w.reserve(cfg({ name: 'a', memory: 1024 }), fixtureHost('two-node.json'));
    w.close();
    expect(readdirSync(folder)).toEqual(['ledger.db']);
    const r = Ledger.open(path, { readonly: true });
    expect(r.ledger!.list().entries.map((e) => e.domain)).toEqual(['a']);
    r.ledger!.close();
    expect(readdirSync(folder)).toEqual(['ledger.db']);
    // a writer that keeps the ledger open: its commits are in the -wal file, which the reader uses
    const open = Ledger.open(path).ledger!;
    open.reserve(cfg({ name: 'b', memory: 1024 }), fixtureHost('two-node.json'));
    const r2 = Ledger.open(path, { readonly: true });
    expect(r2.ledger!.list().entries.map((e) => e.domain)).toEqual(['a', 'b']);
    r2.ledger!.close();
    open.close();
  });

  it('an empty (version 0) file is read as no reservations and left as it is', () => {
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    const r = Ledger.open(path, { readonly: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.ledger!.list()).toEqual({ entries: [], diagnostics: [] });
    expect(r.ledger!.loads()).toEqual({ loads: [], cursor: 0, diagnostics: [] });
    r.ledger!.close();
    expect(statSync(path).size).toBe(0);
  });

  it('another program\'s database and a newer ledger are still refused read-only', () => {
    const foreign = join(dir, 'foreign.db');
    const db = raw(foreign);
    db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY)');
    db.close();
    expect(Ledger.open(foreign, { readonly: true }).diagnostics.map((d) => d.code)).toEqual(['XM0408']);
    const newer = join(dir, 'newer.db');
    const n = raw(newer);
    n.pragma('user_version = 99');
    n.exec('CREATE TABLE reservations (domain TEXT)');
    n.close();
    expect(Ledger.open(newer, { readonly: true }).diagnostics.map((d) => d.code)).toEqual(['XM0408']);
  });
});

describe('a --ledger that names a folder', () => {
  it('is XM0408 with a hint to name the file, in both modes, and the folder is left empty', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    for (const readonly of [false, true]) {
      const r = Ledger.open(folder, { readonly });
      expect([r.ledger, r.diagnostics.map((d) => [d.code, d.hint !== undefined])]).toEqual([null, [['XM0408', true]]]);
    }
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('snapshotOf (a WAL ledger in a folder this process cannot write)', () => {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

  it('is a read-only copy with every committed reservation', () => {
    const path = join(dir, 'snap.db');
    const w = Ledger.open(path).ledger!;
    w.reserve(cfg({ name: 'a', memory: 1024 }), fixtureHost('two-node.json'));
    w.close();
    const db = snapshotOf(Database, path);
    expect([db.readonly, (db.prepare('SELECT domain FROM reservations').all() as Array<{ domain: string }>).map((r) => r.domain)]).toEqual([true, ['a']]);
    db.close();
  });

  it('refuses a write-ahead log with content (commits the copy would miss) instead of reading fewer reservations', () => {
    const path = join(dir, 'snap-wal.db');
    Ledger.open(path).ledger!.close();
    writeFileSync(`${path}-wal`, Buffer.alloc(64, 1));
    expect(() => snapshotOf(Database, path)).toThrow(expect.objectContaining({ code: 'XMCFG_WAL_UNREADABLE' }));
    rmSync(`${path}-wal`);
  });
});

describe('readonlySchemaProblem', () => {
  // Only schema version 1 exists so far; the rule is written for the next one.
  it('an older schema cannot be migrated read-only; an empty file or the current one can be read', () => {
    expect(readonlySchemaProblem(0, 0, 2)).toBeNull();
    expect(readonlySchemaProblem(2, 3, 2)).toBeNull();
    expect(readonlySchemaProblem(1, 3, 2)).toMatchObject({ kind: 'older', version: 1 });
    expect(readonlySchemaProblem(3, 3, 2)).toMatchObject({ kind: 'newer', version: 3 });
    expect(readonlySchemaProblem(0, 1, 2)).toMatchObject({ kind: 'foreign' });
  });
});

const asRoot = process.getuid?.() === 0;

/** Run the built CLI as a user the ledger's permission bits apply to (nobody, when this is root). */
function xmcfg(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state') },
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!cliBuilt)('the built CLI on a ledger it may read but not write (run `npm run build` first)', () => {
  const codes = (err: string): string[] => [...err.matchAll(/ (XM\d{4}):/g)].map((m) => m[1]!);

  it('reads it (list, plan, rebalance, migrate-plan) and refuses to write it with XM0408, exit 2', () => {
    const folder = join(dir, 'shared');
    mkdirSync(folder);
    const path = join(folder, 'ledger.db');
    const w = Ledger.open(path).ledger!;
    w.reserve(cfg({ name: 'web', memory: 2048 }), fixtureHost('two-node.json'));
    w.close();
    writeFileSync(join(dir, 'db.cfg'), 'name = "db"\nmemory = 1024\nvcpus = 1\nkernel = "/boot/vmlinuz"\n');
    chmodSync(join(dir, 'db.cfg'), 0o644);
    chmodSync(path, 0o444);
    chmodSync(folder, 0o555);
    const host = join(FIXTURES, 'two-node.json');
    const before = readFileSync(path);

    const list = xmcfg(['ledger', 'list', '--ledger', path, '--format', 'json']);
    expect([list.code, list.err]).toEqual([0, '']);
    expect(JSON.parse(list.out).reservations.map((r: { domain: string }) => r.domain)).toEqual(['web']);
    const plan = xmcfg(['plan', 'db.cfg', '--host', host, '--ledger', path]);
    expect([plan.code, plan.err, JSON.parse(plan.out || 'null')?.domain]).toEqual([0, '', 'db']);
    expect(xmcfg(['rebalance', '--host', host, '--ledger', path]).code).toBe(0);
    const move = xmcfg(['migrate-plan', 'web', '--to-node', '0', '--host', host, '--ledger', path, '--format', 'json']);
    expect([move.code, move.err]).toEqual([0, '']);

    for (const args of [['plan', 'db.cfg', '--host', host, '--ledger', path, '--reserve'], ['release', 'web', '--ledger', path], ['migrate-plan', 'web', '--to-node', '0', '--host', host, '--ledger', path, '--commit']]) {
      const r = xmcfg(args);
      expect([args[0], r.code, codes(r.err), r.out]).toEqual([args[0], 2, ['XM0408'], '']);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a ledger this user may not read is XM0408 saying it cannot be read (not that it cannot be written), exit 2', () => {
    const path = join(dir, 'private.db');
    Ledger.open(path).ledger!.close();
    chmodSync(path, 0o600);
    if (!asRoot) chmodSync(path, 0o000);
    for (const args of [['ledger', 'list', '--ledger', path], ['rebalance', '--host', join(FIXTURES, 'two-node.json'), '--ledger', path]]) {
      const r = xmcfg(args);
      expect([r.code, codes(r.err), r.out]).toEqual([2, ['XM0408'], '']);
      expect(r.err.startsWith(`xmcfg ${args[0]}: error XM0408: ledger ${path} cannot be read`)).toBe(true);
    }
  });

  it('a default ledger under an unwritable XDG_STATE_HOME is read, its folder not made', () => {
    const state = join(dir, 'state');
    mkdirSync(join(state, 'xmcfg'), { recursive: true });
    const path = join(state, 'xmcfg', 'ledger.db');
    const w = Ledger.open(path).ledger!;
    w.reserve(cfg({ name: 'web', memory: 2048 }), fixtureHost('two-node.json'));
    w.close();
    chmodSync(path, 0o444);
    chmodSync(join(state, 'xmcfg'), 0o555);
    chmodSync(state, 0o555);
    try {
      const list = xmcfg(['ledger', 'list']);
      expect([list.code, list.err]).toEqual([0, '']);
      expect(list.out).toContain('web');
    } finally {
      chmodSync(state, 0o755);
      chmodSync(join(state, 'xmcfg'), 0o755);
    }
  });
});
