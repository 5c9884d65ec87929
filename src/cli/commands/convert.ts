/**
 * @fileoverview `xmcfg convert FILE --to xl|json`: options and help. The runner (../convert-run.ts)
 * and the converter (src/convert) are imported only when the command runs.
 */
import type { CommandSpec } from '../types.js';
import { STDIN_FILEPATH_OPTION } from '../stdin-filepath.js';
import { MAX_FINDINGS_OPTION } from '../max-findings-option.js';

/** The convert command. */
export const command: CommandSpec = {
  command: 'convert <file>',
  describe: 'Convert an xm config to one xl accepts (--to xl), or print the libxl domain config xl create -n shows (--to json)',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .positional('file', { describe: 'config file, or - for standard input', type: 'string' })
      .option('to', { describe: 'output: an xl config file, or the libxl-style JSON domain config', choices: ['xl', 'json'], demandOption: true, type: 'string' })
      .option('dialect', { describe: 'read the file as xm, as xl, or auto: xm when Python accepts it and it sets no xl-only option', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string' , requiresArg: true })
      .option('define', { alias: 'D', describe: 'a variable the xm file reads (repeatable): --define vmid=3; an xm option (memory=1024) is left out, with a note', type: 'string', array: true, nargs: 1, requiresArg: true })
      .option('host', { describe: 'host topology (JSON or `xl info -n` text): turns numa/numanodes/numanode into cpus/vnuma settings', type: 'string', requiresArg: true })
      .option('policy', { describe: 'node choice policy for --host', choices: ['best', 'round-robin', 'most-free'], default: 'best', type: 'string' , requiresArg: true })
      .option('affinity', { describe: 'write the plan as hard (cpus) or soft (cpus_soft) affinity', choices: ['hard', 'soft'], default: 'hard', type: 'string' , requiresArg: true })
      .option('output-file', { alias: 'o', describe: 'write the result to this file (atomically) instead of stdout; not an input file', type: 'string', requiresArg: true })
      .option('max-file-size', { describe: 'refuse larger files (bytes, or 512K, 64M)', type: 'string', default: '64M', requiresArg: true })
      .option('max-findings', MAX_FINDINGS_OPTION)
      .option('stdin-filepath', STDIN_FILEPATH_OPTION)
      .option('color', { describe: 'force colour on or off in reports', type: 'boolean' })
      .example('$0 convert xmexample1 --to xl -o guest.cfg', 'write an xl config')
      .example('$0 convert web.xm --to xl --host host.json', 'turn the NUMA request into xl pinning')
      .example('$0 convert guest.cfg --to json', 'the domain config as libxl sees it')
      .example('cat web.xm | $0 convert - --to xl --stdin-filepath web.xm', 'standard input, named (xm named a nameless guest after its file)'),
  run: async (argv, io) => (await import('../convert-run.js')).runConvert(argv, io),
};
