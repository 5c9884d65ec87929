/**
 * @fileoverview `xmcfg check [paths..]`: options and help. The implementation (parser, validator,
 * reports) is imported only when the command runs, so `--help` and other commands start fast.
 */
import type { CommandSpec } from '../types.js';
import { STDIN_FILEPATH_OPTION } from '../stdin-filepath.js';
import { MAX_FINDINGS_OPTION } from '../max-findings-option.js';

/** The check command. */
export const command: CommandSpec = {
  command: 'check [paths..]',
  describe: 'Lint config files, folders (recursively) and quoted globs; - reads standard input',
  // The whole numbers (--max-warnings, --jobs, --max-findings) are strings to yargs: its number parse
  // turned an empty value (`--max-warnings "$UNSET"`) into 0, and 0x10 into 16 and 1e3 into 1000;
  // parseCheckOptions reads decimal digits only, as the other commands do (wholeArg). --dialect and --format require their value: without it yargs
  // used the default, so `check guests -f -o x.sarif` ($FMT unset) wrote stylish text and exited 0.
  builder: (y) =>
    y
      .positional('paths', { describe: 'files, folders (*.cfg *.xl *.xm *.conf) or quoted globs ("guests/**/*.cfg"); - for stdin', type: 'string', array: true, default: ['.'] })
      .option('dialect', { describe: 'read files as xl, xm or pick per file', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string', requiresArg: true })
      // An array (each value kept when given again, run.ts reads that from here), one value per flag
      // (nargs; requiresArg alone did not stop an array): `-D a=1 web.cfg` leaves web.cfg a path, as in every command with --define.
      .option('define', { alias: 'D', describe: 'xm files: as xm create NAME=VALUE (repeatable): a variable the file reads (--define vmid=3), or an xm option, which wins over the file (--define memory=1024)', type: 'string', array: true, nargs: 1, requiresArg: true })
      .option('host', { describe: 'host topology (JSON or `xl info -n` text): adds placement checks', type: 'string', requiresArg: true })
      .option('format', { alias: 'f', describe: 'report format', choices: ['stylish', 'json', 'sarif', 'github', 'junit'], default: 'stylish', type: 'string', requiresArg: true })
      .option('output-file', { alias: 'o', describe: 'write the report to this file (atomically) instead of stdout', type: 'string', requiresArg: true })
      .option('max-warnings', { describe: 'exit 1 when there are more warnings than this', type: 'string', requiresArg: true })
      .option('quiet', { alias: 'q', describe: 'report errors only (warnings neither shown nor counted)', type: 'boolean' })
      .option('jobs', { alias: 'j', describe: 'threads to check with (default: 1; trees of 200+ files on 3+ cores use up to 4)', type: 'string', requiresArg: true })
      .option('max-file-size', { describe: 'skip larger files with an error (bytes, or 512K, 64M, 1G)', type: 'string', default: '64M', requiresArg: true })
      .option('max-findings', MAX_FINDINGS_OPTION)
      .option('stdin-filepath', STDIN_FILEPATH_OPTION)
      .option('color', { describe: 'force colour on or off (default: on a terminal; NO_COLOR, FORCE_COLOR)', type: 'boolean' })
      .example('$0 check /etc/xen', 'every config below /etc/xen')
      .example('$0 check "guests/**/*.cfg" --format sarif -o xmcfg.sarif', 'SARIF for GitHub code scanning')
      .example('cat web.cfg | $0 check - --stdin-filepath web.cfg', 'check standard input'),
  // In the bundle this import is dist/check.mjs, the check command's own bundle (scripts/build.mjs).
  run: async (argv, io) => (await import('../check/run-check.js')).runCheck(argv, io),
};
