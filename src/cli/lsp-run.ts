/**
 * @fileoverview The implementation of `xmcfg lsp`. The server owns standard input and output until
 * the client sends `exit` (the protocol library then ends the process with 0 after `shutdown`, 1
 * without), so the returned promise only settles if the connection cannot start.
 */
import { parseDefines, strings } from './check/options.js';
import type { Io } from './types.js';
import { commandError } from './command-error.js';
import { startStdioServer } from '../lsp/server.js';

/** Run `xmcfg lsp --stdio`. */
export async function runLsp(argv: Record<string, unknown>, io: Io): Promise<number> {
  if (argv.stdio !== true) return commandError(io, 'lsp', 'give --stdio (the language server speaks LSP over standard input and output)');
  const defines = parseDefines(strings(argv.define));
  if (!defines.ok) return commandError(io, 'lsp', defines.message);
  const debounce = Number(argv.debounce ?? 0);
  const dialect = (argv.dialect as 'auto' | 'xl' | 'xm' | undefined) ?? 'auto';
  const max = Number(argv['max-diagnostics'] ?? 1000);
  startStdioServer({
    dialect,
    defines: defines.value,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? debounce : 0,
    maxDiagnostics: Number.isInteger(max) && max >= 1 ? max : 1000,
  });
  return new Promise<number>(() => {});
}
