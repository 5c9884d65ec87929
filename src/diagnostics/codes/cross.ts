/** @fileoverview XM02xx codes: cross-field. */
import { defineCodes } from '../registry.js';

export const crossCodes = defineCodes({
});
