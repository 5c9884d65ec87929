/**
 * @fileoverview The contract between the CLI runner and its command modules. Commands never touch
 * process.*: they read and write through `Io` and return an exit code (0 clean, 1 findings, 2 usage
 * or input failure), so tests can run them in-process.
 */
import type { Argv } from 'yargs';

/** What `Io.readStdin` read. */
export interface StdinBytes {
  bytes: Uint8Array;
  /** True when standard input held more than the limit (bytes then holds the first part only). */
  over: boolean;
}

/** Everything a command may use of the outside world. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Reads standard input as bytes, at most `maxBytes` of it: when there is more, `over` is true and
   * the rest is left unread (so `cat /dev/zero | xmcfg check -` ends with a finding, not out of memory).
   */
  readStdin(maxBytes: number): Promise<StdinBytes>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stdout is a terminal (colour, progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** One `xmcfg <name>` command. */
export interface CommandSpec {
  /** yargs command string, e.g. 'check [paths..]'. */
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (argv: Record<string, unknown>, io: Io) => Promise<number>;
}
