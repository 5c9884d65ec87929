/**
 * @fileoverview Differences from Python 2.7 that scripts/py2-diff.mjs found (docs/xm-python2.md),
 * each test stating what Python 2.7.18's execfile did with the same text, so none needs Python 2.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import { check } from '../../src/index.js';
import type { Setting } from '../../src/syntax/value.js';

/** Code and [start, end) of every error and warning of an xm parse. */
function findings(text: string): [string, number, number][] {
  return parse(text, { dialect: 'xm' })
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => [d.code, d.span.start, d.span.end]);
}

/** The repr Python 2 would print of the last value of `key`, and whether it is unicode. */
function value(text: string, key = 'x'): { repr: string; unicode: boolean } {
  const r = parse(text, { dialect: 'xm' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const s = [...r.settings].reverse().find((x: Setting) => x.key === key)!;
  return { repr: pyRepr(s.value), unicode: s.value.kind === 'string' && s.value.unicode === true };
}

describe('source encoding (PEP 263): Python 2 refuses non-ASCII text without a declaration', () => {
  test.each([
    // SyntaxError: Non-ASCII character '\xc3' in file f.py on line 1, but no encoding declared
    ['x = "é"\n', 5],
    // ... on line 2: a comment counts too
    ['x = 1\n# é\n', 8],
    // a declaration on line 2 counts only after a blank or comment line 1 (... on line 3)
    ['x = 1\n# coding: utf-8\ny = "é"\n', 27],
    // line 1 is read (and refused) before line 2's declaration is seen
    ['# é\n# coding: utf-8\nx = 1\n', 2],
  ])('%j: XM0064 at the first non-ASCII character', (text, at) => {
    expect(findings(text)).toEqual([['XM0064', at, at + 1]]);
  });
  test.each([
    // Python 2 runs each of these: x == '\xc3\xa9'
    '# -*- coding: utf-8 -*-\nx = "é"\n',
    '#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\nx = "é"\n',
    '\n# coding: latin-1\nx = "é"\n',
    // a UTF-8 byte-order mark declares UTF-8
    '\ufeffx = "é"\n',
    // escapes are ASCII text
    'x = "\\xc3\\xa9"\n',
  ])('%j is accepted', (text) => {
    expect(findings(text).filter(([c]) => c === 'XM0064')).toEqual([]);
  });
  test('only xm: xl (libxlu) reads the bytes as they are', () => {
    expect(parse('x = "é"\n', { dialect: 'xl' }).diagnostics.map((d) => d.code)).not.toContain('XM0064');
  });
  test('a character beyond the BMP is one finding over its two UTF-16 units', () => {
    expect(findings('x = "\u{1F600}"\n')).toEqual([['XM0064', 5, 7]]);
  });
});

describe('assignment to None: SyntaxError "cannot assign to None" in Python 2', () => {
  test.each([
    ['None = 1\n', 0, 4],
    ['a = None = 2\n', 4, 8],
    // SyntaxError: cannot assign to __debug__
    ['__debug__ = 1\n', 0, 9],
  ])('%j: XM0065 at the target', (text, start, end) => {
    expect(findings(text)).toContainEqual(['XM0065', start, end]);
  });
  test('True and False may be rebound (Python 2: x == 1)', () => {
    expect(findings('True = 1\nx = True\n')).toEqual([]);
    expect(value('True = 1\nx = True\n').repr).toBe('1');
  });
});

describe('\\N{NAME} escapes', () => {
  test("u'\\N{EN DASH}' (Python 2: u'\\u2013') is refused at the escape, not kept as written", () => {
    expect(findings("x = u'a\\N{EN DASH}'\n")).toEqual([['XM0052', 7, 18]]);
  });
  test("u'\\N' and u'\\N{}' are malformed (Python 2: SyntaxError, malformed \\N character escape)", () => {
    expect(findings("x = u'\\N'\n")).toEqual([['XM0062', 6, 8]]);
    expect(findings("x = u'\\N{}'\n")).toEqual([['XM0062', 6, 8]]);
  });
  test("a byte string and a raw unicode string keep \\N as written (Python 2: '\\\\N{EN DASH}', u'\\\\N{EN DASH}')", () => {
    expect(value("x = '\\N{EN DASH}'\n")).toEqual({ repr: "'\\\\N{EN DASH}'", unicode: false });
    expect(value("x = ur'\\N{EN DASH}'\n")).toEqual({ repr: "u'\\\\N{EN DASH}'", unicode: true });
  });
});

describe('unicode strings are their own type, as in Python 2', () => {
  test.each([
    // [source, Python 2 repr]
    ["u'a' + 'b'", "u'ab'"],
    ["'a' + u'b'", "u'ab'"],
    ["'a' u'b'", "u'ab'"],
    ["U'a' * 2", "u'aa'"],
    ["u'%d' % 5", "u'5'"],
    ["'%s' % u'x'", "u'x'"],
    ["'%s-%s' % ('a', u'b')", "u'a-b'"],
    ["'%c' % u'x'", "u'x'"],
    ["'%r' % u'x'", '"u\'x\'"'],
    ["'%s' % [u'a', 'b']", '"[u\'a\', \'b\']"'],
    ["u'\\xe9\\u2013\\U0001F600\\n'", "u'\\xe9\\u2013\\U0001f600\\n'"],
    ["(u'a',) * 2", "(u'a', u'a')"],
  ])('%s is %s', (expr, repr) => {
    expect(value(`x = ${expr}\n`).repr).toBe(repr);
  });
  test("a list extended with a unicode string holds unicode characters (Python 2: [u'a', u'b'])", () => {
    expect(value('x = []\nx += u"ab"\n').repr).toBe("[u'a', u'b']");
  });
  test.each([
    // UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0
    ["x = '\\xe9' + u'a'\n", 'XM0053', 4, 17],
    ["x = u'a' + '\\xe9'\n", 'XM0053', 11, 17],
    ["x = '%s %s' % ('\\xe9', u'a')\n", 'XM0059', 4, 28],
    ["x = u'%s' % '\\xe9'\n", 'XM0059', 4, 18],
    // SyntaxError: (unicode error) 'ascii' codec can't decode byte 0xe9: joining adjacent literals
    ["x = '\\xe9' u'a'\n", 'XM0053', 4, 10],
  ])('%j: a non-ASCII byte string cannot join a unicode one (%s)', (text, code, start, end) => {
    expect(findings(text)).toEqual([[code, start, end]]);
  });
  test('xm ignored a unicode value (create.py copies only str, list, int, float): XM0554', () => {
    const r = check('name = u"vm1"\nmemory = 256\nkernel = "/boot/vmlinuz"\n', { dialect: 'xm' });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toContainEqual(['XM0554', 1, 8]);
  });
});

describe('+= extends a list in place: every name holding it sees the new items', () => {
  test.each([
    // [file, key, the repr Python 2.7.18 leaves for it]
    ['a = [1]\nb = a\na += [2]\n', 'b', '[1, 2]'],
    ['a = [1]\nc = [a, (a,)]\na += [2]\n', 'c', '[[1, 2], ([1, 2],)]'],
    ['a = [1]\nb = [a] * 3\na += [2]\n', 'b', '[[1, 2], [1, 2], [1, 2]]'],
    ['p = q = [1]\np += "s"\n', 'q', "[1, 's']"],
    // z and y hold one list, which holds x: both += reach z
    ['x = [0]\ny = [x]\nz = y\nx += [9]\ny += [8]\n', 'z', '[[0, 9], 8]'],
    ['x = [0]\ny = [x, x]\nx += [1]\nx += [2]\n', 'y', '[[0, 1, 2], [0, 1, 2]]'],
    ['disk = ["phy:/dev/a,xvda,w"]\nmore = disk\nmore += ["phy:/dev/b,xvdb,w"]\n', 'disk', "['phy:/dev/a,xvda,w', 'phy:/dev/b,xvdb,w']"],
    // a rebinding ends the sharing; copies never shared
    ['a = [1]\nb = a\nb = [5]\na += [2]\n', 'b', '[5]'],
    ['a = [1]\nb = a\na = [7]\nb += [2]\n', 'a', '[7]'],
    ['a = [1]\nb = a * 2\nc = a + []\na += [2]\n', 'b', '[1, 1]'],
    ['a = (1,)\nb = a\na += (2,)\n', 'b', '(1,)'],
    ['a = [1]\na += a\n', 'a', '[1, 1]'],
  ])('%j: %s is %s', (text, key, repr) => {
    expect(value(text, key).repr).toBe(repr);
  });
  test('a += [a] would make a list that contains itself (Python 2: [1, [...]]): XM0058 at the value', () => {
    expect(findings('a = [1]\na += [a]\n')).toEqual([['XM0058', 13, 16]]);
  });
  test('a += inside a block that is not run leaves the other holders unknown too', () => {
    const r = parse('a = []\nb = a\nfor i in (1, 2):\n    a += [i]\n', { dialect: 'xm' });
    expect(r.unread.filter((u) => u.key === 'b').map((u) => [u.why, u.keySpan.start, u.keySpan.end])).toEqual([['not-read', 34, 35]]);
  });
});

describe('a form feed sets the column back to 0, as in Python 2', () => {
  test.each([
    // Python 2 runs these: the statement starts in column 0 after the form feed
    ['\fx = 1\n', []],
    [' \fx = 1\n', []],
    // IndentationError: unexpected indent (the blanks after the form feed count)
    ['\f  x = 1\n', [['XM0532', 1, 3]]],
    ['\t\f x = 1\n', [['XM0532', 2, 3]]],
  ])('%j', (text, want) => {
    expect(findings(text)).toEqual(want);
  });
});

describe('indentation inside blocks (XM0066): Python 2 compiles blocks xmcfg does not run', () => {
  const at = (text: string): [string, number, number][] => findings(text).filter((f) => f[0] === 'XM0066');
  test.each([
    // IndentationError: unindent does not match any outer indentation level (line 3)
    ['if 1:\n    x = 1\n  y = 2\n', 16, 18],
    // the same, one block deeper (line 4); `z` back at column 0 is fine
    ['if 1:\n    if 2:\n        x = 1\n      y = 2\nz = 3\n', 30, 36],
    // in the else block (line 5)
    ['if 1:\n    x = 1\nelse:\n    y = 2\n  z = 3\n', 32, 34],
    // a form feed sets the column back to 0: the blanks after it are the indentation (line 3)
    ['if 1:\n    x = 1\n\f  y = 2\n', 17, 19],
    // IndentationError: unexpected indent (line 3)
    ['if 1:\n  x = 1\n    y = 2\n', 14, 18],
    // IndentationError: expected an indented block (line 2): reported at the header's colon
    ['if 1:\nx = 1\n', 4, 5],
    // SyntaxError: unexpected EOF while parsing
    ['if 1:\n', 4, 5],
  ])('%j: XM0066 at [%i, %i)', (text, start, end) => {
    expect(at(text)).toEqual([['XM0066', start, end]]);
  });
  test.each([
    'if 1:\n  x = [1,\n 2]\n  y = 1\n',
    'if 1:\n\tx = 1\n        y = 2\n', // a tab is 8 columns in Python 2
    'if 1:\n    x = 1\n\fy = 2\n',
    'if 1: x = 1\ny = 2\n',
    'if 1:  # why\n    x = 1\n    if 2:\n        y = 1\n    z = 1\n',
  ])('%j: Python 2 compiles it, no XM0066', (text) => {
    expect(at(text)).toEqual([]);
  });
  test('the statement after a form feed at column 0 is not in the block (Python 2: y == 2 runs)', () => {
    expect(parse('if 0:\n    x = 1\n\fy = 2\n', { dialect: 'xm' }).settings.map((s) => s.key)).toEqual(['y']);
  });
});

/** `n` nested `if 1:` headers, each one `step` deeper, then `x = 1` inside the innermost and `y = 2` after. */
const nested = (n: number, step = ' '): string => Array.from({ length: n }, (_, i) => `${step.repeat(i)}if 1:\n`).join('') + `${step.repeat(n)}x = 1\ny = 2\n`;

describe('too many levels of indentation (XM0023): Python 2 keeps 100, the top level among them', () => {
  const at = (text: string): [string, number, number][] => findings(text).filter((f) => f[0] === 'XM0023');
  /** Where line `line` (1-based) of `text` starts. */
  const lineStart = (text: string, line: number): number => text.split('\n').slice(0, line - 1).join('\n').length + 1;
  test('99 nested blocks compile (Python 2.7.18 runs them); a 100th level is refused at the blanks of its line', () => {
    expect(at(nested(99))).toEqual([]);
    // Python 2.7.18: "IndentationError: too many levels of indentation", line 101 (`x = 1`, 100 blanks).
    const text = nested(100);
    const start = lineStart(text, 101);
    expect(at(text)).toEqual([['XM0023', start, start + 100]]);
    // Deeper still: reported once, at the first line past the limit.
    const deeper = nested(130);
    expect(at(deeper)).toEqual([['XM0023', lineStart(deeper, 101), lineStart(deeper, 101) + 100]]);
  });
  test('levels, not columns: 100 tabs are as deep as 100 blanks, and 99 levels of 8 blanks compile', () => {
    const tabs = nested(100, '\t');
    expect(at(tabs)).toEqual([['XM0023', lineStart(tabs, 101), lineStart(tabs, 101) + 100]]);
    expect(at(nested(99, '        '))).toEqual([]);
  });
  test('going back out frees the levels; comments and lines inside brackets open none', () => {
    expect(at(nested(99) + nested(99))).toEqual([]);
    const inner = nested(99).replace('x = 1\n', `x = [1,\n${' '.repeat(300)}2]\n${' '.repeat(300)}# deeper\n`);
    expect(at(inner)).toEqual([]);
  });
  test('the finding is an error of xm (line and span as Python reports the line), not of xl', () => {
    const text = nested(100);
    const d = check(text, { dialect: 'xm' }).diagnostics.filter((x) => x.code === 'XM0023');
    expect(d.map((x) => [x.severity, x.line, x.column, x.endLine, x.endColumn])).toEqual([['error', 101, 1, 101, 101]]);
    expect(check(text, { dialect: 'xl' }).diagnostics.map((x) => x.code)).not.toContain('XM0023');
  });
});

describe('byte strings of non-ASCII text: Python 2 holds their UTF-8 bytes', () => {
  const C = '# -*- coding: utf-8 -*-\n';
  test.each([
    // Python 2.7.18, execfile with the coding declaration: repr(x)
    ["x = '%r' % 'é'", `"'\\\\xc3\\\\xa9'"`],
    ["x = '%r' % u'é'", `"u'\\\\xe9'"`],
    ["x = '%r' % ['é', '\\xe9']", `"['\\\\xc3\\\\xa9', '\\\\xe9']"`],
    ["x = '%r' % ('é' 'x')", `"'\\\\xc3\\\\xa9x'"`],
    ["x = '%r' % ('é' + '\\xe9')", `"'\\\\xc3\\\\xa9\\\\xe9'"`],
    ["x = '%5s|' % 'é'", `'   \\xc3\\xa9|'`],
    ["x = '%.1s' % 'é'", `'\\xc3'`],
    ['x = "é"', `'\\xc3\\xa9'`],
    ["x = u'é'", `u'\\xe9'`],
    ["x = '\\xe9'", `'\\xe9'`],
    ["x = 'é' + 'x'", `'\\xc3\\xa9x'`],
  ])('%s: repr %s', (line, repr) => {
    expect(value(`${C}${line}\n`).repr).toBe(repr);
  });
  test('the setting keeps the text as written (a name with é reads as é)', () => {
    const r = parse(`${C}name = "café-%d" % 1\n`, { dialect: 'xm' });
    expect(r.settings[0]!.value).toMatchObject({ kind: 'string', value: 'café-1' });
  });
  test("x += 'é' extends a list by its two bytes", () => {
    expect(value(`${C}x = []\nx += 'é'\n`).repr).toBe("['\\xc3', '\\xa9']");
  });
  test("'é\\xe9' (text and an escaped byte in one literal) is XM0052 at the literal", () => {
    expect(findings(`${C}x = 'é\\xe9'\n`)).toEqual([['XM0052', 28, 35]]);
  });
});
