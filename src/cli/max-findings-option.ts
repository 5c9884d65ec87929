/**
 * @fileoverview `--max-findings N` of the commands that list a config's findings (check, normalize,
 * fmt, convert, plan): one definition, so each has the same name and help. Dependency-free, as the
 * command modules that declare it are loaded at every start; the value is read by
 * check/options.ts's maxFindingsArg and applied by diagnostics/limit.ts's limitFindings.
 */

/** The yargs option: a string, read as decimal digits only by maxFindingsArg (yargs' number parse took 0x10 and 1e3). */
export const MAX_FINDINGS_OPTION = {
  describe: 'most findings listed per file, errors first (default 1000; 0: all); a note counts the rest',
  type: 'string',
  requiresArg: true,
} as const;
