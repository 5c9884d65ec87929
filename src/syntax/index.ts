/** @fileoverview The syntax layer's public surface: parsing, dialects, the tree and value contracts. */
export { parse, parseFromTree, parseReadings, parseTree, type ParseOptions, type Readings, type ParseResult, type ParseTreeResult } from './parse.js';
export { detectDialect, dialectDiagnostics, type DialectDetection } from './dialect.js';
export { libxluCheck, type XluError } from './libxlu.js';
export { evaluate, defineValue, type EvaluateOptions, type EvaluateResult } from './evaluate.js';
export * from './tree.js';
export { fileAnchor } from './anchor.js';
export type * from './value.js';
