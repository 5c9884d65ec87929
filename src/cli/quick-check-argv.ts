/**
 * @fileoverview A fast path past yargs for the common `xmcfg check` command lines (`check a.cfg`,
 * `check --quiet --format json dir`): loading and setting up yargs costs more CPU than checking a
 * small file. yargs stays the definition of every option (src/cli/commands/check.ts): this reader
 * accepts only plain forms whose yargs result is certain (test/cli/quick-argv.test.ts compares
 * both on generated command lines) and returns null for anything else, which then goes to yargs
 * unchanged: help, version, unknown or repeated options, bad choices, odd numbers, quotes, `--`.
 */

/** The argv keys `runCheck` reads, as yargs names them. */
export const CHECK_ARG_KEYS = ['paths', 'dialect', 'define', 'host', 'format', 'output-file', 'max-warnings', 'quiet', 'jobs', 'max-file-size', 'max-findings', 'stdin-filepath', 'color'] as const;

type Kind = 'string' | 'number' | 'boolean';

/** Long option name → its kind; mirrors the check command's builder. */
const LONG: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['dialect', 'string'],
  ['define', 'string'],
  ['host', 'string'],
  ['format', 'string'],
  ['output-file', 'string'],
  ['max-warnings', 'number'],
  ['quiet', 'boolean'],
  ['jobs', 'number'],
  ['max-file-size', 'string'],
  ['max-findings', 'number'],
  ['stdin-filepath', 'string'],
  ['color', 'boolean'],
]);

/** Short aliases. */
const SHORT: ReadonlyMap<string, string> = new Map([
  ['-D', 'define'],
  ['-f', 'format'],
  ['-o', 'output-file'],
  ['-q', 'quiet'],
  ['-j', 'jobs'],
]);

/** Options with `choices`: a value outside them is yargs' usage error. */
const CHOICES: ReadonlyMap<string, readonly string[]> = new Map([
  ['dialect', ['auto', 'xl', 'xm']],
  ['format', ['stylish', 'json', 'sarif', 'github', 'junit']],
]);

/** Words yargs may read as a command or as help/version even in a positional slot. */
const RESERVED = new Set(['help', 'version', 'completion', 'check', 'normalize', 'schema', 'explain', 'fmt', 'convert', 'host', 'plan', 'release', 'ledger', 'migrate-plan', 'rebalance', 'lsp']);

/** A plain decimal integer (no hex, exponent, sign or leading zero): the only whole-number form this reader takes. */
const PLAIN_INT = /^(?:0|[1-9][0-9]{0,8})$/;

/** A value or path whose text yargs passes through untouched (no quote stripping, no option look). */
function plainText(s: string): boolean {
  if (s === '' || s.startsWith('-')) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  // yargs-parser strips a pair of surrounding quotes; any quote at an edge goes to yargs.
  return first !== 34 && first !== 39 && last !== 34 && last !== 39;
}

/**
 * The argv yargs would hand to the check command for these arguments (the keys of CHECK_ARG_KEYS),
 * or null when the command line is not one of the plain forms this reader is sure about.
 */
export function quickCheckArgv(rawArgv: readonly string[]): Record<string, unknown> | null {
  if (rawArgv[0] !== 'check') return null;
  const paths: string[] = [];
  const opts = new Map<string, unknown>();
  for (let i = 1; i < rawArgv.length; i++) {
    const a = rawArgv[i]!;
    if (a === '-') {
      paths.push(a);
      continue;
    }
    if (!a.startsWith('-')) {
      if (!plainText(a) || RESERVED.has(a)) return null;
      paths.push(a);
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) inline = a.slice(eq + 1);
      if (name === 'no-color' && inline === undefined) name = 'color!';
    } else name = SHORT.get(a);
    if (name === 'color!') {
      if (opts.has('color') || rawArgv[i + 1] === 'true' || rawArgv[i + 1] === 'false') return null;
      opts.set('color', false);
      continue;
    }
    const kind = name === undefined ? undefined : LONG.get(name);
    if (name === undefined || kind === undefined || opts.has(name)) return null;
    if (kind === 'boolean') {
      // `--quiet true` / `--color false`: yargs reads the word as the flag's value, not as a path.
      if (inline !== undefined || rawArgv[i + 1] === 'true' || rawArgv[i + 1] === 'false') return null;
      opts.set(name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = rawArgv[i + 1];
      if (value === undefined) return null;
      i++;
    }
    if (!plainText(value)) return null;
    const choices = CHOICES.get(name);
    if (choices && !choices.includes(value)) return null;
    // The whole numbers reach runCheck as typed (strings to yargs too); odd forms go to yargs all the same.
    if (kind === 'number' && !PLAIN_INT.test(value)) return null;
    // --define is an array option (one value per flag): yargs hands over `['a=1']`.
    opts.set(name, name === 'define' ? [value] : value);
  }
  const out: Record<string, unknown> = {
    paths: paths.length > 0 ? paths : ['.'],
    dialect: 'auto',
    format: 'stylish',
    'max-file-size': '64M',
  };
  for (const [k, v] of opts) out[k] = v;
  return out;
}
