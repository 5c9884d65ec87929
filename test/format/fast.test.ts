import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/format/index.js';
import { fastLex } from '../../src/format/fast-lex.js';
import { fastVerify } from '../../src/format/fast-verify.js';
import { printTokens } from '../../src/format/fast-print.js';
import { resolveLayout } from '../../src/format/options.js';
import { parse } from '../../src/syntax/index.js';
import { corpusFiles } from './corpus.js';
import { printTree } from '../../src/format/printer.js';
import { config } from './arbitraries.js';
import { formatFast } from '../../src/format/fast.js';

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
  it('leaves numbers that may reach 2^53 to the real parser: xm refuses them (XM0055), so fmt --dialect xm does', () => {
    // Found by scripts/fuzz.mjs (seed 12): the fast path formatted what the full path refuses.
    for (const text of ['y=9999999999999999', 'y=0x20000000000000', 'y = [1, 10000000000000000]\n']) {
      expect(formatText(text, { dialect: 'xm' })).toMatchObject({ text, changed: false, refused: 'syntax-errors' });
      expect(formatText(text, { dialect: 'xm' }).diagnostics.map((d) => d.code)).toEqual(['XM0055']);
      expect(formatText(text, { dialect: 'xm' })).toEqual(formatText(text, { dialect: 'xm', fast: false }));
    }
    // Below 2^53 fmt still formats (the fast path takes up to 15 decimal digits, the real parser the rest).
    expect(fastLex('y=999999999999999')).not.toBeNull();
    expect(formatText('y=0x1fffffffffffff', { dialect: 'xm' })).toMatchObject({ text: 'y = 0x1fffffffffffff\n', changed: true });
  });
  it('gives up on what is outside the subset', () => {
    for (const t of ['  a = 1\n', 'a = 1;;\n', 'a += 1\n', 'a = True\n', 'a = 0X1F\n', 'a = 010\n', 'a = "é"\n', 'a = 1 b = 2\n', 'a = """x"""\n', 'a = "\\x41"\n', 'a = 1\r\n', 'A = 1\n', 'if = 1\n', 'a = [1 2]\n', '# c', 'a.b = 1\n', 'a = [,]\n']) {
      expect(fastLex(t), JSON.stringify(t)).toBeNull();
    }
  });
  it('scans strings and comments character by character with the same limits', () => {
    // Accepted: TAB and the other quote inside a string, the simple escapes, printable ASCII in comments, a comment at the very end after a newline.
    for (const t of ['a = "x\ty"\n', "a = 'say \"hi\"'\n", 'a = "it\'s"\n', 'a = "\\\\ \\n \\t \\" \\\'"\n', 'a = 1  # ~ tab\there\n', 'a = 1\n# end\n', 'a = "~"\n', 'a = ""\n']) {
      expect(fastLex(t), JSON.stringify(t)).not.toBeNull();
    }
    // Refused: unterminated (at the end or at a newline), control characters, DEL and non-ASCII in strings and comments, CR, an unknown escape.
    for (const t of ['a = "x', "a = 'x", 'a = "x\n"\n', 'a = "\x01"\n', 'a = "\x7f"\n', 'a = "\u00e9"\n', 'a = 1 # \x7f\n', 'a = 1 # \u00e9\n', 'a = 1 # c\r\n', 'a = 1 # \x01\n', 'a = "\\', 'a = "\\q"\n']) {
      expect(fastLex(t), JSON.stringify(t)).toBeNull();
    }
  });
  it('gives the same result on a large text as on its pieces', () => {
    const piece = 'a = [ 1,2 ]  # c\nb = \'x\'; c = "y"\n\n# d\n';
    const big = piece.repeat(Math.ceil((1 << 20) / piece.length) + 1);
    expect(big.length).toBeGreaterThanOrEqual(1 << 20);
    const r = formatText(big, { quote: 'double' });
    expect(r.text).toBe(formatText(piece, { quote: 'double' }).text.repeat(big.length / piece.length));
  });
  it('handles the edges of the byte lexer as the general path does', () => {
    const nest = (k: number) => 'a = ' + '['.repeat(k) + '1' + ']'.repeat(k) + '\n';
    const dense = 'a = [' + '1,'.repeat(50_000) + ']\n'; // more tokens than the first guess holds
    const cases = ['', '\n\n', '# only\n', 'a = 1', 'a = 1  ', 'a = 1;', 'a = [1,\n# c\n]', nest(33), dense, 'a = 1\u0000\n', 'a = "x\u0000"\n', '# c\u0000\n'];
    for (const t of cases) {
      const fast = formatFast(t, {});
      const slow = formatText(t, { fast: false });
      if (fast) expect({ t: t.slice(0, 40), out: fast.text }).toEqual({ t: t.slice(0, 40), out: slow.text });
    }
    expect(fastLex(nest(33))).not.toBeNull();
    expect(fastLex(nest(34))).toBeNull();
    expect(fastLex(dense)).not.toBeNull();
    for (const t of ['a = 1\u0000\n', 'a = "x\u0000"\n', '# c\u0000\n', 'a = [1,\u0000]\n']) expect(fastLex(t), JSON.stringify(t)).toBeNull();
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
