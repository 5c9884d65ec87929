/** The server's formatting options (tabSize/insertSpaces) as the list indentation of the layout. */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, type TestClient } from './client.js';
import { formatDocument, indentFor } from '../../src/lsp/service/index.js';

describe('indentFor (textDocument/formatting options)', () => {
  it('uses a whole tabSize from 1 to 16, at most 16', () => {
    expect(indentFor({ tabSize: 2, insertSpaces: true })).toBe(2);
    expect(indentFor({ tabSize: 1, insertSpaces: true })).toBe(1);
    expect(indentFor({ tabSize: 40, insertSpaces: true })).toBe(16);
  });
  it('gives the default 4 for a tabSize that is no size of a tab, for tabs, and for no options', () => {
    // tabSize 0 indented list items by one space, 2.5 by two: clamped instead of refused.
    expect(indentFor({ tabSize: 0, insertSpaces: true })).toBe(4);
    expect(indentFor({ tabSize: -3, insertSpaces: true })).toBe(4);
    expect(indentFor({ tabSize: 2.5, insertSpaces: true })).toBe(4);
    expect(indentFor({ tabSize: 8, insertSpaces: false })).toBe(4);
    expect(indentFor(undefined)).toBe(4);
    expect(indentFor({ insertSpaces: true })).toBe(4);
  });
  it('a client applying the edit for tabSize 0 gets the default layout', () => {
    const text = 'name = "x"\ndisk = ["a",\n"b"]\n';
    const edits = formatDocument(text, {}, { indent: indentFor({ tabSize: 0, insertSpaces: true }) });
    expect(TextDocument.applyEdits(TextDocument.create('file:///a.cfg', 'xen-config', 1, text), edits)).toBe('name = "x"\ndisk = [\n    "a",\n    "b",\n]\n');
  });
});

let client: TestClient | undefined;
afterEach(() => client?.dispose());

describe('textDocument/formatting options over the protocol', () => {
  const URI = 'file:///guests/a.cfg';
  const TEXT = 'name = "x"\ndisk = ["a",\n"b"]\n';
  /** The document the client holds after applying the server's edits for these options. */
  async function formatted(options: unknown): Promise<string> {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
    const c = (client = connectClient(fromServer, toServer));
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await c.conn.sendNotification('initialized', {});
    const opened = c.diagnostics(URI, (p) => p.version === 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: TEXT } });
    await opened;
    const edits = (await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options })) as TextEdit[];
    return TextDocument.applyEdits(TextDocument.create(URI, 'xen-config', 1, TEXT), edits);
  }
  it('tabSize 2 indents by 2; tabSize 0 and tabs get the default 4', async () => {
    expect(await formatted({ tabSize: 2, insertSpaces: true })).toBe('name = "x"\ndisk = [\n  "a",\n  "b",\n]\n');
    expect(await formatted({ tabSize: 0, insertSpaces: true })).toBe('name = "x"\ndisk = [\n    "a",\n    "b",\n]\n');
    expect(await formatted({ tabSize: 8, insertSpaces: false })).toBe('name = "x"\ndisk = [\n    "a",\n    "b",\n]\n');
  });
});
