/** @fileoverview XM01xx codes: schema. */
import { defineCodes } from '../registry.js';

export const schemaCodes = defineCodes({
});
