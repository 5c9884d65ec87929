/**
 * A ledger in a folder every user may write (a shared /var/lib/xmcfg with mode 1777, /tmp), owned
 * by one user and read-only to the others. A command that writes the ledger, run by a user who may
 * not write it, must refuse before SQLite opens the file: SQLite would open it read-only and still
 * create the `-wal` and `-shm` files beside it, owned by that user, and those then lock the
 * ledger's owner out of every later write (SQLITE_READONLY), with a message that blamed the owner.
 *
 * The tests run as root, where permission bits stop nothing, so the built CLI runs as nobody
 * (uid 65534) when this process is root; otherwise the suite is skipped (it needs a second user).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/placement/ledger.js';
import { cfg, CLI as cli, cliBuilt, FIXTURES, fixtureHost } from './helpers.js';

const asRoot = process.getuid?.() === 0;
const HOST = join(FIXTURES, 'two-node.json');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-shared-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'db.cfg'), 'name = "db"\nmemory = 1024\nvcpus = 1\nkernel = "/boot/vmlinuz"\n');
  chmodSync(join(dir, 'db.cfg'), 0o644);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI as user nobody. */
function asNobody(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state') },
    uid: 65534,
    gid: 65534,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const codes = (err: string): string[] => [...err.matchAll(/ (XM\d{4}):/g)].map((m) => m[1]!);

/** A world-writable, sticky folder (as /tmp) named `name`. */
function sharedFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  chmodSync(folder, 0o1777);
  return folder;
}

describe.skipIf(!cliBuilt || !asRoot)('a ledger in a folder everyone may write, read-only to this user (run `npm run build` first)', () => {
  it('plan --reserve, release and migrate-plan --commit refuse (XM0408, exit 2) and leave no -wal/-shm file behind', () => {
    const folder = sharedFolder('shared');
    const path = join(folder, 'ledger.db');
    const w = Ledger.open(path).ledger!;
    expect(w.reserve(cfg({ name: 'web', memory: 2048 }), fixtureHost('two-node.json')).plan).not.toBeNull();
    w.close();
    chmodSync(path, 0o644);
    expect(readdirSync(folder)).toEqual(['ledger.db']);
    for (const args of [
      ['plan', 'db.cfg', '--host', HOST, '--ledger', path, '--reserve'],
      ['release', 'web', '--ledger', path],
      ['migrate-plan', 'web', '--to-node', '0', '--host', HOST, '--ledger', path, '--commit'],
    ]) {
      const r = asNobody(args);
      expect([args[0], r.code, codes(r.err), r.out]).toEqual([args[0], 2, ['XM0408'], '']);
      expect(readdirSync(folder)).toEqual(['ledger.db']);
    }
    // The owner still writes it.
    const owner = Ledger.open(path).ledger!;
    expect(owner.reserve(cfg({ name: 'db', memory: 1024 }), fixtureHost('two-node.json')).plan).not.toBeNull();
    owner.close();
  });

  it('a -shm file another user left beside the ledger is named in the refusal, exit 2', () => {
    const folder = sharedFolder('leftover');
    const path = join(folder, 'ledger.db');
    const own = asNobody(['plan', 'db.cfg', '--host', HOST, '--ledger', path, '--reserve']);
    expect(own.code).toBe(0);
    // What an earlier run of another user (here root) would have left: its own -shm, 0644.
    writeFileSync(`${path}-shm`, Buffer.alloc(32768));
    chmodSync(`${path}-shm`, 0o644);
    const r = asNobody(['release', 'db', '--ledger', path]);
    expect([r.code, codes(r.err), r.out]).toEqual([2, ['XM0408'], '']);
    expect(r.err).toContain(`${path}-shm`);
  });
});

describe('a --ledger path with a file where a folder should be', () => {
  it('is XM0408 with a hint, and nothing is created', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const r = Ledger.open(join(file, 'ledger.db'));
    expect([r.ledger, r.diagnostics.map((d) => [d.code, d.hint !== undefined])]).toEqual([null, [['XM0408', true]]]);
  });
});
