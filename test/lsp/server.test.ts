import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { CancellationTokenSource, createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { attachServer, messageReader, WARM_UP_MAX_LENGTH, worthWarmingUp } from '../../src/lsp/server.js';
import { connectClient, EDITOR_CAPABILITIES, type TestClient } from './client.js';
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

describe('warm-up after the first open', () => {
  // A long file (many chunks) with findings in both halves: the warm-up re-checks it with a
  // character typed in the middle and then as it is, so cached spans move and must come back.
  // Block 200 (past the middle) holds the one misspelling with a suggestion (`memroy` → `memory`).
  const block = (i: number) => (i === 200 ? '# guest part\nmemroy = 3\n\n' : `# guest part ${i}\nmemroy_${i} = 3\n\n`);
  const TEXT = 'name = "vm"\n' + Array.from({ length: 300 }, (_, i) => block(i)).join('') + 'memory = 512\n';
  const LAST = 1 + 3 * 300; // the line of `memory`
  const URI = 'file:///warm.cfg';

  async function openAndEdit(warmUp: boolean) {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp });
    const c = connectClient(fromServer, toServer);
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES });
    const opened = c.diagnostics(URI, (p) => p.version === 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: TEXT } });
    const first = await opened;
    await new Promise((r) => setTimeout(r, 50)); // the warm-up runs on the next turn
    const line = 1 + 3 * 200 + 1; // `memroy`, past the middle
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: LAST, character: 1 } });
    const actions = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line, character: 0 }, end: { line, character: 6 } }, context: { diagnostics: first.diagnostics.filter((d) => d.range.start.line === line) } });
    const changed = c.diagnostics(URI, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '#' }] });
    const second = await changed;
    c.dispose();
    return { first: first.diagnostics, hover, actions, second: second.diagnostics };
  }

  it('answers exactly as a server without it (diagnostics, hover, code actions, the next edit)', async () => {
    const warm = await openAndEdit(true);
    const cold = await openAndEdit(false);
    expect(warm.first.some((d) => d.range.start.line === 1 + 3 * 200 + 1)).toBe(true);
    expect(JSON.stringify(warm.hover)).toContain('memory');
    expect(warm.actions).not.toEqual([]);
    expect(warm).toEqual(cold);
  });
});

describe('warm-up size limit', () => {
  // The warm-up is four checks in one turn; on a 1 MB document every request after the first
  // publication waited seconds for it.
  it('warms up on documents of up to 512 KiB only: the 5,000-line bench document yes, a 1 MB line no', () => {
    const bench = Array.from({ length: 5000 }, (_, i) => `memory = ${i}  # line ${i}`).join('\n');
    expect(worthWarmingUp(bench)).toBe(true);
    expect(worthWarmingUp('x'.repeat(WARM_UP_MAX_LENGTH))).toBe(true);
    expect(worthWarmingUp('x'.repeat(WARM_UP_MAX_LENGTH + 1))).toBe(false);
    expect(worthWarmingUp(`extra = "${'a'.repeat(1 << 20)}"\n`)).toBe(false);
  });
});

describe('protocol errors', () => {
  const URI = 'file:///p.cfg';
  async function session() {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
    client = connectClient(fromServer, toServer);
    await client.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES });
    const opened = client.diagnostics(URI);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: 'memory = 512\n' } });
    await opened;
    return client;
  }
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: number }) => e.code);

  it('answers malformed params with InvalidParams (-32602), then keeps serving', async () => {
    const c = await session();
    const doc = { textDocument: { uri: URI } };
    expect(await code(c.conn.sendRequest('textDocument/hover', {}))).toBe(-32602);
    expect(await code(c.conn.sendRequest('textDocument/hover', { ...doc, position: { line: -1, character: 0 } }))).toBe(-32602);
    expect(await code(c.conn.sendRequest('textDocument/completion', { ...doc, position: { line: 0 } }))).toBe(-32602);
    expect(await code(c.conn.sendRequest('textDocument/documentSymbol', { textDocument: {} }))).toBe(-32602);
    expect(await code(c.conn.sendRequest('textDocument/codeAction', { ...doc, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }))).toBe(-32602);
    expect(await code(c.conn.sendRequest('textDocument/formatting', { textDocument: null }))).toBe(-32602);
    // Optional parts a sloppy client leaves out are defaulted, not refused.
    expect(await c.conn.sendRequest('textDocument/formatting', doc)).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/codeAction', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })).toEqual(expect.any(Array));
    expect(await c.conn.sendRequest('textDocument/hover', { ...doc, position: { line: 0, character: 1 } })).toMatchObject({ range: { start: { line: 0, character: 0 } } });
  });

  it('passes context.only to the code actions; a malformed only is read as absent', async () => {
    const c = await session();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const kinds = async (only: unknown) =>
      ((await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], only } })) as { kind: string }[]).map((a) => a.kind);
    // memory = 512 has no name: the one action here is the quick fix adding it.
    expect(await kinds(undefined)).toEqual(['quickfix']);
    expect(await kinds(['source'])).toEqual([]);
    expect(await kinds(['quickfix'])).toEqual(['quickfix']);
    expect(await kinds('source')).toEqual(['quickfix']);
    expect(await kinds([1])).toEqual(['quickfix']);
  });

  it('answers "params": null with InvalidParams (-32602), not an internal error carrying a TypeError', async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
    let output = '';
    fromServer.on('data', (d: Buffer) => (output += d.toString()));
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/codeAction'];
    methods.forEach((method, id) => {
      // The client library leaves out a null param, so the frame is written by hand.
      const body = JSON.stringify({ jsonrpc: '2.0', id, method, params: null });
      toServer.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    const deadline = Date.now() + 3000;
    const replies = () => output.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((b) => JSON.parse(b) as { id: number; error?: { code: number } });
    while (replies().length < methods.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(replies().map((r) => [methods[r.id], r.error?.code])).toEqual(methods.map((m) => [m, -32602]));
  });

  it('survives malformed didOpen and didChange (a text that is not a string, bad changes) and reads the well-formed ones', async () => {
    const c = await session();
    const BAD = 'file:///bad.cfg';
    const open = c.diagnostics(BAD);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: BAD, languageId: 'xen-config', version: 1, text: 5 } });
    // Read as an empty document: the missing name, at 0:0.
    expect((await open).diagnostics.map((d) => [d.code, d.range.start])).toContainEqual(['XM0105', { line: 0, character: 0 }]);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: BAD, version: 2 }, contentChanges: 'x' });
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: BAD, version: 3 },
      contentChanges: [{ text: null }, { range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }, { text: 'name = "a"\nmemroy = 1\n' }],
    });
    const last = await c.diagnostics(BAD, (p) => p.version === 3);
    expect(last.diagnostics.map((d) => [d.code, d.range.start])).toContainEqual(['XM0101', { line: 1, character: 0 }]);
    expect(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: BAD } })).toHaveLength(2);
  });

  it('answers a request cancelled before it ran with RequestCancelled (-32800)', async () => {
    const c = await session();
    const source = new CancellationTokenSource();
    // The request and its cancellation reach the server together; the request has not started.
    const pending = code(c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }, source.token));
    source.cancel();
    expect(await pending).toBe(-32800);
    expect(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })).toHaveLength(1);
  });

  it('warns about malformed settings and keeps the previous values', async () => {
    const { c, warnings } = xlServerWithWarnings();
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { dialect: 'XL', defines: 'vmid=3' } });
    const opened = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: 'acpi = True\n' } });
    // Still checked as xl (the server's own setting): True is an xm construct there.
    expect((await opened).diagnostics.map((d) => d.code)).toContain('XM0505');
    expect(warnings).toHaveLength(2);
    const again = c.diagnostics(URI);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xmcfg: { dialect: 'xm', defines: [1] } } });
    expect((await again).diagnostics.map((d) => d.code)).not.toContain('XM0505');
    expect(warnings).toHaveLength(3);
  });

  it('takes settings sent at the top of didChangeConfiguration (Helix sends its config table as it is)', async () => {
    const { c } = xlServerWithWarnings();
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES });
    const opened = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: 'name = "a"\nkernel = "/k"\nmemory = vmid * 256\n' } });
    expect((await opened).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['XM0503', 2]]);
    // Settings the server cannot read as its own (null, another server's section) change nothing.
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { other: { dialect: 'xl' } } });
    const again = c.diagnostics(URI);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dialect: 'xm', defines: { vmid: 2 } } });
    // Read as xm with vmid defined: nothing to report (before, the flat settings were ignored: XM0503 stayed).
    expect((await again).diagnostics).toEqual([]);
    expect(c.published).toHaveLength(2);
  });

  it('takes maxDiagnostics from didChangeConfiguration as from initializationOptions, and warns about a malformed one', async () => {
    const { c, warnings } = xlServerWithWarnings();
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { maxDiagnostics: 0 } });
    const opened = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: 'a1 = 1\na2 = 2\na3 = 3\n' } });
    // Three unknown keys, the missing name and kernel: all five (maxDiagnostics 0 is malformed, warned about).
    expect((await opened).diagnostics).toHaveLength(5);
    expect(warnings).toHaveLength(1);
    const again = c.diagnostics(URI);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xmcfg: { maxDiagnostics: 2 } } });
    // Two findings (the errors) and the note counting the other three: all five before, the setting ignored.
    expect((await again).diagnostics.map((d) => d.code ?? null)).toEqual(['XM0105', 'XM0227', null]);
  });

  it('refuses requests after shutdown with InvalidRequest (-32600)', async () => {
    const c = await session();
    expect(await c.conn.sendRequest('shutdown')).toBeNull();
    const doc = { textDocument: { uri: URI } };
    expect(await code(c.conn.sendRequest('textDocument/hover', { ...doc, position: { line: 0, character: 1 } }))).toBe(-32600);
    expect(await code(c.conn.sendRequest('textDocument/documentSymbol', doc))).toBe(-32600);
    expect(await code(c.conn.sendRequest('textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } }))).toBe(-32600);
  });
});

/** A server set to xl on in-process streams, and the warnings (logMessage type 2) it sends. */
function xlServerWithWarnings(): { c: TestClient; warnings: unknown[] } {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false, dialect: 'xl' });
  const c = (client = connectClient(fromServer, toServer));
  const warnings: unknown[] = [];
  c.conn.onNotification('window/logMessage', (p: { type: number }) => {
    if (p.type === 2) warnings.push(p);
  });
  return { c, warnings };
}

describe('malformed framing', () => {
  it('answers a request that follows a header without Content-Length in the same chunk', async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(messageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
    let output = '';
    fromServer.on('data', (d: Buffer) => (output += d.toString()));
    const frame = (o: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...o });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    toServer.write('Hello: world\r\n\r\n' + frame({ id: 'after', method: 'initialize', params: { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES } }));
    const deadline = Date.now() + 3000;
    while (!output.includes('"id":"after"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(output).toContain('"id":"after"');
    expect(output).toContain('"capabilities"');
  });
});

describe("a nameless xm file's name (decision 016)", () => {
  // The server is given the document's base name as `xmcfg check FILE` is given the path: xm names
  // a nameless guest after its file, and xend refuses "web 1.cfg" (XM0234) but takes "web1.cfg" (XM0106).
  async function published(uri: string, text: string, edit?: string) {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: true });
    const c = (client = connectClient(fromServer, toServer));
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { dialect: 'xm' } });
    const opened = c.diagnostics(uri, (p) => p.version === 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text } });
    let last = await opened;
    if (edit !== undefined) {
      // A keystroke after the warm-up: the incremental path is given the name too.
      await new Promise((r) => setTimeout(r, 50));
      const changed = c.diagnostics(uri, (p) => p.version === 2);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: edit }] });
      last = await changed;
    }
    c.dispose();
    client = undefined;
    return last.diagnostics.filter((d) => d.code === 'XM0234' || d.code === 'XM0106').map((d) => [d.code, d.range.start, d.range.end]);
  }
  const at = (line: number, character: number) => ({ line, character });

  it('is XM0234 at the first statement for a file: URI whose base name xend refuses, before and after an edit', async () => {
    // Nothing in the file causes it: the whole first statement, below a comment put above it (decision 051).
    expect(await published('file:///guests/web%201.cfg', 'memory = 512\n')).toEqual([['XM0234', at(0, 0), at(0, 12)]]);
    expect(await published('file:///guests/web%201.cfg', 'memory = 512\n', '# a comment\n')).toEqual([['XM0234', at(1, 0), at(1, 12)]]);
  });

  it('is XM0234 at the empty name when the file sets name = ""', async () => {
    expect(await published('file:///guests/web%201.cfg', 'memory = 512\nname = ""\n')).toEqual([['XM0234', at(1, 7), at(1, 9)]]);
  });

  it('stays XM0106 for a base name xend takes and for an untitled buffer (no file name)', async () => {
    expect(await published('file:///guests/web1.cfg', 'memory = 512\n')).toEqual([['XM0106', at(0, 0), at(0, 12)]]);
    expect(await published('untitled:web%201.cfg', 'memory = 512\n')).toEqual([['XM0106', at(0, 0), at(0, 12)]]);
  });
});
