/**
 * @fileoverview The one Ajv configuration, shared by the build-time generator
 * (scripts/gen-validator.mjs) and the development fallback that compiles at run time.
 */
import type { Options } from 'ajv';

/** Ajv options: strict (unknown keywords throw), every error reported. */
export const AJV_OPTIONS: Options = { strict: true, allErrors: true };

/** The annotation keyword carrying xmcfg's option metadata (no validation code). */
export const XMCFG_KEYWORD = { keyword: 'x-xmcfg', schemaType: 'object' } as const;

const ANNOTATIONS = new Set(['description', 'default', 'examples', 'title', 'x-xmcfg']);

/**
 * The schema without annotations (docs, defaults, x-xmcfg), for compiling: the validator needs only
 * the constraints, and the standalone code embeds the schema it was compiled from.
 */
export function leanSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(leanSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    // `properties` and `patternProperties` map names to schemas: keep every name, even "description".
    if (k === 'properties' || k === 'patternProperties') out[k] = Object.fromEntries(Object.entries(v as object).map(([n, s]) => [n, leanSchema(s)]));
    else if (!ANNOTATIONS.has(k)) out[k] = k === 'enum' || k === 'const' || k === 'required' ? v : leanSchema(v);
  }
  return out;
}

/** The JSON Schema draft the schema is written in (Ajv's default draft), declared as its `$schema`. */
export const SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';
