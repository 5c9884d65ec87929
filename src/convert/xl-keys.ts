/** @fileoverview Which keys xl reads, from the option catalogue's dialect annotations, and what the conversion reports for one it does not. */
import { optionSchema } from '../normalize/catalogue/index.js';
import { unknownKeyAt } from '../schema/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';

/** True when xl reads `key` (an option of the catalogue marked for the xl dialect). */
export function xlKnowsKey(key: string): boolean {
  const s = optionSchema(key);
  return !!s && s['x-xmcfg'].dialects.includes('xl');
}

/**
 * The finding for a key xl does not read, at `keySpan`, as `check --dialect xl` words it: an xm-only
 * option is XM0551; a key no dialect knows is XM0101 (unknown key, with its "did you mean"), one
 * finding per cause. Reporting XM0551 for it too made `convert --to json` say both at one key (its
 * xl check of the converted text adds the XM0101).
 */
export function xlIgnoredKey(key: string, keySpan: Span): Diagnostic {
  if (optionSchema(key) === undefined) return unknownKeyAt(key, keySpan, 'xl');
  return { code: 'XM0551', severity: 'warning', message: `xl does not know "${key}" and ignores it`, span: keySpan };
}
