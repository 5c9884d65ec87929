/**
 * @fileoverview `-o, --output-file FILE` of the commands that print a result for users to keep
 * (normalize, schema, host, plan, migrate-plan, rebalance, ledger list; check and convert word their own help):
 * one definition, so every such command has the same name, alias and help. Dependency-free, as the
 * command modules that declare it are loaded at every start; the writer is command-output.ts.
 */

/** The yargs option, the same help text in every command that has it. */
export const OUTPUT_FILE_OPTION = {
  alias: 'o',
  describe: 'write the output to this file (atomically) instead of stdout; never one of the inputs',
  type: 'string',
  requiresArg: true,
} as const;
