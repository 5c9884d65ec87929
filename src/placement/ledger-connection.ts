/**
 * @fileoverview Connection-level helpers of the ledger. Switching to WAL mode while other processes
 * may be opening or writing the same file:
 * `PRAGMA journal_mode = WAL` must upgrade its read lock to a write lock, and SQLite does not run the
 * busy handler for that upgrade while another connection holds a write lock (it would risk a
 * deadlock): the pragma fails at once with SQLITE_BUSY, whatever the busy timeout. Measured: with a
 * second process inside `BEGIN IMMEDIATE` on a new ledger file, the pragma failed after 0 ms with a
 * 5 s timeout. Two `xmcfg plan --reserve` runs creating the same new ledger can meet exactly there.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Block the thread for `ms` milliseconds (the ledger API is synchronous, like the driver). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when `err` is SQLite's "database is locked" (SQLITE_BUSY or one of its extended codes). */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Put `db` in WAL mode, retrying a busy switch with growing pauses until `timeoutMs` has passed
 * (then the last SQLITE_BUSY is thrown, as any other busy failure of the open). A ledger already in
 * WAL mode (every one after its first open: the mode is stored in the file) takes no lock here.
 */
export function enterWalMode(db: BetterSqlite3.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') return;
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() + pause > deadline) throw err;
      sleep(pause);
    }
  }
}

/** Close `db`, ignoring a failure to: the open is already failing, and its first error is the one to report. */
export function closeQuietly(db: BetterSqlite3.Database | null): void {
  try {
    db?.close();
  } catch {
    /* already failing: the first error is the one to report */
  }
}
