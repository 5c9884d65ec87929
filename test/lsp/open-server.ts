/** Test helper: an in-process server with one document opened, recording every message it shows. */
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type ShowMessageParams } from 'vscode-languageserver/node';
import { attachServer, type ServerOptions } from '../../src/lsp/server.js';
import { connectClient, EDITOR_CAPABILITIES, type TestClient } from './client.js';

export { EDITOR_CAPABILITIES };

/** A server (no warm-up, `options`) initialised with `init` and `capabilities`, `text` opened at `uri` and its first diagnostics in; the client, every window/showMessage so far and the initialize result. */
export async function openOnServer(uri: string, text: string, options: ServerOptions = {}, init: Record<string, unknown> = {}, capabilities: object = EDITOR_CAPABILITIES): Promise<{ c: TestClient; shown: ShowMessageParams[]; init: InitializeResult }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false, ...options });
  const c = connectClient(fromServer, toServer);
  const shown: ShowMessageParams[] = [];
  c.conn.onNotification('window/showMessage', (p: ShowMessageParams) => {
    shown.push(p);
  });
  const result = (await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions: init })) as InitializeResult;
  const opened = c.diagnostics(uri);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text } });
  await opened;
  return { c, shown, init: result };
}
