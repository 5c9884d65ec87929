/**
 * Data-driven cases of `convert --to json`: fixtures/convert-json/NAME.cfg + NAME.expected.json
 * (exit status, findings as code@line:column, and the whole JSON printed when the exit is 0).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { checkText } from '../../src/check/check.js';
import { positions } from '../syntax/load.js';
import { fakeIo } from '../cli/fake-io.js';

const dir = join(import.meta.dirname, '../../fixtures/convert-json');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.cfg'))
  .map((f) => f.slice(0, -4))
  .sort();

interface Expected {
  exit: 0 | 1;
  /** Error and warning findings, `code@line:column`. */
  diagnostics: string[];
  /** The JSON printed (exit 0 only). */
  json?: unknown;
}

/** The findings convert reports: the check's (the JSON view judges nothing of its own). */
function findings(text: string): string[] {
  return positions(text, checkText(text).diagnostics, (d) => d.severity !== 'info');
}

describe('convert --to json fixtures', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThan(20));
  for (const name of names) {
    it(name, async () => {
      const text = readFileSync(join(dir, `${name}.cfg`), 'utf8');
      const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      expect(findings(text)).toEqual(exp.diagnostics);
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', `${name}.cfg`, '--to', 'json'], io)).toBe(exp.exit);
      if (exp.exit === 0) expect(JSON.parse(out.stdout)).toEqual(exp.json);
      else expect(out.stdout).toBe('');
    });
  }
});
