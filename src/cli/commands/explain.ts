/**
 * @fileoverview `xmcfg explain CODE`: the long explanation of a diagnostic code with a wrong and a
 * right example; without a code, the list of all codes. An unknown code is exit 2.
 */
import type { CommandSpec } from '../types.js';

/** The explain command. */
export const command: CommandSpec = {
  command: 'explain [code]',
  describe: 'Explain a diagnostic code (XM0101) with a wrong and a right example; no code lists them all',
  builder: (y) => y.positional('code', { describe: 'a code such as XM0101, or a family such as XM01', type: 'string' }),
  run: async (argv, io) => (await import('../explain-run.js')).runExplain(argv, io),
};
