/**
 * @fileoverview The names Python 2.7.18's `__builtin__` module binds to a function or a class: a
 * file that does not bind such a name itself reads the builtin (`x = len` binds the function), which
 * is no config value. Listed from `dir(__builtin__)` of Python 2.7.18 (`PYENV_VERSION=2.7.18`).
 * True, False and None are values (evaluate-expr.ts); the other builtins (`Ellipsis`,
 * `NotImplemented`, `__debug__`, `__name__`, site's `exit`, `help`…) are not listed.
 */

/** What a builtin name is, in Python 2's words. */
type BuiltinKind = 'builtin function' | 'type' | 'exception class';

const FUNCTIONS =
  '__import__ abs all any apply bin callable chr cmp coerce compile delattr dir divmod eval execfile filter format getattr globals hasattr hash hex id input intern isinstance issubclass iter len locals map max min next oct open ord pow print range raw_input reduce reload repr round setattr sorted sum unichr vars zip';
const TYPES =
  'basestring bool buffer bytearray bytes classmethod complex dict enumerate file float frozenset int list long memoryview object property reversed set slice staticmethod str super tuple type unicode xrange';
const EXCEPTIONS =
  'ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError OverflowError PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning StandardError StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError';

const BUILTINS = new Map<string, BuiltinKind>([
  ...FUNCTIONS.split(' ').map((n) => [n, 'builtin function'] as const),
  ...TYPES.split(' ').map((n) => [n, 'type'] as const),
  ...EXCEPTIONS.split(' ').map((n) => [n, 'exception class'] as const),
]);

/** XM0116's message and hint for reading `name` as a value, or undefined when it names no builtin function or class. */
export function builtinFinding(name: string): { message: string; hint: string } | undefined {
  const kind = BUILTINS.get(name);
  if (kind === undefined) return undefined;
  const hint = kind === 'builtin function' ? `call it (${name}(...)) or write the value it gives literally` : 'write the value literally, or quote it if a string was meant';
  return { message: `'${name}' is Python 2's ${kind} ${name}, not a config value`, hint };
}
