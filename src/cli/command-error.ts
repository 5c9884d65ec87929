/**
 * @fileoverview The one-line report of a command's usage error or unreadable input, shared by the
 * fmt and convert runners (both exit 2 for either, docs/cli.md "Exit status").
 */
import type { Io } from './types.js';

/** Print `xmcfg COMMAND: message` on stderr and return the exit status of a usage or input error, 2. */
export function commandError(io: Io, command: string, message: string): 2 {
  io.stderr(`xmcfg ${command}: ${message}\n`);
  return 2;
}
