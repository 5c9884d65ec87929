/** @fileoverview The base layer every stage imports: spans, diagnostics, line index, code registry. */
export * from './span.js';
export * from './diagnostic.js';
export * from './line-index.js';
export { codeUrl, defineCodes, type CodeInfo, type CodeTable } from './registry.js';
export { allCodes, codeInfo } from './codes/index.js';
export { exampleKind, exampleLabel, type ExampleKind } from './example-kind.js';
export * from './json.js';
export { atAnchor, isFileSpan } from './file-anchor.js';
