/**
 * @fileoverview Entry point bundled by scripts/gen-validator.mjs: everything the generator needs
 * to compile the standalone validator and write schema.json.
 */
export { ConfigSchema, FOLDED_KEYS } from '../normalize/catalogue/index.js';
export { AJV_OPTIONS, XMCFG_KEYWORD, leanSchema, SCHEMA_DRAFT } from './ajv-setup.js';
