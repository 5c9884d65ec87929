/** @fileoverview `xmcfg schema`: the JSON Schema of the normalised config on stdout. */
import type { CommandSpec } from '../types.js';

/** The schema command. */
export const command: CommandSpec = {
  command: 'schema',
  describe: 'Print the JSON Schema of the normalised config',
  builder: (y) => y,
  run: async (_argv, io) => {
    const { schemaJson } = await import('../../schema/index.js');
    io.stdout(JSON.stringify(schemaJson(), null, 2) + '\n');
    return 0;
  },
};
