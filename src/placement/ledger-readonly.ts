/**
 * @fileoverview Reading a ledger without writing anything (`ledger list`, `plan` without
 * `--reserve`, `rebalance`, `migrate-plan` without `--commit`): the schema rules for a database
 * that cannot be migrated, and the open itself. SQLite opens a WAL database read-only only when its
 * -shm and -wal files exist or can be created, and a read-only connection leaves the files it
 * created behind (owned by the reader: a writer of another user may then be locked out). So a
 * ledger no one has open is read from an in-memory copy of its file, which creates nothing, and one
 * that is open (its -wal exists) through SQLite, which then only uses the files already there.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

/** What stops a ledger of schema `version` with `tables` tables from being read as it is. */
export type SchemaProblem = { kind: 'foreign' | 'newer' | 'older'; version: number };

/**
 * Why a ledger opened read-only cannot be read as it is (`current` is this xmcfg's schema version),
 * or null. Version 0 without tables is an empty file (no reservations); with tables it is another
 * program's database. An older schema would need a migration, which is a write.
 */
export function readonlySchemaProblem(version: number, tables: number, current: number): SchemaProblem | null {
  if (version === 0) return tables > 0 ? { kind: 'foreign', version } : null;
  if (version > current) return { kind: 'newer', version };
  if (version < current) return { kind: 'older', version };
  return null;
}

/** SQLite's refusals to open a WAL database read-only when it cannot create the -shm/-wal files. */
function isWalOpenRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT' || code === 'SQLITE_CANTOPEN';
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A read-only in-memory copy of the ledger at `path`. SQLite opens a WAL database read-only only
 * when its -shm and -wal files exist or can be created (this build has no URI filenames, so
 * `immutable=1` is not available). With no -wal file every committed reservation is in the main
 * file, so a copy of it is the ledger; a -wal file with content holds commits the copy would miss,
 * and is refused rather than read as fewer reservations. Throws like SQLite (a `code`).
 */
export function snapshotOf(Database: typeof BetterSqlite3, path: string): BetterSqlite3.Database {
  if (sizeOf(`${path}-wal`) > 0) {
    throw Object.assign(new Error(`its write-ahead log ${path}-wal holds changes that only a process allowed to write the ledger's folder can read`), { code: 'XMCFG_WAL_UNREADABLE' });
  }
  const before = statSync(path);
  const bytes = readFileSync(path);
  const after = statSync(path);
  // A writer checkpointing while the file was read: the copy may be torn, so say "busy" (retry).
  if (before.mtimeMs !== after.mtimeMs || before.size !== after.size || bytes.length !== after.size || sizeOf(`${path}-wal`) > 0) {
    throw Object.assign(new Error('the ledger changed while it was read'), { code: 'SQLITE_BUSY' });
  }
  if (bytes.length === 0) return new Database(':memory:', { readonly: false });
  // Header bytes 18–19 are 2 in WAL mode; an in-memory copy has no WAL, so mark it rollback-journal.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

/** True when the file's header says WAL mode (bytes 18–19 are 2). */
function isWalFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(20);
    return readSync(fd, head, 0, 20, 0) === 20 && head[18] === 2 && head[19] === 2;
  } finally {
    closeSync(fd);
  }
}

/**
 * A read-only connection to the ledger at `path` that creates no file beside it (see the file
 * comment). Throws like SQLite (a `code`).
 */
export function openForReading(Database: typeof BetterSqlite3, path: string, timeout: number): BetterSqlite3.Database {
  // No -wal: no connection is open and every commit is in the main file (a -journal would be a
  // rollback-mode transaction to undo, which only SQLite may do).
  if (!existsSync(`${path}-wal`) && !existsSync(`${path}-journal`) && isWalFile(path)) {
    // A writer that opens and checkpoints while the copy is read makes it "busy": try again, then
    // leave it to SQLite (the -wal exists by then).
    for (let i = 0; i < 3; i++) {
      try {
        return snapshotOf(Database, path);
      } catch (err) {
        if ((err as { code?: unknown }).code !== 'SQLITE_BUSY') throw err;
      }
    }
  }
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout });
    db.pragma('user_version', { simple: true });
    return db;
  } catch (err) {
    try {
      db?.close();
    } catch {
      /* the open error is the one to report */
    }
    // The -wal went away meanwhile in a folder this process cannot write: a copy again.
    if (!isWalOpenRefusal(err) || !existsSync(path)) throw err;
    return snapshotOf(Database, path);
  }
}
