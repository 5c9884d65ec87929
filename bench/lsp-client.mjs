// Shared pieces of the editor benchmarks (lsp-fmt.mjs, lsp-unknown-keys.mjs): the built CLI's path,
// command-line flags, medians, a server's CPU time and a JSON-RPC client over the server's stdio.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** The repository root (the folder above bench/). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The built CLI (XMCFG_CLI overrides dist/cli.mjs); exits 2 with a message when it is missing. */
export function builtCli() {
  const cli = process.env.XMCFG_CLI ?? join(root, 'dist/cli.mjs');
  if (!existsSync(cli)) {
    process.stderr.write(`bench: ${cli} not found; run npm run build first\n`);
    process.exit(2);
  }
  return cli;
}

/** The value after flag `name` on the command line, or `def`. */
export const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};

/** The median (upper middle) of a list of numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The p-quantile (0..1) of a list of numbers, nearest rank. */
export const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** A process's CPU time in ms (Linux /proc, clock ticks of 10 ms; NaN elsewhere): a loaded machine inflates it less than wall-clock time. */
export const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
};

/**
 * Starts `xmcfg lsp --stdio` and initialises it with the dialect setting (and `settings`, more of them). `publication(v)` is a
 * promise of the time (performance.now()) the diagnostics of document version v arrived;
 * `published()` the number of diagnostics in the last publication.
 */
export async function startServer(cli, dialect, settings = {}) {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let count = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    count = p.diagnostics.length;
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(performance.now());
    }
  });
  conn.listen();
  // VS Code's outline and code action capabilities: answers are measured in the shape VS Code gets.
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } }, initializationOptions: { dialect, ...settings } });
  await conn.sendNotification('initialized', {});
  return {
    child,
    conn,
    publication: (version) => new Promise((res) => waiting.set(version, res)),
    published: () => count,
    /** shutdown, exit and close the connection. */
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
    },
  };
}
