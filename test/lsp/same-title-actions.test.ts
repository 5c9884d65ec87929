/**
 * Quick fixes that share a title: two findings on one line whose fixes are both "Rename to …" are
 * two code actions, each with its own edit and its own finding in `diagnostics` (the server used to
 * keep the first action of a title and drop the rest); only the same edits are one action. Through
 * the server on in-process streams.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver';
import { attachServer } from '../../src/lsp/server.js';
import { connectClient, EDITOR_CAPABILITIES, type TestClient } from './client.js';

const URI = 'file:///guests/same.cfg';
let client: TestClient | undefined;
afterEach(() => client?.dispose());

/** A server with the document open (xl); its first diagnostics. */
async function opened(text: string): Promise<{ c: TestClient; diagnostics: LspDiagnostic[] }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  const c = (client = connectClient(fromServer, toServer));
  await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { dialect: 'xl' } });
  const first = c.diagnostics(URI);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text } });
  return { c, diagnostics: (await first).diagnostics };
}

const request = (c: TestClient, range: Range, diagnostics: LspDiagnostic[]) =>
  c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
const line = (n: number, from = 0, to = 200): Range => ({ start: { line: n, character: from }, end: { line: n, character: to } });
const pos = (l: number, c: number) => `${l}:${c}`;
/** An action as its finding codes and starts, and its edits as `start-end=text`. */
const shape = (a: CodeAction) => ({
  fixes: (a.diagnostics ?? []).map((d) => `${d.code}@${pos(d.range.start.line, d.range.start.character)}`),
  edits: a.edit!.changes![URI]!.map((e) => `${pos(e.range.start.line, e.range.start.character)}-${pos(e.range.end.line, e.range.end.character)}=${e.newText}`),
});

// Line 1: two misspelt vif keys, both "Rename to bridge" (XM0218). Line 2: two unknown keys, both "Rename to memory" (XM0101).
const TEXT = 'name = "a"\nvif = ["brige=xenbr0", "brige=xenbr1"]\nmemroy = 512; memry = 3\n';

describe('quick fixes with the same title', () => {
  it('offers one action per finding of a device string, each with its own edit and finding', async () => {
    const { c, diagnostics } = await opened(TEXT);
    const vif = diagnostics.filter((d) => d.code === 'XM0218');
    expect(vif.map((d) => pos(d.range.start.line, d.range.start.character))).toEqual(['1:8', '1:24']);
    const actions = (await request(c, line(1), vif)).filter((a) => a.kind === 'quickfix');
    expect(actions.map(shape)).toEqual([
      { fixes: ['XM0218@1:8'], edits: ['1:8-1:13=bridge'] },
      { fixes: ['XM0218@1:24'], edits: ['1:24-1:29=bridge'] },
    ]);
    expect(new Set(actions.map((a) => a.title)).size).toBe(2);
    // Each action carries the very diagnostic the client sent for its finding.
    expect(actions.map((a) => a.diagnostics)).toEqual([[vif[0]], [vif[1]]]);
  });

  it('offers one action per unknown key of a line, each with its own finding', async () => {
    const { c, diagnostics } = await opened(TEXT);
    const unknown = diagnostics.filter((d) => d.code === 'XM0101');
    expect(unknown.map((d) => pos(d.range.start.line, d.range.start.character))).toEqual(['2:0', '2:14']);
    const actions = (await request(c, line(2), unknown)).filter((a) => a.kind === 'quickfix');
    expect(actions.map(shape)).toEqual([
      { fixes: ['XM0101@2:0'], edits: ['2:0-2:6=memory'] },
      { fixes: ['XM0101@2:14'], edits: ['2:14-2:19=memory'] },
    ]);
    expect(new Set(actions.map((a) => a.title)).size).toBe(2);
    expect(actions.every((a) => a.isPreferred)).toBe(true);
  });

  it('keeps one action for the same edits reached twice (the flagged fix and the caret on the key)', async () => {
    const { c, diagnostics } = await opened('name = "a"\nmemroy = 512\n');
    const unknown = diagnostics.filter((d) => d.code === 'XM0101');
    const actions = (await request(c, line(1, 2, 2), unknown)).filter((a) => a.kind === 'quickfix');
    expect(actions.map(shape)).toEqual([{ fixes: ['XM0101@1:0'], edits: ['1:0-1:6=memory'] }]);
  });
});
