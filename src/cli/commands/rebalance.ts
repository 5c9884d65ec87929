/** @fileoverview `xmcfg rebalance --host HOST`: migrations that even out node memory use. */
import type { CommandSpec } from '../types.js';
import { FORMAT_OPTION, LEDGER_OPTION } from './ledger.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';

/** The rebalance command. */
export const command: CommandSpec = {
  command: 'rebalance',
  describe: 'Propose local live migrations that bring node memory use within a threshold',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .option('host', { describe: 'host topology file (JSON or `xl info -n` text); default: this machine', type: 'string', requiresArg: true })
      .option('ledger', LEDGER_OPTION)
      // Strings, not `type: 'number'`: that turned `--threshold abc` into NaN, so the message could
      // not name what was given, and untyped yargs read 1e3 as 1000 (migrate-plan's --to-node
      // refused it); runRebalance reads decimal notation only.
      .option('threshold', { describe: 'acceptable spread of memory use between nodes, in percent points', type: 'string', default: '10', requiresArg: true })
      .option('max-moves', { describe: 'at most this many migrations', type: 'string', default: '5', requiresArg: true })
      .option('format', FORMAT_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION)
      .option('sysfs-root', { describe: 'root folder for the sysfs host', type: 'string', requiresArg: true })
      // --sysfs-root only stands in for a missing --host: given both, it was silently ignored.
      .conflicts('host', 'sysfs-root'),
  run: async (argv, io) => (await import('../placement-run.js')).runRebalance(argv, io),
};
