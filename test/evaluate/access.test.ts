/**
 * @fileoverview What xm's evaluator reads beyond arithmetic (src/syntax/evaluate-access.ts, decision
 * 075): `len()`, indexing and slicing, and `==`/`!=`/`in` chains, above all of unicode strings as
 * Python 2.7's wide build holds them (decision 065). Each expected repr is what Python 2.7.18 printed
 * for the same expression (`PYENV_VERSION=2.7.18 python`, eval then repr).
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import { wideLength } from '../../src/syntax/py2-unicode.js';
import type { Value } from '../../src/syntax/value.js';
import { codesAndSpans, spanOf } from './helpers.js';

/** The value of `x` in the xm file `src`, with the file's findings. */
function valueOf(src: string): { x: Value | undefined; diagnostics: ReturnType<typeof parse>['diagnostics'] } {
  const r = parse(src, { dialect: 'xm' });
  return { x: [...r.settings].reverse().find((s) => s.key === 'x')?.value, diagnostics: r.diagnostics };
}

describe('len(), subscripts and == / != / in of Python 2 values', () => {
  test.each([
    // [expression, Python 2.7.18's repr of its value]
    ["u'a' == 'a'", 'True'],
    ["u'a' != 'a'", 'False'],
    ["u'a' <> u'b'", 'True'],
    ["u'\\xe9' == u'\\xe9'", 'True'],
    ["u'\\ud800\\udc00' == u'\\U00010000'", 'False'],
    ["u'\\ud800\\udc00' != u'\\U00010000'", 'True'],
    ["u'\\ud800' + u'\\udc00' == u'\\ud800\\udc00'", 'True'],
    ["[u'a', 1] == ['a', 1.0]", 'True'],
    ["(u'a',) == [u'a']", 'False'],
    ['1 == 2 == undefined_name', 'False'],
    ['True == 1', 'True'],
    ['1L == 1.0', 'True'],
    ['None == None', 'True'],
    ["len(u'\\U0001F600')", '1'],
    ["len(u'\\ud800\\udc00')", '2'],
    ["len(u'\\udc00\\ud800' * 3)", '6'],
    ["len('\\xe9\\xe8')", '2'],
    ['len([1, (2, 3)])', '2'],
    ['len(())', '0'],
    ["u'abc'[-1]", "u'c'"],
    ["u'\\U00010000x'[0]", "u'\\U00010000'"],
    ["u'\\ud800\\udc00'[0]", "u'\\ud800'"],
    ["u'\\ud800\\udc00'[-1]", "u'\\udc00'"],
    ["u'abc'[True]", "u'b'"],
    ["u'abc'[1L]", "u'b'"],
    ["'abc'[-3]", "'a'"],
    ['(1, 2)[-1]', '2'],
    ['((1,), 2)[0]', '(1,)'],
    ["u'abc'[::-1]", "u'cba'"],
    ["u'\\U00010000\\U00010001'[::-1]", "u'\\U00010001\\U00010000'"],
    ["u'\\udc00\\ud800'[::-1]", "u'\\ud800\\udc00'"],
    ["u'\\udc00\\ud800x\\udc00'[1::2]", "u'\\ud800\\udc00'"],
    ["u'abcdef'[-1:-5:-2]", "u'fd'"],
    ["u'abc'[-10:10]", "u'abc'"],
    ["u'abc'[None:2]", "u'ab'"],
    ["u'abc'[5:]", "u''"],
    ["'\\xe9\\xe8'[::-1]", "'\\xe8\\xe9'"],
    ['[1, [2]][:1]', '[1]'],
    ["'a' in u'abc'", 'True'],
    ["u'a' in 'abc'", 'True'],
    ["u'a' not in u'abc'", 'False'],
    ["u'\\udc00' in u'\\U00010000'", 'False'],
    ["u'\\udc00' in u'\\ud800\\udc00'", 'True'],
    ["u'\\ud800\\udc00' in u'\\U00010000'", 'False'],
    ["u'\\U00010000' in u'x\\U00010000'", 'True'],
    ["'b' in 'abc' in 'xabcx'", 'True'],
    ['1 in [1.0]', 'True'],
    ['(1,) in [(1,)]', 'True'],
  ])('x = %s', (expr, repr) => {
    const { x, diagnostics } = valueOf(`x = ${expr}\n`);
    expect(codesAndSpans(diagnostics)).toEqual([]);
    expect(pyRepr(x!)).toBe(repr);
  });

  test('a split surrogate pair stays two code points through indexing and slicing', () => {
    // repr cannot tell u'\U00010000' from a split pair in every case: the code points can.
    for (const [expr, points] of [["u'\\udc00\\ud800'[::-1]", 2], ["u'\\U00010000\\U00010001'[1:]", 1], ["u'a\\ud800\\udc00b'[1:3]", 2]] as const) {
      const { x } = valueOf(`x = ${expr}\n`);
      expect(x?.kind === 'string' && x.unicode === true ? wideLength(x) : -1, expr).toBe(points);
    }
  });

  test('a byte string counts and cuts bytes: UTF-8 text written in the file is its bytes', () => {
    const src = "# -*- coding: utf-8 -*-\nb = 'é'\nx = (len(b), b[0], b[0:2], b[1:], len(u'😀é'), u'😀é'[0])\n";
    const { x, diagnostics } = valueOf(src);
    expect(diagnostics).toEqual([]);
    expect(pyRepr(x!)).toBe("(2, '\\xc3', '\\xc3\\xa9', '\\xa9', 2, u'\\U0001f600')");
  });

  test.each([
    // [source, code, text the finding points at]: IndexError, TypeError, ValueError in Python 2.7.18
    ["x = u'abc'[3]\n", 'XM0112', '3'],
    ["x = u'abc'[-4]\n", 'XM0112', '-4'],
    ["x = 'abc'[5]\n", 'XM0112', '5'],
    ["x = (1, 2)[5]\n", 'XM0112', '5'],
    ["s = u'\\U0001F600'\nx = s[1]\n", 'XM0112', '1'],
    ["x = u'abc'[1.0]\n", 'XM0053', '1.0'],
    ["x = u'abc'[1:2.0]\n", 'XM0053', '2.0'],
    ["x = u'abc'[::0]\n", 'XM0053', '0'],
    ["x = len(5)\n", 'XM0053', '5'],
    ["x = len()\n", 'XM0053', 'len()'],
    ["x = 5[0]\n", 'XM0053', '5[0]'],
    ["x = u'a' in '\\xe9'\n", 'XM0053', "u'a' in '\\xe9'"],
    ["x = 1 in u'abc'\n", 'XM0053', "1 in u'abc'"],
    ["x = 1 in 5\n", 'XM0053', '1 in 5'],
    ["x = 1 == 1 == y\n", 'XM0050', 'y'],
  ])('%j is %s', (src, code, at) => {
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    const needle = src.lastIndexOf(at);
    expect(codesAndSpans(diagnostics)).toEqual([{ code, start: needle, end: needle + at.length }]);
  });

  test('a unicode string and a non-ASCII byte string are unequal, with the warning Python prints (XM0113)', () => {
    const src = "x = u'\\xe9' != '\\xe9'\n";
    const { x, diagnostics } = valueOf(src);
    expect(x).toMatchObject({ kind: 'bool', value: true });
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0113', ...spanOf(src, "u'\\xe9' != '\\xe9'") }]);
    expect(diagnostics[0]!.severity).toBe('warning');
    const inList = valueOf("x = u'\\xe9' in ['a', '\\xe9']\n");
    expect(inList.x).toMatchObject({ kind: 'bool', value: false });
    expect(inList.diagnostics.map((d) => d.code)).toEqual(['XM0113']);
  });

  test.each([
    // still not evaluated: XM0052 once, at the whole expression
    ['x = os.uname()[4]\n', 'os.uname()[4]'],
    ["x = os.uname()[4] == 'x86_64'\n", "os.uname()[4] == 'x86_64'"],
    ["x = str(1)[0]\n", 'str(1)[0]'],
    ['x = [1, [2]][1]\n', '[1, [2]][1]'],
    ["len = 3\nx = len('a')\n", "len('a')"],
  ])('%j is not evaluated (XM0052)', (src, at) => {
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    expect(codesAndSpans(diagnostics)).toEqual([{ code: 'XM0052', ...spanOf(src, at) }]);
  });

  test('reading a long string by index counts towards the file\'s work budget (XM0063 once it is spent)', () => {
    // 1 Mi characters read 20 times is past the 16 Mi budget: without the charge, each read was free.
    let src = "a = 'x' * 1048576\n";
    for (let k = 0; k < 20; k++) src += `b${k} = a[0]\n`;
    const r = parse(src, { dialect: 'xm' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0063']);
    expect(r.settings.length).toBeLessThan(20);
  });

  test('names read only inside len(), a subscript or a comparison are bound for it', () => {
    const src = "name = 'vm01'\nx = (len(name), name[2:], name == 'vm01', 'vm' in name)\n";
    const { x, diagnostics } = valueOf(src);
    expect(diagnostics).toEqual([]);
    expect(pyRepr(x!)).toBe("(4, '01', True, True)");
  });
});
