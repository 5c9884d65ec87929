/**
 * Properties over random input (fast-check): parsing never throws, the token stream is lossless
 * and gap-free, every diagnostic span lies inside the text, and under `--dialect xl` the verdict
 * and first error line agree with the libxlu re-implementation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { S, isSyntaxCode, rebuild } from './load.js';

/** Fragments that exercise every token and most dialect rules. */
const FRAGMENTS = [
  'a', 'memory', 'Key', '_x', 'vif.default', 'numa', 'on', 'True', 'if', 'import os', 'def f(x):', 'print',
  ' ', '\t', '\n', '\r\n', '\r', '\\\n', '    ',
  '=', '+=', '+ =', ',', ';', '[', ']', '(', ')', '{', '}', ':', '.', '*', '-', '%', '**', '//', '==',
  '1', '0x1f', '0xFF', '1.5', '12abc', '010', '1e5', '0b1', '-1',
  '"s"', "'t'", '"a\\x41"', '"\\101"', '"\\1"', '"\\q"', '"\\n"', '"""t"""', "'''", 'r"x"', '"unterm', '"é"',
  '# c', '#c\n', 'é', '$', '\u0000', '\uFEFF', '😀',
];
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fragmentText);

describe('properties', () => {
  it('parse never throws, stays lossless, and keeps spans inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('auto', 'xl', 'xm'), (text, dialect) => {
        const r = S.parse(text, { dialect: dialect as 'auto' | 'xl' | 'xm' });
        expect(rebuild(r.tree)).toBe(text);
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.code).toMatch(/^XM0\d{3}$/);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('under --dialect xl, the verdict and first error line are libxlu\'s', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        fc.pre(!/numa\s*=\s*on/.test(text)); // the RFC spelling is accepted on purpose
        // Documented policy: NUL bytes mean binary input, refused whole (XM0031).
        fc.pre(!text.includes('\u0000'));
        const r = S.parse(text, { dialect: 'xl' });
        const xlu = S.libxluCheck(text);
        const errs = r.diagnostics.filter((d) => d.severity === 'error');
        const ours = errs.length ? r.lineIndex.position(errs[0]!.span.start).line : 0;
        const theirs = xlu ? r.lineIndex.position(xlu.offset).line : 0;
        expect(ours).toBe(theirs);
      }),
      { numRuns: 3000 },
    );
  });

  it('statements of a valid generated xl file all come back, in order', () => {
    const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.integer({ min: 0, max: 1e6 }).map(String),
        fc.stringMatching(/^[a-z0-9 =,:.\/-]{0,12}$/).map((s) => JSON.stringify(s)),
        fc.array(tie('v'), { maxLength: 4 }).map((a) => `[ ${a.join(', ')} ]`),
      ),
    })).v;
    const stmt = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.constantFrom('=', '+='), value);
    fc.assert(
      fc.property(fc.array(stmt, { maxLength: 12 }), (stmts) => {
        const text = stmts.map(([k, op, v]) => `${k} ${op} ${v}\n`).join('');
        const r = S.parse(text, { dialect: 'xl' });
        // Syntax-layer codes only: `x = []` then `x += 0` is a (correct) evaluator error.
        expect(r.diagnostics.filter((d) => d.severity === 'error' && isSyntaxCode(d.code))).toEqual([]);
        expect(S.libxluCheck(text)).toBeNull();
        expect(r.tree.statements.map((s) => (s.kind === 'assign' ? s.key.name : s.kind))).toEqual(stmts.map(([k]) => k));
      }),
      { numRuns: 300 },
    );
  });
});
