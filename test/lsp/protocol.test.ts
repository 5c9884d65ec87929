/**
 * Protocol edges of the server's transport (src/lsp/gate.ts): bodies that are not JSON, messages
 * that are not JSON-RPC, the lifecycle (requests before `initialize` and after `shutdown`) and
 * unknown methods, checked as raw frames so ids and error codes are seen as they are sent.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConnection, StreamMessageWriter } from 'vscode-languageserver/node';
import { attachServer, messageReader } from '../../src/lsp/server.js';

interface Reply {
  id?: string | number | null;
  method?: string;
  result?: unknown;
  error?: { code: number };
}

/** A server on in-process streams as `xmcfg lsp --stdio` wires it, fed raw bodies. */
function server() {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const writer = new StreamMessageWriter(fromServer);
  attachServer(createConnection(messageReader(toServer, writer), writer), { warmUp: false });
  let output = '';
  fromServer.on('data', (d: Buffer) => (output += d.toString()));
  const raw = (body: string) => toServer.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const replies = (): Reply[] =>
    output
      .split(/Content-Length: \d+\r\n\r\n/)
      .filter(Boolean)
      .map((b) => JSON.parse(b) as Reply);
  return {
    raw,
    send: (o: object) => raw(JSON.stringify({ jsonrpc: '2.0', ...o })),
    replies,
    /** Every reply once the one with `id` has arrived (the test fails after 3 s without it). */
    async until(id: string): Promise<Reply[]> {
      const deadline = Date.now() + 3000;
      while (!replies().some((r) => r.id === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(replies().map((r) => r.id)).toContain(id);
      return replies();
    },
  };
}

const INIT = { method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };
const HOVER = { method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.cfg' }, position: { line: 0, character: 0 } } };
const OPEN = { method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.cfg', languageId: 'xen-config', version: 1, text: 'memroy = 1\n' } } };
/**
 * [id, error code] of each reply that has an id (undefined code: a result), sorted: the gate answers
 * at once, the handlers a turn later, and JSON-RPC leaves the order of responses open.
 */
const answers = (rs: Reply[]) =>
  rs
    .filter((r) => r.id !== undefined)
    .map((r) => [r.id, r.error?.code])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const sorted = (xs: unknown[][]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('bodies that are not JSON-RPC', () => {
  it('answers a body that is not JSON with Parse error (-32700), id null, and serves the next messages', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.raw('{"jsonrpc":"2.0","id":5,"method":');
    s.raw('not json');
    s.send({ id: 'after', ...HOVER });
    expect(answers(await s.until('after'))).toEqual(
      sorted([
        ['init', undefined],
        [null, -32700],
        [null, -32700],
        ['after', undefined],
      ]),
    );
  });
  it('answers JSON that is no request, notification or response with Invalid Request (-32600), id null', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    // An empty batch, a batch (LSP has none), a number, a method that is not a string.
    for (const body of ['[]', '[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]', '42', '{"jsonrpc":"2.0","method":1,"params":"bar"}']) s.raw(body);
    s.send({ id: 'after', ...HOVER });
    expect(answers(await s.until('after'))).toEqual(sorted([['init', undefined], [null, -32600], [null, -32600], [null, -32600], [null, -32600], ['after', undefined]]));
  });
  it('answers a request whose jsonrpc is not "2.0" with Invalid Request (-32600) and its id, and drops such a notification', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.raw('null');
    s.raw(JSON.stringify({ jsonrpc: '1.0', id: 'v1', method: 'shutdown' }));
    s.raw(JSON.stringify({ id: 'none', method: 'shutdown' }));
    // Not opened: the document has no diagnostics and no symbols.
    s.raw(JSON.stringify({ jsonrpc: '1.0', ...OPEN }));
    s.send({ id: 'after', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.cfg' } } });
    const rs = await s.until('after');
    // Before, the two were served as shutdown requests and `after` got -32600 (shut down).
    expect(answers(rs)).toEqual(sorted([['init', undefined], [null, -32600], ['v1', -32600], ['none', -32600], ['after', undefined]]));
    expect(rs.filter((r) => r.method === 'textDocument/publishDiagnostics')).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('answers requests before initialize with ServerNotInitialized (-32002) and drops notifications', async () => {
    const s = server();
    s.send({ id: 'hover', ...HOVER });
    s.send({ id: 'unknown', method: 'xmcfg/nothing' });
    s.send({ id: 'shutdown', method: 'shutdown' });
    s.send(OPEN);
    s.send({ id: 'init', ...INIT });
    s.send({ id: 'symbols', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.cfg' } } });
    const rs = await s.until('symbols');
    expect(answers(rs)).toEqual(
      sorted([
        ['hover', -32002],
        ['unknown', -32002],
        ['shutdown', -32002],
        ['init', undefined],
        // The document opened before initialize was never opened: no symbols, no diagnostics.
        ['symbols', undefined],
      ]),
    );
    expect(rs.find((r) => r.id === 'symbols')!.result).toEqual([]);
    expect(rs.filter((r) => r.method === 'textDocument/publishDiagnostics')).toEqual([]);
  });
  it('answers a second initialize with InvalidRequest (-32600) and keeps serving', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.send({ id: 'init2', ...INIT });
    s.send({ id: 'after', ...HOVER });
    expect(answers(await s.until('after'))).toEqual(
      sorted([
        ['init', undefined],
        ['init2', -32600],
        ['after', undefined],
      ]),
    );
  });
  it('answers an initialize without capabilities with InvalidParams (-32602) and takes a well-formed one after it', async () => {
    const s = server();
    s.send({ id: 'null', method: 'initialize', params: null });
    s.send({ id: 'empty', method: 'initialize', params: {} });
    s.send({ id: 'init', ...INIT });
    s.send({ id: 'after', ...HOVER });
    // Both were internal errors (-32603, a TypeError of the protocol library) that left the server
    // initialised, so the client's corrected initialize got -32600.
    expect(answers(await s.until('after'))).toEqual(
      sorted([
        ['null', -32602],
        ['empty', -32602],
        ['init', undefined],
        ['after', undefined],
      ]),
    );
  });
  it('answers unknown methods with MethodNotFound (-32601) and ignores unknown notifications', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.send({ method: 'xmcfg/unknownNotification' });
    s.send({ id: 'unknown', method: 'xmcfg/nothing', params: {} });
    s.send({ id: 'dollar', method: '$/nothing' });
    expect(answers(await s.until('dollar'))).toEqual(
      sorted([
        ['init', undefined],
        ['unknown', -32601],
        ['dollar', -32601],
      ]),
    );
  });
  it('answers every request after shutdown with InvalidRequest (-32600), unknown, shutdown and initialize included, and drops notifications', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.send({ id: 'shutdown', method: 'shutdown' });
    s.send(OPEN);
    for (const [id, m] of [['hover', HOVER], ['unknown', { method: 'xmcfg/nothing' }], ['again', { method: 'shutdown' }], ['init2', INIT]] as const) s.send({ id, ...m });
    await s.until('init2');
    const rs = await s.until('shutdown');
    expect(answers(rs)).toEqual(
      sorted([
        ['init', undefined],
        ['shutdown', undefined],
        ['hover', -32600],
        ['unknown', -32600],
        ['again', -32600],
        ['init2', -32600],
      ]),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(s.replies().filter((r) => r.method === 'textDocument/publishDiagnostics')).toEqual([]);
  });
});

describe('text synchronisation notifications without a document', () => {
  it('are ignored with a warning in the log, not an internal error, and the document stays as it was', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.send(OPEN);
    for (const params of [{}, { textDocument: {} }, { textDocument: { uri: 5 } }, null]) {
      s.send({ method: 'textDocument/didOpen', params });
      s.send({ method: 'textDocument/didChange', params });
      s.send({ method: 'textDocument/didClose', params });
      s.send({ method: 'textDocument/didSave', params });
    }
    s.send({ id: 'symbols', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.cfg' } } });
    const rs = await s.until('symbols');
    const logs = rs.filter((r) => r.method === 'window/logMessage').map((r) => (r as { params: { type: number } }).params.type);
    // One warning (type 2) per notification, no error (type 1).
    expect(logs).toEqual(Array(16).fill(2));
    expect((rs.find((r) => r.id === 'symbols')!.result as unknown[]).length).toBe(1);
    expect(rs.filter((r) => r.method === 'textDocument/publishDiagnostics').map((r) => (r as { params: { uri: unknown } }).params.uri)).toEqual(['file:///a.cfg']);
  });
  it('a didOpen without an integer version or a string text is ignored with a warning: no version but an integer is published', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    const doc = { uri: 'file:///b.cfg', languageId: 'xen-config' };
    for (const textDocument of [{ ...doc, text: 'a = 1\n' }, { ...doc, version: 'v1', text: 'a = 1\n' }, { ...doc, version: 1.5, text: 'a = 1\n' }, { ...doc, version: 1, text: 5 }]) {
      s.send({ method: 'textDocument/didOpen', params: { textDocument } });
    }
    s.send(OPEN);
    s.send({ id: 'symbols', method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///b.cfg' } } });
    const rs = await s.until('symbols');
    expect(rs.filter((r) => r.method === 'window/logMessage').map((r) => (r as { params: { type: number } }).params.type)).toEqual(Array(4).fill(2));
    // Before, publications for b.cfg carried the versions undefined, "v1" and 1.5 as sent.
    await new Promise((r) => setTimeout(r, 100));
    const published = s.replies().filter((r) => r.method === 'textDocument/publishDiagnostics').map((r) => (r as { params: { uri: string; version?: unknown } }).params);
    expect(published).toEqual([expect.objectContaining({ uri: 'file:///a.cfg', version: 1 })]);
  });
  it('a didChange without an integer version or a list of changes is ignored with a warning, not an internal error', async () => {
    const s = server();
    s.send({ id: 'init', ...INIT });
    s.send(OPEN);
    const doc = { uri: 'file:///a.cfg' };
    const changes = [{ text: 'vcpus = 1\nmemory = 2\n' }];
    for (const params of [{ textDocument: doc, contentChanges: changes }, { textDocument: { ...doc, version: null }, contentChanges: changes }, { textDocument: { ...doc, version: 1.5 }, contentChanges: changes }, { textDocument: { ...doc, version: 2 } }, { textDocument: { ...doc, version: 2 }, contentChanges: { text: 'x' } }]) {
      s.send({ method: 'textDocument/didChange', params });
    }
    s.send({ id: 'symbols', method: 'textDocument/documentSymbol', params: { textDocument: doc } });
    const rs = await s.until('symbols');
    // One warning (type 2) per notification; the protocol library's handler threw on each (type 1).
    expect(rs.filter((r) => r.method === 'window/logMessage').map((r) => (r as { params: { type: number } }).params.type)).toEqual(Array(5).fill(2));
    expect((rs.find((r) => r.id === 'symbols')!.result as { name: string }[]).map((x) => x.name)).toEqual(['memroy']);
  });
});
