/**
 * validateByProperty (one small validator per option) and the generated whole validator (composed
 * of the same per-option validators by scripts/gen-validator.mjs) must report exactly the errors of
 * the whole schema compiled by Ajv, in the same order: on every config of the corpora and fixtures,
 * and on configs whose values are swapped for values of other keys and for odd values (so every
 * kind of error — type, range, enum, pattern, anyOf, nested items — shows up).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/check/check.js';
import { Ajv } from 'ajv';
import { validateFn, validatorSource } from '../../src/schema/load-validator.js';
import { AJV_OPTIONS, XMCFG_KEYWORD, leanSchema } from '../../src/schema/ajv-setup.js';
import { ConfigSchema } from '../../src/normalize/catalogue/index.js';
import { validateByProperty } from '../../src/schema/by-property.js';
import { OPTION_KEYS } from '../../src/normalize/index.js';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (statSync(p).size < 1 << 20) out.push(p);
  }
  return out;
}

const roots = ['fixtures', '/work/shared/corpus', '.bench-out/corpus/small'].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});
const configs: Record<string, unknown>[] = [];
for (const root of roots) {
  for (const f of files(root).slice(0, 400)) {
    const text = readFileSync(f, 'utf8');
    for (const dialect of ['xl', 'xm'] as const) configs.push(checkText(text, { dialect }).config as Record<string, unknown>);
  }
}

/** Ajv's own validator of the whole schema (what the development fallback compiles): the oracle. */
const ajv = new Ajv({ ...AJV_OPTIONS });
ajv.addKeyword({ ...XMCFG_KEYWORD });
const ajvWhole = ajv.compile(leanSchema(ConfigSchema) as object);

/** The whole schema's errors as Ajv reports them, in the shape validateByProperty returns. */
function whole(config: unknown): unknown[] {
  return ajvWhole(config) ? [] : [...(ajvWhole.errors ?? [])];
}

/** The generated whole validator's verdict and errors, and Ajv's, side by side. */
function bothWhole(config: unknown): { generated: unknown; ajv: unknown } {
  return { generated: [validateFn(config), validateFn.errors ?? null], ajv: [ajvWhole(config), ajvWhole.errors ?? null] };
}

/** An answer of both side by side as equal pairs (toEqual then prints the config's differences). */
function expectSameWhole(config: unknown): void {
  const { generated, ajv: fromAjv } = bothWhole(config);
  expect(generated).toEqual(fromAjv);
}

describe('validateByProperty', () => {
  it('has a validator for every option', () => {
    expect(validateByProperty({})).not.toBeNull();
    expect(validateByProperty({ name: 'x', not_an_option: 1 })).toBeNull();
  });

  it('reports what the whole validator reports on the corpus configs', () => {
    expect(configs.length).toBeGreaterThan(10);
    for (const c of configs) expect(validateByProperty(c)).toEqual(whole(c));
  });

  it('reports what the whole validator reports on configs with wrong values', () => {
    const values: unknown[] = [0, -1, 1.5, 2 ** 40, '', 'x', 'on', '0-3', true, null, [], [1], ['a'], [{}], {}, { text: 1 }, [[0, 1]]];
    for (const c of configs) for (const v of Object.values(c)) values.push(v);
    const key = fc.constantFrom(...OPTION_KEYS);
    const value = fc.constantFrom(...values);
    fc.assert(
      fc.property(fc.constantFrom(...configs), fc.array(fc.tuple(key, value), { maxLength: 6 }), fc.boolean(), (base, changes, dropName) => {
        const c: Record<string, unknown> = { ...base };
        for (const [k, v] of changes) c[k] = v;
        if (dropName) delete c.name;
        expect(validateByProperty(c)).toEqual(whole(c));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the generated whole validator', () => {
  const values: unknown[] = [0, -1, 1.5, 2 ** 40, '', 'x', 'on', '0-3', true, null, undefined, [], [1], ['a'], [{}], {}, { text: 1 }, [[0, 1]]];
  for (const c of configs) for (const v of Object.values(c)) values.push(v);

  it('is the one composed of the per-option validators, not the development fallback', () => {
    expect(validatorSource).toBe('standalone');
    expect(Object.keys((validateFn as unknown as { properties: object }).properties)).toEqual(Object.keys((ConfigSchema as { properties: object }).properties));
  });

  it('reports what Ajv reports for values that are not objects, and for odd objects', () => {
    const odd: unknown[] = [null, undefined, 0, 'name', true, [], [{ name: 'x' }], {}, Object.create(null), Object.create({ name: 1, memory: 'x', bogus: 2 }), new Map([['name', 'x']]), { name: 'x', constructor: 1, __proto__: { vcpus: 0 } }];
    for (const v of odd) expectSameWhole(v);
    // A nested path: the errors of an option's items come back under the option's key.
    const { generated } = bothWhole({ name: 'x', vif: [{ mac: 1 }], cpus: { text: 3, items: [{}] }, memory: -5, bogus: 1 });
    expect(JSON.stringify(generated)).toContain('"#/properties/cpus/');
  });

  it('reports what Ajv reports on the corpus configs and on configs with wrong values, unknown keys and no name', () => {
    for (const c of configs) expectSameWhole(c);
    const key = fc.oneof(fc.constantFrom(...OPTION_KEYS), fc.constantFrom('memroy', 'kernell', 'x', 'toString', '__proto__'));
    fc.assert(
      fc.property(fc.constantFrom(...configs), fc.array(fc.tuple(key, fc.constantFrom(...values)), { maxLength: 6 }), fc.constantFrom(...values), fc.boolean(), (base, changes, name, dropName) => {
        const c: Record<string, unknown> = { ...base };
        for (const [k, v] of changes) Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
        if (dropName) delete c.name;
        else if (name !== undefined && changes.length > 3) c.name = name;
        expectSameWhole(c);
      }),
      { numRuns: 3000 },
    );
  });
});
