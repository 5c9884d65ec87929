/**
 * @fileoverview `--output-file` for the commands whose whole result is what they print on stdout
 * (normalize, schema, host, plan, migrate-plan, rebalance, ledger list, convert): the command runs with an Io whose
 * stdout goes to the writer `check` uses (output-file.ts: a regular file replaced
 * atomically, a device or FIFO written in place), after the same guards: an empty name is a
 * usage error, and so is a FILE that is one of the command's inputs (the config, the host file,
 * the ledger database and its SQLite journal files, the sysfs files the host is read from), which
 * would be replaced by the output.
 */
import { resolve } from 'node:path';
import { quote } from './check/discover.js';
import { outputFileArg } from './check/options.js';
import { commandError, emptyArgument } from './command-error.js';
import { insideFolder, openOutput, realOrSelf, sameFile } from './output-file.js';
import type { Io } from './types.js';

/** A file the command reads, which its output must never replace: its path as given (from the working folder) and what it is. */
export interface CommandInput {
  path: string;
  what: string;
  /** A folder read whole (the sysfs node folders): no file inside it may be the output either. */
  folder?: boolean;
}

/**
 * Run `body` with its standard output sent to --output-file (standard output itself when none is
 * given, or `-`). The file is opened before the command runs (missing folders on its way made): a
 * folder, a file in place of a folder or a read-only file is exit 2 before anything else happens (plan --reserve books nothing). Output is
 * kept in the temporary file and renamed into place when the command ends; a command that prints
 * nothing (a usage error, a plan that cannot be made) leaves the target as it was.
 */
export async function withOutputFile(io: Io, cmd: string, argv: Record<string, unknown>, inputs: readonly CommandInput[], body: (io: Io) => Promise<number>): Promise<number> {
  const empty = emptyArgument(argv, ['output-file']);
  if (empty !== null) return commandError(io, cmd, empty);
  const outputFile = outputFileArg(argv['output-file']);
  if (outputFile === null) return body(io);
  const target = resolve(io.cwd, outputFile);
  const real = realOrSelf(target);
  // Also through a symlink: `-o cur.json` where cur.json links to the --host file.
  const clash = inputs.find((i) => i.path !== '-' && i.path !== '' && (i.folder === true ? insideFolder : sameFile)(resolve(io.cwd, i.path), target, real));
  if (clash !== undefined) return commandError(io, cmd, `--output-file ${quote(outputFile)} is ${clash.folder === true ? 'inside ' : ''}${quote(clash.path)}, ${clash.what}; write the output elsewhere`);
  const out = openOutput(io, outputFile);
  const opened = out.problem();
  if (opened !== null) {
    out.abort();
    return commandError(io, cmd, opened);
  }
  let wrote = false;
  let code: number;
  try {
    // Not a terminal any more: nothing on it is coloured or erased.
    code = await body({ ...io, stdoutIsTTY: false, stdout: (text) => ((wrote ||= text !== ''), out.write(text)) });
  } catch (e) {
    out.abort();
    throw e;
  }
  if (!wrote) {
    out.abort();
    return code;
  }
  const problem = out.close();
  return problem === null ? code : commandError(io, cmd, problem);
}
