/** @fileoverview The XM0050–XM0099 (and XM0112–XM0116) registry table: complete, in range, and its examples are true. */
import { describe, expect, test } from 'vitest';
import { EvalCode, evaluateCodes } from '../../src/diagnostics/codes/evaluate.js';
import { parse, parseTree } from '../../src/syntax/parse.js';
import { evaluate } from '../../src/syntax/evaluate.js';

const byCode = new Map(evaluateCodes.map((c) => [c.code, c]));

describe('evaluate codes', () => {
  test('every constant is registered, in range, documented', () => {
    const used = Object.values(EvalCode);
    expect(new Set(used).size).toBe(used.length);
    expect([...byCode.keys()].sort()).toEqual([...used].sort());
    for (const c of evaluateCodes) {
      // XM0050–XM0099, and XM0112–XM0116 given to the evaluator once its range was taken.
      const n = Number(c.code.slice(2));
      expect((n >= 50 && n <= 99) || (n >= 112 && n <= 116), c.code).toBe(true);
      expect(c.explanation.length).toBeGreaterThan(80);
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.bad).not.toBe(c.good);
    }
    expect(byCode.get(EvalCode.blockNotRead)!.severity).toBe('info');
  });

  // Each documented wrong example triggers its code, and the right one does not.
  const runnable = evaluateCodes.filter((c) => c.code !== EvalCode.fileTooLarge);
  test.each(runnable.map((c) => [c.code, c] as const))('%s examples', (code, info) => {
    const dialect = code === EvalCode.appendMismatch ? 'xl' : 'xm';
    // What Python 2 refuses before evaluating (source encoding, `None = 1`, block indentation) is found by the xm rules of parse.
    const whole = code === EvalCode.undeclaredEncoding || code === EvalCode.assignToNone || code === EvalCode.blockIndent;
    const run = (t: string) => (whole ? parse(t, { dialect: 'xm' }) : evaluate(parseTree(t).tree, { dialect }));
    const bad = run(`${info.bad}\n`);
    const good = run(`${info.good}\n`);
    expect(bad.diagnostics.map((d) => d.code)).toContain(code);
    expect(good.diagnostics).toEqual([]);
    for (const d of bad.diagnostics.filter((x) => x.code === code)) expect(d.severity).toBe(info.severity);
  });
});
