/**
 * Data-driven cases of `convert --to json`: fixtures/convert-json/NAME.cfg + NAME.expected.json
 * (exit status, findings as code@line:column, and the whole JSON printed when the exit is 0), run
 * against the sources (in-process CLI) and against the installed package (its bin). The library
 * has no convert, so the findings come from the public `check` and the JSON from the CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { implementations, LOAD_TIMEOUT_MS, type CliInput, type CliResult, type Lib } from '../package/impls.js';

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

/** The findings convert reports: the check's (the JSON view judges nothing of its own), in position order. */
function findings(lib: Lib, text: string): string[] {
  return lib
    .check(text)
    .diagnostics.filter((d) => d.severity !== 'info')
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1))
    .map((d) => `${d.code}@${d.line}:${d.column}`);
}

it('has convert-json fixtures', () => expect(names.length).toBeGreaterThan(20));

for (const impl of implementations()) {
  describe.skipIf(impl.skip !== null)(`convert --to json fixtures [${impl.name}]`, { concurrent: impl.concurrent }, () => {
    let lib: Lib;
    let cli: (argv: string[], input: CliInput) => Promise<CliResult>;
    beforeAll(async () => {
      [lib, cli] = await Promise.all([impl.lib(), impl.cli()]);
    }, LOAD_TIMEOUT_MS);
    for (const name of names) {
      it(name, async ({ expect }) => {
        const text = readFileSync(join(dir, `${name}.cfg`), 'utf8');
        const exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
        const at = `${name} [${impl.name}]`;
        expect(findings(lib, text), at).toEqual(exp.diagnostics);
        // Converted in the dialect check detects: left to itself, convert reads every file Python
        // accepts as xm (decision 015), where an xl-only option's bad value is commented out, not
        // an error; these fixtures are xl files, but for xm-hvm and pv-timer-mode.
        const dialect = lib.check(text).dialect;
        const r = await cli(['convert', `${name}.cfg`, '--to', 'json', '--dialect', dialect], { cwd: dir });
        expect(r.code, at).toBe(exp.exit);
        if (exp.exit === 0) expect(JSON.parse(r.stdout), at).toEqual(exp.json);
        else expect(r.stdout, at).toBe('');
      });
    }
  });
}
