/** @fileoverview XM03xx codes: NUMA options. */
import { defineCodes } from '../registry.js';

export const numaCodes = defineCodes({
});
