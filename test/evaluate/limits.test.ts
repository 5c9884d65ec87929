/** @fileoverview Adversarial bounds of xm evaluation: every way to ask for a huge value is refused or cheap. */
import { describe, expect, test } from 'vitest';
import { codesAndSpans, run, spanOf } from './helpers.js';
import { pyRepr } from '../../src/syntax/python-format.js';

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
