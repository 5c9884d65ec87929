/**
 * @fileoverview The reservation ledger: an embedded SQLite database (better-sqlite3, loaded lazily
 * so commands that do not touch the ledger never load the native module). `reserve` re-reads the
 * live reservations, plans and records the result in ONE `BEGIN IMMEDIATE` transaction, so
 * concurrent `plan --reserve` runs serialise on SQLite's write lock and never book the same memory
 * twice. The schema is versioned with `PRAGMA user_version` and migrated forward at open.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { guestShape } from './guest.js';
import { CheckedHost, hostDiag } from './host-check.js';
import { defaultLedgerPath, isFolder, ledgerWriteProblem, makeFolders } from './ledger-path.js';
import { openForReading, readonlySchemaProblem } from './ledger-readonly.js';
import { closeQuietly, enterWalMode } from './ledger-connection.js';
import { migratePlan, type MigrationPlan } from './migrate.js';
import { shellQuote } from './shell.js';
import { storedPlanProblem } from './stored-plan.js';
import { plan, planChecked, type PlanResult } from './plan.js';
import { storedSoft } from './soft.js';
import { storedRequest } from './move-rules.js';
import type { Host, PlacementConfig, Plan, PlanOptions, ReservationLoad } from './types.js';

export { defaultLedgerPath };

/** Current schema version (PRAGMA user_version). */
export const LEDGER_SCHEMA_VERSION = 1;

/** Forward migrations: index i brings a ledger from version i to i + 1. */
const MIGRATIONS: string[] = [
  `CREATE TABLE reservations (
     domain TEXT PRIMARY KEY,
     created TEXT NOT NULL,
     policy TEXT NOT NULL,
     plan TEXT NOT NULL
   );
   CREATE TABLE reservation_nodes (
     domain TEXT NOT NULL REFERENCES reservations(domain) ON DELETE CASCADE,
     node INTEGER NOT NULL,
     memory_mib INTEGER NOT NULL CHECK (memory_mib >= 0),
     vcpus INTEGER NOT NULL CHECK (vcpus >= 0),
     PRIMARY KEY (domain, node)
   );
   CREATE TABLE cursor (id INTEGER PRIMARY KEY CHECK (id = 0), node INTEGER NOT NULL);`,
];

/** One live reservation as `ledger list` shows it. */
export interface LedgerEntry {
  domain: string;
  created: string;
  policy: string;
  nodes: Array<{ node: number; memory_mib: number; vcpus: number }>;
  plan: Plan;
}

function tableCount(db: BetterSqlite3.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
}

let driver: typeof BetterSqlite3 | null = null;
function loadDriver(): typeof BetterSqlite3 {
  driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return driver;
}

/** What a command uses the ledger for: its failures say what was then not done. */
export type LedgerUse = 'plan' | 'list' | 'release';

/** What did not happen when the ledger failed: `ledger list` and `release` plan nothing (they said so). */
const NOT_DONE: Record<LedgerUse, { written: string; read: string }> = {
  plan: { written: 'nothing was planned or recorded', read: 'nothing was planned' },
  list: { written: 'nothing was listed', read: 'nothing was listed' },
  release: { written: 'nothing was released', read: 'nothing was released' },
};

/** A SQLite failure as an XM0408 diagnostic (locked, corrupt, unreadable), worded for `use`. */
export function ledgerError(err: unknown, path: string, use: LedgerUse = 'plan'): Diagnostic {
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? String(err);
  const notDone = NOT_DONE[use];
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return hostDiag('XM0408', 'error', `ledger ${path} is locked by another process; ${notDone.written}`, 'retry, or raise the wait with a shorter concurrent run');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'XMCFG_READONLY' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    const why = code === 'XMCFG_READONLY' ? 'it was opened read-only' : `the file or its folder is read-only to this process (${code})`;
    return hostDiag('XM0408', 'error', `ledger ${path} cannot be written: ${why}; ${notDone.written}`, 'commands that only read it (ledger list, plan without --reserve) still work; write as a user who may write the ledger and its folder');
  }
  if (code === 'XMCFG_SIDE_FILE') {
    return hostDiag('XM0408', 'error', `ledger ${path} cannot be written: SQLite's ${msg} beside it is read-only to this process (another user's run, which could not write the ledger, left it); ${notDone.written}`, `remove ${msg} while no xmcfg command uses the ledger (SQLite makes it again)`);
  }
  if (code === 'ENOTDIR') return hostDiag('XM0408', 'error', `ledger ${path} cannot be created: a file stands where one of its folders should be; ${notDone.written}`, 'pass another path with --ledger');
  if (code === 'XMCFG_UNREADABLE') return hostDiag('XM0408', 'error', `ledger ${path} cannot be read by this process (${msg}); ${notDone.read}`, 'ask for read access to the ledger, or pass another one with --ledger');
  if (code === 'EISDIR') return hostDiag('XM0408', 'error', `ledger ${path} is a folder, not a database file; ${notDone.written}`, `name the file, e.g. --ledger ${join(path, 'ledger.db')}`);
  if (code === 'XMCFG_OLDER' || code === 'XMCFG_WAL_UNREADABLE') return hostDiag('XM0408', 'error', `ledger ${path} cannot be read without writing: ${msg}`, 'run a command that writes it (plan --reserve, release) as a user who may write the ledger and its folder');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return hostDiag('XM0408', 'error', `ledger ${path} is corrupt or not an xmcfg ledger (${code}); ${notDone.written}`, 'move the file aside; a new ledger is created on the next run');
  }
  return hostDiag('XM0408', 'error', `ledger ${path} cannot be used: ${msg}`);
}

/** An open ledger. Every method returns diagnostics instead of throwing on SQLite errors. */
export class Ledger {
  private constructor(
    private readonly db: BetterSqlite3.Database,
    readonly path: string,
    /** Opened with `readonly`: every write is refused (XM0408). */
    readonly readonly: boolean,
    /** A read-only ledger that has no schema yet (an empty file): no reservations. */
    private readonly empty: boolean,
    /** What the command uses it for, which its failures name. */
    private readonly use: LedgerUse = 'plan',
  ) {}

  /** Refuse a write on a ledger opened read-only (an in-memory copy would accept it and lose it). */
  private assertWritable(): void {
    if (this.readonly) throw Object.assign(new Error('opened read-only'), { code: 'XMCFG_READONLY' });
  }

  /**
   * Open the ledger at `path`: creating its folder and migrating it as needed, or with `readonly`
   * only reading it (no folder made, no migration, no journal-mode change; every write is refused).
   */
  static open(path: string, options: { busyTimeoutMs?: number; create?: boolean; readonly?: boolean; use?: LedgerUse } = {}): { ledger: Ledger | null; diagnostics: Diagnostic[] } {
    // SQLite says only "disk I/O error" or "unable to open database file" for a folder.
    const use = options.use ?? 'plan';
    if (isFolder(path)) return { ledger: null, diagnostics: [ledgerError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), path, use)] };
    if (options.readonly === true) return Ledger.openReadonly(path, options.busyTimeoutMs ?? 10_000, use);
    let db: BetterSqlite3.Database | null = null;
    try {
      if (options.create !== false) makeFolders(dirname(path));
      const unwritable = ledgerWriteProblem(path);
      if (unwritable) throw unwritable;
      const Database = loadDriver();
      db = new Database(path, { fileMustExist: options.create === false, timeout: options.busyTimeoutMs ?? 10_000 });
      // Before anything writes (WAL mode, the schema): a database with tables of its own and no
      // xmcfg schema version is someone else's (a mistyped --ledger), and must stay untouched.
      // Both reads in one read transaction: another process creating the same new ledger may commit
      // its schema between them, and version 0 read before with its tables read after looked foreign.
      const d0 = db;
      if (d0.transaction(() => Number(d0.pragma('user_version', { simple: true })) === 0 && tableCount(d0) > 0)()) {
        throw Object.assign(new Error('not an xmcfg ledger'), { code: 'SQLITE_NOTADB' });
      }
      db.pragma('foreign_keys = ON');
      enterWalMode(db, options.busyTimeoutMs ?? 10_000);
      db.pragma('synchronous = FULL');
      const d = db;
      const migrate = d.transaction(() => {
        const v = Number(d.pragma('user_version', { simple: true }));
        if (v > LEDGER_SCHEMA_VERSION) throw Object.assign(new Error(`ledger schema version ${v} is newer than this xmcfg understands (${LEDGER_SCHEMA_VERSION})`), { code: 'XMCFG_NEWER' });
        for (let i = v; i < LEDGER_SCHEMA_VERSION; i++) d.exec(MIGRATIONS[i]!);
        if (v < LEDGER_SCHEMA_VERSION) d.pragma(`user_version = ${LEDGER_SCHEMA_VERSION}`);
      });
      migrate.immediate();
      return { ledger: new Ledger(d, path, false, false, use), diagnostics: [] };
    } catch (err) {
      closeQuietly(db);
      return { ledger: null, diagnostics: [ledgerError(err, path, use)] };
    }
  }

  private static openReadonly(path: string, timeout: number, use: LedgerUse): { ledger: Ledger | null; diagnostics: Diagnostic[] } {
    let db: BetterSqlite3.Database | null = null;
    try {
      db = openForReading(loadDriver(), path, timeout);
      const v = Number(db.pragma('user_version', { simple: true }));
      const problem = readonlySchemaProblem(v, tableCount(db), LEDGER_SCHEMA_VERSION);
      if (problem?.kind === 'foreign') throw Object.assign(new Error('not an xmcfg ledger'), { code: 'SQLITE_NOTADB' });
      if (problem?.kind === 'newer') throw Object.assign(new Error(`ledger schema version ${v} is newer than this xmcfg understands (${LEDGER_SCHEMA_VERSION})`), { code: 'XMCFG_NEWER' });
      if (problem?.kind === 'older') {
        throw Object.assign(new Error(`its schema version ${v} is older than this xmcfg's (${LEDGER_SCHEMA_VERSION}), and upgrading it is a write`), { code: 'XMCFG_OLDER' });
      }
      db.pragma('foreign_keys = ON');
      return { ledger: new Ledger(db, path, true, v === 0, use), diagnostics: [] };
    } catch (e) {
      // Nothing is written here: a permission error is about reading, not the write one below.
      const c = (e as { code?: unknown }).code;
      const err = c === 'EACCES' || c === 'EPERM' || c === 'SQLITE_CANTOPEN' ? Object.assign(new Error(String(c)), { code: 'XMCFG_UNREADABLE' }) : e;
      closeQuietly(db);
      return { ledger: null, diagnostics: [ledgerError(err, path, use)] };
    }
  }

  /** The `xmcfg release` command line for `domain` in this ledger (`--ledger` unless it is the default one). */
  private releaseCommand(domain: string): string {
    return `xmcfg release ${shellQuote(domain)}${this.path === defaultLedgerPath() ? '' : ` --ledger ${shellQuote(this.path)}`}`;
  }

  /** Close the database. */
  close(): void {
    this.db.close();
  }

  private readLoads(): ReservationLoad[] {
    if (this.empty) return [];
    const rows = this.db.prepare('SELECT domain, node, memory_mib, vcpus FROM reservation_nodes ORDER BY domain, node').all() as Array<{ domain: string; node: number; memory_mib: number; vcpus: number }>;
    const by = new Map<string, ReservationLoad & { nodes: Array<{ node: number; memory_mib: number; vcpus: number }> }>();
    for (const r of rows) {
      let e = by.get(r.domain);
      if (!e) by.set(r.domain, (e = { domain: r.domain, nodes: [] }));
      e.nodes.push({ node: r.node, memory_mib: r.memory_mib, vcpus: r.vcpus });
    }
    return [...by.values()];
  }

  private readCursor(): number {
    if (this.empty) return 0;
    const row = this.db.prepare('SELECT node FROM cursor WHERE id = 0').get() as { node: number } | undefined;
    return row?.node ?? 0;
  }

  /** Live reservations (what `plan` subtracts from the host's free memory). */
  loads(): { loads: ReservationLoad[]; cursor: number; diagnostics: Diagnostic[] } {
    try {
      return this.db.transaction(() => ({ loads: this.readLoads(), cursor: this.readCursor(), diagnostics: [] as Diagnostic[] }))();
    } catch (err) {
      return { loads: [], cursor: 0, diagnostics: [ledgerError(err, this.path, this.use)] };
    }
  }

  /** Every reservation, by domain name. */
  list(): { entries: LedgerEntry[]; diagnostics: Diagnostic[] } {
    try {
      if (this.empty) return { entries: [], diagnostics: [] };
      const rows = this.db.prepare('SELECT domain, created, policy, plan FROM reservations ORDER BY domain').all() as Array<{ domain: string; created: string; policy: string; plan: string }>;
      const loads = new Map(this.readLoads().map((l) => [l.domain, l.nodes]));
      const entries: LedgerEntry[] = [];
      for (const r of rows) {
        let plan: unknown;
        try {
          plan = JSON.parse(r.plan);
        } catch {
          plan = undefined;
        }
        // A row whose plan is not one (a hand edit, another program) is a corrupt ledger, named.
        const problem = storedPlanProblem(plan, r.domain);
        if (problem !== null) {
          const msg = `ledger ${this.path} is corrupt: the reservation of ${r.domain} holds no usable plan (${plan === undefined ? 'not JSON' : problem}); ${NOT_DONE[this.use].written}`;
          return { entries: [], diagnostics: [hostDiag('XM0408', 'error', msg, `give it back with ${this.releaseCommand(r.domain)} and plan the guest again`)] };
        }
        entries.push({ domain: r.domain, created: r.created, policy: r.policy, nodes: [...(loads.get(r.domain) ?? [])], plan: plan as Plan });
      }
      return { entries, diagnostics: [] };
    } catch (err) {
      return { entries: [], diagnostics: [ledgerError(err, this.path, this.use)] };
    }
  }

  /**
   * Plan against the host minus live reservations and record the plan, atomically (BEGIN
   * IMMEDIATE): the capacity check and the insert see the same ledger state. A CheckedHost (the
   * CLI's, read and validated once) is not validated again.
   */
  reserve(config: PlacementConfig, host: Host | CheckedHost, options: PlanOptions = {}, now: () => string = () => new Date().toISOString()): PlanResult {
    try {
      this.assertWritable();
      const tx = this.db.transaction((): PlanResult => {
        const loads = this.readLoads();
        const cursor = this.readCursor();
        // Before planning: counted against itself, a reserved guest that fits would be refused as
        // too big (XM0404) instead of as reserved.
        const name = guestShape(config ?? ({} as PlacementConfig)).name;
        // The ledger books a guest under its name, and release, migrate-plan and rebalance find it
        // by it: a nameless booking could only be given back by an empty word, which xl reads as
        // Domain-0, and every nameless guest would be the same one.
        if (name === '') {
          return { plan: null, diagnostics: [hostDiag('XM0105', 'error', 'the config has no domain name (or an empty one): plan --reserve books a guest under its name, so it reserves nothing for a nameless one', 'set name = "…" (plan without --reserve still shows the placement)')] };
        }
        if (loads.some((l) => l.domain === name)) {
          return { plan: null, diagnostics: [hostDiag('XM0407', 'error', `${name} already holds a reservation; release it first (${this.releaseCommand(name)})`)] };
        }
        const planOptions = { ...options, reservations: [...(options.reservations ?? []), ...loads], cursor: options.cursor ?? cursor };
        const r = host instanceof CheckedHost ? planChecked(config, host, planOptions) : plan(config, host, planOptions);
        if (!r.plan) return r;
        // The config's own cpus_soft stays in the guest's file beside the plan's pins: stored with
        // the plan so migrate-plan and rebalance judge a move against it (decision 046).
        // So is what it asked for (NUMA keys, vnuma pnodes, cpus): rebalance leaves a guest whose
        // admin named its nodes where it is, and a move keeps the file's pins (decision 050).
        this.insert(r.plan, now(), storedSoft(config ?? {}, r.plan.affinity), storedRequest(config ?? {}));
        if (r.cursor !== undefined) this.db.prepare('INSERT INTO cursor (id, node) VALUES (0, ?) ON CONFLICT(id) DO UPDATE SET node = excluded.node').run(r.cursor);
        return r;
      });
      return tx.immediate();
    } catch (err) {
      return { plan: null, diagnostics: [ledgerError(err, this.path, this.use)] };
    }
  }

  /** Store a round-robin cursor (plan without --reserve never writes; this is for tools and tests). */
  setCursor(node: number): Diagnostic[] {
    try {
      this.assertWritable();
      this.db.prepare('INSERT INTO cursor (id, node) VALUES (0, ?) ON CONFLICT(id) DO UPDATE SET node = excluded.node').run(node);
      return [];
    } catch (err) {
      return [ledgerError(err, this.path, this.use)];
    }
  }

  /** Give back a domain's reservation; `released` is false when it had none. */
  release(domain: string): { released: boolean; diagnostics: Diagnostic[] } {
    try {
      this.assertWritable();
      const info = this.db.transaction(() => this.db.prepare('DELETE FROM reservations WHERE domain = ?').run(domain)).immediate();
      if (info.changes === 0) return { released: false, diagnostics: [hostDiag('XM0410', 'error', `${domain} has no reservation in ledger ${this.path}`)] };
      return { released: true, diagnostics: [] };
    } catch (err) {
      return { released: false, diagnostics: [ledgerError(err, this.path, this.use)] };
    }
  }

  /**
   * Plan moving a reserved domain to `toNodes` and record the new placement, in ONE `BEGIN
   * IMMEDIATE` transaction: the twice-memory check sees the same reservations the update replaces,
   * so a concurrent `plan --reserve` cannot take the target's memory in between, and a domain
   * released meanwhile is not brought back. XM0410 when the domain has no reservation.
   */
  commitMigration(domain: string, host: Host, toNodes: number[], now: () => string = () => new Date().toISOString()): { migration: MigrationPlan | null; diagnostics: Diagnostic[] } {
    try {
      this.assertWritable();
      return this.db
        .transaction(() => {
          const entries = this.list();
          if (entries.diagnostics.length > 0) return { migration: null, diagnostics: entries.diagnostics };
          const entry = entries.entries.find((e) => e.domain === domain);
          if (!entry) return { migration: null, diagnostics: [hostDiag('XM0410', 'error', `${domain} has no reservation in ledger ${this.path}`)] };
          const r = migratePlan(entry.plan, host, entries.entries.map((e) => ({ domain: e.domain, nodes: e.nodes })), toNodes);
          // The guest's file keeps its cpus_soft and its request across the move: so does its booking.
          if (r.migration?.plan) this.write({ ...r.migration.plan, config_cpus_soft: entry.plan.config_cpus_soft, config_request: entry.plan.config_request }, now, true);
          return r;
        })
        .immediate();
    } catch (err) {
      return { migration: null, diagnostics: [ledgerError(err, this.path, this.use)] };
    }
  }

  private write(p: Plan, now: () => string, replace: boolean): void {
    // A replaced reservation (a committed migration) keeps the time it was first booked: `created`
    // dates the guest's booking, and a move is not a new one.
    let created: string | undefined;
    if (replace) {
      created = (this.db.prepare('SELECT created FROM reservations WHERE domain = ?').get(p.domain) as { created: string } | undefined)?.created;
      this.db.prepare('DELETE FROM reservations WHERE domain = ?').run(p.domain);
    }
    this.insert(p, created ?? now(), p.config_cpus_soft, p.config_request);
  }

  /** One reservation row and its per-node rows; `soft` (the config's cpus_soft) and `request` (what it asked for) are kept in the stored plan only. */
  private insert(p: Plan, created: string, soft: Plan['config_cpus_soft'], request: Plan['config_request']): void {
    const stored: Record<string, unknown> = { ...p };
    delete stored.config_cpus_soft;
    delete stored.config_request;
    if (soft !== undefined && p.affinity === 'hard') stored.config_cpus_soft = soft;
    if (request !== undefined) stored.config_request = request;
    this.db.prepare('INSERT INTO reservations (domain, created, policy, plan) VALUES (?, ?, ?, ?)').run(p.domain, created, p.policy, JSON.stringify(stored));
    const ins = this.db.prepare('INSERT INTO reservation_nodes (domain, node, memory_mib, vcpus) VALUES (?, ?, ?, ?)');
    for (const id of p.node_affinity.nodes) ins.run(p.domain, id, p.memory_per_node_mib[String(id)] ?? 0, p.vcpus.filter((v) => v.node === id).length);
  }

  /** Replace a domain's reservation by a new plan (a committed migration), atomically. */
  replace(p: Plan, now: () => string = () => new Date().toISOString()): Diagnostic[] {
    try {
      this.assertWritable();
      this.db.transaction(() => this.write(p, now, true)).immediate();
      return [];
    } catch (err) {
      return [ledgerError(err, this.path, this.use)];
    }
  }
}
