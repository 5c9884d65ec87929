/**
 * @fileoverview Implementations of `host`, `plan`, `release`, `ledger list`, `migrate-plan` and
 * `rebalance`, loaded only when one of them runs (`plan` is in plan-run.ts, what they share in
 * placement-common.ts). Exit codes: 0 done, 1 the request cannot be met (findings of error
 * severity), 2 usage errors, unreadable input, an unusable ledger.
 */
import { resolve } from 'node:path';
import type { Io } from './types.js';
import { commandError, emptyArgument, numberArg, wholeArg } from './command-error.js';
import { DEFAULT_MAX_FILE_SIZE } from './check/read-input.js';
import { quote } from './check/discover.js';
import { readHostArg, type HostFileResult, type HostTextFormat } from './host-file.js';
import { ledgerMayExist, ledgerPath, listed, loadHost, noLedger, openLedger, ledgerInputs, placementInputs, report, sysfsInputs } from './placement-common.js';
import { withOutputFile } from './command-output.js';
import { idsOfRanges, rangesOf } from '../placement/bitmap.js';
import { MAX_NODE_ID } from '../placement/host-check.js';
import { formatHostJson, readHost } from '../placement/host.js';
import { migratePlan } from '../placement/migrate.js';
import { rebalancePlan, type RebalanceOutcome } from '../placement/rebalance.js';
import { oneLine, shellQuote } from '../placement/shell.js';
import type { Plan } from '../placement/types.js';

// The commands load this module only; `plan` and the ledger's lock wait are reached through it.
export { runPlan } from './plan-run.js';
export { ledgerTimeoutMs } from './placement-common.js';

/** `xmcfg host`. */
export async function runHost(argv: Record<string, unknown>, io: Io): Promise<number> {
  // The host file read, else the sysfs files (--sysfs-root, --from-sysfs; `/` without either).
  const files = (['file', 'json', 'from-xl-info'] as const).flatMap((k) => (typeof argv[k] === 'string' ? [{ path: argv[k] as string, what: 'the host file being read' }] : []));
  const inputs = files.length > 0 ? files : sysfsInputs(argv['sysfs-root'] ?? argv['from-sysfs']);
  return withOutputFile(io, 'host', argv, inputs, (out) => host(argv, out));
}

/** `xmcfg host` with its output going to `io.stdout`. */
async function host(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file', 'json', 'from-xl-info']);
  if (empty !== null) return commandError(io, 'host', empty);
  // One source (the command's conflicts): --from-xl-info is `xl info -n` text; --json and a plain
  // FILE are told by their first character, as every --host is. `-` is standard input.
  const source: [string, HostTextFormat] | null =
    typeof argv['from-xl-info'] === 'string' ? [argv['from-xl-info'], 'xl-info'] : typeof argv.json === 'string' ? [argv.json, 'auto'] : typeof argv.file === 'string' ? [argv.file, 'auto'] : null;
  // --sysfs-root, as plan, migrate-plan and rebalance name it (--from-sysfs, its older name, is its
  // alias); here its ROOT may be left out or empty: `/`, as `host --from-sysfs` always read.
  const root = argv['sysfs-root'] ?? argv['from-sysfs'];
  const r: HostFileResult = source
    ? await readHostArg(source[0], io, DEFAULT_MAX_FILE_SIZE, source[1], 'host --sysfs-root')
    : readHost('', { format: 'sysfs', root: typeof root === 'string' && root !== '' ? resolve(io.cwd, root) : '/' });
  if (r.fatal) {
    io.stderr(`xmcfg host: ${r.fatal}\n`);
    return 2;
  }
  report(io, 'host', r.diagnostics, source ? { label: source[0] === '-' ? 'standard input' : quote(source[0]) } : null);
  if (!r.host) return 2;
  io.stdout(formatHostJson(r.host));
  return 0;
}

/** `xmcfg release NAME`. */
export async function runRelease(argv: Record<string, unknown>, io: Io): Promise<number> {
  return withOutputFile(io, 'release', argv, ledgerInputs(argv, io), (out) => release(argv, out));
}

/** `xmcfg release NAME` with its output going to `io.stdout`: a line, or `-f json`'s object; nothing when nothing was released. */
async function release(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['name', 'ledger']);
  if (empty !== null) return commandError(io, 'release', empty);
  if (noLedger(argv, io, 'release')) return 1;
  const ledger = openLedger(argv, io, 'release');
  if (!ledger) return 2;
  try {
    const r = ledger.release(String(argv.name));
    report(io, 'release', r.diagnostics);
    if (r.diagnostics.some((d) => d.code === 'XM0408')) return 2;
    if (r.released) io.stdout(argv.format === 'json' ? `${JSON.stringify({ version: 1, ledger: ledger.path, released: String(argv.name) }, null, 2)}\n` : `released ${oneLine(String(argv.name))}\n`);
    return r.released ? 0 : 1;
  } finally {
    ledger.close();
  }
}

/** `xmcfg ledger list`. */
export async function runLedger(argv: Record<string, unknown>, io: Io): Promise<number> {
  return withOutputFile(io, 'ledger', argv, ledgerInputs(argv, io), (out) => ledgerList(argv, out));
}

/** `xmcfg ledger list` with its output going to `io.stdout`. */
async function ledgerList(argv: Record<string, unknown>, io: Io): Promise<number> {
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
      // Columns as wide as their widest entry (a long domain name or node list pushed the rest).
      const rows = entries.map((e) => ({
        domain: oneLine(e.domain),
        // xl's range text (0-71, not 72 ids): a guest over many nodes kept the other columns far right.
        nodes: rangesOf(e.nodes.map((n) => n.node)),
        mem: String(e.nodes.reduce((a, n) => a + n.memory_mib, 0)),
        vcpus: String(e.nodes.reduce((a, n) => a + n.vcpus, 0)),
        created: e.created,
      }));
      const w = (min: number, key: 'domain' | 'nodes' | 'mem' | 'vcpus'): number => Math.max(min, ...rows.map((r) => r[key].length));
      const [dw, nw, mw, vw] = [w(24, 'domain'), w(12, 'nodes'), w(10, 'mem'), w(5, 'vcpus')];
      io.stdout(entries.length === 0 ? `no reservations in ${oneLine(ledger.path)}\n` : `${'domain'.padEnd(dw)} ${'nodes'.padEnd(nw)} ${'memory MiB'.padStart(mw)} ${'vcpus'.padStart(vw)}  created\n`);
      for (const r of rows) io.stdout(`${r.domain.padEnd(dw)} ${r.nodes.padEnd(nw)} ${r.mem.padStart(mw)} ${r.vcpus.padStart(vw)}  ${r.created}\n`);
    }
    return 0;
  } finally {
    ledger.close();
  }
}

/** `xmcfg migrate-plan NAME --to-node N [--commit]`. */
export async function runMigratePlan(argv: Record<string, unknown>, io: Io): Promise<number> {
  return withOutputFile(io, 'migrate-plan', argv, placementInputs(argv, io), (out) => migrate(argv, out));
}

/** `xmcfg migrate-plan` with its output going to `io.stdout`. */
async function migrate(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['name', 'host', 'ledger', 'sysfs-root']);
  if (empty !== null) return commandError(io, 'migrate-plan', empty);
  // Each --to-node may list ids and ranges with commas (`--to-node 1,0`, `--to-node 0-3`), the way
  // this command and `ledger list` print node lists (rangesOf; idsOfRanges is its one reader, the
  // sysfs CPU lists' too). Decimal digits only (as rebalance's --max-moves): Number('') is 0 and
  // Number('0x1') is 1, and an id past 2^53 would be rounded. An empty value or item (`''`, `1,`,
  // `1,,2`) and a range that runs backwards (`3-1`) are refused; no target has more ids than a host
  // may have nodes.
  // The flags are read as one list (`--to-node 0-3 --to-node 2-5` is `0-3,2-5`), so the limit on
  // distinct ids is the same whether the ids come in one flag or several.
  const values = (Array.isArray(argv['to-node']) ? argv['to-node'] : [argv['to-node']]).map((v) => String(v));
  const given = values.some((v) => v.trim() === '') ? null : idsOfRanges(values.join(','), MAX_NODE_ID + 1);
  const to = given === null ? [NaN] : given;
  if (to.length === 0 || to.some((n) => !Number.isSafeInteger(n))) {
    return commandError(io, 'migrate-plan', '--to-node needs node ids or ranges (0, 1,3 or 0-3)');
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
  'no-feasible-move': '# nothing to do: the spread is above the threshold, but no allowed move lowers it by 0.1 point or more (a target needs room for the whole guest while the source copy runs, and CPUs: some, as many as the vCPUs of a guest spread over nodes, and some CPU of the soft affinity its own cpus_soft gives each vCPU; guests placed from their own vnuma, or booked on nodes the host lacks, or whose config names their nodes, stay)',
  'no-moves-allowed': '# nothing to do: the spread is above the threshold, but --max-moves is 0',
};

/** `xmcfg rebalance --host HOST`. */
export async function runRebalance(argv: Record<string, unknown>, io: Io): Promise<number> {
  return withOutputFile(io, 'rebalance', argv, placementInputs(argv, io), (out) => rebalance(argv, out));
}

/** `xmcfg rebalance` with its output going to `io.stdout`. */
async function rebalance(argv: Record<string, unknown>, io: Io): Promise<number> {
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
  // `kept` is new in version 1 too (decision 050): the guests left where their config named them.
  if (argv.format === 'json') io.stdout(`${JSON.stringify({ version: 1, threshold, spread_before: r.before, spread_after: r.after, outcome: r.outcome, moves: r.moves, kept: r.kept }, null, 2)}\n`);
  else {
    io.stdout(`# memory-use spread between the most and least used node: ${r.before}% -> ${r.after}% (threshold ${threshold}%)\n`);
    for (const k of r.kept) io.stdout(`# kept ${oneLine(k.domain)} on node ${k.nodes.join(',')}: its config names its nodes (${k.config})\n`);
    if (r.moves.length === 0) io.stdout(`${NOTHING_TO_DO[r.outcome]}\n`);
    // The same host and ledger as this run: pasted without them, a line would use the defaults.
    const same = (['host', 'ledger', 'sysfs-root'] as const).flatMap((k) => (typeof argv[k] === 'string' && argv[k] !== '' ? [`--${k} ${shellQuote(argv[k] as string)}`] : []));
    for (const m of r.moves) io.stdout(`${['xmcfg migrate-plan', shellQuote(m.domain), `--to-node ${m.to}`, ...same].join(' ')}   # ${m.memory_mib} MiB from node${m.from.length > 1 ? 's' : ''} ${m.from.join(',')}\n`);
  }
  return 0;
}
