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
      // The name plan, migrate-plan and rebalance give it (decision 043); --from-sysfs, its first
      // name, stays an alias. ROOT may be left out here (the default source is sysfs under /), so
      // no requiresArg: `host --from-sysfs` read / and still does.
      .option('sysfs-root', { alias: 'from-sysfs', describe: 'read ROOT/sys/devices/system/node (ROOT defaults to /; --from-sysfs is its older name)', type: 'string' })
      .option('from-xl-info', { describe: 'read the text of `xl info -n` from this file (- for standard input)', type: 'string', requiresArg: true })
      .option('json', { describe: 'read (and validate) a host JSON file', type: 'string', requiresArg: true })
      .option('output-file', OUTPUT_FILE_OPTION)
      // One source per run: a second one was silently ignored (the sysfs tree won over the file).
      .conflicts('sysfs-root', ['from-xl-info', 'json', 'file'])
      .conflicts('from-xl-info', ['json', 'file'])
      .conflicts('json', 'file')
      .example('$0 host', 'this machine (sysfs under /)')
      .example('$0 host host.json', 'validate a host file')
      .example('xl info -n > info.txt && $0 host --from-xl-info info.txt', 'a Xen host')
      .example('$0 host --sysfs-root /mnt/sysroot -o host.json', 'a copy of a machine\'s /sys, written to a file'),
  run: async (argv, io) => (await import('../placement-run.js')).runHost(argv, io),
};
