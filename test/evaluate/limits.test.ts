/** @fileoverview Adversarial bounds of xm evaluation: every way to ask for a huge value is refused or cheap. */
import { describe, expect, test } from 'vitest';
import { codesAndSpans, run, spanOf } from './helpers.js';
import { boundedRepr, pyRepr } from '../../src/syntax/python-format.js';
import type { Value } from '../../src/syntax/value.js';
import { LIST_ITEM_WORK, MAX_FILE_WORK } from '../../src/syntax/evaluate-limits.js';

describe('repetition of an empty sequence', () => {
  // The result is empty whatever the count, so the count must not drive a loop (it hung for 10**15).
  test.each([
    ['x = [] * 10**15\n', '[]'],
    ['x = () * 9007199254740991\n', '()'],
    ['x = 10**15 * []\n', '[]'],
    ['x = "" * 9007199254740991\n', "''"],
  ])('%s is empty, with no finding', (src, want) => {
    const { settings, diagnostics } = run(src);
    expect(codesAndSpans(diagnostics)).toEqual([]);
    expect(pyRepr(settings[0]!.value)).toBe(want);
  });
});

describe('%s and %r of a value whose repr is huge', () => {
  const span = { start: 0, end: 0 };
  const str = (value: string): Value => ({ kind: 'string', value, span });
  const list = (items: Value[], tuple = false): Value => ({ kind: 'list', items, tuple, span });

  test('the repr is built only up to the limit', () => {
    // 16 strings of 1,000 \xff: a 64,000-character repr, refused at 1,000 before it is built.
    const big = list(Array.from({ length: 16 }, () => str('\xff'.repeat(1000))));
    expect(boundedRepr(big, 1000)).toBeNull();
    expect(boundedRepr(list([str('\xff'.repeat(1000))]), 1000)).toBeNull();
    // Exactly at the limit is kept: the bound is exact, not an estimate.
    const fits = list([str('ab'), str('c')], true);
    expect(boundedRepr(fits, pyRepr(fits).length)).toBe("('ab', 'c')");
    expect(boundedRepr(fits, pyRepr(fits).length - 1)).toBeNull();
    expect(boundedRepr(list([str('a')], true), 6)).toBe("('a',)");
  });

  test('a 64M-character %s is XM0056 at the format expression', () => {
    const src = 's = "\\xff" * 1000000\nl = [s] * 16\nx = "%s" % (l,)\ny = "%r" % s\n';
    const { diagnostics } = run(src);
    expect(codesAndSpans(diagnostics)).toEqual([
      { code: 'XM0056', ...spanOf(src, '"%s" % (l,)') },
      { code: 'XM0056', ...spanOf(src, '"%r" % s') },
    ]);
  });
});

describe('lists rebuilt line after line', () => {
  // Every setting keeps its value: the work budget must bound the list slots kept, not only time.
  test.each([
    ['a = [1]\n' + 'a = a + [1]\n'.repeat(3000), 'a + [1]'],
    ['a = []\n' + 'a += [1]\n'.repeat(3000), '[1]'],
  ])('%#: XM0063 once, and at most MAX_FILE_WORK / LIST_ITEM_WORK items kept', (src, at) => {
    const { settings, diagnostics } = run(src);
    expect(diagnostics.map((d) => d.code)).toEqual(['XM0063']);
    const d = diagnostics[0]!;
    expect(src.slice(d.span.start, d.span.end)).toBe(at);
    let kept = 0;
    for (const s of settings) if (s.value.kind === 'list') kept += s.value.items.length;
    expect(kept).toBeLessThanOrEqual(MAX_FILE_WORK / LIST_ITEM_WORK);
    expect(settings.length).toBeLessThan(2100);
  });
});
