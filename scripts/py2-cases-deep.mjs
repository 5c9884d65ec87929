/**
 * Cases of scripts/py2-diff.mjs at the depth where Python 2's parser stack overflows ("s_push:
 * parser stack overflow", MemoryError; XM0022, decision 055): for each construct, nested one level
 * less than Python 2.7.18 reads, exactly as deep, and one more. What Python reads must be read
 * alike (the same value, or xmcfg's own refusal: XM0052, XM0003 past the grammar's 40 levels);
 * what it cannot read must be XM0022 (or XM0003) in xmcfg.
 */

/** `stmt` with `open` nested `n` times around `inner`, each closed by `close`. */
const nest = (stmt, open, close, n, inner = '1') => stmt.replace('%s', open.repeat(n) + inner + close.repeat(n));

/**
 * [open, close, levels Python 2.7.18 first fails at (measured with `compile`), statement, inner];
 * the depth is 20 entries for a value, 15 a bracket, 16 a call or subscript, 1 a unary operator or
 * `not`, 2 `**` or `lambda`, 4 a block, 3 a statement after a header's colon (src/syntax/py2-stack.ts).
 */
const CONSTRUCTS = [
  ['(', ')', 99, 'x = %s\n'],
  ['(', ')', 100, 'x = %s\n', ''],
  ['[', ']', 99, 'x = %s\n'],
  ['[', ']', 100, 'x = %s\n', ''],
  ['{1: ', '}', 99, 'x = %s\n'],
  ['-(', ')', 93, 'x = %s\n'],
  ['not (', ')', 93, 'x = %s\n'],
  ['~(', ')', 93, 'x = %s\n'],
  ['+(', ')', 93, 'x = %s\n'],
  ['--(', ')', 88, 'x = %s\n'],
  // 1 ** … rather than 2 ** …: the same grammar, and Python folds the constant without a huge number.
  ['1**(', ')', 88, 'x = %s\n'],
  ['a[(', ')]', 48, 'a = [0]\nx = %s\n', '0'],
  ['a[', ']', 93, 'a = [0]\nx = %s\n', '0'],
  ['f(', ')', 93, 'def f(x): return x\nx = %s\n'],
  ['(lambda: ', ')', 88, 'x = %s\n'],
  ['(1 if 1 else ', ')', 93, 'x = %s\n'],
  // The innermost [1] is a bracket too: one level sooner than `[x for x in ` alone (88).
  ['[x for x in ', ']', 87, 'x = %s\n', '[1]'],
  ['-(-[', '])', 47, 'x = %s\n', '1'],
  ['[-(', ')]', 48, 'x = %s\n'],
  ['(', ')', 98, 'if 1:\n  if 1:\n    if 1:\n      x = %s\n'],
  ['(', ')', 99, 'if 1:\n  x = %s\n'],
  ['-(', ')', 93, 'if 1: x = %s\n'],
  ['(', ')', 99, 'print %s\n'],
];

/** Every case: each construct one level short of Python's limit, at it, and one past it. */
export const DEEP_CASES = CONSTRUCTS.flatMap(([open, close, n, stmt, inner]) => [n - 1, n, n + 1].map((k) => nest(stmt, open, close, k, inner)));
