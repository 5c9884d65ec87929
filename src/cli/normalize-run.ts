/**
 * @fileoverview The implementation of `xmcfg normalize`, loaded only when the command runs: check the
 * file, print the normalised config as JSON, findings as a stylish report on stderr.
 */
import { checkText, type CheckResult } from '../check/check.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatStylish } from '../report/stylish.js';
import { validateFn } from '../schema/load-validator.js';
import { useColor } from './color.js';
import { maxFindingsArg, optionalString, parseDefines, strings } from './check/options.js';
import { DEFAULT_MAX_FILE_SIZE, decodingOptions, parseSize, readFileArg } from './check/read-input.js';
import { commandError, describeError, emptyArgument, sizeMessage } from './command-error.js';
import type { Io } from './types.js';
import { stdinFilepathArg } from './stdin-filepath.js';
import { withOutputFile } from './command-output.js';
import { cappedReport } from './capped-report.js';
import type { SeverityCounts } from '../diagnostics/limit.js';
import { definesIgnoredOnXl } from '../syntax/defines-on-xl.js';

/** Run `xmcfg normalize FILE`; returns the exit code. */
export async function runNormalize(argv: Record<string, unknown>, io: Io): Promise<number> {
  // The config, read from disk or named by --stdin-filepath (the editor's file): never replaced by its JSON.
  const inputs = [argv.file, argv['stdin-filepath']].filter((p): p is string => typeof p === 'string').map((path) => ({ path, what: 'the config being normalised' }));
  return withOutputFile(io, 'normalize', argv, inputs, (out) => normalize(argv, out));
}

/** `xmcfg normalize FILE` with its output going to `io.stdout`. */
async function normalize(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file']);
  if (empty !== null) return commandError(io, 'normalize', empty);
  const file = String(argv.file ?? '');
  // Standard input as the file an editor holds: its name in the report, and xm's default domain name (as check).
  const stdin = stdinFilepathArg(argv, file === '-', 'as the file', io.cwd);
  if (!stdin.ok) return commandError(io, 'normalize', stdin.message);
  const named = file === '-' ? stdin.name : file;
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'normalize', defines.message);
  // Given twice, the last one counts, as in `check`: yargs hands over both, and an array of dialects
  // was read as auto (`--dialect xm --dialect xl` applied neither) and of sizes as the size '1K,2K'.
  const sizeArg = optionalString(argv['max-file-size']);
  const maxFileSize = sizeArg === null ? DEFAULT_MAX_FILE_SIZE : parseSize(sizeArg);
  if (maxFileSize === null) return commandError(io, 'normalize', sizeMessage(sizeArg));
  const dialect = optionalString(argv.dialect) ?? 'auto';
  if (dialect !== 'auto' && dialect !== 'xl' && dialect !== 'xm') return commandError(io, 'normalize', `--dialect must be xl, xm or auto, not '${dialect}'`);
  const maxFindings = maxFindingsArg(argv);
  if (!maxFindings.ok) return commandError(io, 'normalize', maxFindings.message);
  const max = maxFindings.value;
  const path = named ?? '<stdin>';

  const read = await readFileArg(file, io, maxFileSize);
  if (read.kind === 'fatal') return commandError(io, 'normalize', read.message);

  let diagnostics: Diagnostic[] = read.diagnostics;
  // Findings the check counted but did not build (it builds the first `max` of each severity, as check does: decision 011).
  let dropped: SeverityCounts | null = null;
  if (read.kind === 'text') {
    let result: CheckResult;
    try {
      result = checkText(read.text, { dialect, defines: defines.value, ...decodingOptions(read), ...(named !== null && { fileName: named }), ...(max > 0 && { maxFindings: max }) });
    } catch (e) {
      io.stderr(`xmcfg normalize: internal error while reading '${path}': ${describeError(e)}\n`);
      return 2;
    }
    if (result.dialect === 'xl' && Object.keys(defines.value).length > 0) io.stderr(`xmcfg normalize: ${path}: ${definesIgnoredOnXl(Object.keys(defines.value))}\n`);
    diagnostics = sortDiagnostics([...read.diagnostics, ...result.diagnostics]);
    dropped = result.omitted ?? null;
    io.stdout(JSON.stringify(schemaShaped(result.config), null, 2) + '\n');
  }
  if (diagnostics.length > 0) {
    const report = cappedReport(path, read.text, diagnostics, max, dropped);
    io.stderr(formatStylish([report], { color: useColor(io, 'stderr', typeof argv.color === 'boolean' ? argv.color : null) }));
  }
  // Every error counts, listed or not (a dropped one has `max` errors before it, so some are listed too).
  return diagnostics.some((d) => d.severity === 'error') || (dropped?.errors ?? 0) > 0 ? 1 : 0;
}

/**
 * The config without the options whose value the schema refuses (`memory = -5`, `type = "hvn"`, a
 * 70,000-character `kernel`; each has its finding on stderr), so that what normalize prints has the
 * schema's shape, as docs/cli.md promises: the check's config keeps a refused value for the rules
 * and the library (check/unknown-values.ts withoutStale). A missing required key (`name`) is not a
 * value: it stays missing.
 */
function schemaShaped(config: unknown): unknown {
  if (config === null || typeof config !== 'object' || validateFn(config)) return config;
  const refused = new Set<string>();
  for (const e of validateFn.errors ?? []) {
    const top = e.instancePath.split('/')[1];
    if (top !== undefined) refused.add(top.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  if (refused.size === 0) return config;
  return Object.fromEntries(Object.entries(config).filter(([k]) => !refused.has(k)));
}
