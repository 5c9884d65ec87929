/**
 * @fileoverview `and`, `or`, `not` and conditional expressions in xm's evaluator
 * (src/syntax/evaluate-bool.ts, decision 093). Each expected repr is what Python 2.7.18 printed for
 * the same expression (`PYENV_VERSION=2.7.18 python`, eval then repr); the same cases and 300
 * random mixes with comparisons run against Python itself in scripts/py2-cases-bool.mjs.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import type { Value } from '../../src/syntax/value.js';
import { codesAndSpans, spanOf } from './helpers.js';

/** The value of `name` in the xm file `src`, with the file's findings. */
function valueOf(src: string, name = 'x'): { x: Value | undefined; diagnostics: ReturnType<typeof parse>['diagnostics'] } {
  const r = parse(src, { dialect: 'xm' });
  return { x: [...r.settings].reverse().find((s) => s.key === name)?.value, diagnostics: r.diagnostics };
}

describe('and, or, not and x if c else y, as Python 2 evaluates them', () => {
  test.each([
    // [expression, Python 2.7.18's repr of its value]: truth of every kind (0, 0L, 0.0, -0.0, '', u'', [], (), None, False are false)
    ['not 0', 'True'],
    ['not 0L', 'True'],
    ['not 0.0', 'True'],
    ['not -0.0', 'True'],
    ["not ''", 'True'],
    ["not u''", 'True'],
    ['not []', 'True'],
    ['not ()', 'True'],
    ['not None', 'True'],
    ['not False', 'True'],
    ['not 1e-300', 'False'],
    ["not '\\x00'", 'False'],
    ['not [0]', 'False'],
    ['not (0,)', 'False'],
    ['not [[]]', 'False'],
    // and / or give an operand, of its own type, not a bool
    ['1 or 2', '1'],
    ['0 or 2', '2'],
    ['0 and 2', '0'],
    ['1 and 2', '2'],
    ["'' or 'x'", "'x'"],
    ['[] or ()', '()'],
    ['() and []', '()'],
    ['0L or 0.0', '0.0'],
    ['0.0 or 0L', '0L'],
    ['1L or 2', '1L'],
    ['None or None', 'None'],
    ['False or 0', '0'],
    ['0 or False', 'False'],
    ["u'' or ''", "''"],
    ["'' or u''", "u''"],
    ['-0.0 or 0', '0'],
    // precedence: not > and > or, comparisons and arithmetic bind tighter; the result is an operand of what reads it
    ['0 or 0 or 0', '0'],
    ['1 and 0 and 3', '0'],
    ['0 or 1 and 2 or 3', '2'],
    ['1 or 2 and 0', '1'],
    ['(1 or 2) and 0', '0'],
    ['not 1 or 2', '2'],
    ['not (1 or 2)', 'False'],
    ['not 1 == 2', 'True'],
    ['not 3 < 2 < 1', 'True'],
    ['1 < 2 and 3', '3'],
    ['1 == (not 0)', 'True'],
    ['not 1 + 1', 'False'],
    ['(1 and 2) * 3', '6'],
    ["'%s' % (0 or 'x')", "'x'"],
    ["len(0 or 'abc')", '3'],
    ["('' or 'xyz')[1]", "'y'"],
    ['[0 or 1, 1 and 0, not 0]', '[1, 0, True]'],
    // conditional expressions: the test, then one branch
    ['1 if 1 else 2', '1'],
    ['1 if 0 else 2', '2'],
    ["'a' if '' else 'b'", "'b'"],
    ['1 if 0 else 2 if 0 else 3', '3'],
    ['1 + 1 if 0 else 5', '5'],
    ['not 0 if 0 else 1', '1'],
    ['0 or 1 if 0 else 2', '2'],
    ["u'\\xe9' if 0.0 else '\\xe9'", "'\\xe9'"],
    // short-circuit: what Python never evaluates raises nothing (a name never bound, 1 / 0, a string of 10^8)
    ['1 or y', '1'],
    ['0 and y', '0'],
    ['1 or 1 / 0', '1'],
    ["0 and 'a' + 1", '0'],
    ["1 or 'a' * 10 ** 8", '1'],
    ['1 or [1][5]', '1'],
    ["0 and u'\\xe9' < '\\xe9'", '0'],
    ['3 if 1 else 1 / 0', '3'],
    ['1 / 0 if 0 else 3', '3'],
  ])('x = %s', (expr, repr) => {
    const { x, diagnostics } = valueOf(`x = ${expr}\n`);
    expect(codesAndSpans(diagnostics)).toEqual([]);
    expect(pyRepr(x!)).toBe(repr);
  });

  test('the value is the operand itself, at the span of the whole expression; `not` gives a bool', () => {
    const src = 'x = 0L or 2.5\n';
    expect(valueOf(src).x).toEqual({ kind: 'number', text: '2.5', value: 2.5, pyType: 'float', span: spanOf(src, '0L or 2.5') });
    const neg = 'x = not []\n';
    expect(valueOf(neg).x).toEqual({ kind: 'bool', value: true, span: spanOf(neg, 'not []') });
    const cond = "x = (u'a' if 1 else 2)\n";
    expect(valueOf(cond).x).toMatchObject({ kind: 'string', value: 'a', unicode: true, span: spanOf(cond, "(u'a' if 1 else 2)") });
  });

  test.each([
    // [file, the finding's code, where]: an operand Python evaluates reports its own error, at itself
    ['x = 0 or y\n', 'XM0050', 'y'],
    ['x = 1 and y\n', 'XM0050', 'y'],
    ['x = not y\n', 'XM0050', 'y'],
    ['x = 1 if y else 2\n', 'XM0050', 'y'],
    ['x = 1 if 0 else y\n', 'XM0050', 'y'],
    ['x = y if 1 else 2\n', 'XM0050', 'y'],
    ['x = 1 and [1][5]\n', 'XM0112', '5'],
    ["x = '' or 'a' + 1\n", 'XM0053', "'a' + 1"],
    ['x = not len\n', 'XM0116', 'len'],
    ['x = 0 or 2 ** 60\n', 'XM0055', '2 ** 60'],
    // a construct xmcfg does not evaluate, even in an operand Python would skip: XM0052 once, at the whole expression
    ['x = 1 or os.uname()\n', 'XM0052', '1 or os.uname()'],
    ['x = 0 and str(5)\n', 'XM0052', '0 and str(5)'],
    ["x = 1 if 1 else {'a': 1}\n", 'XM0052', "1 if 1 else {'a': 1}"],
    ["x = not os.uname()[4] == 'x86_64'\n", 'XM0052', "not os.uname()[4] == 'x86_64'"],
  ])('%j: %s', (src, code, at) => {
    const { x, diagnostics } = valueOf(src);
    expect(x).toBeUndefined();
    expect(codesAndSpans(diagnostics)).toEqual([{ code, ...spanOf(src, at) }]);
  });

  test('a warning of a comparison is reported where Python runs it, and not where it is skipped', () => {
    const run = "x = 1 and u'\\xe9' == '\\xe9'\n";
    const ran = valueOf(run);
    expect(pyRepr(ran.x!)).toBe('False');
    expect(codesAndSpans(ran.diagnostics)).toEqual([{ code: 'XM0113', ...spanOf(run, "u'\\xe9' == '\\xe9'") }]);
    const order = "x = 0 or 512 > '256'\n";
    expect(codesAndSpans(valueOf(order).diagnostics)).toEqual([{ code: 'XM0114', ...spanOf(order, "512 > '256'") }]);
    for (const skipped of ["x = 0 and u'\\xe9' == '\\xe9'\n", "x = 1 or 512 > '256'\n", "x = '256' if 1 else 512 > '256'\n"]) {
      expect(codesAndSpans(valueOf(skipped).diagnostics)).toEqual([]);
    }
  });

  test('an operand not evaluated costs nothing of the file\'s work budget (XM0063)', () => {
    // Reading a[1:] walks 1 Mi characters and builds as many: 20 of them are past the 16 Mi budget.
    const file = (expr: string): string => {
      let src = "a = 'x' * 1048576\n";
      for (let k = 0; k < 20; k++) src += `b${k} = ${expr}\n`;
      return src;
    };
    const skipped = parse(file('1 or a[1:]'), { dialect: 'xm' });
    expect(skipped.diagnostics).toEqual([]);
    expect(skipped.settings.filter((s) => s.key.startsWith('b')).map((s) => pyRepr(s.value))).toEqual(Array(20).fill('1'));
    expect(parse(file('0 or a[1:]'), { dialect: 'xm' }).diagnostics.map((d) => d.code)).toEqual(['XM0063']);
    expect(parse(file("a[1:] if '' else 1"), { dialect: 'xm' }).diagnostics).toEqual([]);
  });

  test('a list given by and / or / if is the same list: `+=` on it reaches every name holding it', () => {
    // Python 2.7.18: a = [1]; b = a or [2]; c = 0 or a; d = a if a else []; e = [] and a; a += [3]
    const src = 'a = [1]\nb = a or [2]\nc = 0 or a\nd = a if a else []\ne = [] and a\na += [3]\n';
    expect(valueOf(src).diagnostics).toEqual([]);
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => pyRepr(valueOf(src, n).x!))).toEqual(['[1, 3]', '[1, 3]', '[1, 3]', '[1, 3]', '[]']);
  });

  test('a long flat chain of or / and is evaluated (no nesting limit): Python 2 gives its last operand', () => {
    const or = `x = ${Array(5000).fill('0').join(' or ')} or 7\n`;
    expect(pyRepr(valueOf(or).x!)).toBe('7');
    const and = `x = ${Array(5000).fill("'a'").join(' and ')} and ()\n`;
    expect(pyRepr(valueOf(and).x!)).toBe('()');
  });
});
