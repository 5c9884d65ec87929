/**
 * Cases of scripts/py2-diff.mjs about the comparisons decision 089 added to xm's evaluator
 * (src/syntax/evaluate-compare.ts): `<`, `>`, `<=`, `>=` of every type (byte strings by bytes,
 * unicode strings by a wide build's code points, a unicode string against a byte string through
 * ASCII decoding, lists and tuples item by item, values of different types by CPython 2's type
 * rule: None, numbers, then type names), `is` / `is not` where Python 2 makes identity certain
 * (and XM0115 where it does not), chains mixing them, and Python 2's builtin functions and
 * classes read as values (XM0116); and 300 random chains over values of every type (seeded).
 */
import { mulberry32 } from './seeded-random.mjs';

const EXPRS = [
  // numbers, bools, None
  '1 < 2', '2 <= 2', '3 > 4', '4 >= 4.0', '1L < 1.5', 'True < 2', 'False >= 0', '1.5 > True', '-1 < -0.5', '2 ** 52 > 2 ** 52 - 1', '0.1 + 0.2 > 0.3',
  'None < 0', 'None < None', 'None <= None', 'None >= None', 'None > -1e300', '1 < None', 'True < None', 'False > None', 'None < []', "None < ''", 'None < ()',
  // byte strings: bytes, unsigned
  "'abc' < 'abd'", "'' < 'a'", "'ab' > 'a'", "'a' < 'B'", "'\\xe9' > 'a'", "'\\xe9' > '\\x7f'", "'\\xff' >= '\\xfe\\xff'", "'a\\x00' > 'a'", "'Z' < 'a'",
  // unicode strings: code points of a wide build; with byte strings through ASCII decoding
  "u'a' < u'b'", "u'\\xe9' > u'z'", "u'\\ud800\\udc00' < u'\\U00010000'", "u'\\U00010000' < u'\\uffff'", "u'\\U00010000' > u'\\ud800\\udfff'",
  "u'\\ud800' + u'\\udc00' < u'\\U00010000'", "u'\\U0001F600' > u'\\U0001F5FF'", "u'' < ''", "u'a' < 'b'", "'a' < u'b'", "u'\\xe9' > 'a'", "'a' < u'\\xe9'",
  "u'\\xe9' < '\\xe9'", "'\\xe9' < u'a'", "u'\\xe9' < '\\xe9\\xe8'", "u'ab' >= 'ab'",
  // lists and tuples: the first unequal items decide, else the length
  '[1, 2] < [1, 2, 3]', '(1, 2) < (1, 3)', '[1, 2] <= [1, 2]', '[1, 2] >= [1, 2]', '[] < []', '(1,) < (1, 0)', '[1] < [True]', '[1] <= [True]',
  "[1, [2, 'a']] < [1, [2, 3]]", "[1, 'a'] < [1, 2]", "(1, 'a') > (1, u'\\xe9')", "[u'\\xe9'] < ['\\xe9']", "(u'\\xe9',) <= ('\\xe9',)", "[1, u'\\xe9'] < [2, '\\xe9']",
  '[None] < [0]', '[[1], (2,)] < [[1], (3,)]', '[(1, 2)] > [(1,)]', "[u'\\U00010000'] > [u'\\ud800\\udc00']",
  // different types: CPython 2 orders them by type (numbers first, then list < str < tuple < unicode)
  "1 < 'a'", "'a' < 1", "512 > '256'", "'1024' > 4096", '[] < ()', '() < []', "'a' < []", "[] < 'a'", "'a' < ()", "u'a' < ()", "() < u'a'", "u'a' < []",
  '[] > 10 ** 15', '1.5 < []', '(1,) > [2]', 'True < []', "1L < u''",
  // chains, and chains mixing kinds of comparison
  '1 < 2 < 3', '1 < 3 < 2', '3 > 2 > 1 > 0', '1 == 1 < 2', '1 < 2 > y', "'a' < 'b' in ['b']", '1 < 2 == 2 != 3', '1 <= 1 is 1', "0 < 1 < 'a'", "'a' < 2 < y",
  // is / is not: certain for None, bools, small ints, different types, unequal values
  '1 is 1', '256 is 256', '-5 is -5', '200 + 56 is 256', '2 * 3 is 6', '-2 - 3 is -5', 'True + True is 2', '1 is True', 'True is True', 'False is not False',
  'None is None', 'None is not None', 'None is 0', '1 is 1L', '1 is 1.0', "'a' is u'a'", '[] is ()', '1000 is 1001', "'a' is 'b'", '[1] is [2]',
  '(1,) is (2,)', "[u'\\xe9'] is ['\\xe9']", 'None is not []', "len('ab') is 2", '1 is 1 is 1', '1 is 2 is y',
  // is / is not of equal values whose identity CPython decides as it builds them: XM0115
  '257 is 257', '-6 is -6', '200 + 100 is 300', '1L is 1L', '1.0 is 1.0', '0.0 is -0.0', "'a' is 'a'", "u'' is u''", '[] is []', '() is ()', '[] is not []', "'ab' is 'a' + 'b'",
  // builtin functions and classes read as values: XM0116
  'len', 'str', 'int', 'ValueError', '[len]', 'len + 1', 'len is len', 'len == len', "max < 'a'",
];

const FILES = [
  "memory = 512\nbig = memory > 256\nsmall = memory <= '1024'\nname = 'vm01'\nfirst = name < 'vm02'\nnone = name is None\nset = name is not None\n",
  "a = 200 + 57\nb = a is 257\n",
  "name = 'vm01'\nsame = name is 'vm01'\n",
  "x = len\n",
  "len = 3\nx = len\ny = len < 4\n",
  "f = len\ny = f('abc')\n",
  "len += 1\n",
  "str = 'a'\nx = str + 'b'\n",
  "vcpus = 4\nsmp = vcpus > 1 and 1 or 0\n",
  "# -*- coding: utf-8 -*-\nx = 'é' < 'f'\ny = u'é' < u'f'\nz = 'é' > '\\xc3'\nw = u'é' < 'é'\n",
];

/** Random comparison chains (one to three operators) over values of every type, nested lists and tuples among them. */
function randomChains(count, seed, more = []) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const atoms = [...more, '0', '1', '-6', '256', '257', '2L', '0.5', '1.0', 'True', 'False', 'None', "''", "'a'", "'ab'", "'\\xe9'", "u'a'", "u''", "u'\\xe9'",
    "u'\\U00010000'", "u'\\ud800\\udc00'", '[]', '()', '[1]', '(1,)', "[1, 'a']", "(None, 2)", "[u'a', [2]]", "['a', (1,)]", '[[], 0]', '[True]'];
  const ops = ['<', '>', '<=', '>=', '==', '!=', 'is', 'is not', 'in', 'not in'];
  return Array.from({ length: count }, () => {
    let e = pick(atoms);
    const n = 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) e += ` ${pick(ops)} ${pick(atoms)}`;
    return e;
  });
}

/** More atoms for chains of a seed given in XMCFG_COMPARE_SEED (docs/fuzzing.md): builtins, big and odd numbers, nested mixed items. */
const MORE_ATOMS = ['len', 'int', 'ValueError', '10 ** 20', '-(2 ** 63)', '1e400', '-0.0', '0.1', "'\\x00'", "u'\\x00'", "'\\xff'", '[None]', "(u'\\xe9',)", "('\\xe9',)", '[[1, 2], (3,)]', '((), [])', "[1L, 2.0, True]", '5', '-5', '-1', "u'\\U0001F600'", "'abc'", "u'abc'"];

/** The random chains: 300 of the fixed seed, plus XMCFG_COMPARE_COUNT (default 2,000) of XMCFG_COMPARE_SEED when set, over more atoms. */
function chains() {
  const fixed = randomChains(300, 20261128);
  const seed = process.env.XMCFG_COMPARE_SEED;
  if (!seed) return fixed;
  return [...fixed, ...randomChains(Number(process.env.XMCFG_COMPARE_COUNT ?? 2000), Number(seed), MORE_ATOMS)];
}

/** Every case, a whole file text each. */
export const COMPARE_CASES = [...EXPRS.map((e) => `x = ${e}\n`), ...FILES, ...chains().map((e) => `x = ${e}\n`)];
