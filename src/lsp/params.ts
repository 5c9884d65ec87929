/**
 * @fileoverview Shape checks for request parameters. A client that sends a request without its
 * document or with a malformed position gets JSON-RPC InvalidParams (-32602), not an internal error
 * carrying a TypeError's text; requests after `shutdown` get InvalidRequest (-32600), and a request
 * cancelled before it ran gets RequestCancelled (-32800), as the LSP specification asks.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { ServiceSettings } from './service/index.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// LSP positions are `uinteger`s: a negative or fractional line or character is malformed.
const isUint = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** True for `{ line, character }` with unsigned integers. */
export function isPosition(v: unknown): boolean {
  return isObject(v) && isUint(v.line) && isUint(v.character);
}

/** True for `{ start, end }` positions. */
export function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

/** True for a didChange content change: `{ text: string }`, with a well-formed range if it has one. */
export function isContentChange(v: unknown): v is { text: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } } {
  return isObject(v) && typeof v.text === 'string' && (v.range === undefined || isRange(v.range));
}

/** True for params naming a document: `{ textDocument: { uri: string } }`. */
export function hasDocument(v: unknown): v is { textDocument: { uri: string } } {
  return isObject(v) && isObject(v.textDocument) && typeof v.textDocument.uri === 'string';
}

/** True for initialize params the protocol library can read: an object with a `capabilities` object. */
export function isInitializeParams(v: unknown): boolean {
  return isObject(v) && isObject(v.capabilities);
}

/** True for didOpen params with an integer `textDocument.version` and a string `textDocument.text`. */
export function isOpenedDocument(v: unknown): boolean {
  if (!hasDocument(v)) return false;
  const d = v.textDocument as { version?: unknown; text?: unknown };
  return Number.isInteger(d.version) && typeof d.text === 'string';
}

/** True for didChange params with an integer `textDocument.version` and a `contentChanges` array (its items are read by isContentChange). */
export function isVersionedChange(v: unknown): boolean {
  return hasDocument(v) && Number.isInteger((v.textDocument as { version?: unknown }).version) && Array.isArray((v as { contentChanges?: unknown }).contentChanges);
}

/** Why a request is refused before its handler runs (null: run it). */
export function refusal(shutDown: boolean, valid: boolean, token?: CancellationToken): ResponseError<void> | null {
  if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'the server has been shut down; only exit is accepted');
  // The handlers run synchronously, so a cancellation can only be honoured before one starts.
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  if (!valid) return new ResponseError(ErrorCodes.InvalidParams, 'invalid params');
  return null;
}

/** The settings a client may give: the service's, and when and how much the server publishes. */
export interface ClientSettings extends ServiceSettings {
  debounceMs: number;
  maxDiagnostics: number;
  maxSymbols: number;
}

/** The keys of ClientSettings, as a client writes them. */
const SETTING_KEYS = ['dialect', 'defines', 'debounceMs', 'maxDiagnostics', 'maxSymbols'];

/**
 * The server's settings in a didChangeConfiguration's `settings`: its `xmcfg` section (VS Code's
 * `synchronize.configurationSection`, Neovim's `settings = { xmcfg = … }`), or the object itself
 * when it names a setting at its top (Helix sends a server's `config` table as it is, the same
 * object it sent as initializationOptions). Undefined when it holds neither (`null` from a client
 * that expects the server to ask for its settings).
 */
export function settingsSection(settings: unknown): unknown {
  if (!isObject(settings)) return undefined;
  if (isObject(settings.xmcfg)) return settings.xmcfg;
  return SETTING_KEYS.some((k) => Object.hasOwn(settings, k)) ? settings : undefined;
}

/** Longest debounce: Node runs a timer set past 2^31 - 1 ms after 1 ms instead. */
const MAX_DEBOUNCE_MS = 2 ** 31 - 1;

/**
 * The settings in `raw` (initializationOptions, the `xmcfg` section of didChangeConfiguration), read
 * the same way from both. A malformed value keeps the previous one and is named in `problems`, so
 * a typo such as `"XL"` is reported instead of silently checking as `auto`.
 */
export function readSettings(raw: unknown, prev: ClientSettings): { settings: ClientSettings; problems: string[] } {
  const o = isObject(raw) ? raw : {};
  const problems: string[] = [];
  let { dialect, defines, debounceMs, maxDiagnostics, maxSymbols } = prev;
  if (o.dialect !== undefined) {
    if (o.dialect === 'auto' || o.dialect === 'xl' || o.dialect === 'xm') dialect = o.dialect;
    else problems.push(`setting dialect ${JSON.stringify(o.dialect)} is not "auto", "xl" or "xm"; using "${dialect ?? 'auto'}"`);
  }
  if (o.defines !== undefined) {
    const d = o.defines;
    if (isObject(d) && Object.values(d).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) defines = d as Record<string, string | number>;
    else problems.push('setting defines must map names to strings or numbers, like { "vmid": 3 }; ignored');
  }
  const n = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && v >= min && v <= max;
  if (o.debounceMs !== undefined) {
    if (n(o.debounceMs, 0, MAX_DEBOUNCE_MS)) debounceMs = o.debounceMs;
    else problems.push(`setting debounceMs ${JSON.stringify(o.debounceMs)} is not a number of milliseconds from 0 to ${MAX_DEBOUNCE_MS}; using ${debounceMs}`);
  }
  if (o.maxDiagnostics !== undefined) {
    if (n(o.maxDiagnostics, 1, Number.MAX_SAFE_INTEGER)) maxDiagnostics = Math.floor(o.maxDiagnostics);
    else problems.push(`setting maxDiagnostics ${JSON.stringify(o.maxDiagnostics)} is not a number from 1; using ${maxDiagnostics}`);
  }
  if (o.maxSymbols !== undefined) {
    if (n(o.maxSymbols, 1, Number.MAX_SAFE_INTEGER)) maxSymbols = Math.floor(o.maxSymbols);
    else problems.push(`setting maxSymbols ${JSON.stringify(o.maxSymbols)} is not a number from 1; using ${maxSymbols}`);
  }
  return { settings: { dialect, defines, debounceMs, maxDiagnostics, maxSymbols }, problems };
}
