/**
 * textDocument/prepareRename and rename (the QA pass found none: F2 on a key answered MethodNotFound):
 * a key is renamed at every name token spelled as it, assignments and xm reads, not in strings or
 * comments; ranges count UTF-16 units; a name that is no key name is refused with RequestFailed.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type WorkspaceEdit } from 'vscode-languageserver/node';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, type TestClient } from './client.js';
import { applyLspEdits } from './helpers.js';

const URI = 'file:///guests/ren.cfg';
let client: TestClient | undefined;
afterEach(() => client?.dispose());

/** A server with `text` open; the initialize result. */
async function open(text: string, capabilities: object = { textDocument: { rename: { prepareSupport: true } } }): Promise<{ c: TestClient; init: InitializeResult }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  const c = (client = connectClient(fromServer, toServer));
  const init = (await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions: { dialect: 'xm' } })) as InitializeResult;
  const opened = c.diagnostics(URI);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text } });
  await opened;
  return { c, init };
}

/** The error code of a request that fails. */
const failure = (p: Promise<unknown>) => p.then(
  () => null,
  (e: { code: number }) => e.code,
);

// Line 1 has non-ASCII text before the key: é is one UTF-16 unit, 😀 two, so `memroy` starts at 18 (17 in code points).
const TEXT = 'name = "a"\nkernel = "é😀/k"; memroy = 512\nmemroy += 256\nmaxmem = memroy * 2  # memroy\nextra = "memroy"\nacpi = vmid and 1\n';

describe('rename over the protocol', () => {
  it('announces prepareRename to clients that support it, and rename alone to the others', async () => {
    expect((await open(TEXT)).init.capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect((await open(TEXT, {})).init.capabilities.renameProvider).toBe(true);
  });

  it('prepareRename: the name under the caret (also at its end), nothing in a string, comment or number', async () => {
    const { c } = await open(TEXT);
    const prepare = (line: number, character: number) => c.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: URI }, position: { line, character } });
    const key = { range: { start: { line: 1, character: 18 }, end: { line: 1, character: 24 } }, placeholder: 'memroy' };
    expect(await prepare(1, 18)).toEqual(key);
    expect(await prepare(1, 21)).toEqual(key);
    expect(await prepare(1, 24)).toEqual(key);
    expect(await prepare(4, 10)).toBeNull(); // inside "memroy"
    expect(await prepare(3, 25)).toBeNull(); // inside the comment
    expect(await prepare(1, 28)).toBeNull(); // 512
    expect(await prepare(5, 13)).toBeNull(); // `and`: a keyword
    expect(await prepare(5, 8)).toBeNull(); // `vmid`: read, never set (a --define)
  });

  it('rename: every assignment and read of the key, not its strings and comments', async () => {
    const { c } = await open(TEXT);
    const edit = (await c.conn.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: { line: 3, character: 11 }, newName: 'memory' })) as WorkspaceEdit;
    const edits = edit.changes![URI]!;
    expect(edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`)).toEqual(['1:18-1:24', '2:0-2:6', '3:9-3:15']);
    expect(applyLspEdits(TEXT, edits)).toBe('name = "a"\nkernel = "é😀/k"; memory = 512\nmemory += 256\nmaxmem = memory * 2  # memroy\nextra = "memroy"\nacpi = vmid and 1\n');
  });

  it('rename refuses a name that is no key name (RequestFailed, -32803), and answers null off a name', async () => {
    const { c } = await open(TEXT);
    const rename = (newName: string, character = 20) => c.conn.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: { line: 1, character }, newName });
    for (const bad of ['', '2x', 'mem ory', 'if', 'lambda', 'mémoire']) expect([bad, await failure(rename(bad))]).toEqual([bad, -32803]);
    expect(await rename('memory', 28)).toBeNull();
    expect(await failure(c.conn.sendRequest('textDocument/rename', { textDocument: { uri: URI }, position: { line: 1, character: 20 } }))).toBe(-32602);
  });
});
