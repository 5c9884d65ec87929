/** Test helper: an in-process server with one document opened, recording every message it shows. */
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter, type ShowMessageParams } from 'vscode-languageserver/node';
import { attachServer, type ServerOptions } from '../../src/lsp/server.js';
import { connectClient, type TestClient } from './client.js';

/** The client capabilities openOnServer declares by default: the outline is read as DocumentSymbol, as every editor here declares. */
export const EDITOR_CAPABILITIES = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } };

/** A server (no warm-up, `options`) initialised with `init` and `capabilities`, `text` opened at `uri` and its first diagnostics in; the client and every window/showMessage so far. */
export async function openOnServer(uri: string, text: string, options: ServerOptions = {}, init: Record<string, unknown> = {}, capabilities: object = EDITOR_CAPABILITIES): Promise<{ c: TestClient; shown: ShowMessageParams[] }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false, ...options });
  const c = connectClient(fromServer, toServer);
  const shown: ShowMessageParams[] = [];
  c.conn.onNotification('window/showMessage', (p: ShowMessageParams) => {
    shown.push(p);
  });
  await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions: init });
  const opened = c.diagnostics(uri);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text } });
  await opened;
  return { c, shown };
}
