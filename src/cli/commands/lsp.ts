/**
 * @fileoverview `xmcfg lsp --stdio`: the language server. The runner (../lsp-run.ts) and the server
 * (src/lsp) are imported only when the command runs.
 */
import type { CommandSpec } from '../types.js';

/** The lsp command. */
export const command: CommandSpec = {
  command: 'lsp',
  describe: 'Run the language server (diagnostics, hover, completion, symbols, formatting, quick fixes)',
  // Every option that takes a value requires it (requiresArg), as in check: given last without one
  // (`-f` with $FMT unset), yargs used the default instead of a usage error.
  builder: (y) =>
    y
      .option('stdio', { describe: 'speak LSP over standard input and output (the only transport)', type: 'boolean' })
      .option('dialect', { describe: 'read documents as xl, xm or pick per document', choices: ['auto', 'xl', 'xm'], default: 'auto', type: 'string' , requiresArg: true })
      .option('define', { alias: 'D', describe: 'xm files: as xm create NAME=VALUE (repeatable): a variable the file reads (--define vmid=3), or an xm option, which wins over the file (--define memory=1024)', type: 'string', array: true, nargs: 1, requiresArg: true })
      // Strings to yargs (`type: 'number'` turned `--debounce abc` into NaN, and yargs' own number
      // parse read `--debounce 1e3` as 1000): runLsp reads decimal numbers only, naming the rest.
      .option('debounce', { describe: 'ms to wait after a change before checking (changes inside the wait are checked once)', type: 'string', default: 0, requiresArg: true })
      // check's name for the same cap (decision 043); --max-diagnostics, its first name, stays an alias.
      .option('max-findings', { alias: 'max-diagnostics', describe: 'most diagnostics published per file, errors first (a note counts the rest; --max-diagnostics is its older name)', type: 'string', default: 1000, requiresArg: true })
      .option('max-symbols', { describe: 'most document symbols (outline entries) answered per file, in source order (the editor is told once when more were left out)', type: 'string', default: 5000, requiresArg: true })
      .example('$0 lsp --stdio', 'what an editor runs'),
  run: async (argv, io) => (await import('../lsp-run.js')).runLsp(argv, io),
};
