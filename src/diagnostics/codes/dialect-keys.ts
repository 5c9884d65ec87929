/** @fileoverview XM05xx codes about keys (xl ignores or does not know a key); XM0550 and up. */
import { defineCodes } from '../registry.js';

export const dialectKeyCodes = defineCodes({
});
