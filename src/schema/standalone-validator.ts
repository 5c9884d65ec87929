/**
 * @fileoverview The validator compiled at build time (scripts/gen-validator.mjs writes a standalone
 * CommonJS module; Ajv's standalone ESM output is broken), loaded synchronously so that no module
 * of the check path needs a top-level await (the check bundle is CommonJS, run from a V8 code
 * cache). The bundles replace this module with one that runs the same source through its own code
 * cache (scripts/build.mjs, cachedValidator).
 */
import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';

/** The generated validator, or null when it has not been generated (a fresh checkout before `npm run build`). */
export function standaloneValidator(): ValidateFunction | null {
  try {
    const mod = createRequire(import.meta.url)('./generated/validate.cjs') as { default?: unknown };
    const fn = mod.default ?? mod;
    return typeof fn === 'function' ? (fn as ValidateFunction) : null;
  } catch {
    return null;
  }
}
