/**
 * Cases of scripts/py2-diff.mjs about Python 2's wide (UCS-4) unicode strings, the build xm ran
 * under on Linux distributions (sys.maxunicode 1114111; decision 065): a character beyond the BMP
 * is one code point (u'\U00010000', len 1), and surrogates are code points of their own, never
 * joined (u'\ud800\udc00', len 2, != u'\U00010000', though both encode to the same UTF-8). Widths,
 * precisions, `%c`, repr and a list extended by a string count and show code points.
 */

const EXPRS = [
  // literals: a pair of surrogate escapes stays two code points, joined or not
  "u'\\ud800\\udc00'", "u'\\U00010000'", "u'\\ud800' u'\\udc00'", "u'\\ud800' + u'\\udc00'", "ur'\\ud800\\udc00'",
  "u'\\udc00\\ud800' * 3", "(u'\\udc00' + u'\\ud800') * 2", "u'a\\ud800' + u'\\udc00b'", "u'\\ud800' * 0", "u'\\U0001F600\\ud83d\\ude00'",
  // repr: \U for a character beyond the BMP, \u for each surrogate
  "'%r' % u'\\ud800\\udc00'", "'%r' % u'\\U00010000'", "'%r' % [u'\\ud800\\udc00', u'\\U00010000']", "u'%-4r|' % u'\\U00010000'",
  "'%r' % (u'\\ud800' + u'\\udc00')",
  // widths and precisions count code points
  "u'%3s|' % u'\\U00010000'", "u'%3s|' % u'\\ud800\\udc00'", "u'%5s|' % u'\\ud800\\udc00'", "'%3s|' % u'\\U0001F600'", "u'%-3s|' % u'\\U0001F600'",
  "u'%.1s|' % u'\\U00010000'", "u'%.1s|' % u'\\ud800\\udc00'", "u'%.2s' % u'\\U00010000\\U00010001\\U00010002'", "u'%.3s|' % u'a\\ud800\\udc00b'",
  "u'%4.1s|' % u'\\U0001F600x'", "u'%*s|' % (3, u'\\U0001F600')", "u'%.*s|' % (1, u'\\U0001F600x')",
  // %c: a unicode format takes 0..0x10FFFF; a one-character unicode argument is one code point
  "u'%c' % 256", "u'%c' % 0x10000", "u'%c' % 0x10FFFF", "u'%c' % 0x110000", "u'%c' % 0xd800", "u'%c%c' % (0xd800, 0xdc00)",
  "'%s%c' % (u'a', 256)", "'%c%s' % (256, u'a')", "'%c' % 256", "'%c' % u'\\U00010000'", "u'%c' % u'\\U00010000'", "u'%c' % u'\\ud800\\udc00'",
  "u'%3c|' % 0x10000", "u'%c' % -1", "u'%c' % True",
  // %c of a float: a unicode result truncates it (PyInt_AsLong), a byte result refuses it
  "u'%c' % 1.5", "u'%c' % -0.5", "u'%c' % 1e300", "'%c' % 1.5", "'%c' % None", "u'%c' % None", "'%s%c' % (u'a', 66.7)", "'%c%s' % (1.5, u'a')",

];

// a list extended by a unicode string takes its code points
const FILES = [
  "x = []\nx += u'\\ud800\\udc00'\n",
  "x = []\nx += u'\\U00010000\\U0001F600'\n",
  "x = [u'a']\nx += u'\\udc00\\ud800' * 2\n",
  "a = u'\\ud800'\nb = u'\\udc00'\nx = a + b\ny = '%r' % x\nz = u'%3s|' % x\n",
];

/** Every wide-unicode case, a whole file text each. */
export const WIDE_CASES = [...EXPRS.map((e) => `x = ${e}\n`), ...FILES];
