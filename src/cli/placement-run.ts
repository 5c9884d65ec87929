/**
 * @fileoverview Implementations of `host`, `plan`, `release`, `ledger list`, `migrate-plan` and
 * `rebalance`, loaded only when one of them runs. Exit codes: 0 done, 1 the request cannot be met
 * (findings of error severity), 2 usage errors, unreadable input, an unusable ledger.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import type { Io } from './types.js';
import { commandError, describeError, emptyArgument, numberArg, wholeArg } from './command-error.js';
import type { CheckResult } from '../check/check.js';
import { DEFAULT_MAX_FILE_SIZE } from './check/read-input.js';
import { quote } from './check/discover.js';
import { readHostArg, readTextFile, type HostFileResult, type HostTextFormat } from './host-file.js';
import { atConfigSpans } from '../placement/findings.js';
import { formatPlanJson, formatPlanText, formatPlanXl } from '../placement/format.js';
import { formatHostJson, readHost } from '../placement/host.js';
import { defaultLedgerPath, Ledger, type LedgerEntry } from '../placement/ledger.js';
import { guestShape } from '../placement/guest.js';
import { migratePlan } from '../placement/migrate.js';
import { rebalancePlan, type RebalanceOutcome } from '../placement/rebalance.js';
import { plan as makePlan, type PlanResult } from '../placement/plan.js';
import { oneLine, shellQuote } from '../placement/shell.js';
import { unknownPlanInputs } from '../placement/unknown-inputs.js';
import { xmFileName } from '../placement/xm-name.js';
import { dialectPlanConfig } from '../placement/dialect-input.js';
import type { Host, PlacementConfig, Plan, PlanOptions, PolicyName } from '../placement/types.js';

/**
 * Where findings are about, for their one-line form on stderr: a config file (with its text, for
 * `FILE:LINE:COLUMN`), a labelled input such as `host 'h.json'`, or nothing (the ledger, sysfs):
 * those lines start `xmcfg COMMAND:` like every other message of the command.
 */
type Where = { file: string; text?: string } | { label: string } | null;

/** Print findings to stderr, one line each. */
function report(io: Io, cmd: string, diags: readonly Diagnostic[], where: Where = null): void {
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

const hasError = (d: readonly Diagnostic[]): boolean => d.some((x) => x.severity === 'error');

/** The host of a command: --host FILE (`-`: standard input), else this machine (sysfs under --sysfs-root or /). */
async function loadHost(argv: Record<string, unknown>, io: Io, cmd: string): Promise<Host | null> {
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
function ledgerMayExist(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

function ledgerPath(argv: Record<string, unknown>, io: Io): string {
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
function listed(ledger: Ledger, io: Io, cmd: string): LedgerEntry[] | null {
  const r = ledger.list();
  report(io, cmd, r.diagnostics);
  return hasError(r.diagnostics) ? null : r.entries;
}

/**
 * Open the command's ledger. `readonly` for commands that only read it: a ledger an operator may
 * read but not write (a shared one, a read-only mount) still lists and plans.
 */
function openLedger(argv: Record<string, unknown>, io: Io, cmd: string, readonly = false): Ledger | null {
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

/** `xmcfg host`. */
export async function runHost(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file', 'json', 'from-xl-info']);
  if (empty !== null) return commandError(io, 'host', empty);
  // One source (the command's conflicts): --from-xl-info is `xl info -n` text; --json and a plain
  // FILE are told by their first character, as every --host is. `-` is standard input.
  const source: [string, HostTextFormat] | null =
    typeof argv['from-xl-info'] === 'string' ? [argv['from-xl-info'], 'xl-info'] : typeof argv.json === 'string' ? [argv.json, 'auto'] : typeof argv.file === 'string' ? [argv.file, 'auto'] : null;
  const r: HostFileResult = source
    ? await readHostArg(source[0], io, DEFAULT_MAX_FILE_SIZE, source[1], '--from-sysfs')
    : readHost('', { format: 'sysfs', root: typeof argv['from-sysfs'] === 'string' && argv['from-sysfs'] !== '' ? resolve(io.cwd, argv['from-sysfs']) : '/' });
  if (r.fatal) {
    io.stderr(`xmcfg host: ${r.fatal}\n`);
    return 2;
  }
  report(io, 'host', r.diagnostics, source ? { label: source[0] === '-' ? 'standard input' : quote(source[0]) } : null);
  if (!r.host) return 2;
  io.stdout(formatHostJson(r.host));
  return 0;
}

/** Standard input as text, bounded like a config file (over the limit is an error). */
async function readStdinText(io: Io): Promise<string> {
  const { bytes, over } = await io.readStdin(DEFAULT_MAX_FILE_SIZE);
  if (over) throw new Error(`standard input is over the ${DEFAULT_MAX_FILE_SIZE} byte limit`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/**
 * The config to plan: an xm file that sets no name, or name = "", is named after the file as xm
 * create names it (create.py), unless xend would refuse that name; the reason says which. xl
 * files, standard input (no file name) and a name written with an unknown value are left as they are.
 */
function withXmName(checked: CheckResult, config: PlacementConfig, file: string): { config: PlacementConfig; nameReason: string | null } {
  if (checked.dialect !== 'xm' || file === '-' || checked.unknown.has('name') || (config.name !== undefined && config.name !== '')) return { config, nameReason: null };
  const { name, refused } = xmFileName(file);
  const sets = config.name === '' ? 'sets name = ""' : 'sets no name';
  if (refused !== null) return { config, nameReason: `no name: the config ${sets}, and xm create would name the guest after its file, "${name}", but ${refused}` };
  return { config: { ...config, name }, nameReason: `name "${name}": the config ${sets}, and xm create names such a guest after its config file's base name (create.py)` };
}

/** `xmcfg plan FILE`. */
export async function runPlan(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file', 'host', 'ledger', 'sysfs-root']);
  if (empty !== null) return commandError(io, 'plan', empty);
  const file = String(argv.file ?? '');
  let text: string;
  // Standard input holds one of them: read for the config, it would be empty for the host.
  if (file === '-' && argv.host === '-') return commandError(io, 'plan', "the config and --host cannot both be '-' (standard input)");
  if (file === '-') {
    try {
      text = await readStdinText(io);
    } catch (e) {
      return commandError(io, 'plan', `cannot read standard input: ${describeError(e)}`);
    }
  } else {
    const t = readTextFile(file, io.cwd);
    if ('fatal' in t) {
      // Too large is a finding about the file, as `check` reports it (exit 1); unreadable is exit 2.
      if (t.tooLarge) report(io, 'plan', [t.tooLarge], { file });
      else io.stderr(`xmcfg plan: ${t.fatal}\n`);
      return t.tooLarge ? 1 : 2;
    }
    text = t.text;
  }
  const { checkText } = await import('../check/check.js');
  const checked = checkText(text, { dialect: (argv.dialect as 'auto' | 'xl' | 'xm' | undefined) ?? 'auto' });
  // No plan (and no reservation) from a file with errors, or from xl's defaults standing in for
  // a plan input the file writes but whose value is unknown (XM0413, at the key).
  const refused = sortDiagnostics([...new Set([...checked.diagnostics.filter((d) => d.severity === 'error'), ...unknownPlanInputs(checked)])]);
  if (refused.length > 0) {
    report(io, 'plan', refused, { file, text });
    return 1;
  }
  // Keys the file's own tool does not read would give creation flags and a guest type neither tool creates.
  const input = dialectPlanConfig(checked);
  const { config, nameReason } = withXmName(checked, input.config, file);
  const host = await loadHost(argv, io, 'plan');
  if (!host) return 2;
  const options: PlanOptions = { policy: (argv.policy as PolicyName | undefined) ?? 'best', affinity: (argv.affinity as 'hard' | 'soft' | undefined) ?? 'hard' };
  // Without --reserve the ledger is only read: a missing one means no reservations (and is not created).
  // The default ledger counts as much as a --ledger one: `plan --reserve` books there, so a later
  // plain `plan` that skipped it would offer memory that is already booked.
  const wantsLedger = argv.reserve === true || ledgerMayExist(ledgerPath(argv, io));
  let result: PlanResult;
  let reservations: PlanOptions['reservations'] = [];
  if (wantsLedger) {
    const ledger = openLedger(argv, io, 'plan', argv.reserve !== true);
    if (!ledger) return 2;
    try {
      if (argv.reserve === true) result = ledger.reserve(config, host, options);
      else {
        const l = ledger.loads();
        if (hasError(l.diagnostics)) {
          report(io, 'plan', l.diagnostics);
          return 2;
        }
        // The guest's own reservation is not counted against it: planning a reserved guest again
        // (for its xl lines, say) would find its memory booked, by itself.
        const name = guestShape(config).name;
        reservations = l.loads.filter((x) => x.domain !== name);
        result = makePlan(config, host, { ...options, reservations, cursor: l.cursor });
        if (result.plan && reservations.length < l.loads.length) {
          result.plan.reasons.push(`${name} already holds a reservation in the ledger; its own booking is not counted against it (plan --reserve refuses it until it is released)`);
        }
      }
      if (argv.reserve === true) reservations = ledger.loads().loads.filter((x) => x.domain !== result.plan?.domain);
    } finally {
      ledger.close();
    }
  } else result = makePlan(config, host, options);
  // Findings the config causes (a node it lists, its memory, its cpus) point at the setting, as
  // check --host does; the others are about the host or the ledger and have no position.
  for (const d of atConfigSpans(config, checked.spans, result.diagnostics)) report(io, 'plan', [d], d.span.end > d.span.start ? { file, text } : { file });
  if (result.diagnostics.some((d) => d.code === 'XM0408')) return 2;
  if (!result.plan) return 1;
  if (nameReason !== null) result.plan.reasons.push(nameReason);
  if (input.ignored.length > 0) result.plan.reasons.push(`not read by ${checked.dialect}, so not used: ${input.ignored.join(', ')} (check reports each)`);
  const fmt = (argv.format as string | undefined) ?? 'json';
  io.stdout(fmt === 'text' ? formatPlanText(result.plan, host, reservations) : fmt === 'xl' ? formatPlanXl(result.plan) : formatPlanJson(result.plan));
  return 0;
}

/** True (after reporting XM0410) when there is no ledger file, so NAME cannot have a reservation. */
function noLedger(argv: Record<string, unknown>, io: Io, cmd: string): boolean {
  if (ledgerMayExist(ledgerPath(argv, io))) return false;
  report(io, cmd, [{ code: 'XM0410', severity: 'error', message: `${String(argv.name)} has no reservation: there is no ledger at ${ledgerPath(argv, io)}`, span: { start: 0, end: 0 } }]);
  return true;
}

/** `xmcfg release NAME`. */
export async function runRelease(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['name', 'ledger']);
  if (empty !== null) return commandError(io, 'release', empty);
  if (noLedger(argv, io, 'release')) return 1;
  const ledger = openLedger(argv, io, 'release');
  if (!ledger) return 2;
  try {
    const r = ledger.release(String(argv.name));
    report(io, 'release', r.diagnostics);
    if (r.diagnostics.some((d) => d.code === 'XM0408')) return 2;
    if (r.released) io.stdout(`released ${oneLine(String(argv.name))}\n`);
    return r.released ? 0 : 1;
  } finally {
    ledger.close();
  }
}

/** `xmcfg ledger list`. */
export async function runLedger(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['ledger']);
  if (empty !== null) return commandError(io, 'ledger', empty);
  // Listing never creates a ledger: a missing one simply has no reservations.
  const ledger = ledgerMayExist(ledgerPath(argv, io)) ? openLedger(argv, io, 'ledger', true) : null;
  if (!ledger && !ledgerMayExist(ledgerPath(argv, io))) {
    io.stdout(argv.format === 'json' ? `${JSON.stringify({ version: 1, ledger: ledgerPath(argv, io), reservations: [] }, null, 2)}\n` : `no reservations in ${oneLine(ledgerPath(argv, io))}\n`);
    return 0;
  }
  if (!ledger) return 2;
  try {
    const entries = listed(ledger, io, 'ledger');
    if (!entries) return 2;
    if (argv.format === 'json') {
      io.stdout(`${JSON.stringify({ version: 1, ledger: ledger.path, reservations: entries.map((e) => ({ domain: e.domain, created: e.created, policy: e.policy, nodes: e.nodes })) }, null, 2)}\n`);
    } else {
      io.stdout(entries.length === 0 ? `no reservations in ${oneLine(ledger.path)}\n` : `${'domain'.padEnd(24)} ${'nodes'.padEnd(12)} ${'memory MiB'.padStart(10)} vcpus  created\n`);
      for (const e of entries) {
        const mem = e.nodes.reduce((a, n) => a + n.memory_mib, 0);
        const v = e.nodes.reduce((a, n) => a + n.vcpus, 0);
        io.stdout(`${oneLine(e.domain).padEnd(24)} ${e.nodes.map((n) => n.node).join(',').padEnd(12)} ${String(mem).padStart(10)} ${String(v).padStart(5)}  ${e.created}\n`);
      }
    }
    return 0;
  } finally {
    ledger.close();
  }
}

/** `xmcfg migrate-plan NAME --to-node N [--commit]`. */
export async function runMigratePlan(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['name', 'host', 'ledger', 'sysfs-root']);
  if (empty !== null) return commandError(io, 'migrate-plan', empty);
  const given = (Array.isArray(argv['to-node']) ? argv['to-node'] : [argv['to-node']]).map((v) => String(v).trim());
  // Decimal digits only (as rebalance's --max-moves): Number('') is 0 and Number('0x1') is 1, and an
  // id past 2^53 would be rounded.
  const to = given.map((t) => wholeArg(t, NaN));
  if (to.length === 0 || to.some((n) => !Number.isSafeInteger(n))) {
    return commandError(io, 'migrate-plan', '--to-node needs node ids (whole numbers, 0 or more)');
  }
  const host = await loadHost(argv, io, 'migrate-plan');
  if (!host) return 2;
  if (noLedger(argv, io, 'migrate-plan')) return 1;
  // Only --commit writes: a plan alone reads the ledger.
  const ledger = openLedger(argv, io, 'migrate-plan', argv.commit !== true);
  if (!ledger) return 2;
  try {
    const entries = listed(ledger, io, 'migrate-plan');
    if (!entries) return 2;
    const name = String(argv.name);
    const entry = entries.find((e) => e.domain === name);
    if (!entry) {
      report(io, 'migrate-plan', [{ code: 'XM0410', severity: 'error', message: `${name} has no reservation in ledger ${ledger.path}`, span: { start: 0, end: 0 } }]);
      return 1;
    }
    const others = entries.map((e) => ({ domain: e.domain, nodes: e.nodes }));
    // --commit checks and records in one ledger transaction (a plan made from the list read above
    // could be stale by the time it is written).
    const r = argv.commit === true ? ledger.commitMigration(name, host, to) : migratePlan(entry.plan, host, others, to);
    report(io, 'migrate-plan', r.diagnostics);
    if (r.diagnostics.some((d) => d.code === 'XM0408')) return 2;
    if (!r.migration) return 1;
    // Versioned like every other JSON output (plan, ledger list, rebalance, check).
    io.stdout(argv.format === 'json' ? `${JSON.stringify({ version: 1, ...r.migration }, null, 2)}\n` : `${r.migration.steps.join('\n')}\n`);
    if (argv.commit === true && r.migration.plan) io.stderr(`xmcfg migrate-plan: ${oneLine(name)} now reserved on node ${r.migration.to.join(',')} in ledger ${oneLine(ledger.path)}\n`);
    return 0;
  } finally {
    ledger.close();
  }
}

/** The text line for each reason rebalance proposes no move. */
const NOTHING_TO_DO: Record<RebalanceOutcome, string> = {
  moves: '',
  'within-threshold': '# nothing to do: the spread is within the threshold',
  'no-feasible-move': '# nothing to do: the spread is above the threshold, but no feasible move lowers it (a target must hold the whole guest while the source copy runs)',
  'no-moves-allowed': '# nothing to do: the spread is above the threshold, but --max-moves is 0',
};

/** `xmcfg rebalance --host HOST`. */
export async function runRebalance(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['host', 'ledger', 'sysfs-root']);
  if (empty !== null) return commandError(io, 'rebalance', empty);
  const threshold = numberArg(argv.threshold, 10);
  const maxMoves = wholeArg(argv['max-moves'], 5);
  // A spread is never "within NaN", so a value that is not a number must not run.
  if (!(threshold >= 0 && threshold <= 100)) return commandError(io, 'rebalance', `--threshold must be a percentage from 0 to 100, not ${quote(String(argv.threshold))}`);
  if (!(Number.isInteger(maxMoves) && maxMoves >= 0)) return commandError(io, 'rebalance', `--max-moves must be a whole number (0 or more), not ${quote(String(argv['max-moves']))}`);
  const host = await loadHost(argv, io, 'rebalance');
  if (!host) return 2;
  let plans: Plan[] = [];
  if (ledgerMayExist(ledgerPath(argv, io))) {
    const ledger = openLedger(argv, io, 'rebalance', true);
    if (!ledger) return 2;
    try {
      const entries = listed(ledger, io, 'rebalance');
      if (!entries) return 2;
      plans = entries.map((e) => e.plan);
    } finally {
      ledger.close();
    }
  }
  const r = rebalancePlan(host, plans, { threshold, maxMoves });
  report(io, 'rebalance', r.diagnostics);
  // `outcome` is new in version 1 (added, so readers of the older shape still work): an empty
  // `moves` alone did not say whether the host is balanced or cannot be balanced.
  if (argv.format === 'json') io.stdout(`${JSON.stringify({ version: 1, threshold, spread_before: r.before, spread_after: r.after, outcome: r.outcome, moves: r.moves }, null, 2)}\n`);
  else {
    io.stdout(`# memory-use spread between the most and least used node: ${r.before}% -> ${r.after}% (threshold ${threshold}%)\n`);
    if (r.moves.length === 0) io.stdout(`${NOTHING_TO_DO[r.outcome]}\n`);
    // The same host and ledger as this run: pasted without them, a line would use the defaults.
    const same = (['host', 'ledger', 'sysfs-root'] as const).flatMap((k) => (typeof argv[k] === 'string' && argv[k] !== '' ? [`--${k} ${shellQuote(argv[k] as string)}`] : []));
    for (const m of r.moves) io.stdout(`${['xmcfg migrate-plan', shellQuote(m.domain), `--to-node ${m.to}`, ...same].join(' ')}   # ${m.memory_mib} MiB from node ${m.from.join(',')}\n`);
  }
  return 0;
}
