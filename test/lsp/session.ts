/**
 * Test helper: one scripted editor session, run against any server transport (in-process streams
 * or the spawned binary), asserting codes, ranges and edits.
 */
import { expect } from 'vitest';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, InitializeResult, MarkupContent, TextEdit } from 'vscode-languageserver';
import { EDITOR_CAPABILITIES, type TestClient } from './client.js';
import { applyLspEdits } from './helpers.js';

export const URI = 'file:///guests/web01.cfg';
/**
 * Line 1 misspells memory (XM0101 at 1:0-1:6); line 3 uses an xm construct in an xl file (XM05xx at
 * 3:7-3:11); line 4 gives the PV guest a kernel (without one xl refuses it, XM0227).
 */
export const TEXT = 'name = "web01"\nmemroy = 512\nvcpus=2\nacpi = True\nkernel = "/boot/vmlinuz"\n';

/** initialize → didOpen → diagnostics → didChange → hover → completion → formatting → code action → spec completion → shutdown. */
export async function scriptedSession(c: TestClient): Promise<void> {
  const init = (await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: EDITOR_CAPABILITIES, initializationOptions: { dialect: 'xl' } })) as InitializeResult;
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.documentFormattingProvider).toBe(true);
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  await c.conn.sendNotification('initialized', {});

  const opened = c.diagnostics(URI);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'xen-config', version: 1, text: TEXT } });
  const first = await opened;
  const unknown = first.diagnostics.find((d) => d.code === 'XM0101')!;
  expect(unknown.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  const xmOnly = first.diagnostics.find((d) => d.range.start.line === 3)!;
  expect(String(xmOnly.code)).toMatch(/^XM05/);
  expect(xmOnly.range).toEqual({ start: { line: 3, character: 7 }, end: { line: 3, character: 11 } });

  // Fix the misspelling by an incremental change: XM0101 must go, the line-3 finding stays.
  const fixed = c.diagnostics(URI, (p) => p.version === 2);
  await c.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } }, text: 'ory' }],
  });
  const second = await fixed;
  expect(second.diagnostics.some((d) => d.code === 'XM0101')).toBe(false);
  expect(second.diagnostics.some((d) => d.range.start.line === 3 && String(d.code).startsWith('XM05'))).toBe(true);
  const text2 = TEXT.replace('memroy', 'memory');

  const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 2 } })) as Hover;
  expect((hover.contents as MarkupContent).value).toContain('**memory**');

  const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 2 } })) as CompletionItem[];
  expect(items.some((i) => i.label === 'vcpus')).toBe(true);
  // Keys the file sets on other lines are left out, `memory` as the change above spelt it (decision 080).
  expect(items.map((i) => i.label)).not.toContain('memory');
  expect(items.map((i) => i.label)).not.toContain('name');

  const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
  expect(symbols.map((s) => s.name)).toEqual(['name', 'memory', 'vcpus', 'acpi', 'kernel']);

  const edits = (await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
  expect(applyLspEdits(text2, edits)).toBe(text2.replace('vcpus=2', 'vcpus = 2'));

  const actions = (await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } },
    context: { diagnostics: second.diagnostics.filter((d) => d.range.start.line === 3) },
  })) as CodeAction[];
  const rewrite = actions.find((a) => a.title.startsWith('Rewrite "acpi"'))!;
  expect(rewrite.kind).toBe('quickfix');
  const text3 = applyLspEdits(text2, rewrite.edit!.changes![URI]!);
  expect(text3).toBe(text2.replace('acpi = True', 'acpi = 1'));

  // The editor applies the fix: the xm finding disappears.
  const clean = c.diagnostics(URI, (p) => p.version === 3);
  await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: text3 }] });
  expect((await clean).diagnostics.filter((d) => d.severity === 1)).toEqual([]);

  // Completion inside a device spec string: the vif keys, minus the one already written.
  const NET = 'file:///guests/net.cfg';
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: NET, languageId: 'xen-config', version: 1, text: 'vif = [ "mac=00:16:3e:00:00:01," ]\n' } });
  const specItems = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: NET }, position: { line: 0, character: 31 } })) as CompletionItem[];
  expect(specItems.map((i) => i.label)).toContain('bridge');
  expect(specItems.map((i) => i.label)).not.toContain('mac');
  expect((specItems.find((i) => i.label === 'bridge')!.textEdit as TextEdit).newText).toBe('bridge=');
  const specHover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: NET }, position: { line: 0, character: 10 } })) as Hover;
  expect((specHover.contents as MarkupContent).value).toContain('**mac**');

  await c.conn.sendRequest('shutdown');
}
