/**
 * The editor's check costs what it publishes: with the server's cap (maxDiagnostics) the check keeps
 * the first N findings of each severity and counts the rest, so an unknown key's "did you mean"
 * search (diagnostics/suggest.ts) runs for the XM0101 findings kept, not for every unknown key of the
 * file; and a chunk's parse is used as made, without a JSON copy. The counters wrap the real
 * functions: results are unchanged.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const calls = vi.hoisted(() => ({ suggest: 0 }));
vi.mock('../../src/diagnostics/suggest.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/diagnostics/suggest.js')>();
  return {
    ...real,
    suggest: (word: string, candidates: readonly string[]) => {
      calls.suggest++;
      return real.suggest(word, candidates);
    },
  };
});

const { checkText } = await import('../../src/check/check.js');
const { IncrementalChecker } = await import('../../src/lsp/service/incremental.js');
const { attachServer } = await import('../../src/lsp/server.js');
const { connectClient } = await import('./client.js');

/** `name`, then `n` different unknown keys (suggest caches its answer per word: each is a new search). */
const unknownKeys = (n: number) => 'name = "vm"\nkernel = "/boot/vmlinuz"\n' + Array.from({ length: n }, (_, i) => `mem${i.toString(36)}x = ${i}\n`).join('');
/** The findings as code and span, for comparing two checks. */
const codesAndSpans = (ds: readonly { code: string; span: { start: number; end: number } }[]) => ds.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);

beforeEach(() => {
  calls.suggest = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('the editor check with a findings cap', () => {
  it('searches "did you mean" only for the XM0101 findings it keeps, and finds what the CLI check finds', () => {
    const text = unknownKeys(2000);
    const r = new IncrementalChecker().check(text, { dialect: 'xl', maxFindings: 50 });
    const unknown = r.diagnostics.filter((d) => d.code === 'XM0101');
    expect(unknown).toHaveLength(50);
    expect(calls.suggest).toBeLessThanOrEqual(50);
    // Every key after the kept ones is counted (warnings: XM0101's severity).
    expect(r.omitted?.warnings).toBe(2000 - 50);
    const cli = checkText(text, { dialect: 'xl', maxFindings: 50, keepTree: false });
    expect(codesAndSpans(r.diagnostics)).toEqual(codesAndSpans(cli.diagnostics));
    expect(r.diagnostics.map((d) => d.hint)).toEqual(cli.diagnostics.map((d) => d.hint));
  });

  it('makes no JSON copy of a chunk parse', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const checker = new IncrementalChecker();
    const text = unknownKeys(300);
    checker.check(text, { dialect: 'xl' });
    checker.check(text.replace('mem0x', 'mem0y'), { dialect: 'xl' });
    expect(stringify).not.toHaveBeenCalled();
  });
});

describe('the server with maxDiagnostics', () => {
  it('publishes the cap and a note counting every other finding, building only the findings it can publish', async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    attachServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false, dialect: 'xl', maxDiagnostics: 20 });
    const c = connectClient(fromServer, toServer);
    try {
      await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      const uri = 'file:///many.cfg';
      const opened = c.diagnostics(uri);
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version: 1, text: unknownKeys(1000) } });
      const published = (await opened).diagnostics;
      expect(published).toHaveLength(21);
      expect(published.slice(0, 20).every((d) => d.code === 'XM0101')).toBe(true);
      expect(published[0]!.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
      const note = published[20]!;
      expect(note.code).toBeUndefined();
      expect(note.message).toContain(`${1000 - 20} more`);
      expect(calls.suggest).toBeLessThanOrEqual(20);
    } finally {
      c.dispose();
    }
  });
});
