/**
 * @fileoverview The validator's errors for a config object, property by property.
 * scripts/gen-validator.mjs compiles each option's schema on its own (small functions V8
 * optimises; Ajv's whole validator was one function too big for that) and composes the whole
 * validator of them. This calls the validators of the keys a config has, in schema order: the very
 * errors of the whole validator (same order, paths rewritten to the root), without the whole
 * validator's look-up of each of the 216 options and its scan for unknown keys (done earlier).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateFn } from './load-validator.js';

/** The per-option validators, when the generated module has them (the development fallback does not). */
const properties = (validateFn as ValidateFunction & { properties?: Readonly<Record<string, ValidateFunction>> }).properties;

/** Option names in schema order (the order the whole validator checks them in) and their positions. */
const KEYS: readonly string[] = properties ? Object.keys(properties) : [];
const VALIDATORS: readonly ValidateFunction[] = properties ? KEYS.map((k) => properties[k]!) : [];
const POSITION = new Map<string, number>(KEYS.map((k, i) => [k, i]));

/**
 * Ajv's errors for `config` exactly as the whole validator reports them (empty when valid), or null
 * when this way cannot be taken (no per-option validators, or a key that is not an option).
 */
export function validateByProperty(config: Record<string, unknown>): ErrorObject[] | null {
  if (!properties) return null;
  const present: number[] = [];
  for (const key in config) {
    const at = POSITION.get(key);
    // The whole validator reports a key outside the schema (additionalProperties): let it.
    if (at === undefined) return null;
    if (config[key] === undefined) continue;
    // Kept in schema order as it grows (insertion sort: a few dozen keys, no comparator calls).
    let j = present.length;
    present.push(at);
    while (j > 0 && present[j - 1]! > at) {
      present[j] = present[j - 1]!;
      j--;
    }
    present[j] = at;
  }
  const errors: ErrorObject[] = [];
  if (config.name === undefined) {
    errors.push({ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' }, message: "must have required property 'name'" });
  }
  for (let i = 0; i < present.length; i++) {
    const at = present[i]!;
    const validate = VALIDATORS[at]!;
    const key = KEYS[at]!;
    if (validate(config[key])) continue;
    // Option names need no JSON Pointer escaping (gen-validator checks).
    for (const e of validate.errors ?? []) errors.push({ ...e, instancePath: `/${key}${e.instancePath}`, schemaPath: `#/properties/${key}${e.schemaPath.slice(1)}` });
  }
  return errors;
}
