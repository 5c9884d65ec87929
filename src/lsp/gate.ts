/**
 * @fileoverview The server's message gate: what JSON-RPC 2.0 and the LSP lifecycle ask of messages
 * before any handler sees them. vscode-jsonrpc drops a body that is not JSON with a log line and no
 * answer, serves requests before `initialize` as if the server were initialised, and serves
 * unknown methods, `shutdown` and `initialize` again after `shutdown`. The gate answers instead:
 *   - a body that is not JSON: Parse error (-32700) with id null (JSON-RPC 2.0 §5);
 *   - JSON that is no request, notification or response (`[]`, `{"method": 1}`): Invalid Request
 *     (-32600) with id null (JSON-RPC 2.0 §5; LSP has no batches);
 *   - a request before `initialize`: ServerNotInitialized (-32002); notifications then are dropped,
 *     except `exit` (LSP 3.17, Initialize Request);
 *   - an `initialize` whose params are no object with a `capabilities` object: InvalidParams
 *     (-32602), and the server stays uninitialised, so the client may send a well-formed one;
 *   - a second `initialize`: InvalidRequest (-32600) (LSP 3.17: it "may only be sent once");
 *   - a request after `shutdown`: InvalidRequest (-32600); notifications then are dropped, except
 *     `exit` (LSP 3.17, Shutdown Request: the server no longer serves);
 *   - a text synchronisation notification (didOpen, didChange, didClose, didSave) whose params
 *     name no document (`textDocument.uri`): dropped with a warning in the client's log (the
 *     protocol library's handlers threw a TypeError on it, logged to the user as an error), and a
 *     didChange without an integer version or a contentChanges list (the library threw on a
 *     missing one, and took a fractional version or a non-list of changes as they were), and a
 *     didOpen without an integer version or a string text (its version was published as sent).
 *   - a request or notification whose `jsonrpc` is not "2.0": Invalid Request (-32600) with its id,
 *     or, for a notification, dropped with a warning in the client's log (JSON-RPC 2.0 §4);
 * Everything else passes on unchanged, in order.
 */
import { TextDecoder } from 'node:util';
import { ErrorCodes, Message, type DataCallback, type MessageReader, type MessageReaderOptions, type MessageWriter, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { hasDocument, isInitializeParams, isOpenedDocument, isVersionedChange } from './params.js';

/** The notifications that keep the server's copy of a document: their params must name it. */
const SYNC = new Set(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave']);

/** What the decoder hands on for a body that is not JSON (the gate answers it, nothing else sees it). */
const NOT_JSON: unknown = Object.freeze({ notJson: true });

/** The reader option that decodes a body as JSON, or as NOT_JSON when it is not JSON (instead of a reader error that nobody answers). */
export const lenientJson: MessageReaderOptions = {
  charset: 'utf-8',
  contentTypeDecoder: {
    name: 'application/json',
    // The body's bytes as the default decoder reads them (vscode-jsonrpc's node RIL).
    decode: (buffer: Uint8Array, options: { charset: string }): Promise<Message> => {
      try {
        return Promise.resolve(JSON.parse(new TextDecoder(options.charset).decode(buffer)) as Message);
      } catch {
        return Promise.resolve(NOT_JSON as unknown as Message);
      }
    },
  },
};

/** A reader that passes on to the connection only the messages the server is to serve now, answering the rest on `writer`. */
export function gate(reader: MessageReader, writer: MessageWriter): MessageReader {
  let initialized = false;
  let shutDown = false;
  const answer = (id: ResponseMessage['id'], code: number, message: string): void => {
    void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as ResponseMessage).catch(() => undefined);
  };
  const warn = (message: string): void => {
    void writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 2, message } } as NotificationMessage).catch(() => undefined);
  };
  const pass = (message: unknown, callback: DataCallback): void => {
    if (message === NOT_JSON) return answer(null, ErrorCodes.ParseError, 'parse error: the message body is not JSON');
    const m = message as Message;
    // JSON-RPC 2.0 §4: `jsonrpc` "MUST be exactly "2.0"". The protocol library never looks at it, so
    // `{"jsonrpc":"1.0","id":1,"method":"shutdown"}` shut the server down; such a request is answered
    // Invalid Request (its id is readable, so the answer carries it) and such a notification dropped.
    if (!Message.isResponse(m) && (m as { jsonrpc?: unknown } | null)?.jsonrpc !== '2.0') {
      if (Message.isRequest(m)) return answer(m.id, ErrorCodes.InvalidRequest, 'invalid request: "jsonrpc" must be "2.0"');
      if (Message.isNotification(m)) return warn(`xmcfg: ${m.method} ignored: "jsonrpc" must be "2.0"`);
    }
    if (Message.isRequest(m)) {
      if (shutDown) return answer(m.id, ErrorCodes.InvalidRequest, 'the server has been shut down; only exit is accepted');
      if (!initialized && m.method !== 'initialize') return answer(m.id, ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first');
      // "The initialize request may only be sent once" (LSP 3.17): a second one would re-apply
      // settings without re-checking the open documents, so their diagnostics would not match.
      if (initialized && m.method === 'initialize') return answer(m.id, ErrorCodes.InvalidRequest, 'the server is already initialized: initialize may only be sent once');
      // The protocol library reads `params.processId` and `params.capabilities.workspace` before any
      // handler: without them it answered an internal error, and the server counted as initialised.
      if (m.method === 'initialize' && !isInitializeParams(m.params)) return answer(m.id, ErrorCodes.InvalidParams, 'invalid params: initialize needs params with a capabilities object');
      if (m.method === 'initialize') initialized = true;
      if (m.method === 'shutdown') shutDown = true;
    } else if (Message.isNotification(m)) {
      if ((!initialized || shutDown) && m.method !== 'exit') return;
      if (SYNC.has(m.method) && !hasDocument(m.params)) return warn(`xmcfg: ${m.method} ignored: its params name no document (textDocument.uri)`);
      if (m.method === 'textDocument/didOpen' && !isOpenedDocument(m.params)) return warn('xmcfg: textDocument/didOpen ignored: it needs an integer textDocument.version and a string textDocument.text');
      if (m.method === 'textDocument/didChange' && !isVersionedChange(m.params)) return warn('xmcfg: textDocument/didChange ignored: it needs an integer textDocument.version and a contentChanges list');
    } else if (!Message.isResponse(m)) return answer(null, ErrorCodes.InvalidRequest, 'invalid request: not a JSON-RPC request, notification or response');
    callback(m);
  };
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) => reader.listen((message) => pass(message, callback)),
    dispose: () => reader.dispose(),
  };
}
