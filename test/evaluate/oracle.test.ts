/**
 * @fileoverview The xm evaluator against real Python 2.7: fixtures/oracle.json holds, for each
 * expression of fixtures/oracle-exprs.txt, the repr() Python 2.7.18 produced or the exception it raised
 * (regenerate with fixtures/gen-oracle.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pyRepr } from '../../src/syntax/python-format.js';
import { run } from './helpers.js';

interface Case {
  expr: string;
  repr?: string;
  type?: string;
  error?: string;
}

const cases: Case[] = JSON.parse(readFileSync(new URL('./fixtures/oracle.json', import.meta.url), 'utf8'));

/** Python exception → the evaluator codes that may report it. */
const ERROR_CODES: Record<string, string[]> = {
  TypeError: ['XM0053', 'XM0059'],
  ValueError: ['XM0053', 'XM0059'],
  ZeroDivisionError: ['XM0054'],
  NameError: ['XM0050'],
};

/** Deliberate difference from Python: an infinite float is reported. */
function expected(c: Case): Case {
  if (c.repr === 'inf' || c.repr === '-inf') return { expr: c.expr, error: 'OverflowError' };
  return c;
}
ERROR_CODES.OverflowError = ['XM0055'];

describe('xm expressions agree with Python 2.7', () => {
  test('the oracle has cases', () => expect(cases.length).toBeGreaterThan(150));
  test.each(cases.map((c) => [c.expr, c] as const))('%s', (_e, raw) => {
    const c = expected(raw);
    const { settings, diagnostics } = run(`x = ${c.expr}\n`);
    if (c.error !== undefined) {
      expect(settings).toEqual([]);
      expect(diagnostics.length).toBe(1);
      expect(ERROR_CODES[c.error]).toContain(diagnostics[0]!.code);
    } else {
      expect(diagnostics).toEqual([]);
      expect(settings.length).toBe(1);
      expect(pyRepr(settings[0]!.value)).toBe(c.repr);
      const v = settings[0]!.value;
      if (v.kind === 'number') expect(v.pyType).toBe(c.type);
    }
  });
});

describe('the same cases through the real parser', () => {
  test('every case gives the same settings and codes as the mini parser', async () => {
    const { parseTree } = await import('../../src/syntax/parse.js');
    const { evaluate } = await import('../../src/syntax/evaluate.js');
    const differ: string[] = [];
    for (const c of cases) {
      const src = `x = ${c.expr}\n`;
      const real = evaluate(parseTree(src).tree, { dialect: 'xm' });
      const mini = run(src);
      const a = JSON.stringify([real.settings.map((s) => pyRepr(s.value)), real.diagnostics.map((d) => [d.code, d.span])]);
      const b = JSON.stringify([mini.settings.map((s) => pyRepr(s.value)), mini.diagnostics.map((d) => [d.code, d.span])]);
      if (a !== b) differ.push(`${c.expr}: real ${a} mini ${b}`);
    }
    expect(differ).toEqual([]);
  });
});
