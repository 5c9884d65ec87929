/**
 * `check --format json` carries each finding's quick fixes (the ones SARIF and the editor give),
 * and every report format puts a finding about what the file lacks at the same non-empty place,
 * the first statement (decision 051). Run against the sources and the installed package.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { implementations, LOAD_TIMEOUT_MS, type CliInput, type CliResult } from '../package/impls.js';

const fixtures = resolve('fixtures/cli');

interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}
interface JsonDiag {
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes?: { title: string; edits: JsonEdit[] }[];
}
const diagsOf = (stdout: string) => (JSON.parse(stdout) as { version: number; files: { diagnostics: JsonDiag[] }[] }).files[0]!.diagnostics;

/** A nameless PV guest with nothing to boot, its first statement on line 3 after a comment and a blank. */
const NAMELESS = '# a guest\n\nmemory = 512  # MiB\n';

for (const impl of implementations()) {
  let runner: (argv: string[], input: CliInput) => Promise<CliResult>;
  const cli = (argv: string[], stdin: string) => runner(argv, { stdin, cwd: fixtures });
  describe.skipIf(impl.skip !== null)(`check reports [${impl.name}]`, { concurrent: impl.concurrent }, () => {
    beforeAll(async () => {
      runner = await impl.cli();
    }, LOAD_TIMEOUT_MS);

    it('json: a misspelt key carries its rename fix, positioned like the finding; version stays 1', async ({ expect }) => {
      const r = await cli(['check', '-', '--format', 'json'], 'name = "g"\nkernel = "/k"\nmemroy = 1\n');
      expect(JSON.parse(r.stdout)).toMatchObject({ version: 1 });
      const typo = diagsOf(r.stdout).find((d) => d.code === 'XM0101')!;
      expect(typo).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 7 });
      expect(typo.fixes).toEqual([{ title: expect.any(String), edits: [{ line: 3, column: 1, endLine: 3, endColumn: 7, text: 'memory' }] }]);
      // Findings without a fix have no `fixes` field.
      const clean = await cli(['check', '-', '--format', 'json'], NAMELESS);
      expect(diagsOf(clean.stdout).every((d) => !('fixes' in d))).toBe(true);
    });

    it('json, sarif, github and junit put a missing name and nothing to boot on the first statement', async ({ expect }) => {
      const json = diagsOf((await cli(['check', '-', '--format', 'json'], NAMELESS)).stdout);
      expect(json.map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(['XM0105 3:1-3:13', 'XM0227 3:1-3:13']);
      const sarif = JSON.parse((await cli(['check', '-', '--format', 'sarif'], NAMELESS)).stdout) as {
        runs: { results: { ruleId: string; locations: { physicalLocation: { region: Record<string, number> } }[] }[] }[];
      };
      expect(sarif.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region])).toEqual([
        ['XM0105', { startLine: 3, startColumn: 1, endLine: 3, endColumn: 13 }],
        ['XM0227', { startLine: 3, startColumn: 1, endLine: 3, endColumn: 13 }],
      ]);
      const github = (await cli(['check', '-', '--format', 'github'], NAMELESS)).stdout;
      expect([...github.matchAll(/line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=(XM\d{4})/g)].map((m) => m.slice(1).join(' '))).toEqual(['3 3 1 13 XM0105', '3 3 1 13 XM0227']);
      const junit = (await cli(['check', '-', '--format', 'junit'], NAMELESS)).stdout;
      // The code frame of each failure: the line and the 12-character underline of `memory = 512`.
      expect([...junit.matchAll(/--&gt; [^\n]*:(\d+:\d+)\n[^\n]*\n[^\n]*\n *\| (\^+)\n/g)].map((m) => `${m[1]} ${m[2]!.length}`)).toEqual(['3:1 12', '3:1 12']);
    });
  });
}
