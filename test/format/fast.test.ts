import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/format/index.js';
import { fastLex, fastVerify } from '../../src/format/fast-lex.js';
import { printTokens } from '../../src/format/fast-print.js';
import { resolveLayout } from '../../src/format/options.js';
import { parse } from '../../src/syntax/index.js';
import { corpusFiles } from './corpus.js';
import { printTree } from '../../src/format/printer.js';
import { config } from './arbitraries.js';

const files = corpusFiles();

/** Texts for both paths: the corpus, plus each corpus file's formatted form. */
const texts = files.flatMap((f) => [f.text, formatText(f.text).text]);

describe('fast reader', () => {
  it('takes a good share of the corpus', () => {
    expect(texts.filter((t) => fastLex(t) !== null).length).toBeGreaterThan(30);
  });
  it('accepts only texts without syntax errors in both dialects', () => {
    for (const t of texts.filter((x) => fastLex(x) !== null)) {
      for (const dialect of ['xl', 'xm'] as const) {
        expect(parse(t, { dialect }).diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('XM00'))).toEqual([]);
      }
    }
  });
  it('prints tokens exactly as the tree printer prints the real parser\'s tree', () => {
    for (const t of texts.filter((x) => fastLex(x) !== null)) {
      for (const quote of ['keep', 'double', 'single'] as const) {
        const expected = printTree(parse(t).tree, { quote });
        expect(printTokens(t, fastLex(t)!, resolveLayout({ quote }))).toBe(expected);
        expect(printTokens(t, fastLex(t, { blanks: false })!, resolveLayout({ quote }))).toBe(expected);
      }
    }
  });
  it('builds the same token stream as the real parser', () => {
    for (const t of texts.filter((x) => fastLex(x) !== null)) {
      const a = fastLex(t)!;
      const b = parse(t).tree.tokens;
      expect([...a.kinds.subarray(0, a.count)]).toEqual([...b.kinds.subarray(0, b.count)]);
      expect([...a.starts.subarray(0, a.count)]).toEqual([...b.starts.subarray(0, b.count)]);
    }
  });
  it('formatText gives the same text on both paths', () => {
    for (const t of texts) expect(formatText(t).text).toBe(formatText(t, { fast: false }).text);
  });
  it('gives up on what is outside the subset', () => {
    for (const t of ['  a = 1\n', 'a = 1;;\n', 'a += 1\n', 'a = True\n', 'a = 0X1F\n', 'a = 010\n', 'a = "é"\n', 'a = 1 b = 2\n', 'a = """x"""\n', 'a = "\\x41"\n', 'a = 1\r\n', 'A = 1\n', 'if = 1\n', 'a = [1 2]\n', '# c', 'a.b = 1\n', 'a = [,]\n']) {
      expect(fastLex(t), JSON.stringify(t)).toBeNull();
    }
  });
  it('reads generated plain configs and agrees with the real parser', () => {
    let accepted = 0;
    fc.assert(
      fc.property(config, (t) => {
        const fast = fastLex(t);
        if (!fast) return;
        accepted++;
        expect(parse(t).diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('XM00'))).toEqual([]);
        expect(formatText(t).text).toBe(formatText(t, { fast: false }).text);
        expect(formatText(t, { quote: 'single', lineWidth: 40 }).text).toBe(formatText(t, { fast: false, quote: 'single', lineWidth: 40 }).text);
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(accepted).toBeGreaterThan(80); // the rest holds non-ASCII text (left to the real parser)
  });
  it('agrees with the real parser on random plain texts', () => {
    const piece = fc.constantFrom('a', 'memory', ' ', '=', '"x"', "'y'", '1', '0x1f', '[', ']', ',', '\n', '# c\n', ';', 'z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (ps) => {
        const t = ps.join('');
        const fast = fastLex(t);
        if (!fast) return;
        for (const dialect of ['xl', 'xm'] as const) {
          expect(parse(t, { dialect }).diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('XM00'))).toEqual([]);
        }
        expect(formatText(t).text).toBe(formatText(t, { fast: false }).text);
      }),
      { numRuns: 2000, seed: 99 },
    );
  });
});

describe('fastVerify', () => {
  const check = (a: string, b: string) => fastVerify(b, a, fastLex(a, { blanks: false })!);
  it('accepts a layout change and rejects a change of meaning', () => {
    expect(check('a=[1,2,]  # c\nb="x"\n', 'a = [1, 2]  # c\nb = "x"\n')).toBe(true);
    expect(check("a='x'\n", 'a = "x"\n')).toBe(true);
    expect(check('a=[1,2]\n', 'a = [12]\n')).toBe(false);
    expect(check('a=[1,2]\n', 'a = [1, 2, 3]\n')).toBe(false);
    expect(check('a=1 # c\n', 'a = 1\n')).toBe(false);
    expect(check('a=1 # c\n', 'a = 1  # d\n')).toBe(false);
    expect(check('a=1\nb=2\n', 'a = 1 b = 2\n')).toBe(false);
    expect(check('a=[[1],2]\n', 'a = [[1, 2]]\n')).toBe(false);
    expect(check('a="x y"\n', 'a = "xy"\n')).toBe(false);
    expect(check('a=1\n', 'a = 1\nb = 2\n')).toBe(false);
  });
});
