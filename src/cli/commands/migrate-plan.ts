/** @fileoverview `xmcfg migrate-plan NAME --to-node N`: a local live migration onto other nodes. */
import type { CommandSpec } from '../types.js';
import { FORMAT_OPTION, LEDGER_OPTION } from './ledger.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';

/** The migrate-plan command. */
export const command: CommandSpec = {
  command: 'migrate-plan <name>',
  describe: 'Plan moving a reserved domain to other NUMA nodes by local live migration',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .positional('name', { describe: 'domain name (as reserved in the ledger)', type: 'string' })
      // Read as text and checked by the runner: yargs' number type made '' node 0 and rounded ids past 2^53.
      // One value per flag (nargs 1), as -D: a yargs array took every word after it, the domain name too
      // (`--to-node 1 web`). A value may list ids and ranges as the command and `ledger list` print them: `--to-node 1,0`, `--to-node 0-3`.
      .option('to-node', { describe: 'target node id (repeatable), or ids and ranges separated by commas, as ledger list prints them: --to-node 1,0, --to-node 0-3', type: 'string', array: true, nargs: 1, requiresArg: true, demandOption: true })
      .option('host', { describe: 'host topology file (JSON or `xl info -n` text); default: this machine', type: 'string', requiresArg: true })
      .option('ledger', LEDGER_OPTION)
      .option('commit', { describe: 'record the new placement in the ledger', type: 'boolean' })
      .option('format', FORMAT_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('sysfs-root', { describe: 'root folder for the sysfs host', type: 'string', requiresArg: true })
      // --sysfs-root only stands in for a missing --host: given both, it was silently ignored.
      .conflicts('host', 'sysfs-root'),
  run: async (argv, io) => (await import('../placement-run.js')).runMigratePlan(argv, io),
};
