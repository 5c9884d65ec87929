/**
 * Generated inputs of scripts/py2-diff.mjs: small xm files exercising what the xm evaluator claims
 * to evaluate, and Python 2 constructs it refuses, each a whole file text.
 */

import { DEEP_CASES } from './py2-cases-deep.mjs';
import { INDENT_CASES } from './py2-cases-indent.mjs';
import { WIDE_CASES } from './py2-cases-wide.mjs';
import { ACCESS_CASES } from './py2-cases-access.mjs';
import { COMPARE_CASES } from './py2-cases-compare.mjs';
import { BOOL_CASES } from './py2-cases-bool.mjs';

/** `x = EXPR` files. */
const EXPRS = [
  // integer division and modulo, `/` on ints floor-divides in Python 2
  '7 / 2', '-7 / 2', '7 / -2', '-7 / -2', '-7 // 2', '7 // -2', '-7 % 3', '7 % -3', '-7 % -3', '0 / 5', '-1 / 3',
  '7.0 / 2', '-7.0 // 2', '-7.5 % 2', '7 % 2.5', '1 / 2.0', '5 // 0.5', '-0.0 % 5', '0.0 % -5',
  '1 / 0', '1 // 0', '1 % 0', '1.0 / 0', '1 % 0.0', '0 ** -1',
  // long ints, L suffix, octal, hex, binary, big powers
  '1L', '1l', '10L / 3', '-10L / 3', '1L + 1', '2L ** 62', '2 ** 62', '2 ** 53', '2 ** 53 + 1', '2 ** 63 - 1', '2 ** 64', '9007199254740993',
  '010', '0o10', '0O10', '0x10', '0X1f', '0xffL', '0b11', '0B11', '00', '0', '-010', '0777L', '017 / 2',
  '2 ** -2', '(-2) ** 3', '-2 ** 2', '2 ** 3 ** 2', '10 ** 15', '10 ** 16', '3 ** 33', '(-3) ** 33', '2 ** 0.5', '4 ** 0.5', '(-8) ** (1.0/3)',
  '1e3', '1E-3', '.5', '5.', '1e16', '1.5e300 * 1e10', '123456789012345678.0', '0.1 + 0.2', '1e22', '1e-7', '2.5e-5',
  // bool arithmetic
  'True + True', 'True * 10', 'True / 2', '-True', '+False', 'True - 1.5', 'True // True', 'False ** 0', 'True % 2', '"ab" * True', '[1] * False',
  // strings: repetition, concatenation, prefixes and escapes
  '"ab" * 3', '3 * "ab"', '"ab" * -1', '"ab" * 0', '"a" + "b"', '"a" "b"', "u'x' + 'y'", "u'\\u00e9'", "'\\u00e9'", "'\\U0001F600'", "u'\\U0001F600'",
  "r'\\n'", "ur'\\u0041\\n'", "R'\\t'", "b'ab'", "br'\\n'", "'\\x41\\x4a'", "'\\x4'", "'\\101'", "'\\0'", "'\\8'", "'\\N{DASH}'", "u'\\N{EN DASH}'",
  "'\\q'", "'a\\\nb'", '"""a\nb"""', "'''it''s'''", "'\\a\\b\\f\\v'", "'\\''", '"\\""', "'é'", "u'é'", "'\\xe9'",
  // % formatting, every conversion
  '"%d" % 42', '"%i" % -3', '"%u" % 7', '"%o" % 8', '"%#o" % 8', '"%#o" % 0', '"%x" % 255', '"%#X" % 255', '"%e" % 1234.5', '"%E" % 0.0001',
  '"%f" % 1.5', '"%F" % 1.5', '"%g" % 1e-5', '"%G" % 1e20', '"%c" % 65', '"%c" % "z"', '"%r" % "a"', '"%s" % "a"', '"%%"', '"%5s|" % "ab"', '"%-5s|" % "ab"',
  '"%.1s" % "abc"', '"%05.1f" % -2.25', '"%+.2e" % 1.0', '"% d" % 5', '"%d" % 2.7', '"%d" % -2.7', '"%x" % 255L', '"%d" % 10L', '"%s" % 10L', '"%r" % 10L',
  '"%s" % 1.0', '"%r" % 0.1', '"%s" % 0.1', '"%s" % 1e100', '"%s" % (1, 2)', '"%s" % [1, 2]', '"%s" % ((1, 2),)', '"%s %s" % (None, True)', '"%r" % u"x"',
  '"%s" % u"x"', '"%d" % True', '"%f" % True', '"%s" % "%s"', '"%*d" % (4, 1)', '"%-*d|" % (4, 1)', '"%.*f" % (1, 2.25)', '"%.2f" % 2.675', '"%.0f" % 0.5',
  '"%.0f" % 1.5', '"%5%|" % ()', '"%a" % 1', '"%d" % "1"', '"%d %d" % (1,)', '"%d" % (1, 2)', '"%s" % ()', '"" % ()', '"abc" % []', '"abc" % 5',
  '"%(a)s" % 5', '"%ld" % 5', '"%hd" % 5', '"%c" % 256', '"%c" % -1', '"%s" % -0.0', '"%x" % -255', '"%o" % -8', '"%#x" % 0', '"%.3d" % -7',
  '"%10.4g|" % 3.14159', '"%#g" % 2.0', '"%#.0e" % 3.0', '"%#.0f" % 3.0', '"%g" % 100000.0', '"%g" % 1000000.0', '"%.3g" % 1234.0',
  // lists and tuples
  '[1, 2] + [3]', '(1,) + (2, 3)', '[1] + (2,)', '(1,) + [2]', '[1, 2] * 2', '2 * (1,)', '[] * 3', '()', '(1)', '(1,)', '1, 2', '1,', '[1, [2, (3,)]]',
  '[1,]', '[]', '[[]] * 2', '("a" "b",)', '[1, 2][0]', '[1, 2, 3][::-1]', '"abc"[::-1]', '"abcdef"[-2:]', '"abc"[1]', '[1, 2, 3][-1:0:-1]',
  // unary, comparison chains, and/or/not, conditional expressions, other Python 2 operators
  '-(-3)', '+-+3', '--3', '~5', '-"a"', '1 < 2 < 3', '1 < 2 > 3', '1 == 1.0', '1 <> 2', '"a" < "b"', '1 and 2', '0 and 2', '0 or "x"', '"" or 0',
  'not 0', 'not []', 'None or 5', '1 if 0 else 2', '1 in [1]', '1 is 1', '3 & 5', '3 | 5', '3 ^ 5', '1 << 3', '-16 >> 2', '`42`', '`"a"`',
  // calls and attributes (not evaluated by xmcfg)
  'str(5)', 'int("12")', 'int(3.7)', 'len("abc")', 'repr(1L)', 'float(1)', 'long(3)', 'abs(-2)', 'max(1, 2)', '"%s" % str(3)', '"a,b".split(",")',
  '{"a": 1}', 'lambda: 1', '[i for i in (1, 2)]', 'None', 'True', 'False', 'None + 1', '"a" + 1', '1 + "a"', '"a" * "b"', '[1] * 1.0', '"a" * 2L',
  '[0] * 2L', '"%s" * 2', '(1, 2) * -1', '"ab" % ()',
  // unicode strings: which results are unicode, their repr, mixing with byte strings
  "u'a' + 'b'", "'a' + u'b'", "u'a' * 2", "u'a' 'b'", "'a' u'b'", "U'a'", "u'%d' % 5", "'%s' % u'x'", "'%s-%s' % ('a', u'b')", "'%r' % u'x'",
  "'%r' % [u'a', 'b']", "'%s' % [u'a']", "'%c' % u'x'", "'%s' % u'\\u2013'", "'%r' % u'\\xe9\\u2013\\U0001F600\\n'", "'%s' % (u'a',)", "u'\\xe9'",
  "'\\xe9' + u'a'", "u'a' + '\\xe9'", "'%s %s' % ('\\xe9', u'a')", "u'%s' % '\\xe9'", "'\\xe9%s' % u'a'", "'\\xe9' u'a'", "u'\\N{EN DASH}x'", "u'\\N'", "u'\\N{}'",
  "u'\\N{NO SUCH NAME}'", "ur'\\N{EN DASH}'", "[u'a'] + ['b']", "(u'a',) * 2", "u'' * 5", "u'a' + 1",
  // longs and floats inside strings and lists
  // more formatting, float, literal and escape corners
  '"%s" % 1e-4', '"%s" % 1e-5', '"%s" % 123456789012.0', '"%x" % 1.5', '"%c" % 65L', '"%c" % True', '"%-05d|" % 3', '"%+s" % "a"', '"%05s" % "a"',
  '"%.3s" % 12345', '"%#5x" % 255', '"%#05x" % 255', '"% 05d" % 3', '"%+05d" % -3', '"%.0e" % 0', '"%e" % 0', '"%g" % 0.0', '"%g" % -0.0', '"%r" % -0.0',
  '"%f" % 1e300', '"%.1f" % 1e-300', '"%5.1f%%" % 99.95', '"%i" % 3.9999', '"%d" % -0.5', '"%o" % 0', '"%#o" % 8L', '"%x" % True', '"%s" % [1.0, 1e16, 1e-5, 1L, True, None, "a\\n"]',
  '"%s" % ((),)', '"%.2s|%-4.1s|" % ("abc", "xyz")', '"%3c|" % "a"', '"%r" % "\\x00\\x7f\\x80\\xff\\t"', '"%r" % "\\\\"', '"%r" % "\'\\""', '"%10r|" % 1L',
  '[1] * 3L', '0 * -1', '-0.0 * 1', '0.0 * -1', '"%s" % (0.0 * -1)', '1 / -0.0', '-1 // 0.5', '-1 % 0.3', '10 ** -1', '(-2) ** -1', '(-8) ** (1/3)', '2 ** 0.5 ** 2',
  '07', '0L', '00L', '0x0L', '0e0', '00.5', '1e+5', '1E5', '1.e5', '0.5e-3', '1_0', '0xg', '1e5L', '1.5L', '0b', '0o',
  "'\\a'", "'\\08'", "'\\400'", "u'\\400'", "'''a'b\"c'''", '"""a\\"""b"""', "r'\\''", 'r"\\""', "r'\\n' '\\n'", "b'\\u00e9'", "br'\\x41'", "'a' 'b' * 2",
  '-1 ** 2', '- - 1', '1 + True * 2.5', '[1, 2,]', '(1, 2,)', '[(1,)]', '((),)', '(1,) + ()', '[] + []', '() * 5',
  // batch 3
  "'%s' % 'a' 'b'", '- 2 ** -1', '2 ** -1 ** 2', '"%X" % -255L', "'\\1234'", "'\\x4g'", "u'\\777'", '0_7', '1.0j', '0x_1', '1e-0', "'a' * -1L",
  '[] * -1', '() + ()', "'a' < 1", 'True * [1]', '(1) * 3', '(1,) * 0', '"%d" % None', '"%s %s" % [1, 2]', '"%*s|" % (-5, "a")', '"%.*s|" % (-1, "abc")',
  '"%5.3s|" % "abcdef"', '"%c" % 0', '"%c" % 255', '"%f" % 1e16', '"%.20f" % 0.1', '"%.60g" % 0.1', '"%.101f" % 1', '"%f" % 1e50', '"%.3f" % 1e49', '"%g" % 1e50',
  '"%e" % 1e300', '"%.0f" % 1e22', '"%d" % 1e15', '"%o" % 1e15', '"%s" % 1e22', '"%r" % 1e22', '"%s" % 1.5e-7', '"%r" % 123456789.123456789', '"%s" % 123456789.123456789',
  '"%s" % 0.30000000000000004', '"%s" % 100000000000.0', '"%s" % 10000000000.0', '"%r" % 1e-4', '"%r" % 0.0001', '"%r" % 9.999999999999999e-5',
  '7 // 2.0', '-7 // 2.0', '7.0 % -0.0', '0.0 // 1', '-0.0 // 1', '(-0.0) ** 2', '(-1) ** 0.5', '(-1.0) ** 2', '0.0 ** 0', '0 ** 0.0', '2 ** 1023 * 2.0', '2.0 ** 1024',
  '1 - True', 'False - True', 'True ** -1', 'True / False', '3 % True', '-3 // True',
  "'%s' % [1L, 0.1, -0.0]", "'%s' % 1L", "True + 1L", "-1L", "1L / 2", "5L % 3", "2L ** -1", "1L * 1.0", "[1L, 2]", "(1L,)", "'%d' % 1L",
];

/** Whole files: statements, names and layout. */
const FILES = [
  'True = 1\nx = True\n',
  'False = 5\nx = False + 1\n',
  'None = 1\n',
  'x = True\nTrue = 0\ny = True\n',
  'a = 1\nb = a + 1\na = a * 10\n',
  'x = 1\nx += 2\n',
  'x = [1]\nx += (2,)\n',
  'x = [1]\nx += "ab"\n',
  'x = []\nx += u"ab"\n',
  'x = u"a"\nx += "b"\n',
  '# -*- coding: utf-8 -*-\nx = u"é"\ny = "é" + "!"\nz = "%s" % "é"\n',
  '# -*- coding: utf-8 -*-\nx = "é" u"a"\n',
  '# -*- coding: utf-8 -*-\nx = "é" + u"a"\n',
  '#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\nname = "vm-é"\n',
  '\n# coding: latin-1\nname = "é"\n',
  'x = 1\n# coding: utf-8\nname = "é"\n',
  '# é\n# coding: utf-8\nname = 1\n',
  '\ufeffname = "é"\n',
  'a = None = 1\n',
  '__debug__ = 1\n',
  'None += 1\n',
  'False = "no"\nx = "%s" % False\n',
  'a = [1]\nb = a\na += [2]\n',
  'a = [1]\nb = [a]\na += [2]\n',
  'a = [1]\nb = (a, a)\na += "x"\n',
  'a = (1,)\nb = a\na += (2,)\n',
  'a = "s"\nb = a\na += "t"\n',
  'a = [1]\nb = a * 2\na += [3]\n',
  'a = [1]\nb = a + []\na += [3]\n',
  'a = [1]\na += a\n',
  'a = 1\nb = a\na = 2\n',
  'if 1:\n    x = 1\n\ty = 2\n',
  'if 1:\n    x = 1\n  y = 2\n',
  'if 1:\nx = 1\n',
  'if 1: x = 1\n',
  'else:\n    x = 1\n',
  'if 1:\n    x = 1\n    \n\n    y = 2\nz = 3\n',
  'if 1:\n    x = 1\n# c\n    y = 2\n',
  'def f(a,\n      b):\n    return a\nx = 1\n',
  'x = [\n  1,\n    2,\n]\n',
  'x = 1 \\\n    + 2 \\\n    + 3\n',
  'x = (\n"a"\n"b")\n',
  'x = 1 # \\\ny = 2\n',
  'x = "a\\\nb"\n',
  "x = r'a\\\nb'\n",
  'x = """\\\na"""\n',
  'x = 1\n\f\ny = 2\n',
  '\fx = 1\n',
  '\f  x = 1\n',
  ' \fx = 1\n',
  '\t\f x = 1\n',
  'x = 1\n\x0c',
  'x = 1\t# tab\n',
  'x\t=\t1\n',
  'x = 0xFFFFFFFF\n',
  'x = 0x7fffffffffffffff\n',
  'x = -2147483648\n',
  'x = 4294967296L\n',
  'print("a")\nx = 1\n',
  'assert 1\nx = 1\n',
  'pass\nx = 1\n',
  'global x\nx = 1\n',
  'x = 1;y = x; z = y * 2\n',
  'x = y = z = []\ny += [1]\n',
  'a = [1]\na += [a]\n',
  'a = [1]\nb = [a] * 3\na += [2]\n',
  'a = [1]\nt = (a,)\na += [2]\n',
  'a = [1]\nb = a\nb = [5]\na += [2]\n',
  'a = [1]\nb = a\na = [7]\nb += [2]\n',
  'p = q = [1]\np += "s"\n',
  'x = [0]\ny = [x]\nz = y\nx += [9]\ny += [8]\n',
  'x = [0]\ny = [x, x]\nx += [1]\nx += [2]\n',
  'a = []\nb = a\nfor i in (1, 2):\n    a += [i]\n',
  'disk = ["phy:/dev/a,xvda,w"]\nextra_disks = disk\nextra_disks += ["phy:/dev/b,xvdb,w"]\n',
  'x = (1,)\nx += (2,)\n',
  'x = "a"\nx += "b"\n',
  'x = 1\nx -= 1\n',
  'x = 3\nx *= 2\n',
  'x = 7\nx /= 2\n',
  'x = 7\nx //= 2\n',
  'x = 7\nx %= 4\n',
  'x = 2\nx **= 3\n',
  'x += 1\n',
  'a = b = 3\n',
  'a = b = c = "x"\n',
  'a, b = 1, 2\n',
  'x = y\n',
  'x = 1; y = 2\n',
  'x = 1;\n',
  'x = 1;;\n',
  ';x = 1\n',
  'x = 1 \\\n  + 2\n',
  'x = [1,\n  2]\n',
  'x = (1 +\n 2)\n',
  'x = 1\n  y = 2\n',
  'if 1:\n\tx = 1\n',
  'if 1:\n\tx = 1\n        y = 2\n',
  'if 1:\n        x = 1\n\ty = 2\n',
  'if True:\n    x = 1\nelse:\n    x = 2\n',
  'print "hello"\nx = 1\n',
  'print\nx = 1\n',
  'exec "y = 1"\nx = 1\n',
  'x = `1 + 2`\n',
  'x = 1 <> 2\n',
  'import os\nx = 1\n',
  'def f():\n    return 1\nx = 1\n',
  'x = 1 # comment\n',
  '# -*- coding: utf-8 -*-\nx = "é"\n',
  '# coding: latin-1\nx = 1\n',
  'x = "é"\n',
  '# é\nx = 1\n',
  'x = 1\n# é\n',
  'x = 1\r\ny = 2\r\n',
  'x = 1\ry = 2\r',
  'x = """a\r\nb"""\n',
  'x = 1',
  'x = 1\n# no final newline',
  '\tx = 1\n',
  ' x = 1\n',
  'x = 1\n\n\n',
  'x = "a" \\\n "b"\n',
  'x = 1 \\\n',
  'x = \\\n1\n',
  'x = [\n# comment\n1]\n',
  'x = 1 if True else 2\n',
  'x = 08\n',
  'x = 09.5\n',
  'x = 0x\n',
  'x = 12abc\n',
  'x = 1.5.3\n',
  'x = 1j\n',
  'x = 1e\n',
  'x = 0o8\n',
  'x = 0b2\n',
  'x = 1__0\n',
  'x = 1_000\n',
  'vif.default = 1\n',
  'x.y = 1\n',
  'print = 1\n',
  'exec = 1\n',
  'nonlocal = 1\n',
  'as = 1\n',
  'with = 1\n',
  'True, False = 0, 1\n',
  'x = 1\ndel x\n',
  'x = $\n',
  'x = "abc\n',
  'x = "\\x"\n',
  'x = u"\\u12"\n',
  'x = "\\u12"\n',
  'x = 1 +\n',
  'x = (1\ny = 2\n',
  'x = [1, 2\n',
  'x = 2 ** 64\n',
  'x = 10 ** 400\n',
  'x = 1e400\n',
  'x = -1e400\n',
  'x = 1e308 * 10\n',
  'x = "a" * 10 ** 7\n',
  'memory = 256\nmaxmem = memory * 2\nname = "vm-%d-%s" % (memory, "x")\n',
  'disk = ["phy:/dev/vg/%s,xvda,w" % "guest"]\nvif = [ "mac=00:16:3e:00:00:%02x" % 7 ]\n',
  'vcpus = 4\ncpus = "%d-%d" % (0, vcpus - 1)\n',
  // indentation inside blocks xmcfg does not run (XM0066): Python compiles them all the same
  'if 1:\n        x = 1\n    y = 2\nmemory = 5\n',
  'if 1:\n    if 2:\n        x = 1\n      y = 2\nz = 3\n',
  'if 1:\n    x = 1\nelse:\n    y = 2\n  z = 3\n',
  'if 1:\n  x = 1\n    y = 2\n',
  'if 1:\n  x = 1; y = 2\n   z = 1\n',
  'if 1:\nx = 1\n',
  'if 1:\n',
  'if 1:\n\tx = 1\n        y = 2\n',
  'if 1:\n    x = 1\n\f  y = 2\n',
  'if 1:\n    x = 1\n\fy = 2\n',
  'if 1:\n  x = [1,\n 2]\n  y = 1\n',
  'if 1: x = 1\n  y = 2\n',
  // byte strings of non-ASCII text (a coding declaration): Python 2 holds their UTF-8 bytes
  ...[
    "'%r' % 'é'", "'%r' % u'é'", "'%r' % ['é', u'é', '\\xe9']", "'é' + '\\xe9'", "'%5s|' % 'é'", "'%-4s|' % 'é'", "'%.1s' % 'é'", "'%s-%s' % ('é', 'x')",
    "'%r' % ('é' * 2)", "'%r' % ('%s' % 'é')", "'%s%c' % ('é', 233)", "'%r' % ('é' + '\\xe9')", "'%r' % ('é' 'x')", "'%r' % ('\\xc3\\xa9' + 'é')",
    "'é\\xe9'", "'é' + u'a'", "'%s' % u'é'", "'%r' % '€'", "'%r' % r'é\\n'", "'%5d %s' % (1, 'é')", "'é' '\\xe9'",
  ].map((e) => `# -*- coding: utf-8 -*-\nx = ${e}\n`),
  // adversarial pass: methods, containers, long arithmetic and escapes
  ...[
    "'a,b'.split(',')", "'%s' % 'x'.upper()", "' a '.strip()", "','.join(['a', 'b'])", "'abc'[0]", "'abc'[1:]", "len('abc')",
    "[[1, 2], [3, [4, 5]]]", "[[], [[]], ()]", "[1, [2, (3, 4)], 'x']", "([1], [2])", "((1,),)", "(1, 2) + (3,)", "[1] + [[2]]", "[[1]] * 2", "() * 3",
    "(1, 2) * 2", "[(1, 'a')] * 0", "{}", "{'a': 1}", "{1: [2]}", "[{}]", "(1)", "(1,)", "()", "[,]", "[1,,2]", "(,)",
    "-7 / 2 * 2", "-(7 / 2)", "7 % -2 + -7 % 2", "-2 ** 63 / 3", "2 ** 52 + 2 ** 52 - 1", "(2 ** 52) * 2 - 1", "-9007199254740991 - 0",
    "-9007199254740991 / 2", "9007199254740991 % -7", "-9007199254740991 // 10", "12345678901234567L / 10", "-1L % 3", "3L ** 2", "0L", "-0L", "1L * 1.5",
    "True / False", "7 / True", "-7 // True", "5 % True", "'%d' % 1L", "'%s' % 123456789012345L", "'%x' % -1L", "10L - 3", "-10L // 3", "-10L % 3",
    "'\\x41\\102C'", "'\\1234'", "'\\400'", "u'\\400'", "'\\x0g'", "'\\\n'", "u'\\u0041\\U00000042'", "ur'\\x41'", "b'\\x41'", "'a' 'b' u'c'",
    "'\\t\\v\\f' * 2", "'\\\\'", "r'\\''", "'''a'b'''", '"""a\\\"""', "'\\N{LATIN SMALL LETTER A}'", "u'\\x'", "'%c' % 0", "'%r' % '\\x00\\x7f'",
    "'%r' % \"'\"", "'%r' % '\"'", "'%r' % '\\''", "'%r' % ('\\'' + '\"')", "'%r' % u'\\u20ac'", "'%r' % u'\\U0001f600'", "'%r' % 1e16", "'%r' % -0.0",
  ].map((e) => `x = ${e}\n`),
  'x = [1]\nx += (2, 3)\n',
  'x = (1,)\nx += (2,)\n',
  'x = "ab"\nx += "c"\n',
  'x = []\nx += "ab"\n',
  'x = [1]\ny = [x, x]\nx += [2]\n',
  'x = 1\nx += 2L\n',
  'x = 1.5\nx += 1\n',
  'x = "a"\nx += 1\n',
  'x = (1,)\nx += [2]\n',
  '# -*- coding: utf-8 -*-\nx = []\nx += "é"\n',
  '# -*- coding: utf-8 -*-\nx = ["é"]\ny = "%s" % x\n',
];

/**
 * Seeded random expressions (a fixed LCG, so the list is the same on every run): ints, longs,
 * floats, bools, byte and unicode strings, lists and tuples under + - * / // % ** and unary minus,
 * nested up to three levels. Most raise TypeError or overflow in one place or another: the point is
 * that both sides agree on the value or on the refusal.
 */
function randomExprs(count, seed) {
  let state = seed;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const atoms = ['0', '1', '-3', '7', '2L', '-5L', '0.5', '-2.25', '1e3', 'True', 'False', "'ab'", "u'c'", "''", '[1]', '[]', "('x',)", '()', '[[2], 3]', '9007199254740991', '65536'];
  const ops = ['+', '-', '*', '/', '//', '%', '**'];
  const expr = (depth) => {
    if (depth === 0 || next(3) === 0) return atoms[next(atoms.length)];
    if (next(6) === 0) return `-(${expr(depth - 1)})`;
    const op = ops[next(ops.length)];
    // A small exponent: Python would spend minutes on 65536 ** 9007199254740991 before refusing nothing.
    if (op === '**') return `(${expr(depth - 1)} ** ${['0', '1', '2', '3', '-1', '0.5', 'True'][next(7)]})`;
    return `(${expr(depth - 1)} ${op} ${expr(depth - 1)})`;
  };
  return Array.from({ length: count }, () => expr(3));
}

/**
 * Files given as bytes (`{ latin1 }`: each character is one byte of the file), in an encoding they
 * declare (PEP 263): Python 2 decodes unicode strings by it and keeps the bytes of byte strings.
 */
const BYTE_FILES = [
  '# -*- coding: latin-1 -*-\nname = "caf\xe9"\nkernel = "/boot/vmlinuz-\xe9"\n',
  '# -*- coding: latin-1 -*-\nx = u"\xe9t\xe9"\ny = "\xe9t\xe9"\n',
  '# -*- coding: iso-8859-1 -*-\nx = "\xe9" + "\\xe9"\ny = "\xe9\\xe9"\n',
  '# coding: latin1\nx = "%s-%s" % ("\xe9", "a")\ny = "\xe9" * 2\n',
  '# coding: latin-1\nx = ["\xe9"]\ny = "%s" % x\nz = "%r" % "\xe9"\n',
  '# coding: latin-1\n# caf\xe9\nextra = "root=/dev/xvda1" # \xe9\n',
  '# coding: latin-1\nx = "\xc3\xa9"\ny = u"\xc3\xa9"\n',
  '# coding: latin-1\nx = "\xe9" u"a"\n',
  '# coding: latin-1\nx = "\xe9" + u"a"\n',
  '#!/usr/bin/python\n# -*- coding: cp1252 -*-\nx = "\x80\x93"\ny = u"\x80\x93"\n',
  '# coding: windows-1252\nx = "caf\xe9 \x80"\n',
  '# coding: cp1252\nx = "a\x81b"\n',
  '# coding: cp1252\n# \x9d\nx = 1\n',
  '# vim: set fileencoding=iso-8859-15 :\nx = "\xa4"\ny = u"\xa4\xe9"\n',
  '\n# coding: l1\nname = "\xe9"\n',
  '# caf\xe9\n# coding: latin-1\nname = 1\n',
  '# coding: latin-1\nx = []\nx += "\xe9a"\n',
  // Declared names Python 2 has no codec for, or refuses after a byte-order mark (XM0046)
  '# coding: foo\nx = 1\n',
  '# -*- coding: latin-one -*-\nx = "\xe9"\n',
  '\xef\xbb\xbf# coding: latin-1\nx = 1\n',
  '\xef\xbb\xbf# coding: utf8\nx = 1\n',
  // ascii, and tables with undefined bytes (XM0045)
  '# coding: ascii\nx = "\xc3\xa9"\n',
  '# coding: us-ascii\n# \xe9\nx = 1\n',
  '# coding: ascii\nx = 1\n',
  '# coding: iso-8859-3\nx = "\xa5"\n',
  // other single-byte tables: byte strings keep the file's bytes, unicode ones decode them
  '# coding: koi8-r\nx = u"\xe9"\ny = "\xe9\\xe9"\n',
  '\n# coding: koi8_r\nx = "\x9a\\xa0"\ny = u"\x9a\\xa0"\n',
  '# coding: cp1250\nx = u"\x8a\xe8"\ny = "\x8a" + "%s" % "\xe8"\n',
  '# coding: iso8859-2\nx = u"\xb1\xe6"\n',
  '# -*- coding: mac-roman -*-\nx = u"\x8e"\n',
  '# coding: cp437\nx = u"\x82"\ny = "\x82"\n',
  '# coding: latin-1-unix\nx = "\xe9"\n',
  // invalid UTF-8 Python 2 decodes (XM0049): a u'' string of a utf-8 file, anything under another name of the codec
  '# coding: utf-8\nx = u"a\xe9b"\n',
  '# -*- coding: utf-8-unix -*-\nx = ur"\xe9"\n',
  '\xef\xbb\xbfx = u"a\xe9b"\n',
  '# coding: utf8\n# a\xe9b\nx = 1\n',
  '# coding: utf8\nx = "a\xe9b"\n',
  '# coding: utf-8-sig\n# a\xe9b\nx = 1\n',
  '# coding: utf8-sig\nx = 1\n',
  // a U+FFFD saved as itself (EF BF BD) is valid UTF-8: no XM0049, in a u'' string, a byte string or a comment;
  // invalid bytes next to one are still found where they are
  '# coding: utf-8\nx = u"a\xef\xbf\xbdb"\n',
  '# coding: utf-8\nx = "a\xef\xbf\xbdb"\n# \xef\xbf\xbd\n',
  '# coding: utf8\n# \xef\xbf\xbd\nx = u"\xef\xbf\xbd"\n',
  '\xef\xbb\xbfx = u"\xef\xbf\xbd"\n',
  'x = u"\xef\xbf\xbd"\n',
  '# coding: utf-8\nx = u"\xef\xbf\xbd"\ny = u"a\xe9b"\n',
  '# coding: utf-8\nx = "\xe9\xef\xbf\xbd" + u"\xef\xbf\xbd\xe9"\n',
  '# coding: utf8\nx = "\xef\xbf\xbd\xe9"\n',
  // UTF-8-encoded surrogates (ED A0-BF 80-BF): Python 2's UTF-8 decoder takes them (u'\ud800'), a
  // byte string keeps the bytes; WHATWG's decoder (xmcfg's text) reads them as U+FFFD
  '# coding: utf-8\nx = u"\xed\xa0\x80"\ny = "\xed\xa0\x80"\nz = u"\xed\xa0\x80\xed\xb0\x80"\n',
  '# coding: utf8\n# \xed\xa0\x80\nx = u"a\xed\xbf\xbfb"\ny = "\xed\xa0\x80" + "\xc3\xa9"\n',
  '\xef\xbb\xbfx = u"\xed\xa0\x80"\ny = ur"\xed\xb0\x80\\n"\n',
  '# coding: utf-8\nx = u"\xed\xa0"\n',
  '# coding: utf-8\nx = u"\xed\x9f\xbf\xed\xa0\x80"\ny = u"\xf4\x90\x80\x80"\n',
  'x = "\xed\xa0\x80"\n',
  // a byte string with bytes that are not UTF-8 in a utf-8 file holds them, as Python does
  '# coding: utf-8\nx = "a\xe9b"\ny = "\xc3\xa9" "\xe9"\nz = "a\xe9b" + "\\xe9"\n',
  '# coding: utf-8\nx = ["\xe9", "%s-\xe9" % "\xc3\xa9"]\ny = "\xe9" * 2\n',
  // single-byte codecs whose undefined bytes read as another byte's character, or two bytes as one
  '# coding: cp857\nx = u"\xe5\xd4"\ny = "\xe5"\n',
  '# coding: cp857\nx = "\xd5"\n',
  '# coding: cp1006\nx = u"\xb1\xb2"\ny = "\xb1\xb2"\nz = "\xb2" + "\\xb1"\n',
  '# coding: cp856\nx = u"\x80\xa9"\ny = "\x80"\n',
  '# coding: cp856\n# \xa0\nx = 1\n',
  '# coding: hp-roman8\nx = u"\xc5"\ny = "\xc5"\n',
  '# coding: roman8\n# \xff\nx = 1\n',
  '# coding: iso-8859-8\nx = u"\xe0\xf9\xaa"\ny = "\xaa"\n',
  '# coding: hebrew\nx = "\xd7"\n',
].map((latin1) => ({ latin1 }));

/** Every generated file text (or bytes), in a stable order. */
export const CASES = [...EXPRS.map((e) => `x = ${e}\n`), ...FILES, ...randomExprs(400, 20261127).map((e) => `x = ${e}\n`), ...BYTE_FILES, ...DEEP_CASES, ...INDENT_CASES, ...WIDE_CASES, ...ACCESS_CASES, ...COMPARE_CASES, ...BOOL_CASES];
