/** @fileoverview `xmcfg host`: print a host topology as JSON (from sysfs, `xl info -n` text or JSON). */
import type { CommandSpec } from '../types.js';
import { OUTPUT_FILE_OPTION } from '../output-option.js';

/** The host command. */
export const command: CommandSpec = {
  command: 'host [file]',
  describe: 'Print a host NUMA topology as JSON, read from sysfs, `xl info -n` output or JSON',
  builder: (y) =>
    y
      .positional('file', { describe: 'a host file to validate and print: JSON, or `xl info -n` text', type: 'string' })
      .option('from-sysfs', { describe: 'read ROOT/sys/devices/system/node (ROOT defaults to /)', type: 'string' })
      .option('from-xl-info', { describe: 'read the text of `xl info -n` from this file (- for standard input)', type: 'string', requiresArg: true })
      .option('json', { describe: 'read (and validate) a host JSON file', type: 'string', requiresArg: true })
      .option('output-file', OUTPUT_FILE_OPTION)
      // One source per run: a second one was silently ignored (the sysfs tree won over the file).
      .conflicts('from-sysfs', ['from-xl-info', 'json', 'file'])
      .conflicts('from-xl-info', ['json', 'file'])
      .conflicts('json', 'file')
      .example('$0 host', 'this machine (sysfs under /)')
      .example('$0 host host.json', 'validate a host file')
      .example('xl info -n > info.txt && $0 host --from-xl-info info.txt', 'a Xen host'),
  run: async (argv, io) => (await import('../placement-run.js')).runHost(argv, io),
};
