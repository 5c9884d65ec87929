/** @fileoverview XM05xx codes: dialect portability. */
import { defineCodes } from '../registry.js';

export const dialectCodes = defineCodes({
});
