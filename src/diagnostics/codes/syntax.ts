/** @fileoverview XM00xx codes: lexical and syntax. */
import { defineCodes } from '../registry.js';

export const syntaxCodes = defineCodes({
});
