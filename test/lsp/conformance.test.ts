/**
 * The server as real editors drive it: incremental changes across CRLF line ends, ranges past the
 * end of a line or of the document, full-document changes, and a document opened again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { DocumentSymbol, InitializeResult, Range } from 'vscode-languageserver';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, type TestClient } from './client.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

const URI = 'file:///guests/intl.cfg';

/** A server on in-process streams, initialised with the given position encodings offered. */
async function session(offered?: unknown): Promise<{ c: TestClient; init: InitializeResult }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  const c = (client = connectClient(fromServer, toServer));
  const capabilities = offered === undefined ? {} : { general: { positionEncodings: offered } };
  const init = (await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions: { dialect: 'xl' } })) as InitializeResult;
  await c.conn.sendNotification('initialized', {});
  return { c, init };
}

/** Open `text` as version 1 and return its first publication. */
async function open(c: TestClient, text: string) {
  const got = c.diagnostics(URI, (p) => p.version === 1);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text } });
  return (await got).diagnostics;
}

/** Apply one incremental change as version `version` and return its publication. */
async function change(c: TestClient, version: number, range: Range | undefined, text: string) {
  const got = c.diagnostics(URI, (p) => p.version === version);
  await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [range ? { range, text } : { text }] });
  return (await got).diagnostics;
}

const symbols = async (c: TestClient) => (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];

describe('didChange in UTF-16 (VS Code)', () => {
  it('CRLF: a range past the end of a line keeps the line break; a full-document change replaces the text', async () => {
    const { c } = await session();
    await open(c, 'memroy = 1\r\nname = "x"\r\n');
    await change(c, 2, { start: { line: 0, character: 6 }, end: { line: 0, character: 100 } }, ' = 2');
    expect((await symbols(c)).map((s) => [s.name, s.detail, s.range.start.line])).toEqual([
      ['memroy', '2', 0],
      ['name', '"x"', 1],
    ]);
    const full = await change(c, 3, undefined, 'memory = 3\n');
    expect(full.map((d) => d.code)).not.toContain('XM0101');
    expect((await symbols(c)).map((s) => [s.name, s.detail])).toEqual([['memory', '3']]);
  });
});

describe('a document opened again', () => {
  it('is checked anew, even under the version number it had (the old check was served)', async () => {
    const { c } = await session();
    expect((await open(c, 'memroy = 1\n')).map((d) => d.code)).toContain('XM0101');
    const again = await open(c, 'memory = 1\n');
    expect(again.map((d) => d.code)).not.toContain('XM0101');
    expect((await symbols(c)).map((s) => s.name)).toEqual(['memory']);
  });
  it('after didClose, requests about it answer empty and its diagnostics are cleared', async () => {
    const { c } = await session();
    await open(c, 'memroy = 1\n');
    const cleared = c.diagnostics(URI, (p) => p.diagnostics.length === 0);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    expect((await cleared).version).toBeUndefined();
    expect(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } })).toBeNull();
    expect(await symbols(c)).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
  });
});
