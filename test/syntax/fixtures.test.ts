/** Data-driven cases: fixtures/syntax/NAME.cfg + NAME.expected.json (dialect, codes at line:column). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S, positions } from './load.js';

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

describe('syntax fixtures', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThan(20));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(dir, `${name}.cfg`), 'utf8');
      const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      const r = S.parse(text, { dialect: exp.dialect });
      if (exp.expectDialect) expect(r.dialect).toBe(exp.expectDialect);
      const want = exp.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
      expect(positions(text, r.diagnostics)).toEqual(want);
    });
  }
});
