/**
 * @fileoverview The implementation of `xmcfg lsp`. The server owns standard input and output until
 * the client sends `exit` or closes its end of the input (either ends the process with 0 after
 * `shutdown`, 1 without; docs/editors.md), so the returned promise only settles if the connection
 * cannot start.
 */
import { parseDefines, strings } from './check/options.js';
import type { Io } from './types.js';
import { commandError, numberArg } from './command-error.js';
import { startStdioServer } from '../lsp/server.js';

/** Run `xmcfg lsp --stdio`. */
export async function runLsp(argv: Record<string, unknown>, io: Io): Promise<number> {
  if (argv.stdio !== true) return commandError(io, 'lsp', 'give --stdio (the language server speaks LSP over standard input and output)');
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'lsp', defines.message);
  // A bad value is refused, not replaced by the default: the editor's log is the only place a
  // silently ignored `--debounce 2OO` would show, and nobody reads it.
  const debounce = numberArg(argv.debounce, 0);
  if (!(debounce >= 0)) return commandError(io, 'lsp', `--debounce must be a number of milliseconds (0 or more), not '${String(argv.debounce)}'`);
  // yargs fills both names (--max-diagnostics is the alias); a direct caller may give either.
  const given = argv['max-findings'] ?? argv['max-diagnostics'];
  const max = numberArg(given, 1000);
  if (!(Number.isInteger(max) && max >= 1)) return commandError(io, 'lsp', `--max-findings must be a whole number of at least 1, not '${String(given)}'`);
  const maxSymbols = numberArg(argv['max-symbols'], 5000);
  if (!(Number.isInteger(maxSymbols) && maxSymbols >= 1)) return commandError(io, 'lsp', `--max-symbols must be a whole number of at least 1, not '${String(argv['max-symbols'])}'`);
  const dialect = (argv.dialect as 'auto' | 'xl' | 'xm' | undefined) ?? 'auto';
  startStdioServer({ dialect, defines: defines.value, debounceMs: debounce, maxDiagnostics: max, maxSymbols });
  return new Promise<number>(() => {});
}
