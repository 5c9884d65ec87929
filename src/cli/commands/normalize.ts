/**
 * @fileoverview `xmcfg normalize FILE`: the normalised config as JSON on stdout; findings go to
 * stderr as a stylish report, and errors make the exit code 1.
 */
import type { CommandSpec } from '../types.js';
import { STDIN_FILEPATH_OPTION } from '../stdin-filepath.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';
import { MAX_FINDINGS_OPTION } from '../max-findings-option.js';

/** The normalize command. */
export const command: CommandSpec = {
  command: 'normalize <file>',
  describe: 'Print the normalised config as JSON (the shape `xmcfg schema` describes)',
  // --dialect requires its value, as in `check`: without one yargs used the default, so
  // `normalize web.cfg --dialect` ($D unset) read the file as auto and exited 0.
  builder: (y) =>
    y
      .positional('file', { describe: 'config file, or - for standard input', type: 'string' })
      .option('dialect', { describe: 'read the file as xl, xm or pick', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string', requiresArg: true })
      .option('define', { alias: 'D', describe: 'xm files: as xm create NAME=VALUE (repeatable): a variable the file reads (--define vmid=3), or an xm option, which wins over the file (--define memory=1024)', type: 'string', array: true, nargs: 1, requiresArg: true })
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('max-file-size', { describe: 'refuse larger files (bytes, or 512K, 64M)', type: 'string', default: '64M', requiresArg: true })
      .option('max-findings', MAX_FINDINGS_OPTION)
      .option('stdin-filepath', STDIN_FILEPATH_OPTION)
      // Its findings are a stylish report on stderr, as fmt's and convert's, which take --color too.
      .option('color', { describe: 'force colour on or off in reports', type: 'boolean' })
      .example('echo memory=1 | $0 normalize - --stdin-filepath web.cfg', 'standard input, named'),
  run: async (argv, io) => (await import('../normalize-run.js')).runNormalize(argv, io),
};
