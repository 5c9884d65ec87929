/**
 * @fileoverview `xmcfg explain CODE..`: the long explanation of each diagnostic code given, with a
 * wrong and a right example; without a code, the list of all codes. An unknown code is exit 2.
 */
import type { CommandSpec } from '../types.js';

/** The explain command. */
export const command: CommandSpec = {
  command: 'explain [codes..]',
  describe: 'Explain diagnostic codes (XM0101 XM0202) with a wrong and a right example each; no code lists them all',
  builder: (y) =>
    y
      .positional('codes', { describe: 'codes such as XM0101, or families such as XM01; each explained in turn', type: 'string', array: true })
      .example('$0 explain XM0101 XM0202', 'both pages, one after the other'),
  run: async (argv, io) => (await import('../explain-run.js')).runExplain(argv, io),
};
