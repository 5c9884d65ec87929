/**
 * @fileoverview `--stdin-filepath PATH`, one definition for every command that reads a config from
 * `-` (check, normalize, convert, plan): standard input is taken to be that file's content (an
 * editor's unsaved buffer), so reports name it and an xm guest without a name is named after it, as
 * `xm create PATH` named it. It picks no dialect: no command guesses one from a file's name.
 * Dependency-free, as the command modules that declare it are loaded at every start.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyArgument } from './command-error.js';

/** The yargs option, the same help text in every command that has it. */
export const STDIN_FILEPATH_OPTION = {
  describe: "the file standard input holds (with '-'): names it in reports, and a nameless xm guest after it",
  type: 'string',
  requiresArg: true,
} as const;

/** The name standard input goes by (null: unnamed, `<stdin>` in reports), or a usage message. */
export type StdinName = { ok: true; name: string | null } | { ok: false; message: string };

/**
 * Read --stdin-filepath (given twice, run.ts's lastValues has kept the last): a usage message when
 * it is empty (it would name the working folder), when nothing is read from standard input
 * (`stdinRead` false; `where` says where `-` belongs: "among the paths"), or when it names a folder
 * (decision 101): written as one (`guests/`, `.`, `guests/..`), or a folder that exists relative to
 * `cwd` (undefined: the text alone is judged). A folder is no config's file: reports named the
 * file `guests/`, and a nameless xm guest was named after its last part.
 */
export function stdinFilepathArg(argv: Record<string, unknown>, stdinRead: boolean, where: string, cwd: string | undefined): StdinName {
  const empty = emptyArgument(argv, ['stdin-filepath']);
  if (empty !== null) return { ok: false, message: empty };
  const v = argv['stdin-filepath'];
  if (v === undefined || v === null) return { ok: true, name: null };
  const name = String(v);
  if (!stdinRead) return { ok: false, message: `--stdin-filepath needs '-' ${where}` };
  if (folderName(name) || (cwd !== undefined && isFolder(resolve(cwd, name)))) return { ok: false, message: `--stdin-filepath names a folder, not a file: '${name}'` };
  return { ok: true, name };
}

/** A path written as a folder: ending with `/`, or with `.` or `..` as its last part. */
function folderName(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' || last === '.' || last === '..';
}

/** True when `abs` is a folder (through symlinks); anything unreadable is not. */
function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
