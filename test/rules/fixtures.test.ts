/**
 * Data-driven rule fixtures: each fixtures/rules/*.cfg names its dialect (`#! dialect=xl`) and every
 * finding expected from normalize + validateConfig + runRules as `#! CODE line:column` (the start
 * of the finding's span). The set must match exactly, so a fixture without `#! XM…` lines asserts
 * that the config is clean.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { positions } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

const DIR = join(import.meta.dirname, '../../fixtures/rules');

describe('rule fixtures', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.cfg')).sort();
  it('has fixtures', () => expect(files.length).toBeGreaterThan(20));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const dialect = (/^#! dialect=(xl|xm)$/m.exec(text)?.[1] ?? 'xl') as Dialect;
      const expected = [...text.matchAll(/^#! (XM\d{4} \d+:\d+)$/gm)].map((m) => m[1]!).sort();
      expect(positions(text, dialect)).toEqual(expected);
    });
  }
});
