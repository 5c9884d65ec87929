/**
 * @fileoverview The schema of the normalised config: its JSON Schema, the compiled validator with
 * span-exact diagnostics, and the option docs for hover, completion and `explain`.
 */
import { ConfigSchema } from '../normalize/catalogue/index.js';

export { validateConfig, validateKnown, unknownKeyAt, type ValidateOptions } from './validate.js';
export { optionKeys, optionDoc, type OptionDoc } from './docs.js';
export { suggest, editDistance } from '../diagnostics/suggest.js';
export { labelOf } from './messages.js';
export { AJV_OPTIONS, XMCFG_KEYWORD, SCHEMA_DRAFT } from './ajv-setup.js';
import { SCHEMA_DRAFT } from './ajv-setup.js';
export { ConfigSchema, type NormalizedConfig } from '../normalize/catalogue/index.js';

/** The JSON Schema of the normalised config (plain JSON; valid under Ajv strict with the x-xmcfg keyword). */
export function schemaJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ $schema: SCHEMA_DRAFT, ...ConfigSchema })) as Record<string, unknown>;
}
