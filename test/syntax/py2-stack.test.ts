/**
 * XM0022 where Python 2's parser stack (1,500 entries) overflows, and nowhere else (decision 055).
 * Each row's depth was measured with Python 2.7.18 (`parser.suite`, the parse execfile makes): one
 * level less is read, the row's depth is "s_push: parser stack overflow" and a MemoryError. Before,
 * XM0022 came at the 99th bracket whatever was between the brackets, so `-(` nested 93 to 98 deep
 * (a MemoryError) passed, and 99 empty brackets (read by Python) were refused.
 */
import { describe, expect, it } from 'vitest';
import { S } from './load.js';

/** Offset of the n-th (1-based) occurrence of `needle` in `text`. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

/** The XM0022 findings of `text` read as xm, as `start-end`. */
const xm0022 = (text: string, dialect: 'xm' | 'xl' = 'xm'): string[] =>
  S.parse(text, { dialect }).diagnostics.filter((d) => d.code === 'XM0022').map((d) => `${d.span.start}-${d.span.end}`);

/**
 * [what, statement (`%s`: the nested value), opening, closing, innermost value, levels at which
 * Python 2 fails, where XM0022 is: the n-th `needle` (1-based; `n` null: the row's level)].
 */
type Row = [what: string, stmt: string, open: string, close: string, inner: string, fails: number, needle: string, n: number | null];

const ROWS: Row[] = [
  // 20 entries for the value, 15 a bracket: the 99th bracket's content overflows (as before); an
  // empty innermost bracket pushes nothing inside it: the 100th bracket itself overflows.
  ['empty brackets', 'x = %s\n', '(', ')', '', 100, '(', null],
  // A unary operator or `not` between brackets: 16 a level.
  ['-(', 'x = %s\n', '-(', ')', '1', 93, '(', null],
  ['not (', 'x = %s\n', 'not (', ')', '1', 93, '(', null],
  ['~(', 'x = %s\n', '~(', ')', '1', 93, '(', null],
  ['+(', 'x = %s\n', '+(', ')', '1', 93, '(', null],
  // `**`: the exponent's factor and power, 17 a level.
  ['2**(', 'x = %s\n', '2**(', ')', '1', 88, '(', null],
  // A call or subscript: trailer, arglist, argument, 16 a level; with a bracket inside, 31 a pair;
  // `-(-[`: 32 a pair, and the `-` after the 47th `(` overflows (inside that bracket).
  ['f(', 'x = %s\n', 'f(', ')', '1', 93, '(', null],
  ['a[(', 'x = %s\n', 'a[(', ')]', '1', 48, '(', null],
  ['-(-[', 'x = %s\n', '-(-[', '])', '1', 47, '(', null],
  // lambda: lambdef and its body's test; a list comprehension's iterable: list_for, testlist_safe, old_test.
  ['(lambda:', 'x = %s\n', '(lambda: ', ')', '1', 88, '(', null],
  ['[x for x in', 'x = %s\n', '[x for x in ', ']', 'y', 88, '[', null],
  // Blocks: 4 entries each (stmt, compound_stmt, if_stmt, suite): three make the 98th bracket overflow.
  ['three blocks', 'if 1:\n  if 1:\n    if 1:\n      x = %s\n', '(', ')', '1', 98, '(', null],
  // After a header's colon: suite, simple_stmt (3).
  ['if 1: x =', 'if 1: x = %s\n', '-(', ')', '1', 93, '(', null],
  // No bracket: 1,480 unary operators are read, the 1,481st's operand overflows (at the operand).
  ['a unary chain', 'x = %s\n', '-', '', '1', 1481, '1', 1],
  // print_stmt, test: one above an assignment's testlist, test, so one more operator is read.
  ['print', 'print %s\n', '-', '', '1', 1482, '1', 1],
];

describe("xm: XM0022 where Python 2's parser stack overflows", () => {
  for (const [what, stmt, open, close, inner, fails, needle, n] of ROWS) {
    const text = (k: number): string => stmt.replace('%s', open.repeat(k) + inner + close.repeat(k));
    it(`${what}: ${fails - 1} levels are read, ${fails} overflow`, () => {
      expect(xm0022(text(fails - 1))).toEqual([]);
      const deep = text(fails);
      const at = nth(deep, needle, n ?? fails);
      expect(xm0022(deep)).toEqual([`${at}-${at + needle.length}`]);
      // xl is not affected (libxlu reads about 5,000 levels).
      expect(xm0022(deep, 'xl')).toEqual([]);
    });
  }

  it('one finding a statement; the next statement is counted afresh', () => {
    const deep = '-('.repeat(95) + '1' + ')'.repeat(95);
    const text = `x = [${deep}, ${deep}]\ny = ${deep}\n`;
    const first = nth(text, '(', 92);
    const second = nth(text, '(', 95 + 95 + 93);
    expect(xm0022(text)).toEqual([`${first}-${first + 1}`, `${second}-${second + 1}`]);
    // A long statement that is not deep: the bound lets the exact count run, which finds nothing.
    expect(xm0022('x = [' + Array.from({ length: 3000 }, (_, i) => `-a${i} + not_${i}`).join(', ') + ']\n')).toEqual([]);
  });
});
