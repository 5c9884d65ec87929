/**
 * @fileoverview The connection as the document store (TextDocuments) sees it. The store ignores a
 * didChange whose `contentChanges` is empty, so the document kept its old version although LSP
 * 3.17 makes the notification's version the document's ("the version after all provided content
 * changes have been applied"): every later publication for it (a settings change re-checks open
 * documents) carried a version the client had left. Such a didChange is passed on as one empty
 * edit at the document's start, which changes no text and moves the version.
 */
import type { Connection, DidChangeTextDocumentParams } from 'vscode-languageserver/node';

/** An edit that changes nothing: replaces the empty range at 0:0 with nothing. */
const NO_EDIT = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' };

/** `connection` with didChange notifications that carry no change passed on as NO_EDIT. */
export function syncView(connection: Connection): Connection {
  const onDidChangeTextDocument: Connection['onDidChangeTextDocument'] = (handler) =>
    connection.onDidChangeTextDocument((p: DidChangeTextDocumentParams) => handler(Array.isArray(p.contentChanges) && p.contentChanges.length === 0 ? { ...p, contentChanges: [NO_EDIT] } : p));
  return new Proxy(connection, { get: (target, key, receiver) => (key === 'onDidChangeTextDocument' ? onDidChangeTextDocument : Reflect.get(target, key, receiver)) });
}
