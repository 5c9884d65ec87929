/**
 * Cases of scripts/py2-diff.mjs about what xm's evaluator reads beyond arithmetic
 * (src/syntax/evaluate-access.ts, decision 075): `len()`, indexing and slicing of strings (byte
 * strings count bytes, unicode strings code points of a wide build, decision 065) and of lists and
 * tuples, and comparison chains of `==`, `!=`, `<>`, `in`, `not in`, with Python 2's implicit ASCII
 * decoding where a unicode string meets a byte string (a UnicodeWarning and unequal for `==`, a
 * UnicodeDecodeError for `in`).
 */

const EXPRS = [
  // == and != of unicode strings, with byte strings, across surrogate pairs
  "u'a' == 'a'", "u'a' != 'a'", "'a' == u'a'", "u'a' <> u'b'", "u'\\xe9' == '\\xe9'", "u'\\xe9' != '\\xe9'", "u'\\xe9' == '\\xc3\\xa9'",
  "u'\\ud800\\udc00' == u'\\U00010000'", "u'\\ud800\\udc00' != u'\\U00010000'", "u'\\ud800' + u'\\udc00' == u'\\ud800\\udc00'",
  "u'\\U0001F600' == u'\\U0001F600'", "u'' == ''", "u'a' == 1", "[u'a', 1] == ['a', 1.0]", "(u'a',) == [u'a']", "u'a' == u'a' == 'a'",
  "1 == 2 == undefined_name", "None == None", "None != 0", "True == 1", "1 == 1.0", "1L == 1", "'a' == 'a' != 'b'", "[u'\\xe9'] == ['\\xe9']",
  "[1, [2, (3,)]] == [1, [2, (3,)]]", "'\\xe9' == '\\xe9'", "u'a' == u'a' != u'a'",
  // len(): code points of a unicode string, bytes of a byte string, items
  "len(u'\\U0001F600')", "len(u'\\ud800\\udc00')", "len(u'\\U00010000')", "len(u'')", "len('abc')", "len('\\xe9')", "len([1, 2])", "len((1,))",
  "len(())", "len(5)", "len(None)", "len()", "len('a', 'b')", "len(u'a' * 3)", "len(u'\\udc00\\ud800' * 3)", "len(u'ab') * 2", "'%d' % len(u'\\U0001F600')",
  // indexing: negative, out of range (IndexError), non-BMP, split pairs, index types
  "u'abc'[0]", "u'abc'[-1]", "u'abc'[-3]", "u'abc'[3]", "u'abc'[-4]", "u'\\U00010000x'[0]", "u'\\U00010000x'[1]", "u'\\ud800\\udc00'[0]",
  "u'\\ud800\\udc00'[1]", "u'\\ud800\\udc00'[-1]", "u'\\U0001F600'[-1]", "u'abc'[True]", "u'abc'[1L]", "u'abc'[1.0]", "u'abc'['a']", "'abc'[5]",
  "'abc'[-4]", "'abc'[2]", "'\\xe9a'[0]", "[1, 2][1]", "[1, 2][2]", "(1, 2)[-1]", "(1, 2)[5]", "[1, 2][-3]", "u''[0]", "5[0]", "None[0]",
  "u'abc'[10 ** 20]", "u'abc'[1][0]", "u'abc'[1] * 2", "[1, [2]][0]", "((1,), 2)[0]", "[1, [2]][1]", "([1],)[0]", "'abc'[1, 2]",
  // slicing
  "u'abc'[1:]", "u'abc'[:-1]", "u'abc'[::-1]", "u'abc'[::2]", "u'abc'[-10:10]", "u'abc'[2:1]", "u'\\U00010000\\U00010001'[1:]",
  "u'\\U00010000\\U00010001'[::-1]", "u'\\ud800\\udc00'[::-1]", "u'\\udc00\\ud800'[::-1]", "u'\\ud800\\udc00'[0:1]", "u'\\ud800\\udc00'[1:]",
  "u'a\\ud800\\udc00b'[1:3]", "u'\\udc00\\ud800x\\udc00'[1::2]", "u'abc'[None:2]", "u'abc'[::0]", "u'abc'[1:2.0]", "u'abc'[:True]", "u'abc'[1L:]",
  "u'abcdef'[-1:-5:-2]", "u'abc'[5:]", "u'abc'[:-5]", "'abc'[1:]", "'\\xe9\\xe8'[::-1]", "[1, 2, 3][1:]", "(1, 2, 3)[::-1]", "[1, [2]][:1]", "[1, [2]][1:]",
  "u'x' + u'abc'[1:]",
  // in and not in
  "'a' in u'abc'", "u'a' in 'abc'", "u'd' in u'abc'", "u'a' not in u'abc'", "u'' in u''", "u'\\udc00' in u'\\U00010000'",
  "u'\\udc00' in u'\\ud800\\udc00'", "u'\\ud800\\udc00' in u'\\U00010000'", "u'\\U00010000' in u'x\\U00010000'", "u'a' in '\\xe9'", "'\\xe9' in u'a'",
  "1 in 'abc'", "1 in u'abc'", "u'a' in [u'a']", "'a' in [u'a']", "u'\\xe9' in ['\\xe9']", "1 in [1.0]", "1 in 5", "'b' in 'abc' in 'xabcx'",
  "(1,) in [(1,)]", "[] in []", "'' in 'a'", "None in [None]", "'\\xe9' in '\\xe8\\xe9'",
  // other comparisons (evaluated since decision 089: scripts/py2-cases-compare.mjs)
  "u'a' < u'b'", "u'a' is u'a'", "1 == 1 < 2",
];

const FILES = [
  "s = u'\\U0001F600ab'\nn = len(s)\nt = s[1:]\nu = s[-1]\nv = s == u'\\U0001F600ab'\n",
  // written characters of a utf-8 file: a byte string holds their UTF-8 bytes
  "# -*- coding: utf-8 -*-\ns = u'😀é'\nn = len(s)\nc = s[0]\nb = 'é'\nm = len(b)\nd = b[0]\ne = b[1:]\nf = b[0:2]\ng = u'é' == 'é'\nh = 'é' == '\\xc3\\xa9'\n",
  "len = 3\nx = 1\n",
  "name = 'vm'\nfirst = name[0]\nn = len(name)\nsame = name == 'vm'\n",
  "x = u'ab'\ny = x[5]\n",
];

/** Every case, a whole file text each. */
export const ACCESS_CASES = [...EXPRS.map((e) => `x = ${e}\n`), ...FILES];
