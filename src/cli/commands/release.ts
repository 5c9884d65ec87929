/** @fileoverview `xmcfg release NAME`: give back a domain's reservation in the ledger. */
import type { CommandSpec } from '../types.js';
import { FORMAT_OPTION, LEDGER_OPTION } from './ledger.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';

/** The release command. */
export const command: CommandSpec = {
  command: 'release <name>',
  describe: "Give back a domain's reservation in the ledger",
  // -f and -o as `ledger list`'s: a script that books and gives back guests reads both the same way.
  builder: (y) =>
    y
      .positional('name', { describe: 'domain name', type: 'string' })
      .option('ledger', LEDGER_OPTION)
      .option('format', FORMAT_OPTION)
      .option('output-file', OUTPUT_FILE_OPTION),
  run: async (argv, io) => (await import('../placement-run.js')).runRelease(argv, io),
};
