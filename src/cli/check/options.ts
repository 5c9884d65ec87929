/**
 * @fileoverview Turning yargs' argv of `check` into validated settings. Anything malformed is a usage
 * error (exit 2) with a message naming the option; nothing here touches the file system but the
 * question whether --stdin-filepath names a folder.
 */
import type { Dialect } from '../../syntax/value.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/types.js';
import { DEFAULT_MAX_FILE_SIZE, parseSize } from './read-input.js';
import { DEFAULT_MAX_FINDINGS } from '../../diagnostics/limit.js';
import { emptyArgument, wholeArg } from '../command-error.js';
import { xmOptionConversion } from '../../syntax/xm-options.js';
import { stdinFilepathArg } from '../stdin-filepath.js';

/** Validated options of one `check` run. */
export interface CheckOptions {
  paths: string[];
  dialect: Dialect | 'auto';
  defines: Record<string, string | number>;
  host: string | null;
  format: ReportFormat;
  outputFile: string | null;
  maxWarnings: number | null;
  quiet: boolean;
  /** Worker threads; null = decide from the size of the tree. */
  jobs: number | null;
  maxFileSize: number;
  /** Most findings listed per file (0: all); the rest are counted in one XM0043 note. */
  maxFindings: number;
  stdinFilepath: string | null;
  /** Explicit --color / --no-color; null = decide from the terminal and the environment. */
  color: boolean | null;
}

/** Options or a usage error message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validate the raw argv of `check`; relative names are relative to `cwd` (undefined: no folder lookups). */
export function parseCheckOptions(argv: Record<string, unknown>, cwd?: string): Parsed<CheckOptions> {
  const paths = strings(argv.paths);
  // Given twice (a CI wrapper's `-f stylish` before the job's own `-f sarif`), the last one counts,
  // as for every other option: yargs hands over both, which read as 'stylish,sarif'.
  const dialect = optionalString(argv.dialect) ?? 'auto';
  if (dialect !== 'xl' && dialect !== 'xm' && dialect !== 'auto') return fail(`--dialect must be xl, xm or auto, not '${dialect}'`);
  const format = optionalString(argv.format) ?? 'stylish';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) return fail(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`);
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return defines;
  // -1 is "no limit", as in ESLint (whose default it is): CI lines copied from an ESLint step keep working.
  const maxWarnings = optionalInt(argv['max-warnings'], '--max-warnings', -1);
  if (!maxWarnings.ok) return maxWarnings;
  if (maxWarnings.value === -1) maxWarnings.value = null;
  const jobs = optionalInt(argv.jobs, '--jobs', 1);
  if (!jobs.ok) return jobs;
  const maxFindings = maxFindingsArg(argv);
  if (!maxFindings.ok) return maxFindings;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  // The last one counts here too: String(['1K', '2K']) was refused as the size '1K,2K'.
  const sizeArg = optionalString(argv['max-file-size']);
  if (sizeArg !== null) {
    const size = parseSize(sizeArg);
    if (size === null) return fail(`--max-file-size must be a size like 1048576, 512K or 64M, not '${sizeArg}'`);
    maxFileSize = size;
  }
  if (paths.filter((p) => p === '-').length > 1) return fail("'-' (standard input) can be given only once");
  // An empty --host or --output-file ("$UNSET") would resolve to the working folder: "is a directory";
  // an empty --stdin-filepath named the working folder as the file (SARIF's location, github's file=).
  const empty = emptyArgument(argv, ['host', 'output-file']);
  if (empty !== null) return fail(empty);
  if (optionalString(argv.host) === '-' && paths.includes('-')) return fail("standard input can be read only once: give the config or the --host topology as '-', not both");
  const stdin = stdinFilepathArg(argv, paths.includes('-'), 'among the paths', cwd);
  if (!stdin.ok) return stdin;
  const stdinFilepath = stdin.name;
  return {
    ok: true,
    value: {
      paths: paths.length > 0 ? paths : ['.'],
      dialect,
      defines: defines.value,
      host: optionalString(argv.host),
      format: format as ReportFormat,
      outputFile: outputFileArg(argv['output-file']),
      maxWarnings: maxWarnings.value,
      quiet: argv.quiet === true,
      jobs: jobs.value,
      maxFileSize,
      maxFindings: maxFindings.value,
      stdinFilepath,
      color: typeof argv.color === 'boolean' ? argv.color : null,
    },
  };
}

/** Parse `--define k=v` items: a script variable's integers (decimal, 0x hex) become numbers; xm options' values and anything else stay strings. */
export function parseDefines(items: readonly string[]): Parsed<Record<string, string | number>> {
  const out: Record<string, string | number> = Object.create(null);
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0 || !isIdentifier(key)) return fail(`--define expects NAME=VALUE with a Python-style name, not '${item}'`);
    const raw = item.slice(eq + 1);
    // An xm option's value is kept as typed: the evaluator converts it as xm create did (int()
    // refuses 0x10, the yes/no options take words; xm-options.ts). A script variable's integer
    // (decimal, 0x hex) is a number, as it has always been read.
    // One past 2^53 stays its text: a JS number would read 99999999999999999999999 as the float
    // 1e+23, which "%s" then spelled "1e+23" where xm's int() kept every digit.
    const n = xmOptionConversion(key) !== undefined ? NaN : /^-?(?:0|[1-9][0-9]*)$/.test(raw) ? Number(raw) : /^0x[0-9a-f]+$/i.test(raw) ? Number.parseInt(raw, 16) : NaN;
    out[key] = Number.isSafeInteger(n) ? n : raw;
  }
  return { ok: true, value: out };
}

function isIdentifier(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    const digit = c >= 48 && c <= 57;
    if (!(letter || (digit && i > 0))) return false;
  }
  return true;
}

/** yargs gives a string, a repeated option's array, or nothing. */
export function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

/** An --output-file value: the file's name, or null for standard output (none given, or `-`). */
export function outputFileArg(v: unknown): string | null {
  const name = optionalString(v);
  // `-o -` is standard output, as `-` is standard input among the paths (not a file named '-').
  return name === '-' ? null : name;
}

/** An option's value as text; null when absent. (Given twice, run.ts's lastValues has kept the last.) */
export function optionalString(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

/**
 * `--max-findings N` of check, normalize, fmt, convert and plan: decimal digits, 0 or more (0: list
 * every finding); DEFAULT_MAX_FINDINGS when not given.
 */
export function maxFindingsArg(argv: Record<string, unknown>): Parsed<number> {
  const n = optionalInt(argv['max-findings'], '--max-findings', 0);
  return n.ok ? { ok: true, value: n.value ?? DEFAULT_MAX_FINDINGS } : n;
}

function optionalInt(last: unknown, name: string, min: number): Parsed<number | null> {
  if (last === undefined || last === null) return { ok: true, value: null };
  // Number('') is 0: `--max-warnings "$UNSET"` must not mean "no warnings allowed" (or --max-findings "" "list all").
  if (typeof last === 'string' && last.trim() === '') return fail(`${name} must be a whole number${wanted(min)}, not an empty value`);
  // Decimal digits only, as every other command's whole numbers (wholeArg): yargs' own number parse
  // read `--max-warnings 0x10` as 16 and `1e3` as 1000. -1 is the one signed form, where allowed.
  const n = min === -1 && typeof last === 'string' && /^\s*-1\s*$/.test(last) ? -1 : wholeArg(last, NaN);
  // yargs may hand over NaN for text like `abc`: echoing 'NaN' would name a value the user never typed.
  const given = typeof last === 'number' && Number.isNaN(last) ? 'something that is not a number' : `'${String(last)}'`;
  if (!Number.isInteger(n) || n < min) return fail(`${name} must be a whole number${wanted(min)}, not ${given}`);
  return { ok: true, value: n };
}

/** The range part of a whole-number option's message. */
function wanted(min: number): string {
  if (min > 0) return ` of at least ${min}`;
  return min === 0 ? ' (0 or more)' : ' (0 or more, or -1 for no limit)';
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
