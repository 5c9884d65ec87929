/**
 * @fileoverview The implementation of `xmcfg convert`, loaded only when the command runs.
 * Exit: 0 converted (warnings on stderr), 1 not convertible (errors reported, nothing printed) or
 * converted with an error finding (the output printed, as xl would refuse it: a lost name, XM0105),
 * 2 usage/unreadable.
 */
import { quote } from './check/discover.js';
import { maxFindingsArg, optionalString, parseDefines, strings } from './check/options.js';
import { DEFAULT_MAX_FILE_SIZE, decodingOptions, parseSize, readFileArg } from './check/read-input.js';
import { useColor } from './color.js';
import type { Io } from './types.js';
import { stdinFilepathArg } from './stdin-filepath.js';
import { commandError, emptyArgument, sizeMessage } from './command-error.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host, PolicyName } from '../placement/types.js';
import { formatStylish } from '../report/stylish.js';
import { readHostArg } from './host-file.js';
import { withOutputFile, type CommandInput } from './command-output.js';
import { convertToXl, type ConvertOptions } from '../convert/to-xl.js';
import { convertToJson } from '../convert/convert-json.js';
import { cappedReport } from './capped-report.js';

/** Run `xmcfg convert`; returns the exit code. */
export async function runConvert(argv: Record<string, unknown>, io: Io): Promise<number> {
  const empty = emptyArgument(argv, ['file', 'host', 'output-file']);
  if (empty !== null) return commandError(io, 'convert', empty);
  const file = String(argv.file ?? '');
  const stdin = stdinFilepathArg(argv, file === '-', 'as the file', io.cwd);
  if (!stdin.ok) return commandError(io, 'convert', stdin.message);
  const to = String(argv.to ?? '');
  if (to !== 'xl' && to !== 'json') return commandError(io, 'convert', '--to must be xl or json');
  // The last one when given twice: String(['xm', 'xl']) was refused as the dialect 'xm,xl'.
  const dialect = optionalString(argv.dialect) ?? 'auto';
  if (dialect !== 'auto' && dialect !== 'xl' && dialect !== 'xm') return commandError(io, 'convert', `--dialect must be xl, xm or auto, not '${dialect}'`);
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'convert', defines.message);
  // Given twice, the last one counts (docs/cli.md): String(['1', '2K']) was refused as the size '1,2K'.
  const sizeArg = optionalString(argv['max-file-size']);
  const maxFileSize = sizeArg === null ? DEFAULT_MAX_FILE_SIZE : parseSize(sizeArg);
  if (maxFileSize === null) return commandError(io, 'convert', sizeMessage(sizeArg));
  const maxFindings = maxFindingsArg(argv);
  if (!maxFindings.ok) return commandError(io, 'convert', maxFindings.message);
  const color = useColor(io, 'stderr', typeof argv.color === 'boolean' ? argv.color : null);
  // The name the input goes by: in reports, and for xm's default domain name (create.py's basename).
  const named = file === '-' ? stdin.name : file;
  const path = named ?? '<stdin>';
  const hostFile = typeof argv.host === 'string' ? argv.host : null;
  // Standard input holds one of them: read for the config, it would be empty for the host.
  if (file === '-' && hostFile === '-') return commandError(io, 'convert', "the config and --host cannot both be '-' (standard input)");
  // Writing over them would replace the xm source (or the host topology) with its own conversion.
  const inputs: CommandInput[] = [
    { path: named ?? '', what: 'the file being converted' },
    { path: hostFile ?? '', what: 'the --host topology' },
  ];
  // The output is opened (or refused, exit 2) before the input is read, as the other commands do:
  // findings printed before `cannot write` described a conversion that went nowhere.
  return withOutputFile(io, 'convert', argv, inputs, (out) =>
    convertTo(out, { file, named, path, hostFile, to, dialect, defines: defines.value, maxFileSize, maxFindings: maxFindings.value, color, argv }),
  );
}

/** What `xmcfg convert` was asked for, its options checked. */
interface ConvertRequest {
  file: string;
  named: string | null;
  path: string;
  hostFile: string | null;
  to: 'xl' | 'json';
  dialect: ConvertOptions['dialect'];
  defines: Record<string, string | number>;
  maxFileSize: number;
  /** Most findings listed per file (0: all), as check's --max-findings. */
  maxFindings: number;
  color: boolean;
  argv: Record<string, unknown>;
}

/** Read, convert and print one config (stdout is --output-file's writer when one is given); returns the exit code. */
async function convertTo(io: Io, req: ConvertRequest): Promise<number> {
  const { file, named, path, hostFile, to, dialect, defines, maxFileSize, maxFindings, color, argv } = req;
  const read = await readFileArg(file, io, maxFileSize);
  if (read.kind === 'fatal') return commandError(io, 'convert', read.message);
  // The input's own findings (XM0041: invalid UTF-8 read as U+FFFD, which the output then holds) come with the conversion's.
  const report = (diagnostics: readonly Diagnostic[]): void => {
    const all = sortDiagnostics([...read.diagnostics, ...diagnostics]);
    if (all.length) io.stderr(formatStylish([cappedReport(path, read.text, all, maxFindings)], { color }));
  };
  if (read.kind === 'skipped' || read.diagnostics.some((d) => d.severity === 'error')) {
    report([]);
    return 1;
  }

  let host: Host | undefined;
  if (hostFile !== null) {
    // Read as plan reads it, up to the input size limit: `--host /dev/zero` must not eat all memory.
    // `--host -` is standard input (`xl info -n | xmcfg convert guest.xm --to xl --host -`).
    const h = await readHostArg(hostFile, io, maxFileSize);
    if (h.fatal !== undefined) return commandError(io, 'convert', h.fatal);
    const label = hostFile === '-' ? 'on standard input' : quote(hostFile);
    for (const d of h.diagnostics) io.stderr(`xmcfg convert: host ${label}: ${d.severity} ${d.code}: ${d.message}\n`);
    if (!h.host) return 2;
    host = h.host;
  }

  const convertOptions: ConvertOptions = {
    ...(named === null ? {} : { fileName: named }),
    // Read as check reads the file: in the encoding it declares (xm's byte strings hold its bytes),
    // where its bytes were not UTF-8 (XM0049), and the bytes themselves where a value needs them.
    ...(read.kind === 'text' && decodingOptions(read)),
    dialect,
    host,
    planOptions: { policy: (argv.policy as PolicyName | undefined) ?? 'best', affinity: argv.affinity === 'soft' ? 'soft' : 'hard' },
  };
  let output: string;
  // An error the output still has (decision 004: error findings exit 1); the output is printed for the user to finish.
  let failed = false;
  if (to === 'xl') {
    const r = convertToXl(read.text, { ...convertOptions, defines });
    report(r.diagnostics);
    for (const n of r.notes) io.stderr(`xmcfg convert: ${path}: ${n}\n`);
    if (!r.ok) {
      io.stderr(`xmcfg convert: '${path}' not converted\n`);
      return 1;
    }
    output = r.text;
    failed = r.diagnostics.some((d) => d.severity === 'error');
  } else {
    // Decision 015: the JSON of the --to xl conversion, as `xl create -n` prints it for that file.
    const r = convertToJson(read.text, { ...convertOptions, defines });
    report(r.diagnostics);
    for (const n of r.notes) io.stderr(`xmcfg convert: ${path}: ${n}\n`);
    if (r.converted) {
      const c = r.converted;
      io.stderr(formatStylish([{ ...cappedReport(`${path} (converted to xl)`, c.text, c.diagnostics, maxFindings), dialect: 'xl' }], { color }));
    }
    if (!r.ok) {
      io.stderr(`xmcfg convert: '${path}' has errors; no domain config printed\n`);
      return 1;
    }
    output = JSON.stringify(r.json, null, 4) + '\n';
  }
  io.stdout(output);
  return failed ? 1 : 0;
}

