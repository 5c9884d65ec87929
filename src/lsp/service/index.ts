/**
 * @fileoverview The pure language service: functions from (text or check result, position,
 * settings) to LSP-shaped results. No connection, no state: the server in ../server.ts wires
 * these to JSON-RPC, and tests call them directly.
 */
export { analyze, assignmentAt, keyAt, type ServiceSettings } from './analysis.js';
export { toLspDiagnostics, capDiagnostics, droppedNote, type DiagnosticData } from './diagnostics.js';
export { hoverAt } from './hover.js';
export { completeAt, completionContext, type CompletionContext } from './completion.js';
export { completeSpecAt, specContext, specStringAt, specHoverAt, SPEC_TABLES, type SpecContext, type SpecString } from './spec-completion.js';
export { documentOutline, documentSymbols, flatSymbols, DEFAULT_MAX_SYMBOLS, type Outline } from './symbols.js';
export { formatDocument, formatWithReason, indentFor } from './formatting.js';
export { codeActions, closestKey, documentFileName, domainNameFromUri, uriBaseName, type ActionRequest } from './actions.js';
export { allKeys, keyDoc, keyDocMarkdown, type KeyDoc } from './docs.js';
export { toPosition, toRange, toOffset } from './positions.js';
export { IncrementalChecker, checkTree } from './incremental.js';
export { splitChunks } from './chunks.js';
