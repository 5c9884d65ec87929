/**
 * The quick fix of a deprecated key (XM0107): rename it to the catalogue's replacement, preferred,
 * only where the replacement reads the value as written and is not set already; context.only is
 * honoured. Through the server (in-process streams) and the service.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver';
import { attachServer } from '../../src/lsp/server.js';
import { analyze, codeActions, toLspDiagnostics } from '../../src/lsp/service/index.js';
import { connectClient, EDITOR_CAPABILITIES, type TestClient } from './client.js';
import { applyLspEdits } from './helpers.js';

const URI = 'file:///guests/dep.cfg';
let client: TestClient | undefined;
afterEach(() => client?.dispose());

/** A server on in-process streams, initialised, with the document open; its first diagnostics. */
async function opened(text: string, dialect: 'xl' | 'xm'): Promise<{ c: TestClient; diagnostics: LspDiagnostic[] }> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  const c = (client = connectClient(fromServer, toServer));
  await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { dialect } });
  const first = c.diagnostics(URI);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text } });
  return { c, diagnostics: (await first).diagnostics };
}

const request = (c: TestClient, line: number, character: number, diagnostics: LspDiagnostic[], only?: string[]) =>
  c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: { start: { line, character }, end: { line, character } },
    context: { diagnostics, ...(only && { only }) },
  }) as Promise<CodeAction[]>;

const renames = (actions: CodeAction[]) => actions.filter((a) => a.diagnostics?.some((d) => d.code === 'XM0107'));

describe('deprecated key quick fix over the protocol', () => {
  // The key sits after non-ASCII text on its line: ranges count UTF-16 units (é is 1, 😀 is 2).
  const TEXT = 'name = "é😀"; type = "hvm"\naltp2mhvm = 1\n';

  it('renames the key to its replacement, preferred, and the finding goes', async () => {
    const { c, diagnostics } = await opened(TEXT, 'xl');
    const dep = diagnostics.filter((d) => d.code === 'XM0107');
    expect(dep.map((d) => d.range)).toEqual([{ start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }]);
    const fixes = renames(await request(c, 1, 4, dep));
    expect(fixes).toHaveLength(1);
    const fix = fixes[0]!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics).toEqual(dep);
    const edits = fix.edit!.changes![URI]!;
    expect(edits).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, newText: 'altp2m' }]);
    const after = c.diagnostics(URI, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: edits[0]!.range, text: edits[0]!.newText }] });
    expect((await after).diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('honours context.only', async () => {
    const { c, diagnostics } = await opened(TEXT, 'xl');
    expect(renames(await request(c, 1, 0, diagnostics, ['quickfix']))).toHaveLength(1);
    expect(renames(await request(c, 1, 0, diagnostics, ['source']))).toEqual([]);
    expect(renames(await request(c, 1, 0, diagnostics, ['source.fixAll']))).toEqual([]);
  });
});

describe('deprecated key quick fix in the service', () => {
  const fixesFor = (text: string, dialect: 'xl' | 'xm', at = text.length) => {
    const r = analyze(text, { dialect });
    const span = at === text.length ? { start: 0, end: at } : { start: at, end: at };
    const diags = toLspDiagnostics(r.diagnostics, r.lineIndex, URI);
    return { deprecated: r.diagnostics.filter((d) => d.code === 'XM0107').length, fixes: renames(codeActions(r, { uri: URI, span, diagnostics: diags })) };
  };
  const applied = (text: string, a: CodeAction) => applyLspEdits(text, a.edit!.changes![URI]! as TextEdit[]);

  it('renames every name token of the key in xm, offered from a name that reads it too', () => {
    const text = 'name = "a"\nkernel = "/k"\ncpu = "2"\nextra = cpu\n';
    const { deprecated, fixes } = fixesFor(text, 'xm', text.lastIndexOf('cpu') + 1);
    expect(deprecated).toBe(1);
    expect(fixes).toHaveLength(1);
    expect(applied(text, fixes[0]!)).toBe('name = "a"\nkernel = "/k"\ncpus = "2"\nextra = cpus\n');
  });

  it('offers no rename to cpus for a number: xend reads cpu = 2, and no cpus number (decision 113)', () => {
    const { deprecated, fixes } = fixesFor('name = "a"\nkernel = "/k"\ncpu = 2\n', 'xm');
    expect(deprecated).toBe(1);
    expect(fixes).toEqual([]);
  });

  it('offers no rename where the replacement does not read the value as written', () => {
    // nics was a count, vif lists the interfaces; restart's values are not on_reboot's; builder "generic" is no type.
    for (const [text, dialect] of [
      ['name = "a"\nkernel = "/k"\nnics = 2\n', 'xm'],
      ['name = "a"\nkernel = "/k"\nrestart = "always"\n', 'xm'],
      ['name = "a"\nbuilder = "generic"\nkernel = "/k"\n', 'xl'],
    ] as const) {
      const { deprecated, fixes } = fixesFor(text, dialect);
      expect(deprecated).toBe(1);
      expect(fixes).toEqual([]);
    }
    // builder "hvm" is the type "hvm".
    const hvm = 'name = "a"\nbuilder = "hvm"\n';
    expect(fixesFor(hvm, 'xl').fixes.map((a) => applied(hvm, a))).toEqual(['name = "a"\ntype = "hvm"\n']);
  });

  it('offers no rename when the replacement is set already (a duplicate would change which value wins)', () => {
    const { deprecated, fixes } = fixesFor('name = "a"\nkernel = "/k"\ncpu = "2"\ncpus = "3"\n', 'xm');
    expect(deprecated).toBe(1);
    expect(fixes).toEqual([]);
    expect(fixesFor('name = "a"\nkernel = "/k"\ncpu = "2"\n', 'xm').fixes).toHaveLength(1);
  });
});
