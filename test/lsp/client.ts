/** Test helper: a minimal LSP client over any pair of streams (in-process or a child's stdio). */
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Readable, Writable } from 'node:stream';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The client capabilities the tests declare, as VS Code, Neovim, Helix and eglot do: the outline is
 * read as DocumentSymbol and quick fixes as CodeAction literals (without them the server answers
 * SymbolInformation and commands, test/lsp/client-capabilities.test.ts).
 */
export const EDITOR_CAPABILITIES = {
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
};

/** A connected client that records every publishDiagnostics notification. */
export interface TestClient {
  conn: MessageConnection;
  /** Resolves with the first publication for `uri` (after `since`) that satisfies `ok`. */
  diagnostics(uri: string, ok?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every publication so far, with its arrival time (performance.now()). */
  published: { at: number; params: PublishDiagnosticsParams }[];
  dispose(): void;
}

/** Connect a client: it reads the server's output and writes to the server's input. */
export function connectClient(fromServer: Readable, toServer: Writable): TestClient {
  const conn = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published: TestClient['published'] = [];
  const waiters: { uri: string; ok: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; from: number }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push({ at: performance.now(), params });
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.ok(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  conn.listen();
  return {
    conn,
    published,
    diagnostics(uri, ok = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri,
          ok,
          from: published.length,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    dispose: () => conn.dispose(),
  };
}
