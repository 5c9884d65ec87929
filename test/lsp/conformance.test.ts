/**
 * The server as real editors drive it: position encodings (VS Code counts UTF-16, Neovim and Helix
 * offer UTF-8, Emacs eglot UTF-32), incremental changes across surrogate pairs and CRLF line ends,
 * ranges past the end of a line or of the document, and a document opened again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { CodeAction, DocumentSymbol, Hover, InitializeResult, MarkupContent, Range } from 'vscode-languageserver';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, EDITOR_CAPABILITIES, type TestClient } from './client.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

const URI = 'file:///guests/intl.cfg';

/** A server on in-process streams, initialised with the given position encodings offered. */
async function session(offered?: unknown): Promise<{ c: TestClient; init: InitializeResult }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  const c = (client = connectClient(fromServer, toServer));
  const { textDocument } = EDITOR_CAPABILITIES;
  const capabilities = offered === undefined ? { textDocument } : { general: { positionEncodings: offered }, textDocument };
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

/** Non-ASCII before the misspelled key: 2-byte, 3-byte and 4-byte (surrogate pair) characters. */
const LINE = 'name = "é日😀"; memroy = 512';
const TEXT = `${LINE}\nvcpus = 2\nkernel = "/boot/vmlinuz"\n`;
const KEY = LINE.indexOf('memroy');
/** Columns of `memroy` and of the emoji in each encoding. */
const column = {
  'utf-16': (i: number) => i,
  'utf-8': (i: number) => Buffer.byteLength(LINE.slice(0, i)),
  'utf-32': (i: number) => [...LINE.slice(0, i)].length,
};
const EMOJI = LINE.indexOf('😀');

describe('positionEncoding negotiation', () => {
  const cases: [unknown, string][] = [
    [undefined, 'utf-16'],
    [['utf-16'], 'utf-16'],
    [['utf-8', 'utf-16'], 'utf-8'],
    [['utf-8', 'utf-32', 'utf-16'], 'utf-8'],
    [['utf-32', 'utf-8', 'utf-16'], 'utf-32'],
    [['utf-16', 'utf-8'], 'utf-16'],
    [['latin1'], 'utf-16'],
    ['utf-8', 'utf-16'],
  ];
  for (const [offered, chosen] of cases) {
    it(`offered ${JSON.stringify(offered)}: ${chosen}`, async () => {
      const { init } = await session(offered);
      expect(init.capabilities.positionEncoding).toBe(chosen);
    });
  }
});

describe('positions in the negotiated encoding', () => {
  for (const enc of ['utf-16', 'utf-8', 'utf-32'] as const) {
    const col = column[enc];
    it(`${enc}: diagnostics, didChange, hover and code actions count the same units`, async () => {
      const { c } = await session([enc]);
      const first = await open(c, TEXT);
      const unknown = first.find((d) => d.code === 'XM0101')!;
      expect(unknown.range).toEqual({ start: { line: 0, character: col(KEY) }, end: { line: 0, character: col(KEY + 6) } });
      // The rename fix the diagnostic carries, and the code action, in the same units.
      const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
      const rename = actions.find((a) => a.edit?.changes?.[URI]?.[0]?.newText === 'memory')!;
      expect(rename.edit!.changes![URI]![0]!.range).toEqual(unknown.range);
      expect(rename.diagnostics).toEqual([unknown]);
      // The editor applies the fix in its own units: the finding goes, the text is right.
      const second = await change(c, 2, unknown.range, 'memory');
      expect(second.map((d) => d.code)).not.toContain('XM0101');
      expect((await symbols(c)).map((s) => s.name)).toEqual(['name', 'memory', 'vcpus', 'kernel']);
      // Hover on the key's last character (one before it is the space) and past the line's end.
      const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: col(KEY) + 5 } })) as Hover;
      expect((hover.contents as MarkupContent).value).toContain('**memory**');
      expect(hover.range).toEqual({ start: { line: 0, character: col(KEY) }, end: { line: 0, character: col(KEY + 6) } });
      // Replace the emoji (a surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes, 1 UTF-32 unit).
      const emoji = { start: { line: 0, character: col(EMOJI) }, end: { line: 0, character: col(EMOJI + 2) } };
      await change(c, 3, emoji, 'x');
      expect((await symbols(c))[0]!.detail).toBe('"é日x"');
      expect((await symbols(c))[1]!.selectionRange.start).toEqual({ line: 0, character: col(KEY) - (enc === 'utf-8' ? 3 : enc === 'utf-16' ? 1 : 0) });
    });
  }
  it('utf-8: a position inside a character is that character', async () => {
    const { c } = await session(['utf-8']);
    await open(c, TEXT);
    // Bytes 1-3 of the emoji's 4: the change starts and ends at the emoji's start.
    const at = column['utf-8'](EMOJI);
    await change(c, 2, { start: { line: 0, character: at + 1 }, end: { line: 0, character: at + 3 } }, 'x');
    expect((await symbols(c))[0]!.detail).toBe('"é日x😀"');
  });
  it('utf-8 with CRLF: a range past the end of a line ends before its line break; past the document, at its end', async () => {
    const { c } = await session(['utf-8']);
    await open(c, TEXT.replace(/\n/g, '\r\n'));
    await change(c, 2, { start: { line: 1, character: 5 }, end: { line: 1, character: 400 } }, ' = 4');
    await change(c, 3, { start: { line: 9, character: 0 }, end: { line: 12, character: 3 } }, 'memory = 1\r\n');
    const s = await symbols(c);
    expect(s.map((x) => [x.name, x.detail, x.range.start.line])).toEqual([
      ['name', '"é日😀"', 0],
      ['memroy', '512', 0],
      ['vcpus', '4', 1],
      ['kernel', '"/boot/vmlinuz"', 2],
      ['memory', '1', 3],
    ]);
  });
});

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
  it('a range whose lines are past the end of the document is its end, and the edits after it land where they are sent', async () => {
    const { c } = await session();
    await open(c, 'name = "a"\n');
    // Lines 3-4 of a 2-line document, one line break inserted: the protocol library kept line 4's
    // start at index 4 of its line table (two holes before it), and the next edit was lost.
    await change(c, 2, { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, 'memroy = 1\n');
    const last = await change(c, 3, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'vcpus = 2\n');
    expect((await symbols(c)).map((s) => [s.name, s.range.start.line])).toEqual([
      ['name', 0],
      ['memroy', 1],
      ['vcpus', 2],
    ]);
    expect(last.filter((d) => d.code === 'XM0101').map((d) => d.range)).toEqual([{ start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }]);
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

describe('didChange without content changes', () => {
  it('moves the document to its version: the next publication carries it', async () => {
    const { c } = await session();
    await open(c, 'memroy = 1\n');
    const next = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [] });
    // A settings change re-checks every open document: published under version 1 before, as if the change had not been sent.
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xmcfg: { dialect: 'xl' } } });
    const got = await next;
    expect(got.version).toBe(2);
    expect(got.diagnostics.filter((d) => d.code === 'XM0101').map((d) => d.range)).toEqual([{ start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }]);
  });
});
