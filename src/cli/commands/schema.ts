/** @fileoverview `xmcfg schema`: the JSON Schema of the normalised config on stdout (or -o FILE). */
import type { CommandSpec } from '../types.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';

/** The schema command. */
export const command: CommandSpec = {
  command: 'schema',
  describe: 'Print the JSON Schema of the normalised config',
  builder: (y) => y.option('output-file', OUTPUT_FILE_OPTION).example('$0 schema -o xmcfg.schema.json', 'write it to a file'),
  run: async (argv, io) => {
    const [{ schemaJson }, { withOutputFile }] = await Promise.all([import('../../schema/index.js'), import('../command-output.js')]);
    return withOutputFile(io, 'schema', argv, [], async (out) => {
      out.stdout(JSON.stringify(schemaJson(), null, 2) + '\n');
      return 0;
    });
  },
};
