/**
 * @fileoverview fmt's contract on every real config of the shared corpus (read in place at test
 * time), as an administrator runs it over a tree: each file is either left alone with a reason,
 * or rewritten so that a second fmt changes nothing, `check` reports the same codes on the same
 * statements (but the layout errors the layout removes), every comment survives and the
 * normalised config is identical; the output has LF line ends and no BOM (decision 026). Another
 * tree can be run the same way: `XMCFG_CORPUS=<dir> npx vitest run test/format/corpus-contract.test.ts` (the
 * bench generator's 2,000 small files: 4,001 rows pass).
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { corpusFiles } from './corpus.js';
import { comments, findings } from './layout-codes.js';


const files = corpusFiles();

describe('fmt over the shared corpus', () => {
  it('finds the corpus', () => {
    // An empty corpus would make every row below vacuous.
    expect(files.length).toBeGreaterThan(50);
  });

  for (const layout of [{}, { lineWidth: 20, quote: 'double' as const }]) {
    describe(`layout ${JSON.stringify(layout)}`, () => {
      it.each(files.map((f) => [f.path, f.text] as const))('%s', (_path, text) => {
        const once = formatText(text, layout);
        if (once.refused) {
          expect(once.text).toBe(text);
          expect(once.changed).toBe(false);
          return;
        }
        const d = once.dialect;
        expect(formatText(once.text, { ...layout, dialect: d }).text).toBe(once.text);
        // auto must read the output as it read the input, or a second run could lay it out otherwise.
        expect(formatText(once.text, layout).text).toBe(once.text);
        expect(comments(once.text, d)).toEqual(comments(text, d));
        expect(checkText(once.text, { dialect: d }).config).toEqual(checkText(text, { dialect: d }).config);
        expect(findings(once.text, d)).toEqual(findings(text, d));
        // LF line ends and no byte-order mark, whatever the input had (decision 026: xl refuses both).
        expect(once.text.startsWith('\ufeff')).toBe(false);
        expect(once.text.replace(/"""[^]*?"""|'''[^]*?'''/g, '')).not.toContain('\r\n');
      });
    });
  }
});
