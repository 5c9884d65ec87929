/** @fileoverview `xmcfg plan FILE`: the NUMA placement plan of a config (SPEC §5). */
import type { CommandSpec } from '../types.js';
import { LEDGER_OPTION } from './ledger.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';
import { STDIN_FILEPATH_OPTION } from '../stdin-filepath.js';
import { MAX_FINDINGS_OPTION } from '../max-findings-option.js';

/** The plan command. */
export const command: CommandSpec = {
  command: 'plan <file>',
  describe: 'Place a config on a host: node masks, creation flags, per-vCPU pinning',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .positional('file', { describe: 'config file, or - for standard input', type: 'string' })
      .option('host', { describe: 'host topology file (JSON or `xl info -n` text); default: this machine (sysfs)', type: 'string', requiresArg: true })
      .option('policy', { describe: 'node choice', choices: ['best', 'round-robin', 'most-free'], default: 'best', type: 'string' , requiresArg: true })
      .option('affinity', { describe: 'pin hard (cpus) or soft (cpus_soft)', choices: ['hard', 'soft'], default: 'hard', type: 'string' , requiresArg: true })
      .option('format', { alias: 'f', describe: 'output', choices: ['json', 'text', 'xl'], default: 'json', type: 'string' , requiresArg: true })
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('ledger', LEDGER_OPTION)
      .option('reserve', { describe: 'record the plan in the ledger (atomically with the capacity check)', type: 'boolean' })
      .option('dialect', { describe: 'read the file as xl, xm or pick', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string' , requiresArg: true })
      .option('sysfs-root', { describe: 'root folder for the sysfs host when --host is not given', type: 'string', requiresArg: true })
      .option('define', { alias: 'D', describe: 'xm files: as xm create NAME=VALUE (repeatable): a variable the file reads (--define vmid=3), or an xm option, which wins over the file (--define memory=1024)', type: 'string', array: true, nargs: 1, requiresArg: true })
      .option('max-file-size', { describe: 'refuse larger files (bytes, or 512K, 64M)', type: 'string', default: '64M', requiresArg: true })
      .option('max-findings', MAX_FINDINGS_OPTION)
      .option('stdin-filepath', STDIN_FILEPATH_OPTION)
      // --sysfs-root only stands in for a missing --host: given both, it was silently ignored.
      .conflicts('host', 'sysfs-root')
      .example('$0 plan web.cfg --host host.json --format text', 'a readable plan')
      .example('$0 plan web.cfg --host host.json --reserve', 'plan and book it in the ledger'),
  run: async (argv, io) => (await import('../placement-run.js')).runPlan(argv, io),
};
