/**
 * The Chevrotain grammar recurses about 13 rules per bracket level and once per `lambda`, `not`,
 * `else`, `for`; run unoptimised (cold), 98 levels of `(1 < (…))` needed about 975 KB of stack, the
 * whole default. Statements the hand-written fast parser declines are therefore not given to the
 * grammar past GRAMMAR_DEPTH (40) levels: XM0003 at the token that passes it, whatever stack the
 * caller left (decision 048). Before, a RangeError became XM0003 over the whole statement, or
 * XM0052 "internal error", at a depth that depended on the stack size and on the JIT's warmth.
 */
import { describe, expect, it } from 'vitest';
import { S } from './load.js';

/** Offset of the n-th (1-based) occurrence of `needle` in `text`. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

/** The XM0003 findings of `text` as `start-end`. */
function tooDeep(text: string): string[] {
  return S.parseTree(text).diagnostics.filter((d) => d.code === 'XM0003').map((d) => `${d.span.start}-${d.span.end}`);
}

describe('grammar depth: statements the fast parser declines', () => {
  it('40 levels of a comparison in parentheses are parsed; the 41st ( is XM0003', () => {
    const ok = 'x = ' + '(1 < '.repeat(40) + '1' + ')'.repeat(40) + '\n';
    expect(tooDeep(ok)).toEqual([]);
    const deep = 'x = ' + '(1 < '.repeat(41) + '1' + ')'.repeat(41) + '\ny = 1\n';
    const at = nth(deep, '(', 41);
    expect(tooDeep(deep)).toEqual([`${at}-${at + 1}`]);
    // The next statement is still read.
    expect(S.parseTree(deep).tree.statements.filter((s) => s.kind === 'assign').length).toBe(1);
  });

  it('nested dicts, calls and subscripts mixed with lists stop at their 41st bracket', () => {
    const mix = 'x = ' + '[{1: f('.repeat(14) + '1' + ')}]'.repeat(14) + '\n';
    // Three brackets a repetition: the 41st is the 14th `{`.
    const at = nth(mix, '{', 14);
    expect(tooDeep(mix)).toEqual([`${at}-${at + 1}`]);
    const sub = 'x = ' + 'a['.repeat(41) + '1' + ']'.repeat(41) + '\n';
    expect(tooDeep(sub)).toEqual([`${nth(sub, '[', 41)}-${nth(sub, '[', 41) + 1}`]);
  });

  it('chains without brackets (lambda, if-else, not, for, backquotes) stop at a token, not over the whole statement', () => {
    // Two cost units a keyword against 13 a level: the 261st keyword passes 40 levels (520 units).
    const lambdas = 'x = ' + 'lambda: '.repeat(5000) + '1\n';
    expect(tooDeep(lambdas)).toEqual([`${nth(lambdas, 'lambda', 261)}-${nth(lambdas, 'lambda', 261) + 6}`]);
    const cond = 'x = ' + '1 if 1 else '.repeat(5000) + '1\n';
    // `if` and `else` both count: the 261st keyword is the 131st `if`.
    expect(tooDeep(cond)).toEqual([`${nth(cond, 'if', 131)}-${nth(cond, 'if', 131) + 2}`]);
    const nots = 'x = ' + 'not '.repeat(5000) + '1\n';
    // The first `not` also counts as a unary operator (one unit): the 260th passes.
    expect(tooDeep(nots)).toEqual([`${nth(nots, 'not', 260)}-${nth(nots, 'not', 260) + 3}`]);
    const gen = 'x = [' + '1 for x in '.repeat(5000) + 'y]\n';
    // Inside one bracket (13 units): the 254th `for` passes.
    expect(tooDeep(gen)).toEqual([`${nth(gen, 'for', 254)}-${nth(gen, 'for', 254) + 3}`]);
    // A backquote costs a level: the 41st.
    const bq = 'x = ' + '`'.repeat(5000) + '\n';
    expect(tooDeep(bq)).toEqual([`${nth(bq, '`', 41)}-${nth(bq, '`', 41) + 1}`]);
  });

  it('what the fast parser takes keeps the 100-level limit', () => {
    expect(tooDeep('x = ' + '['.repeat(100) + '1' + ']'.repeat(100) + '\n')).toEqual([]);
    expect(tooDeep('x = ' + '-('.repeat(99) + '1' + ')'.repeat(99) + '\n')).toEqual([]);
    expect(tooDeep('x = ' + '{1: '.repeat(100) + '1' + '}'.repeat(100) + '\n')).toEqual([]);
    const deep = 'x = ' + '['.repeat(101) + '1' + ']'.repeat(101) + '\n';
    expect(tooDeep(deep)).toEqual([`${nth(deep, '[', 101)}-${nth(deep, '[', 101) + 1}`]);
  });
});

describe("xm: Python 2's parser stack (XM0022)", () => {
  /** The XM0022 findings of `text` read in `dialect`, as `start-end`. */
  const py2 = (text: string, dialect: 'xm' | 'xl'): string[] =>
    S.parse(text, { dialect }).diagnostics.filter((d) => d.code === 'XM0022').map((d) => `${d.span.start}-${d.span.end}`);

  it('98 nested brackets are read; the 99th is XM0022 in xm (Python 2.7: s_push: parser stack overflow), not in xl', () => {
    expect(py2('x = ' + '['.repeat(98) + '1' + ']'.repeat(98) + '\n', 'xm')).toEqual([]);
    const deep = 'x = ' + '['.repeat(99) + '1' + ']'.repeat(99) + '\n';
    expect(py2(deep, 'xm')).toEqual([`${nth(deep, '[', 99)}-${nth(deep, '[', 99) + 1}`]);
    expect(py2(deep, 'xl')).toEqual([]);
  });

  it('dicts, tuples and calls count alike, and so does an `if` body', () => {
    const dicts = 'x = ' + '{1: '.repeat(100) + '1' + '}'.repeat(100) + '\n';
    expect(py2(dicts, 'xm')).toEqual([`${nth(dicts, '{', 99)}-${nth(dicts, '{', 99) + 1}`]);
    const mixed = 'if 1:\n    x = f(' + '[('.repeat(49) + '1' + ',)]'.repeat(49) + ')\n';
    expect(py2(mixed, 'xm')).toEqual([`${nth(mixed, '(', 50)}-${nth(mixed, '(', 50) + 1}`]);
  });
});
