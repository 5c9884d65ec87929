/**
 * @fileoverview `xmcfg fmt [paths..]`: options and help. The runner (../fmt-run.ts) and the engine
 * (src/format) are imported only when the command runs.
 */
import type { CommandSpec } from '../types.js';
import { STDIN_FILEPATH_OPTION } from '../stdin-filepath.js';
import { MAX_FINDINGS_OPTION } from '../max-findings-option.js';

/** The fmt command. */
export const command: CommandSpec = {
  command: 'fmt [paths..]',
  describe: 'Rewrite config files in the canonical layout (comments kept, atomic writes); - formats stdin to stdout',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .positional('paths', { describe: 'files, folders (*.cfg *.xl *.xm *.conf) or quoted globs; - for stdin', type: 'string', array: true })
      .option('check', { describe: 'write nothing; list the files that would change and exit 1 if any', type: 'boolean' })
      .option('dialect', { describe: 'read files as xl, xm or pick per file', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string' , requiresArg: true })
      .option('define', { alias: 'D', describe: 'xm files: as xm create NAME=VALUE (repeatable): a variable the file reads (--define vmid=3), or an xm option, which wins over the file (--define memory=1024)', type: 'string', array: true, nargs: 1, requiresArg: true })
      .option('quote', { describe: 'string quotes: keep as written, or use double/single quotes where that cannot change a value', choices: ['keep', 'double', 'single'], default: 'keep', type: 'string' , requiresArg: true })
      // Strings to yargs (`type: 'number'` turned `--indent x` into NaN, and yargs' own number parse
      // read `--indent 0x4` as 4 and `--line-width 1e2` as 100): runFmt reads decimal numbers only, naming the rest.
      .option('line-width', { describe: 'lists wider than this many display columns (CJK 2) are laid out one item per line', type: 'string', default: 100, requiresArg: true })
      .option('indent', { describe: 'spaces before each item of a multi-line list', type: 'string', default: 4, requiresArg: true })
      .option('max-file-size', { describe: 'skip larger files with an error (bytes, or 512K, 64M)', type: 'string', default: '64M', requiresArg: true })
      .option('max-findings', MAX_FINDINGS_OPTION)
      .option('stdin-filepath', STDIN_FILEPATH_OPTION)
      .option('color', { describe: 'force colour on or off in reports', type: 'boolean' })
      .example('$0 fmt /etc/xen', 'format every config below /etc/xen in place')
      .example('$0 fmt --check guests/', 'CI: fail when a file is not formatted')
      .example('cat web.cfg | $0 fmt -', 'format standard input to standard output'),
  run: async (argv, io) => (await import('../fmt-run.js')).runFmt(argv, io),
};

/** Words yargs may read as a command, help or a boolean even in a positional slot. */
const RESERVED = new Set(['help', 'version', 'completion', 'true', 'false', 'check', 'normalize', 'schema', 'explain', 'fmt', 'convert', 'host', 'plan', 'release', 'ledger', 'migrate-plan', 'rebalance', 'lsp']);
/** A path yargs passes through untouched: no option look, quotes, blanks or other shell oddities. */
const PLAIN_PATH = /^[A-Za-z0-9_./@%+~,:][A-Za-z0-9_./@%+~,:=-]*$/;

/**
 * The argv yargs would hand this command for `fmt [--check] PATH..` with plain paths, or null for
 * any other command line (which then goes to yargs). Loading and setting up yargs costs more than
 * formatting a small file; the builder above stays the definition of every option and default.
 */
export function quickFmtArgv(rawArgv: readonly string[]): Record<string, unknown> | null {
  if (rawArgv[0] !== 'fmt') return null;
  const paths: string[] = [];
  let check = false;
  for (let i = 1; i < rawArgv.length; i++) {
    const a = rawArgv[i]!;
    if (a === '--check' && !check) check = true;
    else if (PLAIN_PATH.test(a) && !RESERVED.has(a)) paths.push(a);
    else return null;
  }
  if (paths.length === 0) return null;
  const out: Record<string, unknown> = { paths, dialect: 'auto', quote: 'keep', 'line-width': 100, indent: 4, 'max-file-size': '64M' };
  if (check) out.check = true;
  return out;
}
