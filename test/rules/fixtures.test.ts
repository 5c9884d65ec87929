/**
 * Data-driven rule fixtures: each fixtures/rules/*.cfg names its dialect (`#! dialect=xl`) and every
 * finding expected from the check (normalize + validateConfig + runRules) as `#! CODE line:column`
 * (the start of the finding's span). The set must match exactly, so a fixture without `#! XM…`
 * lines asserts that the config is clean. Each fixture runs against the sources and against the
 * installed package, through the public `check` (the same stages as checkText, positioned as in the
 * JSON report).
 */
import { beforeAll, describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ours } from './helpers.js';
import { implementations, LOAD_TIMEOUT_MS, type Lib } from '../package/impls.js';
import type { Dialect } from '../../src/syntax/value.js';

const DIR = join(import.meta.dirname, '../../fixtures/rules');
const files = readdirSync(DIR).filter((f) => f.endsWith('.cfg')).sort();

/** `CODE line:column` of every finding of this area, sorted. */
function found(lib: Lib, text: string, dialect: Dialect): string[] {
  return lib
    .check(text, { dialect })
    .diagnostics.filter((d) => ours(d.code))
    .map((d) => `${d.code} ${d.line}:${d.column}`)
    .sort();
}

it('has rule fixtures', () => expect(files.length).toBeGreaterThan(20));

for (const impl of implementations()) {
  describe.skipIf(impl.skip !== null)(`rule fixtures [${impl.name}]`, () => {
    let lib: Lib;
    beforeAll(async () => {
      lib = await impl.lib();
    }, LOAD_TIMEOUT_MS);
    for (const f of files) {
      it(f, () => {
        const text = readFileSync(join(DIR, f), 'utf8');
        const dialect = (/^#! dialect=(xl|xm)$/m.exec(text)?.[1] ?? 'xl') as Dialect;
        const expected = [...text.matchAll(/^#! (XM\d{4} \d+:\d+)$/gm)].map((m) => m[1]!).sort();
        expect(found(lib, text, dialect), `${f} [${impl.name}]`).toEqual(expected);
      });
    }
  });
}
