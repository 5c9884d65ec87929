/**
 * @fileoverview The comparisons decision 089 added to xm's evaluator (src/syntax/evaluate-compare.ts):
 * `<`, `>`, `<=`, `>=` of every type, `is` / `is not` where Python 2 makes identity certain, and
 * Python 2's builtin functions and classes read as values. Each expected repr is what Python 2.7.18
 * printed for the same expression (`PYENV_VERSION=2.7.18 python`, eval then repr); the same cases
 * run against Python itself in scripts/py2-cases-compare.mjs.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import type { Value } from '../../src/syntax/value.js';
import { codesAndSpans, spanOf } from './helpers.js';

/** The value of `x` in the xm file `src`, with the file's findings. */
function valueOf(src: string): { x: Value | undefined; diagnostics: ReturnType<typeof parse>['diagnostics'] } {
  const r = parse(src, { dialect: 'xm' });
  return { x: [...r.settings].reverse().find((s) => s.key === 'x')?.value, diagnostics: r.diagnostics };
}

describe('ordering comparisons of Python 2 values', () => {
  test.each([
    // [expression, Python 2.7.18's repr of its value]: values of one kind, no finding
    ['2 <= 2', 'True'],
    ['3 > 4', 'False'],
    ['4 >= 4.0', 'True'],
    ['1L < 1.5', 'True'],
    ['True < 2', 'True'],
    ['0.1 + 0.2 > 0.3', 'True'],
    ['None <= None', 'True'],
    ['None < None', 'False'],
    ["'abc' < 'abd'", 'True'],
    ["'a' < 'B'", 'False'],
    ["'\\xe9' > '\\x7f'", 'True'],
    ["'\\xff' >= '\\xfe\\xff'", 'True'],
    ["'a\\x00' > 'a'", 'True'],
    ["u'\\xe9' > u'z'", 'True'],
    // a wide build compares code points: a split surrogate pair is two, below U+10000
    ["u'\\ud800\\udc00' < u'\\U00010000'", 'True'],
    ["u'\\U00010000' < u'\\uffff'", 'False'],
    ["u'\\ud800' + u'\\udc00' < u'\\U00010000'", 'True'],
    // a byte string meets a unicode string as ASCII
    ["u'' < ''", 'False'],
    ["'a' < u'\\xe9'", 'True'],
    ["u'ab' >= 'ab'", 'True'],
    // lists and tuples: the first unequal items decide, else the length
    ['[1, 2] < [1, 2, 3]', 'True'],
    ['(1,) < (1, 0)', 'True'],
    ['[1] < [True]', 'False'],
    ['[1] <= [True]', 'True'],
    ["(1, 'a') > (1, u'\\xe9')", 'False'],
    ["[1, u'\\xe9'] < [2, '\\xe9']", 'True'],
    // chains stop at the first False
    ['1 < 2 < 3', 'True'],
    ['1 < 3 < 2', 'False'],
    ['3 > 2 > 1 > 0', 'True'],
    ['1 == 1 < 2', 'True'],
    ["'a' < 'b' in ['b']", 'True'],
    ['1 < 2 == 2 != 3', 'True'],
    ['3 < 2 < undefined_name', 'False'],
  ])('x = %s', (expr, repr) => {
    const { x, diagnostics } = valueOf(`x = ${expr}\n`);
    expect(codesAndSpans(diagnostics)).toEqual([]);
    expect(pyRepr(x!)).toBe(repr);
  });

  test.each([
    // [expression, Python's repr, the pair the warning points at]: values of different types,
    // ordered by CPython 2's type rule (None, numbers, then list < str < tuple < unicode): XM0114
    ["512 > '256'", 'False', "512 > '256'"],
    ["'1024' > 4096", 'True', "'1024' > 4096"],
    ['None < 0', 'True', 'None < 0'],
    ['True < None', 'False', 'True < None'],
    ["None < ''", 'True', "None < ''"],
    ['[] < ()', 'True', '[] < ()'],
    ["'a' < []", 'False', "'a' < []"],
    ["'a' < ()", 'True', "'a' < ()"],
    ["u'a' < ()", 'False', "u'a' < ()"],
    ["u'a' < []", 'False', "u'a' < []"],
    ['[] > 10 ** 15', 'True', '[] > 10 ** 15'],
    ["1L < u''", 'True', "1L < u''"],
    // inside lists: the items that decide are of different types
    ["[1, 'a'] < [1, 2]", 'False', "[1, 'a'] < [1, 2]"],
    ['[None] < [0]', 'True', '[None] < [0]'],
    // in a chain, at the pair that compares them
    ["0 < 1 < 'a'", 'True', "1 < 'a'"],
    ["'a' < 2 < y", 'False', "'a' < 2"],
  ])('x = %s is %s, with XM0114 at %s', (expr, repr, at) => {
    const src = `x = ${expr}\n`;
    const { x, diagnostics } = valueOf(src);
    expect(pyRepr(x!)).toBe(repr);
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0114', ...spanOf(src, at) }]);
    expect(diagnostics[0]!.severity).toBe('warning');
  });

  test.each([
    // a unicode string ordered against a non-ASCII byte string: Python's UnicodeDecodeError (XM0053)
    ["u'\\xe9' < '\\xe9'"],
    ["'\\xe9' < u'a'"],
    ["[u'\\xe9'] < ['\\xe9']"],
    ["(u'\\xe9',) <= ('\\xe9',)"],
  ])('x = %s is XM0053 at the comparison', (expr) => {
    const src = `x = ${expr}\n`;
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0053', ...spanOf(src, expr) }]);
  });

  test("UTF-8 text of a byte string is ordered by its bytes ('é' is '\\xc3\\xa9')", () => {
    const src = "# -*- coding: utf-8 -*-\nx = ('é' < 'f', 'é' > '\\xc3', u'é' < u'f')\n";
    const { x, diagnostics } = valueOf(src);
    expect(diagnostics).toEqual([]);
    expect(pyRepr(x!)).toBe('(False, True, False)');
  });
});

describe('is and is not', () => {
  test.each([
    // certain in Python 2: None, True, False, ints -5..256 (however computed), different types, unequal values
    ['1 is 1', 'True'],
    ['256 is 256', 'True'],
    ['-5 is -5', 'True'],
    ['200 + 56 is 256', 'True'],
    ['True + True is 2', 'True'],
    ["len('ab') is 2", 'True'],
    ['1 is True', 'False'],
    ['False is not False', 'False'],
    ['None is None', 'True'],
    ['None is 0', 'False'],
    ['None is not []', 'True'],
    ['1 is 1L', 'False'],
    ["'a' is u'a'", 'False'],
    ['[] is ()', 'False'],
    ['1000 is 1001', 'False'],
    ["'a' is 'b'", 'False'],
    ["[u'\\xe9'] is ['\\xe9']", 'False'],
    ['1 <= 1 is 1', 'True'],
    ['1 is 2 is y', 'False'],
  ])('x = %s', (expr, repr) => {
    const { x, diagnostics } = valueOf(`x = ${expr}\n`);
    expect(codesAndSpans(diagnostics)).toEqual([]);
    expect(pyRepr(x!)).toBe(repr);
  });

  test.each([
    // equal values CPython may or may not share (Python 2.7.18 gives True for some of these, False
    // for `200 + 100 is 300`): XM0115 at the comparison, no value
    ['x = 257 is 257\n', '257 is 257'],
    ['x = 200 + 100 is 300\n', '200 + 100 is 300'],
    ['x = 1L is 1L\n', '1L is 1L'],
    ['x = 0.0 is -0.0\n', '0.0 is -0.0'],
    ["x = 'a' is 'a'\n", "'a' is 'a'"],
    ['x = [] is not []\n', '[] is not []'],
    ['x = () is ()\n', '() is ()'],
    ["name = 'vm01'\nx = name is 'vm01'\n", "name is 'vm01'"],
    ['x = 1 is 1 < 1000 is 1000\n', '1000 is 1000'],
  ])('%j is XM0115', (src, at) => {
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0115', ...spanOf(src, at) }]);
  });
});

describe("Python 2's builtin functions and classes read as values (XM0116)", () => {
  test.each([
    ['x = len\n', 'len'],
    ['x = str\n', 'str'],
    ['x = ValueError\n', 'ValueError'],
    ['x = [1, len]\n', 'len'],
    ['x = len + 1\n', 'len'],
    ["x = max < 'a'\n", 'max'],
    ['len += 1\nx = 1\n', 'len'],
  ])('%j is XM0116 at the name', (src, at) => {
    const { diagnostics } = valueOf(src);
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0116', ...spanOf(src, at) }]);
  });

  test('a name the file binds itself is its own value, not the builtin', () => {
    const { x, diagnostics } = valueOf("len = 3\nstr = 'a'\nx = (len, str, len < 4)\n");
    expect(diagnostics).toEqual([]);
    expect(pyRepr(x!)).toBe("(3, 'a', True)");
  });

  test('a name bound to a builtin stays silent when read (reported once, where it was bound)', () => {
    const src = 'f = len\nx = f\n';
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0116', ...spanOf(src, 'len') }]);
  });
});
