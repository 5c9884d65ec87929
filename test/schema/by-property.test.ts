/**
 * validateByProperty (one small validator per option) must report exactly the errors of the whole
 * generated validator, in the same order: on every config of the corpora and fixtures, and on
 * configs whose values are swapped for values of other keys and for odd values (so every kind of
 * error — type, range, enum, pattern, anyOf, nested items — shows up).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/check/check.js';
import { validateFn } from '../../src/schema/load-validator.js';
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

/** The whole validator's errors, in the shape validateByProperty returns. */
function whole(config: unknown): unknown[] {
  return validateFn(config) ? [] : [...(validateFn.errors ?? [])];
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
