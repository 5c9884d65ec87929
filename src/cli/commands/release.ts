/** @fileoverview `xmcfg release NAME`: give back a domain's reservation in the ledger. */
import type { CommandSpec } from '../types.js';
import { LEDGER_OPTION } from './ledger.js';

/** The release command. */
export const command: CommandSpec = {
  command: 'release <name>',
  describe: "Give back a domain's reservation in the ledger",
  builder: (y) =>
    y
      .positional('name', { describe: 'domain name', type: 'string' })
      .option('ledger', LEDGER_OPTION),
  run: async (argv, io) => (await import('../placement-run.js')).runRelease(argv, io),
};
