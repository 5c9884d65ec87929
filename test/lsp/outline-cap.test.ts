/**
 * textDocument/documentSymbol is capped (the server's maxSymbols, default 5000, as
 * yaml-language-server's maxItemsComputed): the first symbols in source order are answered, the rest
 * only counted, and the client is told once per opened document (window/showMessage, Info) how many
 * it was given of how many; a document under the cap gets every symbol and no message. The cap comes
 * from initializationOptions, didChangeConfiguration and `xmcfg lsp --max-symbols`.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import type { ServerOptions } from '../../src/lsp/server.js';
import { readSettings } from '../../src/lsp/params.js';
import { analyze, DEFAULT_MAX_SYMBOLS, documentOutline } from '../../src/lsp/service/index.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import type { TestClient } from './client.js';
import { openOnServer } from './open-server.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

const URI = 'file:///guests/big.cfg';
/** Seven assignments, keys k1..k7 on lines 0..6. */
const SEVEN = Array.from({ length: 7 }, (_, i) => `k${i + 1} = ${i}`).join('\n') + '\n';

/** A server with `options` and `init`, `text` opened; its client and every message shown. */
async function open(text: string, options: ServerOptions = {}, init: Record<string, unknown> = {}) {
  const { c, shown } = await openOnServer(URI, text, { dialect: 'xl', ...options }, init);
  client = c;
  const symbols = async () => (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
  return { c, shown, symbols };
}

describe('the outline cap (maxSymbols)', () => {
  it('answers the first maxSymbols symbols in source order and tells the client once', async () => {
    const { shown, symbols } = await open(SEVEN, { maxSymbols: 3 });
    for (let i = 0; i < 3; i++) {
      const s = await symbols();
      expect(s.map((x) => x.name)).toEqual(['k1', 'k2', 'k3']);
      expect(s[2]!.selectionRange).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    }
    // Once over three requests: an Info naming how many of how many.
    expect(shown.map((m) => m.type)).toEqual([3]);
    expect(shown[0]!.message).toContain('3 of 7');
  });

  it('a document under the cap gets every symbol and no message; the default cap is 5000', async () => {
    const { shown, symbols } = await open(SEVEN);
    expect((await symbols()).map((x) => x.name)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
    expect(shown).toEqual([]);
    expect(DEFAULT_MAX_SYMBOLS).toBe(5000);
  });

  it('takes maxSymbols from initializationOptions and from didChangeConfiguration', async () => {
    const { c, symbols } = await open(SEVEN, {}, { maxSymbols: 2 });
    expect((await symbols()).map((x) => x.name)).toEqual(['k1', 'k2']);
    const again = c.diagnostics(URI);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xmcfg: { maxSymbols: 5 } } });
    await again;
    expect((await symbols()).map((x) => x.name)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
  });

  it('a malformed maxSymbols keeps the previous value, named in the problems', () => {
    const prev = { debounceMs: 0, maxDiagnostics: 1000, maxSymbols: 5000 };
    for (const bad of [0, -1, '10', null]) {
      const r = readSettings({ maxSymbols: bad }, prev);
      expect(r.settings.maxSymbols).toBe(5000);
      expect(r.problems).toHaveLength(1);
    }
    expect(readSettings({ maxSymbols: 20.7 }, prev).settings.maxSymbols).toBe(20);
  });
});

describe('documentOutline', () => {
  it('counts every name past the cap, a chain cut in the middle too', () => {
    const r = analyze('a = b = 1\nc = 2\nd = e = 3\n', { dialect: 'xm' });
    expect(documentOutline(r).symbols.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const cut = documentOutline(r, 4);
    expect(cut.symbols.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(cut.total).toBe(5);
    expect(documentOutline(r, 1)).toMatchObject({ symbols: [{ name: 'a' }], total: 5 });
  });
});

describe('xmcfg lsp --max-symbols', () => {
  it('is a usage error unless a whole number of at least 1', async () => {
    for (const bad of ['0', '2.5', 'many', '1e3']) {
      const { io, out } = fakeIo({ cwd: resolve('.') });
      expect(await run(['lsp', '--stdio', '--max-symbols', bad], io)).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toBe(`xmcfg lsp: --max-symbols must be a whole number of at least 1, not '${bad}'\n`);
    }
  });
});
