/**
 * @fileoverview Shape checks for request parameters. A client that sends a request without its
 * document or with a malformed position gets JSON-RPC InvalidParams (-32602), not an internal error
 * carrying a TypeError's text; requests after `shutdown` get InvalidRequest (-32600), and a request
 * cancelled before it ran gets RequestCancelled (-32800), as the LSP specification asks.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

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

/** True for params naming a document: `{ textDocument: { uri: string } }`. */
export function hasDocument(v: unknown): v is { textDocument: { uri: string } } {
  return isObject(v) && isObject(v.textDocument) && typeof v.textDocument.uri === 'string';
}

/** Why a request is refused before its handler runs (null: run it). */
export function refusal(shutDown: boolean, valid: boolean, token?: CancellationToken): ResponseError<void> | null {
  if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'the server has been shut down; only exit is accepted');
  // The handlers run synchronously, so a cancellation can only be honoured before one starts.
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  if (!valid) return new ResponseError(ErrorCodes.InvalidParams, 'invalid params');
  return null;
}
