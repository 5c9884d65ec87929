/** @fileoverview Which keys xl reads, from the option catalogue's dialect annotations. */
import { optionSchema } from '../normalize/catalogue/index.js';

/** True when xl reads `key` (an option of the catalogue marked for the xl dialect). */
export function xlKnowsKey(key: string): boolean {
  const s = optionSchema(key);
  return !!s && s['x-xmcfg'].dialects.includes('xl');
}
