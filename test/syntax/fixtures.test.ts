/**
 * Data-driven cases: fixtures/syntax/NAME.cfg + NAME.expected.json (dialect, codes at line:column),
 * run against the sources and against the installed package through the public `parse`. The
 * sources are loaded by ./load.js first, so their runs keep Chevrotain's grammar validations on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSyntaxCode } from './load.js';
import { implementations, LOAD_TIMEOUT_MS, type Lib } from '../package/impls.js';

const dir = join(import.meta.dirname, '../../fixtures/syntax');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.cfg'))
  .map((f) => f.slice(0, -4))
  .sort();

interface Expected {
  dialect: 'xl' | 'xm' | 'auto';
  expectDialect?: 'xl' | 'xm';
  diagnostics: { code: string; line: number; column: number }[];
}

/** `code@line:column` of each syntax-layer finding, in position order (as load.ts's positions). */
function found(diags: readonly { code: string; line: number; column: number }[]): string[] {
  return diags
    .filter((d) => isSyntaxCode(d.code))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1))
    .map((d) => `${d.code}@${d.line}:${d.column}`);
}

it('has syntax fixtures', () => expect(names.length).toBeGreaterThan(20));

for (const impl of implementations()) {
  describe.skipIf(impl.skip !== null)(`syntax fixtures [${impl.name}]`, () => {
    let lib: Lib;
    beforeAll(async () => {
      lib = await impl.lib();
    }, LOAD_TIMEOUT_MS);
    for (const name of names) {
      it(name, () => {
        const text = readFileSync(join(dir, `${name}.cfg`), 'utf8');
        const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
        const r = lib.parse(text, { dialect: exp.dialect });
        const at = `${name} [${impl.name}]`;
        if (exp.expectDialect) expect(r.dialect, at).toBe(exp.expectDialect);
        const want = exp.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
        expect(found(r.diagnostics), at).toEqual(want);
      });
    }
  });
}
