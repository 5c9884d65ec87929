/**
 * @fileoverview Python 2's unicode strings as the wide (UCS-4) build xm ran under held them
 * (decision 065): each expected value is what Python 2.7.18 (sys.maxunicode 1114111) printed for
 * the same file, as repr. u'\U00010000' is one code point; u'\ud800\udc00' two, never joined.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { pyRepr } from '../../src/syntax/python-format.js';
import { wideLength } from '../../src/syntax/py2-unicode.js';
import { decodeSource } from '../../src/syntax/source-decode.js';
import type { StringValue } from '../../src/syntax/value.js';

/** The value of `x` in the xm file `x = EXPR`, with the file's findings. */
function valueOf(src: string): { x: StringValue | undefined; codes: string[] } {
  const r = parse(src, { dialect: 'xm' });
  const x = [...r.settings].reverse().find((s) => s.key === 'x')?.value;
  return { x: x?.kind === 'string' ? x : undefined, codes: r.diagnostics.map((d) => d.code) };
}

describe('wide unicode strings (Python 2.7.18, UCS-4)', () => {
  test.each([
    // [expression, Python's repr of it, its len()]
    ["u'\\ud800\\udc00'", "u'\\ud800\\udc00'", 2],
    ["u'\\U00010000'", "u'\\U00010000'", 1],
    ["u'\\ud800' u'\\udc00'", "u'\\ud800\\udc00'", 2],
    ["u'\\ud800' + u'\\udc00'", "u'\\ud800\\udc00'", 2],
    ["ur'\\ud800\\udc00'", "u'\\ud800\\udc00'", 2],
    ["u'\\udc00\\ud800' * 3", "u'\\udc00\\ud800\\udc00\\ud800\\udc00\\ud800'", 6],
    ["u'a\\ud800' + u'\\udc00b'", "u'a\\ud800\\udc00b'", 4],
    ["u'\\U0001F600\\ud83d\\ude00'", "u'\\U0001f600\\ud83d\\ude00'", 3],
    // widths and precisions count code points
    ["u'%3s|' % u'\\U00010000'", "u'  \\U00010000|'", 4],
    ["u'%5s|' % u'\\ud800\\udc00'", "u'   \\ud800\\udc00|'", 6],
    ["'%3s|' % u'\\U0001F600'", "u'  \\U0001f600|'", 4],
    ["u'%.1s|' % u'\\U00010000'", "u'\\U00010000|'", 2],
    ["u'%.1s|' % u'\\ud800\\udc00'", "u'\\ud800|'", 2],
    ["u'%.2s' % u'\\U00010000\\U00010001\\U00010002'", "u'\\U00010000\\U00010001'", 2],
    // %c: a unicode result takes any code point; joined surrogates stay two
    ["u'%c' % 256", "u'\\u0100'", 1],
    ["u'%c' % 0x10000", "u'\\U00010000'", 1],
    ["u'%c%c' % (0xd800, 0xdc00)", "u'\\ud800\\udc00'", 2],
    ["'%s%c' % (u'a', 256)", "u'a\\u0100'", 2],
    ["'%c' % u'\\U00010000'", "u'\\U00010000'", 1],
    ["u'%3c|' % 0x10000", "u'  \\U00010000|'", 4],
    // a unicode result reads a float with PyInt_AsLong, which truncates it (a byte result refuses it)
    ["u'%c' % 1.5", "u'\\x01'", 1],
    ["'%s%c' % (u'a', 66.7)", "u'aB'", 2],
    // repr shows each surrogate of a split pair
    ["'%r' % (u'\\ud800' + u'\\udc00')", "\"u'\\\\ud800\\\\udc00'\"", 15],
    ["'%r' % [u'\\ud800\\udc00', u'\\U00010000']", "\"[u'\\\\ud800\\\\udc00', u'\\\\U00010000']\"", 32],
  ])('x = %s', (expr, repr, len) => {
    const { x, codes } = valueOf(`x = ${expr}\n`);
    expect(codes).toEqual([]);
    expect(pyRepr(x!)).toBe(repr);
    expect(x!.unicode === true ? wideLength(x!) : x!.value.length).toBe(len);
  });

  test.each([
    // Python 2.7.18: OverflowError, TypeError
    ["u'%c' % 0x110000"],
    ["'%c%s' % (256, u'a')"],
    ["u'%c' % u'\\ud800\\udc00'"],
  ])('x = %s fails as in Python (XM0059)', (expr) => {
    expect(valueOf(`x = ${expr}\n`).codes).toEqual(['XM0059']);
  });

  test('a list extended by a unicode string takes its code points, split pairs as two', () => {
    const r = parse("x = []\nx += u'\\ud800\\udc00\\U00010000'\n", { dialect: 'xm' });
    const x = r.settings.at(-1)!.value;
    expect(pyRepr(x)).toBe("[u'\\ud800', u'\\udc00', u'\\U00010000']");
  });

  test('UTF-8-encoded surrogates of a file Python reads as bytes: two code points, not a pair', () => {
    const bytes = Buffer.from('# coding: utf-8\nx = u"\xed\xa0\x80\xed\xb0\x80"\ny = u"\xf0\x90\x80\x80"\n', 'latin1');
    const d = decodeSource(bytes);
    const r = parse(d.text, { dialect: 'xm', invalidUtf8: d.invalid, sourceBytes: d.bytes ?? null });
    const [x, y] = r.settings.map((s) => s.value as StringValue);
    expect([pyRepr(x!), wideLength(x!)]).toEqual(["u'\\ud800\\udc00'", 2]);
    expect([pyRepr(y!), wideLength(y!)]).toEqual(["u'\\U00010000'", 1]);
  });
});
