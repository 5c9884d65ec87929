/**
 * @fileoverview Entry point bundled by scripts/gen-validator.mjs: everything the generator needs
 * to compile the standalone validator and write schema.json and docs/options.md.
 */
export { ConfigSchema, FOLDED_KEYS } from '../normalize/catalogue/index.js';
export { LIBXL_UNSET_NAMES } from '../normalize/catalogue/libxl-names.js';
export { AJV_OPTIONS, XMCFG_KEYWORD, leanSchema, SCHEMA_DRAFT } from './ajv-setup.js';
