/**
 * @fileoverview What the placement commands share: one-line findings on stderr, the host they read
 * (--host FILE or this machine's sysfs), and the ledger (where it is, whether one may be there,
 * opening it with its lock wait, listing it).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { Io } from './types.js';
import { DEFAULT_MAX_FILE_SIZE } from './check/read-input.js';
import { quote } from './check/discover.js';
import { readHostArg, type HostFileResult } from './host-file.js';
import { readHost } from '../placement/host.js';
import { SYSFS_PATHS } from '../placement/sysfs.js';
import type { CommandInput } from './command-output.js';
import { realOrSelf } from './output-file.js';
import { defaultLedgerPath, Ledger, type LedgerEntry } from '../placement/ledger.js';
import { oneLine } from '../placement/shell.js';
import type { Host } from '../placement/types.js';


/**
 * Where findings are about, for their one-line form on stderr: a config file (with its text, for
 * `FILE:LINE:COLUMN`), a labelled input such as `host 'h.json'`, or nothing (the ledger, sysfs):
 * those lines start `xmcfg COMMAND:` like every other message of the command.
 */
type Where = { file: string; text?: string } | { label: string } | null;

/** Print findings to stderr, one line each. */
export function report(io: Io, cmd: string, diags: readonly Diagnostic[], where: Where = null): void {
  const li = where && 'file' in where && where.text !== undefined ? new LineIndex(where.text) : null;
  for (const d of diags) {
    const at = li ? li.position(d.span.start) : null;
    const prefix = where === null ? `xmcfg ${cmd}: ` : 'label' in where ? `xmcfg ${cmd}: ${where.label}: ` : at ? `${where.file}:${at.line}:${at.column}: ` : `${where.file}: `;
    // One line per finding, whatever a domain name in the message holds.
    io.stderr(`${prefix}${d.severity} ${d.code}: ${oneLine(d.message)}${d.hint ? ` (${oneLine(d.hint)})` : ''}\n`);
  }
}

/** A host file as messages name it: `host 'h.json'`, or `host on standard input` for `-`. */
function hostLabel(path: string, noun = 'host '): string {
  return path === '-' ? `${noun}on standard input` : `${noun}${quote(path)}`;
}

/** Whether any of the findings is an error. */
export const hasError = (d: readonly Diagnostic[]): boolean => d.some((x) => x.severity === 'error');

/**
 * The files a placement command reads that its --output-file must not replace: the --host file
 * (else the sysfs files the host is read from) and the ledger's ({@link ledgerInputs}).
 */
export function placementInputs(argv: Record<string, unknown>, io: Io): CommandInput[] {
  const host = typeof argv.host === 'string' ? [{ path: argv.host, what: 'the --host topology' }] : sysfsInputs(argv['sysfs-root']);
  return [...host, ...ledgerInputs(argv, io)];
}

/**
 * The ledger database (--ledger, or the default one, which --reserve, --commit and release write)
 * with SQLite's files beside it: replacing a `-wal` or a hot `-journal` loses the transactions it
 * holds or leaves the database corrupt.
 */
export function ledgerInputs(argv: Record<string, unknown>, io: Io): CommandInput[] {
  const ledger = ledgerPath(argv, io);
  // SQLite names them after the path it opens, which may be a symlink's target.
  const sides = [...new Set([ledger, realOrSelf(ledger)])].flatMap((db) =>
    (['wal', 'journal', 'shm'] as const).map((s) => ({ path: `${db}-${s}`, what: `the reservation ledger's SQLite ${s === 'shm' ? 'shared-memory index' : s === 'wal' ? 'write-ahead log' : 'rollback journal'}` })),
  );
  return [{ path: ledger, what: 'the reservation ledger' }, ...sides];
}

/** What a host read from sysfs under `root` (--sysfs-root; absent or empty: `/`) reads: the node folders whole, and the files of the no-NUMA fallback. */
export function sysfsInputs(root: unknown): CommandInput[] {
  const base = typeof root === 'string' && root !== '' ? root : '/';
  const what = 'read for the host (--sysfs-root)';
  return Object.values(SYSFS_PATHS).map((rel) => (rel === SYSFS_PATHS.nodes ? { path: join(base, rel), what: `the node folders ${what}`, folder: true } : { path: join(base, rel), what }));
}

/** The host of a command: --host FILE (`-`: standard input), else this machine (sysfs under --sysfs-root or /). */
export async function loadHost(argv: Record<string, unknown>, io: Io, cmd: string): Promise<Host | null> {
  const file = typeof argv.host === 'string' ? argv.host : null;
  const r: HostFileResult = file !== null ? await readHostArg(file, io, DEFAULT_MAX_FILE_SIZE, 'auto', '--sysfs-root') : readHost('', { format: 'sysfs', root: typeof argv['sysfs-root'] === 'string' && argv['sysfs-root'] !== '' ? resolve(io.cwd, argv['sysfs-root']) : '/' });
  if (r.fatal) {
    io.stderr(`xmcfg ${cmd}: ${r.fatal}\n`);
    return null;
  }
  // sysfs findings name their folder themselves.
  report(io, cmd, r.diagnostics, file !== null ? { label: hostLabel(file) } : null);
  return r.host;
}

/**
 * Whether a ledger may be at `path`: false only when nothing is there (ENOENT, or a file where a
 * folder should be). existsSync said false for a ledger it could not look at (a folder this user
 * may not enter, a symlink loop), and plan, rebalance and ledger list went on as if there were no
 * reservations; opening it now says why it cannot be read (XM0408).
 */
export function ledgerMayExist(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** The command's ledger: --ledger (from the working folder), else the default one. */
export function ledgerPath(argv: Record<string, unknown>, io: Io): string {
  return typeof argv.ledger === 'string' ? resolve(io.cwd, argv.ledger) : defaultLedgerPath(io.env);
}

/** The most SQLite's busy timeout may be (a 32-bit signed millisecond count). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The ledger's lock wait from XMCFG_LEDGER_TIMEOUT_MS: unset or empty is the default 10 s (an
 * empty value used to mean 0, no wait at all); anything but a whole number in range is null.
 */
export function ledgerTimeoutMs(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return 10_000;
  const n = Number(value);
  return /^\s*\d+\s*$/.test(value) && n <= MAX_TIMEOUT_MS ? n : null;
}

/** The ledger's reservations, or null (exit 2) after reporting why they cannot be read. */
export function listed(ledger: Ledger, io: Io, cmd: string): LedgerEntry[] | null {
  const r = ledger.list();
  report(io, cmd, r.diagnostics);
  return hasError(r.diagnostics) ? null : r.entries;
}

/**
 * Open the command's ledger. `readonly` for commands that only read it: a ledger an operator may
 * read but not write (a shared one, a read-only mount) still lists and plans.
 */
export function openLedger(argv: Record<string, unknown>, io: Io, cmd: string, readonly = false): Ledger | null {
  const path = ledgerPath(argv, io);
  const busyTimeoutMs = ledgerTimeoutMs(io.env.XMCFG_LEDGER_TIMEOUT_MS);
  if (busyTimeoutMs === null) {
    io.stderr(`xmcfg ${cmd}: XMCFG_LEDGER_TIMEOUT_MS must be a whole number of milliseconds from 0 to ${MAX_TIMEOUT_MS}; got "${oneLine(String(io.env.XMCFG_LEDGER_TIMEOUT_MS))}"\n`);
    return null;
  }
  // Its failures say what was not done: `ledger list` and `release` plan nothing.
  const r = Ledger.open(path, { readonly, busyTimeoutMs, use: cmd === 'ledger' ? 'list' : cmd === 'release' ? 'release' : 'plan' });
  report(io, cmd, r.diagnostics);
  return r.ledger;
}

/** True (after reporting XM0410) when there is no ledger file, so NAME cannot have a reservation. */
export function noLedger(argv: Record<string, unknown>, io: Io, cmd: string): boolean {
  if (ledgerMayExist(ledgerPath(argv, io))) return false;
  report(io, cmd, [{ code: 'XM0410', severity: 'error', message: `${String(argv.name)} has no reservation: there is no ledger at ${ledgerPath(argv, io)}`, span: { start: 0, end: 0 } }]);
  return true;
}
