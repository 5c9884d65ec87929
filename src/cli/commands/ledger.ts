/** @fileoverview `xmcfg ledger list`: the live reservations. */
import { OUTPUT_FILE_OPTION } from '../output-option.js';
import type { CommandSpec } from '../types.js';

/**
 * The --ledger option of every placement command, one definition: migrate-plan's and rebalance's
 * help left out the default ledger they use as much as plan's does.
 */
export const LEDGER_OPTION = { describe: 'reservation ledger (SQLite); default $XDG_STATE_HOME/xmcfg/ledger.db', type: 'string', requiresArg: true } as const;

/** The -f of `ledger list`, `release`, `migrate-plan` and `rebalance`: text for people, json (with a version) for scripts. */
export const FORMAT_OPTION = { alias: 'f', describe: 'output', choices: ['text', 'json'], default: 'text', type: 'string', requiresArg: true } as const;

/** The ledger command. */
export const command: CommandSpec = {
  command: 'ledger <action>',
  describe: 'Show the reservation ledger (ledger list)',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .positional('action', { describe: 'what to do', choices: ['list'], type: 'string' })
      .option('ledger', LEDGER_OPTION)
      .option('format', FORMAT_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION),
  run: async (argv, io) => (await import('../placement-run.js')).runLedger(argv, io),
};
