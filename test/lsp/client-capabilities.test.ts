/**
 * Answers shaped by what the client declares at initialize (LSP 3.17): the outline as
 * DocumentSymbol only for a client with `hierarchicalDocumentSymbolSupport`, else as
 * SymbolInformation; quick fixes as CodeAction literals only for a client with
 * `codeActionLiteralSupport`, else as commands that the server applies through workspace/applyEdit;
 * documentation as plain text to a client whose declared content formats leave Markdown out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyWorkspaceEditParams, CodeAction, Command, CompletionItem, DocumentSymbol, Hover, MarkupContent, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver';
import { applyLspEdits } from './helpers.js';
import type { TestClient } from './client.js';
import { EDITOR_CAPABILITIES, openOnServer } from './open-server.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

const URI = 'file:///guests/caps.cfg';
const TEXT = 'name = "web"\nmemory = 512\n';

/** The outline answered to a client initialised with `capabilities`. */
async function outline(capabilities: object): Promise<unknown[]> {
  const { c } = await openOnServer(URI, TEXT, { dialect: 'xl' }, {}, capabilities);
  client = c;
  return (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as unknown[];
}

describe('document symbols and hierarchicalDocumentSymbolSupport', () => {
  it.each([
    ['no textDocument capabilities', {}],
    ['documentSymbol without hierarchical support', { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: false } } }],
  ])('%s: SymbolInformation with the statement as location', async (_what, capabilities) => {
    const symbols = (await outline(capabilities)) as SymbolInformation[];
    expect(symbols).toEqual([
      { name: 'name', kind: 7, location: { uri: URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } } } },
      { name: 'memory', kind: 7, location: { uri: URI, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } } } },
    ]);
  });

  it('with hierarchical support: DocumentSymbol with the name as selection range', async () => {
    const symbols = (await outline(EDITOR_CAPABILITIES)) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.selectionRange, s.range])).toEqual([
      ['name', { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }],
      ['memory', { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } }],
    ]);
    expect(symbols.every((s) => !('location' in s))).toBe(true);
  });
});

describe('quick fixes and codeActionLiteralSupport', () => {
  const MISSPELT = 'name = "web"\nmemroy = 512\n';
  const FIXED = 'name = "web"\nmemory = 512\n';
  /** A client with `capabilities`, MISSPELT open; the code actions at the misspelt key; applyEdit requests are answered `applied`. */
  async function actionsFor(capabilities: object, applied = true) {
    const { c, init } = await openOnServer(URI, MISSPELT, { dialect: 'xl' }, {}, capabilities);
    client = c;
    const edits: ApplyWorkspaceEditParams[] = [];
    c.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      edits.push(p);
      return { applied };
    });
    const diagnostics = (c.published.at(-1)!.params as PublishDiagnosticsParams).diagnostics;
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } };
    const answer = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics } })) as (CodeAction | Command)[];
    return { c, edits, answer, init };
  }

  it('without it: a plain codeActionProvider and the apply command; each fix a command whose run applies its edit', async () => {
    const { c, edits, answer, init } = await actionsFor({});
    expect(init.capabilities.codeActionProvider).toBe(true);
    expect(init.capabilities.executeCommandProvider).toEqual({ commands: ['xmcfg.applyEdit'] });
    const commands = answer as Command[];
    const rename = commands.find((a) => a.title === 'Rename to memory')!;
    expect(rename.command).toBe('xmcfg.applyEdit');
    expect(commands.every((a) => !('edit' in a) && !('kind' in a) && a.command === 'xmcfg.applyEdit')).toBe(true);
    expect(await c.conn.sendRequest('workspace/executeCommand', { command: rename.command, arguments: rename.arguments })).toBeNull();
    expect(edits).toHaveLength(1);
    expect(edits[0]!.label).toBe('Rename to memory');
    expect(applyLspEdits(MISSPELT, edits[0]!.edit.changes![URI]!)).toBe(FIXED);
  });

  it('without it: a command run after the document changed is refused with ContentModified and edits nothing', async () => {
    const { c, edits, answer } = await actionsFor({});
    const rename = (answer as Command[]).find((a) => a.title === 'Rename to memory')!;
    const changed = c.diagnostics(URI, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: '# a line\n' + MISSPELT }] });
    await changed;
    await expect(c.conn.sendRequest('workspace/executeCommand', { command: rename.command, arguments: rename.arguments })).rejects.toMatchObject({ code: -32801 });
    expect(edits).toEqual([]);
  });

  it('without it: an edit the client does not apply is RequestFailed; a malformed command is InvalidParams', async () => {
    const { c, answer } = await actionsFor({}, false);
    const rename = (answer as Command[]).find((a) => a.title === 'Rename to memory')!;
    await expect(c.conn.sendRequest('workspace/executeCommand', { command: rename.command, arguments: rename.arguments })).rejects.toMatchObject({ code: -32803 });
    for (const bad of [{ command: 'xmcfg.other', arguments: rename.arguments }, { command: rename.command }, { command: rename.command, arguments: [{ uri: URI }] }]) {
      await expect(c.conn.sendRequest('workspace/executeCommand', bad)).rejects.toMatchObject({ code: -32602 });
    }
  });

  it('with it: CodeAction literals with their edits', async () => {
    const { answer, init } = await actionsFor(EDITOR_CAPABILITIES);
    expect(init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.convert.xl'] });
    expect(init.capabilities.executeCommandProvider).toBeUndefined();
    const rename = (answer as CodeAction[]).find((a) => a.title === 'Rename to memory')!;
    expect(rename.kind).toBe('quickfix');
    expect(applyLspEdits(MISSPELT, rename.edit!.changes![URI]!)).toBe(FIXED);
  });
});

describe('documentation and the content formats a client declares', () => {
  /** The hover on `memory` and the key completions on the empty last line, for a client with `textDocument`. */
  async function docs(textDocument: object) {
    const { c } = await openOnServer(URI, TEXT, { dialect: 'xl' }, {}, { textDocument });
    client = c;
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 2 } })) as Hover;
    const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 0 } })) as CompletionItem[];
    return { hover: hover.contents as MarkupContent, docs: items.map((i) => i.documentation as MarkupContent) };
  }

  it('plain text, without Markdown marks, to a client that declares only plaintext', async () => {
    const { hover, docs: items } = await docs({ hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } } });
    expect(hover.kind).toBe('plaintext');
    expect(hover.value.startsWith('memory: integer (MiB)\n')).toBe(true);
    expect(hover.value).not.toMatch(/\*\*|`/);
    expect(items.length).toBeGreaterThan(100);
    for (const d of items) {
      expect(d.kind).toBe('plaintext');
      expect(d.value).not.toMatch(/\*\*|`/);
    }
  });

  it.each([
    ['no declared formats', {}],
    ['Markdown among them', { hover: { contentFormat: ['plaintext', 'markdown'] }, completion: { completionItem: { documentationFormat: ['markdown'] } } }],
  ])('Markdown with %s', async (_what, textDocument) => {
    const { hover, docs: items } = await docs(textDocument);
    expect(hover.kind).toBe('markdown');
    expect(hover.value.startsWith('**memory**')).toBe(true);
    expect(items.every((d) => d.kind === 'markdown')).toBe(true);
  });
});
