/** @fileoverview Robustness: arbitrary text through the real parser never makes the evaluator throw. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseTree } from '../../src/syntax/parse.js';
import { evaluate } from '../../src/syntax/evaluate.js';

const atoms = ['x', '=', '+=', ' ', '\n', '    ', '"a%s"', "'b\\x4'", '"""t\n"""', '1', '0x1F', '010', '1.5e3', '2L', '1j', '12abc', '[', ']', '(', ')', ',', '+', '-', '*', '**', '/', '//', '%', 'True', 'None', 'numa', 'on', 'if y:', 'import os', 'f(1)', 'a.b', '{1: 2}', '#c', ';', '\\\n', 'r"\\n"', 'u"\\u12"', '10**9', '"x" *'];

describe('robustness', () => {
  test('random token soup: no throw, spans inside the text, settings in source order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 40 }), fc.constantFrom('xl', 'xm') as fc.Arbitrary<'xl' | 'xm'>, (parts, dialect) => {
        const text = parts.join('');
        const { tree } = parseTree(text);
        const r = evaluate(tree, { dialect, defines: { y: 1 } });
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.code).toMatch(/^XM00[5-9]\d$/);
          expect(d.message).not.toMatch(/^internal error/);
        }
        for (let i = 1; i < r.settings.length; i++) expect(r.settings[i]!.span.start).toBeGreaterThanOrEqual(r.settings[i - 1]!.span.start);
      }),
      { numRuns: 300 },
    );
  });
});
