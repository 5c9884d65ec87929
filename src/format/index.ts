/** @fileoverview The `fmt` engine: canonical layout of config files (docs/format.md). */
export { formatText, sameSettings, sameValue, isSyntaxCode, type FormatOptions, type FormatResult, type FormatRefusal } from './format.js';
export { printTree, UnformattableError } from './printer.js';
export { resolveLayout, type LayoutOptions, type QuoteStyle } from './options.js';
export { formatFast } from './fast.js';
export { refusalText, type Refusal } from './refusal.js';
