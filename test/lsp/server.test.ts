import { afterEach, describe, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, type TestClient } from './client.js';
import { scriptedSession } from './session.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

describe('language server over in-process streams', () => {
  it('runs the scripted editor session', async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    // Never send `exit` here: the protocol library would end the test process.
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)));
    client = connectClient(fromServer, toServer);
    await scriptedSession(client);
  });
});
