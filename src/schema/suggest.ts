/** @fileoverview The "did you mean" search lives in the base layer (src/diagnostics/suggest.ts), so normalisation can hint at misspelt device-string keys too; re-exported here for the schema stage's users. */
export { boundedDistance, editDistance, suggest, suggestLimit } from '../diagnostics/suggest.js';
