/**
 * libxlu's bison parser stops with "memory exhausted" when its stack reaches YYMAXDEPTH (10,000
 * states); the reader counts those states instead of waiting for a JavaScript stack overflow, which
 * came at a depth that depended on the caller's stack and was reported at offset 0.
 */
import { describe, expect, it } from 'vitest';
import { libxluCheck } from '../../src/syntax/libxlu.js';

/** Offset of the n-th (1-based) occurrence of `ch` in `text`. */
function nth(text: string, ch: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(ch, at + 1);
  return at;
}

describe('libxlu reader: bison stack depth', () => {
  it('x = [[[… stops at the 4,998th [ (state 0, stmts, IDENT, = and two states a level reach 10,000)', () => {
    const deep = '# a comment first\nx = ' + '['.repeat(4998) + ']'.repeat(4998) + '\n';
    expect(libxluCheck(deep)).toEqual({ offset: nth(deep, '[', 4998), length: 1, message: 'memory exhausted', kind: 'syntax' });
  });

  it('an empty innermost list takes two states more (valuelist, ]): 4,996 levels pass, 4,997 stop at the first ]', () => {
    expect(libxluCheck('x = ' + '['.repeat(4996) + ']'.repeat(4996) + '\n')).toBeNull();
    const deep = 'x = ' + '['.repeat(4997) + ']'.repeat(4997) + '\n';
    expect(libxluCheck(deep)).toEqual({ offset: deep.indexOf(']'), length: 1, message: 'memory exhausted', kind: 'syntax' });
  });

  it('the same depth after earlier statements (a finished statement leaves the stack at stmts)', () => {
    const deep = 'a = 1\nb = ["x"]\n'.repeat(50) + 'x = ' + '['.repeat(4998) + '\n';
    expect(libxluCheck(deep)).toMatchObject({ offset: nth(deep, '[', 50 + 4998), message: 'memory exhausted' });
  });

  it('[1, [1, [1, … takes five states a level: the limit is reached at a later [ or its 1', () => {
    // Level k's value starts with 4 + 5k states below it; its `[` is state 5 + 5k, its nlok 6 + 5k.
    // 6 + 5k = 10,000 at k = 1998.8: level 1,999's `[` is 10,000 (k = 1999: 5 + 9995).
    const ok = 'x = ' + '[1, '.repeat(1998) + '1' + ']'.repeat(1998) + '\n';
    expect(libxluCheck(ok)).toBeNull();
    const deep = 'x = ' + '[1, '.repeat(2000) + '1' + ']'.repeat(2000) + '\n';
    expect(libxluCheck(deep)).toEqual({ offset: nth(deep, '[', 2000), length: 1, message: 'memory exhausted', kind: 'syntax' });
  });

  it('a NEWLINE or an item after a comma is shifted one state above the comma\'s nlok', () => {
    // 4,996 levels leave 9,994 states below the innermost value; its 1, values, the comma and the
    // comma's nlok make 9,999, so the next shift is the 10,000th: a NEWLINE, or the next item.
    const nl = 'x = ' + '['.repeat(4996) + '1,\n1' + ']'.repeat(4996) + '\n';
    expect(libxluCheck(nl)).toEqual({ offset: nl.indexOf('\n'), length: 1, message: 'memory exhausted', kind: 'syntax' });
    const item = 'x = ' + '['.repeat(4996) + '1,2' + ']'.repeat(4996) + '\n';
    expect(libxluCheck(item)).toEqual({ offset: item.indexOf('2'), length: 1, message: 'memory exhausted', kind: 'syntax' });
    // One level less passes, newline and all.
    expect(libxluCheck('x = ' + '['.repeat(4995) + '1,\n1' + ']'.repeat(4995) + '\n')).toBeNull();
  });
});
