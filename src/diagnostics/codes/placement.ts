/** @fileoverview XM04xx codes: placement against a host. */
import { defineCodes } from '../registry.js';

export const placementCodes = defineCodes({
});
