/**
 * The grammar bundled the way scripts/build.mjs bundles it (esbuild with keepNames) must not name
 * functions while it parses: keepNames wraps each arrow written as a property value (`ALT: () => …`)
 * in __name(), an Object.defineProperty(fn, 'name') every time an OR builds its alternatives,
 * which was ~40% of the CPU of a 46 KB host JSON checked as a config. The alternatives are
 * methods instead (grammar/operators.ts says why); this counts the naming calls a parse makes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'xmcfg-alts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Bundle {
  getParser(): { base: number; input: unknown[]; targetErrors: unknown[]; errors: unknown[]; statement(): unknown };
  splitStatements(c: unknown): { stmts: { toks: unknown[] }[] };
  lexChunk(t: string): unknown;
}

describe('grammar alternatives under keepNames', () => {
  it('parsing a statement with a 200-entry dict (an unsupported node) names no function', async () => {
    const entry = join(dir, 'entry.ts');
    const out = join(dir, 'grammar.mjs');
    await build({
      stdin: {
        contents: [
          `export { getParser } from ${JSON.stringify(join(root, 'grammar', 'parser.ts'))};`,
          `export { splitStatements } from ${JSON.stringify(join(root, 'src', 'syntax', 'split.ts'))};`,
          `export { lexChunk } from ${JSON.stringify(join(root, 'src', 'syntax', 'lex.ts'))};`,
        ].join('\n'),
        resolveDir: root,
        sourcefile: entry,
        loader: 'ts',
      },
      outfile: out,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      keepNames: true,
      // Chevrotain's own code is not under test: only what keepNames adds to ours.
      external: ['chevrotain', 'lodash-es'],
      logLevel: 'silent',
    });
    // The bundle reads Object.defineProperty once, when it loads: count 'name' definitions from then on.
    const real = Object.defineProperty;
    let named = 0;
    Object.defineProperty = ((o: object, k: PropertyKey, d: PropertyDescriptor) => {
      if (k === 'name') named++;
      return real(o, k, d);
    }) as typeof Object.defineProperty;
    let g: Bundle;
    try {
      g = (await import(pathToFileURL(out).href)) as Bundle;
    } finally {
      Object.defineProperty = real;
    }
    const text = `x = {${Array.from({ length: 200 }, (_, i) => `"k${i}": [${i}, -${i}, (1, 2)]`).join(', ')}}`;
    const parser = g.getParser();
    const parseOnce = () => {
      const [stmt] = g.splitStatements(g.lexChunk(text)).stmts;
      parser.base = 0;
      parser.input = stmt!.toks;
      parser.targetErrors = [];
      const tree = parser.statement() as { kind: string; value: { kind: string } };
      expect(parser.errors).toEqual([]);
      expect([tree.kind, tree.value.kind]).toEqual(['assign', 'unsupported']);
    };
    parseOnce(); // the first parse may run one-off set-up
    const before = named;
    parseOnce();
    expect(named - before).toBe(0);
  });
});
