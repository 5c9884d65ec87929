/**
 * @fileoverview `--stdin-filepath PATH`, one definition for every command that reads a config from
 * `-` (check, normalize, convert, plan): standard input is taken to be that file's content (an
 * editor's unsaved buffer), so reports name it and an xm guest without a name is named after it, as
 * `xm create PATH` named it. It picks no dialect: no command guesses one from a file's name.
 * Dependency-free, as the command modules that declare it are loaded at every start.
 */
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
 * it is empty (it would name the working folder) or when nothing is read from standard input
 * (`stdinRead` false; `where` says where `-` belongs: "among the paths").
 */
export function stdinFilepathArg(argv: Record<string, unknown>, stdinRead: boolean, where: string): StdinName {
  const empty = emptyArgument(argv, ['stdin-filepath']);
  if (empty !== null) return { ok: false, message: empty };
  const v = argv['stdin-filepath'];
  if (v === undefined || v === null) return { ok: true, name: null };
  const name = String(v);
  if (!stdinRead) return { ok: false, message: `--stdin-filepath needs '-' ${where}` };
  return { ok: true, name };
}
