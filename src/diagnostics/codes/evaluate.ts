/**
 * @fileoverview XM0050–XM0099: findings of the safe evaluator (xm expressions, values, `+=`), and what
 * Python 2 refuses before evaluating (XM0064 source encoding, XM0065 assignment to None, XM0066 indentation inside a block);
 * XM0112–XM0116, the evaluator's too (its range was full of other tables' codes): an index out of
 * range, a unicode string compared with a non-ASCII byte string, an ordering decided by type, an
 * identity Python 2 leaves to the implementation, a builtin function or class used as a value.
 */
import { defineCodes } from '../registry.js';

/** Code constants, so the evaluator never spells a code twice. */
export const EvalCode = {
  undefinedName: 'XM0050',
  conditionalName: 'XM0051',
  notEvaluated: 'XM0052',
  badOperands: 'XM0053',
  divisionByZero: 'XM0054',
  outOfRange: 'XM0055',
  stringTooLong: 'XM0056',
  listTooLong: 'XM0057',
  tooDeep: 'XM0058',
  badFormat: 'XM0059',
  appendMismatch: 'XM0060',
  blockNotRead: 'XM0061',
  badEscape: 'XM0062',
  fileTooLarge: 'XM0063',
  undeclaredEncoding: 'XM0064',
  assignToNone: 'XM0065',
  blockIndent: 'XM0066',
  indexOutOfRange: 'XM0112',
  unicodeUnequal: 'XM0113',
  orderedByType: 'XM0114',
  identityUnknown: 'XM0115',
  builtinValue: 'XM0116',
} as const;

/** The registry table of the evaluator's codes (wired into codes/index.ts by the lead). */
export const evaluateCodes = defineCodes({
  XM0050: {
    severity: 'error',
    title: 'undefined name',
    explanation:
      'An xm config is Python: a bare name used as a value must have been assigned earlier in the file, or be given on the command line (`xmcfg check --define vmid=3`, as `xm create cfg vmid=3` pre-defined it). xmcfg reads names in file order, like Python did, so a name assigned later, or one that only existed in the xm process, is unknown. Quote the value if a string was meant.',
    bad: 'name = "VM%d" % vmid',
    good: 'vmid = 1\nname = "VM%d" % vmid',
  },
  XM0051: {
    severity: 'error',
    title: 'name set by code that is not evaluated',
    explanation:
      'The name was last set by Python code xmcfg does not run: inside an `if`, `for` or `def` block, by `import`, by a tuple unpacking `a, b = ...` or an operator assignment such as `x -= 1`, or it is one of the modules and helpers xm provided (`os`, `sys`, `xm_vars`). xmcfg cannot know its value and does not guess. Assign the name a plain value unconditionally (or pass it with `--define`) so the setting can be checked.',
    bad: 'if arch == "x86_64":\n    dm = "/usr/lib64/xen/bin/qemu-dm"\ndevice_model = dm',
    good: 'device_model = "/usr/lib64/xen/bin/qemu-dm"',
  },
  XM0052: {
    severity: 'error',
    title: 'expression not evaluated',
    explanation:
      'Function calls, attribute access (`os.uname()`), dictionaries and most subscripts are Python code. A config is never executed, so xmcfg does not evaluate them and the setting that uses one has no value. The same holds for bit operators, backquotes, complex numbers, and a u-string\'s `\\N{NAME}` escape (a character by its Unicode name, a table xmcfg does not hold). Evaluated: `len()` of a string, list or tuple, indexing and slicing a string (and a list or tuple, unless the result holds a list, which Python would share), comparisons (`==`, `!=`, `<`, `>=`, `in`, `is`…), and `and`, `or`, `not` and `x if c else y` — but an expression holding one of the forms above is not evaluated at all, even where Python would skip that part (`1 or os.uname()`). Write the resulting value literally.',
    bad: 'arch = os.uname()[4]',
    good: 'arch = "x86_64"',
  },
  XM0053: {
    severity: 'error',
    title: 'unsupported operand types',
    explanation:
      'Python 2 would raise a TypeError for this expression: the operator does not apply to these types (a string plus a number, a list times a float, minus a string...), or a UnicodeDecodeError: a byte string holding a non-ASCII character joined to a unicode string (`\'\\xe9\' + u\'a\'`). Convert the operand, for example with `%` formatting, or write the value literally.',
    bad: 'name = "vm" + 3',
    good: 'name = "vm%d" % 3',
  },
  XM0054: {
    severity: 'error',
    title: 'division or modulo by zero',
    explanation: 'The right operand of `/`, `//` or `%` (or the base of a negative power) is zero; Python raises ZeroDivisionError and xm would refuse the file.',
    bad: 'memory = 1024 / 0',
    good: 'memory = 1024 / 2',
  },
  XM0055: {
    severity: 'error',
    title: 'number out of range',
    explanation:
      'The number (written or computed) is an integer of 2^53 (9007199254740992) or more in magnitude, which Python holds exactly as a long but xmcfg cannot (integers are exact up to 2^53 − 1; an expression whose intermediate result reaches 2^53, such as `2 ** 53 - 1`, is refused as well), or a float beyond the largest double (`1e400`, `1e308 * 10`: inf in Python). No Xen setting needs such a value, so xmcfg reports it instead of rounding. Check for a misplaced operator such as `**`.',
    bad: 'maxmem = 2 ** 64',
    good: 'maxmem = 2 ** 12',
  },
  XM0056: {
    severity: 'error',
    title: 'string too long',
    explanation:
      'The expression would build a string longer than 1 MiB (or a list holding more than 16 MiB of text). xmcfg checks sizes before building values, so a runaway repetition such as `"x" * 10**9` is reported instead of exhausting memory.',
    bad: 'extra = "x" * 10**9',
    good: 'extra = "x" * 10',
  },
  XM0057: {
    severity: 'error',
    title: 'list too long',
    explanation: 'The expression would build a list with more than 100,000 items (nested lists count their items too). No domain needs that many devices; the size is checked before the list is built.',
    bad: 'vif = [""] * 10**9',
    good: 'vif = [""] * 2',
  },
  XM0058: {
    severity: 'error',
    title: 'nesting too deep',
    explanation:
      'The expression, or the list value it builds, nests more than 100 levels deep (for example a list wrapped in itself again and again). Python 2 itself refused such nesting in source text; xmcfg stops there instead of risking its stack, and no configuration needs it.',
    bad: `a = []\n${'a = [[[[[[[[[[a]]]]]]]]]]\n'.repeat(11)}`.trimEnd(),
    good: 'a = [[1, 2], [3]]',
  },
  XM0059: {
    severity: 'error',
    title: 'bad string formatting',
    explanation:
      'The `%` formatting would fail in Python 2: too few or too many arguments for the conversions, an unknown conversion character, a number conversion (`%d`) given a string, a `%(key)s` mapping key (dictionaries are not evaluated), or a result that becomes unicode (a u-string format, or a u-string given to `%s`) while a byte string in it holds a non-ASCII character.',
    bad: 'name = "vm%d-%d" % 3',
    good: 'name = "vm%d-%d" % (3, 4)',
  },
  XM0060: {
    severity: 'error',
    title: '`+=` mixes a list and a string',
    explanation:
      "xl's `+=` concatenates a string to a string or appends a list to a list. Adding a list to a string (or a string to a list) is an error that makes libxlu reject the whole file (\"can't add [list] to \\\"string\\\"\"). Use the same kind of value on both sides.",
    bad: 'extra = "console=hvc0"\nextra += ["debug"]',
    good: 'extra = "console=hvc0"\nextra += " debug"',
  },
  XM0061: {
    severity: 'info',
    title: 'settings inside this block are not read',
    explanation:
      'Assignments inside an `if`, `for`, `def`, `try` or other Python block only happen when the block runs. xmcfg never runs code, so these settings are not read and are not checked. Move the settings out of the block (choose one branch) if they should count.',
    bad: 'if arch == "x86_64":\n    memory = 512',
    good: 'memory = 512',
  },
  XM0062: {
    severity: 'error',
    title: 'invalid escape in a Python string',
    explanation: 'Python 2 refuses `\\x` not followed by two hex digits, and in u-strings `\\u`/`\\U` not followed by 4/8 hex digits or a `\\N` not followed by `{NAME}`; xm would fail to read the file. Write the full escape or double the backslash.',
    bad: 'extra = "console=\\x4"',
    good: 'extra = "console=\\x41"',
  },
  XM0063: {
    severity: 'error',
    title: 'file too large to evaluate',
    explanation: 'The values of this file together exceed the evaluation budget (64 Mi characters and items), almost certainly because large values are copied many times. Settings from here on are not read.',
    bad: 'a = "x" * 1000000\nb = a\nc = a\n# ... repeated hundreds of times',
    good: 'a = "x" * 1000',
  },
  XM0064: {
    severity: 'error',
    title: 'non-ASCII character without an encoding declaration',
    explanation:
      'xm read the file with Python 2, which refuses any character outside ASCII (in a string, a comment, anywhere) unless the file declares its encoding: "SyntaxError: Non-ASCII character \'\\xc3\' ... but no encoding declared" (PEP 263). A declaration is a comment such as `# -*- coding: utf-8 -*-` on the first line, or on the second when the first is blank or a comment; a UTF-8 byte-order mark counts as one. xm would not start the guest. Reported once, at the first such character.',
    bad: 'name = "café"',
    good: '# -*- coding: utf-8 -*-\nname = "café"',
  },
  XM0065: {
    severity: 'error',
    title: 'assignment to None',
    explanation:
      'Python 2 lets a file rebind `True` and `False`, but refuses to compile an assignment to `None` (or `__debug__`): "SyntaxError: cannot assign to None". xm would refuse the whole file.',
    bad: 'None = 0',
    good: 'nothing = 0',
  },
  XM0066: {
    severity: 'error',
    title: 'inconsistent indentation inside a Python block',
    explanation:
      'Python 2 compiles the whole file before running any of it, so a block that xmcfg does not read (XM0061) must still be indented as Python wants, or xm refuses the file with an IndentationError: a line indented less than its block but more than the block around it ("unindent does not match any outer indentation level"), a line indented more than the lines before it in its block ("unexpected indent"), or a header ending with `:` and no indented line after it ("expected an indented block", reported at the colon). A tab counts up to the next multiple of 8 columns, as in Python 2. Reported at the blanks that start the line.',
    bad: 'if 1:\n        memory = 512\n    vcpus = 2',
    good: 'memory = 512\nvcpus = 2',
  },
  XM0112: {
    severity: 'error',
    title: 'index out of range',
    explanation:
      'The index is not inside the string, list or tuple: Python 2 raises IndexError ("string index out of range") and xm would refuse the file. An index counts from 0, a negative one from the end (`-1` is the last item); a byte string counts bytes (a non-ASCII character written in a utf-8 file is 2 to 4 of them), a unicode string code points. A slice never fails this way: it is cut to the value.',
    bad: 'name = "vm"\ninitial = name[2]',
    good: 'name = "vm"\ninitial = name[0]',
  },
  XM0113: {
    severity: 'warning',
    title: 'unicode string compared with a non-ASCII byte string',
    explanation:
      'Python 2 compares a unicode string with a byte string by decoding the byte string as ASCII; when it holds a non-ASCII byte (`\'\\xe9\'`, or `\'é\'` written in a utf-8 file, which is two bytes) the decoding fails, Python prints "UnicodeWarning: Unicode equal comparison failed to convert both arguments to Unicode - interpreting them as being unequal", and `==` is False (`!=` True) even when both spell the same text. Compare strings of the same kind: both unicode (`u\'é\' == u\'é\'`) or both byte strings.',
    bad: '# -*- coding: utf-8 -*-\nsame = u"café" == "café"',
    good: '# -*- coding: utf-8 -*-\nsame = u"café" == u"café"',
  },
  XM0114: {
    severity: 'warning',
    title: 'values of different types ordered by type',
    explanation:
      'Python 2 orders values of different types by a fixed rule, not by their values: None before everything, then numbers, then the other types by the name of their type (`list` < `str` < `tuple` < `unicode`), so `512 < "256"` is True and `"1024" > 4096` is True whatever the numbers. xmcfg gives the value Python 2.7 gives (Python 3 refuses such a comparison), and warns: a number compared with a string is almost always a string that was meant to be a number. Compare values of the same type: write the number without quotes, or format it (`"%d" % n`).',
    bad: 'memory = 512\nbig = memory > "256"',
    good: 'memory = 512\nbig = memory > 256',
  },
  XM0115: {
    severity: 'error',
    title: 'identity of equal values not known',
    explanation:
      '`is` and `is not` ask whether two values are the same object. Python 2 makes that certain only for None, True and False, and for ints from -5 to 256 (CPython keeps one object of each); values of different types, or unequal values, are never the same object, and xmcfg evaluates those. Two equal strings, lists, tuples, floats, longs or larger ints may or may not be one object depending on how CPython built them (`257 is 257` is True in one statement, `a is 257` after `a = 200 + 57` is False; short strings are interned), so xmcfg does not guess and the setting has no value. Compare values with `==` and `!=`; keep `is` for None.',
    bad: 'name = "vm01"\nfirst = name is "vm01"',
    good: 'name = "vm01"\nfirst = name == "vm01"',
  },
  XM0116: {
    severity: 'error',
    title: 'builtin function or class used as a value',
    explanation:
      'The name is one of Python 2\'s builtin functions (`len`, `str`, `max`…), types (`int`, `list`…) or exception classes, and the file does not bind it itself, so Python reads the builtin: `x = len` binds the function, not a number. Such a value is no config value: xm copied only strings, numbers and lists into its options and dropped the rest without a word, and xmcfg cannot evaluate anything computed from it. Call the function (`len(name)`), write the value literally, or quote the text if a string was meant.',
    bad: 'name = "vm01"\nsize = len',
    good: 'name = "vm01"\nsize = len(name)',
  },
});
