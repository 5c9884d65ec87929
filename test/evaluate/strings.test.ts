/** @fileoverview Literal decoding details: bodies of prefixed, triple-quoted and unterminated literals; xm escapes. */
import { describe, expect, test } from 'vitest';
import { decodeXlString, decodeXmPart, literalBody, type EscapeProblem } from '../../src/syntax/evaluate-strings.js';
import type { StringPart } from '../../src/syntax/tree.js';

function part(text: string, start: number, end: number, quote: string, prefix = ''): StringPart {
  return { span: { start, end }, quote, prefix };
}

describe('literalBody', () => {
  test.each([
    ['x = "abc"', 4, 9, '"', '', 'abc'],
    ["x = r'a\\'b'", 4, 11, "'", 'r', "a\\'b"],
    ['x = """a\n"b"\n"""', 4, 16, '"""', '', 'a\n"b"\n'],
    ['x = "abc', 4, 8, '"', '', 'abc'],
    ['x = "ab\\"', 4, 9, '"', '', 'ab\\"'],
    ['x = UR"q"', 4, 9, '"', 'ur', 'q'],
  ])('%s', (text, s, e, q, p, want) => {
    const b = literalBody(text, part(text, s, e, q, p));
    expect(text.slice(b.start, b.end)).toBe(want);
  });
});

describe('xm escapes', () => {
  const dec = (lit: string, quote = '"', prefix = '') => {
    const problems: EscapeProblem[] = [];
    const text = `x = ${lit}`;
    const value = decodeXmPart(text, part(text, 4, text.length, quote, prefix), problems);
    return { value, problems: problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]) };
  };
  test.each([
    ['"\\x41\\102\\u0041"', '', 'AB\\u0041'],
    ['u"\\u00e9\\U0001F600"', 'u', 'é😀'],
    ['ur"\\u0041\\n"', 'ur', 'A\\n'],
    ['"a\\\nb"', '', 'ab'],
    ['"\\8\\N{DASH}"', '', '\\8\\N{DASH}'],
    ['"\\0\\00\\000\\0000"', '', '\0\0\0\x000'],
  ])('%s', (lit, prefix, want) => {
    expect(dec(lit, '"', prefix)).toEqual({ value: want, problems: [] });
  });
  test('malformed \\x and \\u are reported at the escape', () => {
    expect(dec('"a\\x4g"').problems).toEqual([['\\x4', 'invalid \\x escape']]);
    expect(dec('u"\\u12"', '"', 'u').problems).toEqual([['\\u12', 'truncated \\u escape']]);
  });
});

describe('xl escapes', () => {
  test('lenient on errors: unknown escapes keep the character, \\x is not hex', () => {
    // `\12` is refused too (libxlu needs 2 characters read after the digit): backslash and digit dropped.
    const text = 'x = "\\q\\x41\\12Z\\189Y"';
    expect(decodeXlString(text, part(text, 4, text.length, '"'))).toBe('qx412ZY');
  });
});
