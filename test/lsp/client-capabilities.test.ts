/**
 * Answers shaped by what the client declares at initialize (LSP 3.17): the outline as
 * DocumentSymbol only for a client with `hierarchicalDocumentSymbolSupport`, else as
 * SymbolInformation, which is all such a client reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
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
