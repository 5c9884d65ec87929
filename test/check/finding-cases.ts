/**
 * Data-driven finding cases (situations taken from real configs: the shared corpus and the
 * generated one): a config, a dialect and the exact findings of the codes the case is about: the
 * code and the text its span covers (the n-th occurrence of `at` in the config). Codes the case is
 * not about are not asserted. Every warning and error of a case must carry a hint.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import type { Dialect } from '../../src/syntax/value.js';

/** One expected finding. */
export interface Expected {
  code: string;
  /** The text the span covers; `nth` picks its occurrence (0 = first). */
  at: string;
  nth?: number;
}

/** One case. */
export interface Case {
  name: string;
  dialect: Dialect;
  text: string;
  /** The codes this case is about: every finding of them must be listed in `expect`. */
  codes: string[];
  expect: Expected[];
}

function run(c: Case) {
  return checkText(c.text, { dialect: c.dialect }).diagnostics.filter((d) => c.codes.includes(d.code));
}

/** Register a describe block for `cases`. */
export function findingCases(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const got = run(c).map((d) => ({ code: d.code, start: d.span.start, end: d.span.end }));
        const want = c.expect.map((e) => {
          let start = -1;
          for (let i = 0; i <= (e.nth ?? 0); i++) start = c.text.indexOf(e.at, start + 1);
          expect(start, `"${e.at}" #${e.nth ?? 0} in the case text`).toBeGreaterThanOrEqual(0);
          return { code: e.code, start, end: start + e.at.length };
        });
        const order = (a: { start: number; code: string }, b: { start: number; code: string }) => a.start - b.start || a.code.localeCompare(b.code);
        expect(got.sort(order)).toEqual(want.sort(order));
      });
    }

    it('every warning and error of these cases names the fix in a hint', () => {
      for (const c of cases) {
        for (const d of run(c)) if (d.severity !== 'info') expect(d.hint ?? '', `${c.name}: ${d.code}`).toMatch(/\S/);
      }
    });
  });
}
