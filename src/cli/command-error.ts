/**
 * @fileoverview One-line reports of what went wrong, shared by the command runners: a usage error or
 * unreadable input (exit 2, docs/cli.md "Exit status"), and a caught error without its stack.
 * Dependency-free, so `fmt`'s fast path can use it without loading the checker.
 */
import type { Io } from './types.js';

/** Print `xmcfg COMMAND: message` on stderr and return the exit status of a usage or input error, 2. */
export function commandError(io: Io, command: string, message: string): 2 {
  io.stderr(`xmcfg ${command}: ${message}\n`);
  return 2;
}

/** One line describing a caught error, without its stack. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
