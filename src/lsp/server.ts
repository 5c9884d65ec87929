/**
 * @fileoverview The connection layer of `xmcfg lsp --stdio`: document sync, diagnostics pushed on
 * open and on every change, and the request handlers, each a thin call into the pure service.
 * One check per document version is cached, so hover, completion and code actions after a change
 * reuse the analysis that produced the diagnostics; checks are incremental (unchanged chunks of
 * the text keep their parse).
 */
import {
  CodeActionRequest,
  CompletionRequest,
  createConnection,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  MessageType,
  PrepareRenameRequest,
  RenameRequest,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentSymbol,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../check/check.js';
import { IncrementalChecker } from './service/incremental.js';
import { codeActions, completeAt, DEFAULT_MAX_SYMBOLS, documentFileName, documentOutline, flatSymbols, formatWithReason, hoverAt, uriBaseName, indentFor, toLspDiagnostics, toOffset, type ServiceSettings } from './service/index.js';
import { capDiagnostics, droppedNote } from './service/diagnostics.js';
import { renameEdits, renameTarget } from './service/rename.js';
import { toRange } from './service/positions.js';
import { hasDocument, isContentChange, isPosition, isRange, readSettings, refusal, settingsSection } from './params.js';
import { frameFilter } from './framing.js';
import { APPLY_EDIT_COMMAND, asCommands, serveEditCommand } from './commands.js';
import { clientShapes, withPlainText, type ClientShapes } from './client-caps.js';
import { syncView } from './sync.js';
import { gate, lenientJson } from './gate.js';
import { mapPositions, negotiateEncoding, PositionConverter, toUtf16, type PositionEncoding } from './encoding.js';

/** Options of the server (also read from the client's initializationOptions). */
export interface ServerOptions extends ServiceSettings {
  /** Delay between a change and its check, in ms; changes inside the delay are checked once (default 0). */
  debounceMs?: number;
  /** Most diagnostics published per document, errors first (default 1000; the rest are counted in a note). */
  maxDiagnostics?: number;
  /** Most document symbols answered per document, in source order (default 5000; the client is told once per document when more were left out). */
  maxSymbols?: number;
  /** Warm the keystroke path once after the first document is opened (default true; see warmUp). */
  warmUp?: boolean;
}

/** Default of ServerOptions.maxDiagnostics. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** What the caller of attachServer may ask of the running server. */
export interface AttachedServer {
  /** True once `shutdown` has been answered (an `exit` then ends the process with 0). */
  isShutDown(): boolean;
}

/** Register every handler on `connection` and start listening. */
export function attachServer(connection: Connection, options: ServerOptions = {}): AttachedServer {
  // Negotiated at initialize (./encoding.ts); the service itself counts UTF-16 units.
  let encoding: PositionEncoding = 'utf-16';
  // The answer shapes the client reads (./client-caps.ts): outline, quick fixes, documentation.
  let shapes: ClientShapes = clientShapes({});
  // A malformed didOpen or didChange (text that is not a string, a change without text or with a
  // malformed range) is read as far as it is well-formed, so no document ever holds a non-string
  // text: checking one threw in a timer and ended the server.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : ''),
    update: (doc, changes, version) => {
      const valid = Array.isArray(changes) ? changes.filter(isContentChange) : [];
      // Each change's range is in the text the changes before it made: converted one at a time.
      for (const c of valid) {
        const change = c.range ? { range: { start: clamped(doc, c.range.start), end: clamped(doc, c.range.end) }, text: c.text } : c;
        doc = TextDocument.update(doc, [change], version);
      }
      return TextDocument.update(doc, [], version);
    },
  });
  /**
   * A change's position as UTF-16 and inside the document. TextDocument.update reads the text at
   * clamped offsets but updates its line table at the lines as given: a range on lines past the
   * end left holes in the table, and every later edit of the document went to the wrong place.
   */
  const clamped = (doc: TextDocument, p: { line: number; character: number }) => doc.positionAt(doc.offsetAt(toUtf16(doc, p, encoding)));
  /** A position the client sent, as UTF-16. */
  const inward = <T extends { line: number; character: number }>(doc: TextDocument, p: T) => toUtf16(doc, p, encoding);
  /** A result or notification of the service with its positions as the client counts them (each line counted once: ./encoding.ts). */
  const outward = <T>(doc: TextDocument, value: T): T => (encoding === 'utf-16' ? value : mapPositions(value, new PositionConverter(doc, encoding).fromUtf16));
  let settings: ServiceSettings = { dialect: options.dialect, defines: options.defines };
  let debounceMs = options.debounceMs ?? 0;
  let maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  let maxSymbols = options.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
  // Keyed by version and text: a client may open a document again (or change it) under a version
  // number it used before, and the check of the old text was then served as this one's.
  const cache = new Map<string, { version: number; text: string; result: CheckResult }>();
  // One incremental checker per open document: a keystroke re-parses one chunk, not the file.
  const checkers = new Map<string, IncrementalChecker>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const resultFor = (doc: TextDocument): CheckResult => {
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    // The text is the same string object while the document is unchanged: one comparison.
    if (hit && hit.version === doc.version && hit.text === text) return hit.result;
    let checker = checkers.get(doc.uri);
    if (!checker) checkers.set(doc.uri, (checker = new IncrementalChecker()));
    const result = checker.check(text, checkSettings(doc.uri));
    cache.set(doc.uri, { version: doc.version, text, result });
    return result;
  };
  // The client's settings plus the document's file name, as `xmcfg check FILE` is given it, and the
  // cap: the check builds the first maxDiagnostics findings of each severity and counts the rest,
  // a superset of the ones capDiagnostics publishes (errors first, each severity in file order).
  const checkSettings = (uri: string): ServiceSettings => {
    const fileName = documentFileName(uri);
    return { ...settings, ...(fileName !== undefined && { fileName }), ...(maxDiagnostics > 0 && { maxFindings: maxDiagnostics }) };
  };
  const lspDiagnostics = (r: CheckResult, uri: string) => {
    const { kept, dropped } = capDiagnostics(r.diagnostics, maxDiagnostics);
    const diagnostics = toLspDiagnostics(kept, r.lineIndex, uri);
    const o = r.omitted;
    const more = dropped + (o ? o.errors + o.warnings + o.infos : 0);
    if (more > 0) diagnostics.push(droppedNote(more, maxDiagnostics));
    return diagnostics;
  };
  // Checks run in timers, where an exception would end the process (and every open document's
  // diagnostics with it): a bug is logged instead.
  const guarded = (uri: string, f: () => void): void => {
    try {
      f();
    } catch (e) {
      connection.console.error(`xmcfg: internal error checking ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };
  const publish = (doc: TextDocument): void => {
    const diagnostics = outward(doc, lspDiagnostics(resultFor(doc), doc.uri));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    if (!warmed) setTimeout(() => guarded(doc.uri, () => warmUp(doc.uri)), 0);
  };
  // The first keystrokes after opening a large file ran before V8 had optimised the incremental
  // path (70–100 ms instead of 20–35 ms for a 5,000-line file, bench/lsp-fmt.mjs). Once per
  // process, right after the first publication, the server re-checks the open document with one
  // character typed in the middle and then as it is, twice, and builds (unsent) LSP diagnostics each time.
  // All checks run in one turn: the checker moves cached spans in place, and the last check puts
  // them back where the published version has them before any request is served.
  let warmed = options.warmUp === false;
  const warmUp = (uri: string): void => {
    if (warmed) return;
    warmed = true;
    const doc = documents.get(uri);
    const checker = checkers.get(uri);
    if (!doc || !checker || !worthWarmingUp(doc.getText())) return;
    const text = doc.getText();
    const mid = text.indexOf('\n', text.length >> 1) + 1;
    const edited = text.slice(0, mid) + '#' + text.slice(mid);
    // Two rounds: V8 optimises the path on the second (measured: one round leaves the first real
    // edit at ~50 ms, two at the steady 20–35 ms).
    for (const t of [edited, text, edited, text]) JSON.stringify(lspDiagnostics(checker.check(t, checkSettings(uri)), uri));
  };
  const schedule = (doc: TextDocument): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        // Only the newest version is checked: intermediate versions never cost a check.
        const current = documents.get(doc.uri);
        if (current) guarded(current.uri, () => publish(current));
      }, debounceMs),
    );
  };
  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : empty;
  };

  const applySettings = (raw: unknown): void => {
    const read = readSettings(raw, { ...settings, debounceMs, maxDiagnostics, maxSymbols });
    ({ debounceMs, maxDiagnostics, maxSymbols } = read.settings);
    settings = { dialect: read.settings.dialect, defines: read.settings.defines };
    for (const p of read.problems) connection.console.warn(`xmcfg: ${p}`);
  };
  connection.onInitialize((params): InitializeResult => {
    encoding = negotiateEncoding(params);
    shapes = clientShapes(params.capabilities);
    const init = (params.initializationOptions ?? {}) as ServerOptions;
    applySettings(init);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', '"', "'", ','] },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        // prepareRename only for clients that say they send it (LSP 3.12 prepareSupport).
        renameProvider: params.capabilities?.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
        // CodeActionOptions only for clients that read CodeAction literals (LSP 3.17).
        ...(shapes.actionLiterals ? { codeActionProvider: { codeActionKinds: ['quickfix', 'source.convert.xl'] } } : { codeActionProvider: true, executeCommandProvider: { commands: [APPLY_EDIT_COMMAND] } }),
      },
      serverInfo: { name: 'xmcfg' },
    };
  });
  connection.onDidChangeConfiguration((change) => {
    const s = settingsSection((change as { settings?: unknown } | null)?.settings);
    if (s === undefined) return;
    applySettings(s);
    cache.clear();
    for (const doc of documents.all()) schedule(doc);
  });

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    checkers.delete(e.document.uri);
    outlineCapShown.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // After `shutdown` only `exit` is served; malformed params are refused before a handler runs.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });
  const atPosition = (p: unknown): boolean => hasDocument(p) && isPosition((p as { position?: unknown }).position);

  // Handlers are registered with onRequest, not onHover & co.: those read `params.workDoneToken`
  // first, so `"params": null` was an internal error carrying a TypeError instead of InvalidParams.
  connection.onRequest(HoverRequest.type, (p, token) => {
    const no = refusal(shutDown, atPosition(p), token);
    if (no) return no;
    return withDoc(p.textDocument.uri, null, (doc) => {
      const r = resultFor(doc);
      const text = doc.getText();
      const hover = outward(doc, hoverAt(r, toOffset(r.lineIndex, inward(doc, p.position), text), text));
      return shapes.markdownHover ? hover : withPlainText(hover);
    });
  });
  connection.onRequest(CompletionRequest.type, (p, token) => {
    const no = refusal(shutDown, atPosition(p), token);
    if (no) return no;
    return withDoc(p.textDocument.uri, [], (doc) => {
      const r = resultFor(doc);
      const text = doc.getText();
      const items = outward(doc, completeAt(text, r.lineIndex, toOffset(r.lineIndex, inward(doc, p.position), text), r.dialect, r.tree.statements));
      return shapes.markdownCompletion ? items : withPlainText(items);
    });
  });
  // Built once per check: VS Code asks for the outline several times per version (outline view,
  // breadcrumbs, sticky scroll), and a 5,000-line file has ~3,000 symbols (bench/lsp-fmt.mjs).
  // Capped at maxSymbols (yaml-language-server's maxItemsComputed): the cost of an outline is
  // mostly its serialisation, every request, and the client's parse of it (bench/lsp-fmt.mjs
  // --lines 200000: 1.8 s per request uncapped). Keyed by the cap too, which settings can change.
  const outlines = new WeakMap<CheckResult, { max: number; symbols: DocumentSymbol[] }>();
  // Documents whose cut outline the client was told about: once per opened document, not per
  // request (an outline is asked for after every keystroke).
  const outlineCapShown = new Set<string>();
  const outline = (doc: TextDocument): DocumentSymbol[] => {
    const r = resultFor(doc);
    const hit = outlines.get(r);
    if (hit?.max === maxSymbols) return hit.symbols;
    const built = documentOutline(r, maxSymbols);
    const symbols = outward(doc, built.symbols);
    const total = built.total;
    outlines.set(r, { max: maxSymbols, symbols });
    if (total > symbols.length && !outlineCapShown.has(doc.uri)) {
      outlineCapShown.add(doc.uri);
      const message = `xmcfg: the outline of ${uriBaseName(doc.uri)} shows its first ${symbols.length} of ${total} symbols (setting maxSymbols)`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    }
    return symbols;
  };
  connection.onRequest(DocumentSymbolRequest.type, (p, token) => refusal(shutDown, hasDocument(p), token) ?? withDoc(p.textDocument.uri, [], (doc) => (shapes.hierarchicalSymbols ? outline(doc) : flatSymbols(outline(doc), doc.uri))));
  connection.onRequest(DocumentFormattingRequest.type, (p, token) => {
    const no = refusal(shutDown, hasDocument(p), token);
    if (no) return no;
    // `options` is required by the protocol; a client that leaves it out gets the default layout.
    const indent = indentFor(p.options as Partial<typeof p.options> | undefined);
    return withDoc(p.textDocument.uri, [], (doc) => {
      const r = formatWithReason(doc.getText(), settings, { indent });
      // A refusal answered with no edits alone looked like a formatter that did nothing: the client
      // is told why, once per request, as a notification (a Warning; no answer is awaited). The
      // request itself succeeds, as other servers answer a file they cannot format (rust-analyzer,
      // TypeScript's): a failed request is shown as a server error.
      if (r.refused !== undefined) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `xmcfg: ${uriBaseName(doc.uri)} not formatted: ${r.refused}` });
      return outward(doc, r.edits);
    });
  });
  // Rename a key at every name token spelled as it (./service/rename.ts); null where the caret is on
  // no name (a string, a comment, a number): the client then says nothing can be renamed there.
  connection.onRequest(PrepareRenameRequest.type, (p, token) => {
    const no = refusal(shutDown, atPosition(p), token);
    if (no) return no;
    return withDoc(p.textDocument.uri, null, (doc) => {
      const r = resultFor(doc);
      const target = renameTarget(r, toOffset(r.lineIndex, inward(doc, p.position), doc.getText()));
      return target && outward(doc, { range: toRange(r.lineIndex, target.span), placeholder: target.name });
    });
  });
  connection.onRequest(RenameRequest.type, (p, token) => {
    const no = refusal(shutDown, atPosition(p) && typeof (p as { newName?: unknown }).newName === 'string', token);
    if (no) return no;
    return withDoc(p.textDocument.uri, null, (doc) => {
      const r = resultFor(doc);
      const edits = renameEdits(r, toOffset(r.lineIndex, inward(doc, p.position), doc.getText()), p.newName);
      if (edits === 'invalid') return new ResponseError(LSPErrorCodes.RequestFailed, `"${p.newName}" is not a key name (a letter or _, then letters, digits or _; no Python keyword)`);
      return edits && outward(doc, { changes: { [doc.uri]: edits.map((e) => ({ range: toRange(r.lineIndex, e.span), newText: e.text })) } });
    });
  });
  connection.onRequest(CodeActionRequest.type, (p, token) => {
    const diagnostics: unknown = (p as { context?: { diagnostics?: unknown } } | null)?.context?.diagnostics ?? [];
    const no = refusal(shutDown, hasDocument(p) && isRange((p as { range?: unknown }).range) && Array.isArray(diagnostics), token);
    if (no) return no;
    return withDoc(p.textDocument.uri, [], (doc) => {
      const r = resultFor(doc);
      const text = doc.getText();
      const span = { start: toOffset(r.lineIndex, inward(doc, p.range.start), text), end: toOffset(r.lineIndex, inward(doc, p.range.end), text) };
      // The context's diagnostics are matched against the service's by range: in UTF-16 too.
      const own = encoding === 'utf-16' ? diagnostics : mapPositions(diagnostics, new PositionConverter(doc, encoding).toUtf16);
      // context.only (the kinds wanted) is optional; a malformed one is read as absent.
      const only: unknown = (p as { context?: { only?: unknown } }).context?.only;
      const kinds = Array.isArray(only) && only.every((k) => typeof k === 'string') ? (only as string[]) : undefined;
      const actions = outward(doc, codeActions(r, { uri: doc.uri, span, diagnostics: own as typeof p.context.diagnostics, settings, ...(kinds && { only: kinds }) }));
      return shapes.actionLiterals ? actions : asCommands(actions, doc);
    });
  });
  serveEditCommand(connection, (uri) => documents.get(uri), () => shutDown);

  documents.listen(syncView(connection));
  connection.listen();
  return { isShutDown: () => shutDown };
}

/** Documents longer than this (UTF-16 units, ~20,000 config lines) are not used for the warm-up. */
export const WARM_UP_MAX_LENGTH = 512 * 1024;

/**
 * Whether the warm-up (four checks of the document, in one turn) is worth it for `text`. It saves
 * ~50 ms on the first keystrokes of a 5,000-line file; on a 1 MB document each of its checks costs
 * as much as a keystroke's (0.3 s for a 1 MB string, seconds for 1 MB of statements), and every
 * request waited for all four: a hover after opening a 1 MB one-line file took 1.2 s instead of
 * 20 ms, and 16 s after opening 88,000 short lines.
 */
export function worthWarmingUp(text: string): boolean {
  return text.length <= WARM_UP_MAX_LENGTH;
}

/**
 * A message reader of `input` that goes on after a malformed frame. vscode-jsonrpc stops reading at
 * a header without a usable Content-Length, and then reads the body after it as part of the next
 * header: every later message was lost. It reads through frameFilter, which passes on only
 * well-formed frames and finds the next one after garbage. With a `writer`, messages also pass
 * through the gate (./gate.ts), which answers on it what no handler is to see: bodies that are not
 * JSON, requests before `initialize` and after `shutdown`.
 */
export function messageReader(input: NodeJS.ReadableStream, writer?: MessageWriter): MessageReader {
  const reader = new StreamMessageReader(input.pipe(frameFilter()), writer ? lenientJson : undefined);
  return writer ? gate(reader, writer) : reader;
}

/**
 * How long the server goes on after its input ends: the messages read last are decoded
 * asynchronously, and an `exit` among them ends the process itself.
 */
const INPUT_END_GRACE_MS = 200;

/** Start the server on standard input and output (`xmcfg lsp --stdio`). */
export function startStdioServer(options: ServerOptions = {}): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(messageReader(process.stdin, writer), writer);
  const server = attachServer(connection, options);
  // The protocol library ends the process when its input stream ends only when it is given the
  // stream itself, not a reader: a client that closed the pipe without `exit` left the server
  // running for good whenever initialize named the client's process (the library's watchdog then
  // keeps the process alive as long as the client lives). It ends as `exit` would: 0 after
  // `shutdown`, else 1.
  let ending = false;
  const end = (): void => {
    if (ending) return;
    ending = true;
    setTimeout(() => process.exit(server.isShutDown() ? 0 : 1), INPUT_END_GRACE_MS);
  };
  process.stdin.once('end', end);
  process.stdin.once('close', end);
  return connection;
}
