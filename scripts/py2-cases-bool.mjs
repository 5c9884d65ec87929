/**
 * Cases of scripts/py2-diff.mjs about the boolean operators decision 093 added to xm's evaluator
 * (src/syntax/evaluate-bool.ts): `and`, `or`, `not` and conditional expressions (`x if c else y`)
 * with Python 2's truthiness of every value kind, `and` / `or` giving an operand (not a bool),
 * short-circuiting (the operand not evaluated raises nothing and builds nothing), precedence
 * among them and with comparisons and arithmetic, and lists shared through them; and 300 random
 * mixes of them with the comparison operators (seeded).
 */
import { mulberry32 } from './seeded-random.mjs';

const EXPRS = [
  // truthiness of every kind: 0, 0L, 0.0, '', u'', [], (), None, False are false
  'not 0', 'not 0L', 'not 0.0', 'not -0.0', "not ''", "not u''", 'not []', 'not ()', 'not None', 'not False',
  'not 1', 'not -1', 'not 0.5', 'not 1e-300', 'not 1L', 'not True', "not 'a'", "not '\\x00'", "not u'\\x00'", "not u'\\U00010000'",
  'not [0]', 'not (0,)', 'not [[]]', 'not ((),)', 'not [None]', 'not 2 ** 52', 'not 0 * 5', "not 'a' * 0", 'not [1] * 0', 'not () + ()',
  // and / or give an operand, of its own type
  '1 or 2', '0 or 2', '0 and 2', '1 and 2', "'' or 'x'", "'a' or 'x'", '[] or ()', '() or []', '0L or 0.0', '0.0 or 0L', '1L or 2', '0 or 1L',
  'None or None', 'None and 1', 'False or 0', '0 or False', "'' and 1", '[1] and [2]', '[] and [2]', "u'' or ''", "'' or u''", "u'a' and 'b'",
  '-0.0 or 0', '0 or -0.0', '0.0 and 1', "[1, 'a'] or 0", "0 or (1, (2,))", 'True and 5', 'False and 5', 'None or 0.5',
  // chains and precedence: not > and > or; comparisons bind tighter than all three
  '0 or 0 or 0', '1 and 2 and 3', '1 and 0 and 3', '0 or 0 or 5', '1 or 2 and 0', '(1 or 2) and 0', '0 and 1 or 2', '1 and 0 or 2', '1 or 0 and 2',
  '0 or 1 and 2 or 3', "'' and 'a' or 'b'", 'not 1 or 2', 'not (1 or 2)', 'not 1 and 0', 'not 0 and 3', 'not not 0', 'not not not []', 'not not 5',
  'not 1 == 2', 'not 1 < 2 < 3', 'not 3 < 2 < 1', '1 < 2 and 3', '1 > 2 or 3', '1 == 1 and 2 == 2', 'not 1 in [1]', '1 not in [2] and 5',
  'not 1 is None', '1 is not None and 7', '(1 < 2) or 5', '1 < (2 or 0)', '(0 or 3) < 2', '1 == (not 0)', 'not 0 == 1', 'not []  != ()',
  // with arithmetic and formatting
  'not 1 + 1', 'not 1 - 1', '(not 0) + 1', 'True + (0 or 5)', '(1 and 2) * 3', "'%s' % (0 or 'x')", "('a' or 'b') * 2", "'%d' % (not 0)",
  '-(0 or 3)', '(not 0) * 2.5', '[0 or 1, 1 and 0, not 0]', '(0 or [], )', '[1 if 0 else 2]', '(not [], not ())', "len(0 or 'abc')", "('' or 'xyz')[1]",
  // short-circuit: the operand not evaluated raises nothing, builds nothing
  '1 or y', '0 and y', '1 or 1 / 0', '0 and 1 / 0', "0 and 'a' + 1", "1 or 'a' % 5", "1 or 'a' * 10 ** 8", '0 and [0] * 10 ** 8', '1 or 2 ** 60',
  '1 or [1][5]', "0 and 'abc'[9]", '1 or 1 < y', "0 and u'\\xe9' < '\\xe9'", '0 and len(5)', '1 or (0 and y) or y', '0 and not y',
  // ... and where it is evaluated, its error is the expression's
  '0 or y', '1 and y', 'not y', '0 or 1 / 0', '1 and 1 / 0', "'' or 'a' + 1", '0 or [1][5]', '1 and len(5)', '0 or 2 ** 60', "not u'\\xe9' < '\\xe9'",
  // conditional expressions: the test first, then one branch
  '1 if 1 else 2', '1 if 0 else 2', "'a' if '' else 'b'", '[] if [] else ()', '1 if 0 else 2 if 0 else 3', '1 if 1 else 2 if 0 else 3',
  '(1 if 0 else 2) + 1', '1 + 1 if 0 else 5', '1 if 0 or 1 else 2', 'not 0 if 0 else 1', '0 or 1 if 0 else 2', "1 if 'a' < 'b' else 2",
  '1 if y else 2', 'y if 0 else 2', '1 if 0 else y', '1 if 1 else y', '1 / 0 if 0 else 3', '3 if 1 else 1 / 0', "'x' if not [] else 'y'",
  '(1 if 1 else 2) if (0 if 1 else 1) else 3', "u'\\xe9' if 0.0 else '\\xe9'", '0L if 0L else 0.0', 'None if None else False',
  // what xmcfg refuses on purpose inside them (a call, a builtin read as a value, identity CPython decides)
  '1 or os.uname()', '0 or str(5)', 'not len', 'len or 1', "1 if 1 else {'a': 1}", '0 or 257 is 257', '(1 or 257) is 1',
  // syntax Python refuses
  '1 or', 'not', '1 if 2', '1 if 2 else', 'and 1', '1 < not 0', '1 + not 0',
];

const FILES = [
  // lists shared through and / or / if: the operand given is the same list object
  'a = [1]\nb = a or [2]\na += [3]\n',
  'a = [1]\nb = 0 or a\nc = a if a else []\nd = a and a\ne = [] and a\na += [2]\n',
  'a = []\nb = a or [5]\nc = a and [6]\na += [1]\n',
  'a = [1]\nb = [a or 0, not a]\na += [2]\n',
  // configs
  'memory = 512\nmaxmem = memory > 1024 and memory or 1024\nsmp = memory >= 512 and 2 or 1\n',
  "vcpus = 4\nname = vcpus > 1 and 'smp' or 'up'\ncpus = '0-%d' % (vcpus - 1) if vcpus > 1 else '0'\n",
  "disk = []\nkernel = '' or '/boot/vmlinuz'\non_crash = not disk and 'destroy' or 'restart'\n",
  'x = 1\nx = x or 5\ny = not x\nz = x and not y\n',
  'True = 0\nx = not True\ny = True or 5\nz = 1 if True else 2\n',
  'a = 0\nb = a or undefined\n',
  'a = 1\nb = a or undefined\nc = undefined and 1\n',
  "disk = []\nif not disk:\n    disk = ['phy:sda,xvda,w']\n",
  'x = 1 or 2; y = not x; z = y if x else x\n',
  // long flat chains and deep not chains
  `x = ${Array(2000).fill('0').join(' or ')} or 7\n`,
  `x = ${Array(2000).fill('1').join(' and ')} and 0\n`,
  `x = ${'not '.repeat(100)}0\n`,
  `x = ${'not '.repeat(255)}[]\n`,
  `x = ${'1 if 0 else '.repeat(60)}2\n`,
];

/** Random mixes (up to three levels) of and / or / not / if-else with comparisons over values of every kind, names never bound and failing operands among them. */
function randomMixes(count, seed) {
  const random = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const atoms = ['0', '1', '-1', '2L', '0L', '0.0', '0.5', 'True', 'False', 'None', "''", "'a'", "'\\xe9'", "u''", "u'a'", "u'\\xe9'", '[]', '()', '[0]', '(1,)',
    "[1, 'a']", '[[]]', 'y', '1 / 0', '[1][2]', "'a' + 1"];
  const cmps = ['<', '>', '<=', '>=', '==', '!=', 'is', 'is not', 'in', 'not in'];
  const expr = (depth) => {
    if (depth === 0 || (depth < 3 && random() < 0.25)) return pick(atoms);
    switch (Math.floor(random() * 7)) {
      case 0:
        return `not ${expr(depth - 1)}`;
      case 1:
        return `${expr(depth - 1)} and ${expr(depth - 1)}`;
      case 2:
        return `${expr(depth - 1)} or ${expr(depth - 1)}`;
      case 3:
        return `${expr(depth - 1)} if ${expr(depth - 1)} else ${expr(depth - 1)}`;
      case 4:
        return `${pick(atoms)} ${pick(cmps)} ${pick(atoms)}`;
      case 5:
        return `(${expr(depth - 1)})`;
      default:
        return `${expr(depth - 1)} ${pick(cmps)} (${expr(depth - 1)})`;
    }
  };
  return Array.from({ length: count }, () => expr(3));
}

/** Every case, a whole file text each. */
export const BOOL_CASES = [...EXPRS.map((e) => `x = ${e}\n`), ...FILES, ...randomMixes(300, 20261129).map((e) => `x = ${e}\n`)];
