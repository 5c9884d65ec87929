/**
 * @fileoverview `xmcfg plan`: check a config, place it on the host (counting the ledger's
 * reservations), reserve it with --reserve, and print the plan as json, text or xl lines.
 */
import { resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from './types.js';
import { stdinFilepathArg } from './stdin-filepath.js';
import { commandError, emptyArgument, sizeMessage } from './command-error.js';
import { withOutputFile } from './command-output.js';
import { maxFindingsArg, optionalString, parseDefines, strings } from './check/options.js';
import { limitFindings } from '../diagnostics/limit.js';
import type { CheckResult } from '../check/check.js';
import { DEFAULT_MAX_FILE_SIZE, decodingOptions, parseSize, readFileArg } from './check/read-input.js';
import { hasError, ledgerMayExist, ledgerPath, loadHost, openLedger, placementInputs, report } from './placement-common.js';
import { atConfigSpans } from '../placement/findings.js';
import { formatPlanJson, formatPlanText, formatPlanXl } from '../placement/format.js';
import { guestShape } from '../placement/guest.js';
import { planChecked, type PlanResult } from '../placement/plan.js';
import { checkedHost } from '../placement/host-check.js';
import { unknownPlanInputs } from '../placement/unknown-inputs.js';
import { definesIgnoredOnXl } from '../syntax/defines-on-xl.js';
import { xmFileName } from '../placement/xm-name.js';
import { dialectPlanConfig } from '../placement/dialect-input.js';
import type { PlacementConfig, PlanOptions, PolicyName } from '../placement/types.js';

/**
 * The config to plan: an xm file that sets no name, or name = "", is named after the file as xm
 * create names it (create.py), unless xend would refuse that name; the reason says which. xl
 * files, standard input without --stdin-filepath (no file name) and a name written with an unknown
 * value are left as they are.
 */
function withXmName(checked: CheckResult, config: PlacementConfig, file: string | null): { config: PlacementConfig; nameReason: string | null } {
  if (checked.dialect !== 'xm' || file === null || checked.unknown.has('name') || (config.name !== undefined && config.name !== '')) return { config, nameReason: null };
  const { name, refused } = xmFileName(file);
  const sets = config.name === '' ? 'sets name = ""' : 'sets no name';
  if (refused !== null) return { config, nameReason: `no name: the config ${sets}, and xm create would name the guest after its file, "${name}", but ${refused}` };
  return { config: { ...config, name }, nameReason: `name "${name}": the config ${sets}, and xm create names such a guest after its config file's base name (create.py)` };
}

/** `xmcfg plan FILE`. */
export async function runPlan(argv: Record<string, unknown>, io: Io): Promise<number> {
  const config = [argv.file, argv['stdin-filepath']].filter((p): p is string => typeof p === 'string').map((path) => ({ path, what: 'the config being planned' }));
  const inputs = [...config, ...placementInputs(argv, io)];
  return withOutputFile(io, 'plan', argv, inputs, (out) => planTo(argv, out));
}

/** `xmcfg plan FILE` with its output going to `io.stdout`. */
async function planTo(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file', 'host', 'ledger', 'sysfs-root']);
  if (empty !== null) return commandError(io, 'plan', empty);
  const file = String(argv.file ?? '');
  const stdin = stdinFilepathArg(argv, file === '-', 'as the file', io.cwd);
  if (!stdin.ok) return commandError(io, 'plan', stdin.message);
  // As every command that reads a config (check, normalize, fmt, convert): xm's NAME=VALUE and the size limit.
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'plan', defines.message);
  const sizeArg = optionalString(argv['max-file-size']);
  const maxFileSize = sizeArg === null ? DEFAULT_MAX_FILE_SIZE : parseSize(sizeArg);
  if (maxFileSize === null) return commandError(io, 'plan', sizeMessage(sizeArg));
  const maxFindings = maxFindingsArg(argv);
  if (!maxFindings.ok) return commandError(io, 'plan', maxFindings.message);
  // The name findings give the config (`<stdin>` unnamed, as the other commands say: it was `-`).
  const named = file === '-' ? stdin.name : file;
  const label = named ?? '<stdin>';
  // Standard input holds one of them: read for the config, it would be empty for the host.
  if (file === '-' && argv.host === '-') return commandError(io, 'plan', "the config and --host cannot both be '-' (standard input)");
  // Read as normalize and convert read their file: over the limit is XM0040 (exit 1) for standard
  // input too (it was exit 2, "cannot read standard input"), unreadable is exit 2.
  const read = await readFileArg(file, io, maxFileSize);
  if (read.kind === 'fatal') return commandError(io, 'plan', read.message);
  if (read.kind === 'skipped') {
    report(io, 'plan', read.diagnostics, { file: label });
    return 1;
  }
  const text = read.text;
  const { checkText } = await import('../check/check.js');
  const checked = checkText(text, { dialect: (argv.dialect as 'auto' | 'xl' | 'xm' | undefined) ?? 'auto', defines: defines.value, ...decodingOptions(read) });
  if (checked.dialect === 'xl' && Object.keys(defines.value).length > 0) io.stderr(`xmcfg plan: ${label}: ${definesIgnoredOnXl(Object.keys(defines.value))}\n`);
  // No plan (and no reservation) from a file with errors, or from xl's defaults standing in for
  // a plan input the file writes but whose value is unknown (XM0413, at the key).
  const refused = sortDiagnostics([...new Set([...checked.diagnostics.filter((d) => d.severity === 'error'), ...unknownPlanInputs(checked)])]);
  if (refused.length > 0) {
    // At most --max-findings of them, as check lists a file's findings (one XM0043 note counts the rest).
    report(io, 'plan', limitFindings(refused, maxFindings.value, text.length).diagnostics, { file: label, text });
    return 1;
  }
  // Keys the file's own tool does not read would give creation flags and a guest type neither tool creates.
  const input = dialectPlanConfig(checked);
  const { config, nameReason } = withXmName(checked, input.config, named);
  const host = await loadHost(argv, io, 'plan');
  if (!host) return 2;
  // Validated as it was read: planned as it is, not validated again (decision 087).
  const valid = checkedHost(host);
  // The file's own dialect decides the default memory (xl: maxmem, else 32 MiB; xm: 128 MiB).
  const options: PlanOptions = { policy: (argv.policy as PolicyName | undefined) ?? 'best', affinity: (argv.affinity as 'hard' | 'soft' | undefined) ?? 'hard', dialect: checked.dialect };
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
      if (argv.reserve === true) result = ledger.reserve(config, valid, options);
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
        result = planChecked(config, valid, { ...options, reservations, cursor: l.cursor });
        if (result.plan && reservations.length < l.loads.length) {
          result.plan.reasons.push(`${name} already holds a reservation in the ledger; its own booking is not counted against it (plan --reserve refuses it until it is released)`);
        }
      }
      if (argv.reserve === true) reservations = ledger.loads().loads.filter((x) => x.domain !== result.plan?.domain);
    } finally {
      ledger.close();
    }
  } else result = planChecked(config, valid, options);
  // Findings the config causes (a node it lists, its memory, its cpus) point at the setting, as
  // check --host does; the others are about the host or the ledger and have no position. The
  // host's own findings were reported under its name as it was read (loadHost): planning repeats
  // them (decision 087's `again`), and they are not the config's, so they are left out here.
  const fromHost = new Set(valid.again.map(hostFindingKey));
  for (const d of atConfigSpans(config, checked.spans, result.diagnostics, host, checked.anchor)) {
    if (d.span.end === d.span.start && fromHost.has(hostFindingKey(d))) continue;
    report(io, 'plan', [d], d.span.end > d.span.start ? { file: label, text } : { file: label });
  }
  if (result.diagnostics.some((d) => d.code === 'XM0408')) return 2;
  if (!result.plan) return 1;
  if (nameReason !== null) result.plan.reasons.push(nameReason);
  if (input.ignored.length > 0) result.plan.reasons.push(`not read by ${checked.dialect}, so not used: ${input.ignored.join(', ')} (check reports each)`);
  const fmt = (argv.format as string | undefined) ?? 'json';
  io.stdout(fmt === 'text' ? formatPlanText(result.plan, host, reservations, config) : fmt === 'xl' ? formatPlanXl(result.plan) : formatPlanJson(result.plan));
  return 0;
}

/** What tells a host finding planning repeats from the one the host reader gave: code, severity and message. */
function hostFindingKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.severity}\u0000${d.message}`;
}
