/**
 * Inputs with a syntax error on every line, and ~1 MB inputs that would take minutes if anything
 * were quadratic in the length of a line or the number of lines. Each test asserts the findings
 * (codes, positions, counts), never the time: vitest's 30 s timeout is what catches a regression.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { parse } from '../../src/syntax/index.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Count of each code, and the `CODE@line:col` of the first and last finding. */
function summary(text: string, diags: readonly Diagnostic[]) {
  const lines = new LineIndex(text);
  const at = (d: Diagnostic | undefined) => {
    if (!d) return null;
    const p = lines.position(d.span.start);
    return `${d.code}@${p.line}:${p.column}`;
  };
  const counts: Record<string, number> = {};
  for (const d of diags) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return { counts, first: at(diags[0]), last: at(diags[diags.length - 1]) };
}

describe('a syntax error on every line', () => {
  // Chevrotain computed the lookahead paths of every alternative to build each no-viable-
  // alternative message (ours reads none of them): milliseconds per `)` statement, minutes here.
  it('20,000 lines of `)`: one XM0010 each, at column 1', () => {
    const text = ')\n'.repeat(20_000);
    const r = parse(text, { dialect: 'xm' });
    expect(summary(text, r.diagnostics)).toEqual({ counts: { XM0010: 20_000 }, first: 'XM0010@1:1', last: 'XM0010@20000:1' });
  });
  it('50,000 lines of `a = =` and of `a = 1 2`: XM0010 / XM0014 at the token', () => {
    const text = 'a = =\na = 1 2\n'.repeat(25_000);
    const r = parse(text, { dialect: 'xl' });
    const s = summary(text, r.diagnostics);
    expect(s.counts['XM0010']).toBe(25_000);
    expect(s.counts['XM0014']).toBe(25_000);
    expect([s.first, s.last]).toEqual(['XM0010@1:5', 'XM0014@50000:7']);
  });
});

describe('~1 MB inputs stay linear', () => {
  const MB = 1 << 20;
  it('one line of 262,144 `a=1;` statements (xm)', () => {
    const text = 'a=1;'.repeat(MB / 4);
    const r = parse(text, { dialect: 'xm', keepTree: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.settings.length).toBeGreaterThan(0);
  });
  // Reading a long run of digits grew a BigInt digit by digit: quadratic, minutes for 1 MiB.
  it('1 MiB runs of digits: xl numbers, xm ints, longs and hex are read (out of range) in linear time', () => {
    const digits = '1'.repeat(MB);
    const xl = `name = "vm"\na = ${digits}x\nmemory = ${digits}\n`;
    const x = checkText(xl, { dialect: 'xl' });
    expect(summary(xl, x.diagnostics.filter((d) => d.code !== 'XM0227'))).toEqual({ counts: { XM0101: 1, XM0108: 1 }, first: 'XM0101@2:1', last: 'XM0108@3:10' });
    const xm = `name = "vm"\na = ${digits}L\nb = 0x${'f'.repeat(MB)}\n`;
    expect(summary(xm, parse(xm, { dialect: 'xm', keepTree: false }).diagnostics)).toEqual({ counts: { XM0055: 2 }, first: 'XM0055@2:5', last: 'XM0055@3:5' });
  });
  it('a 1 MiB string of escapes on one line, and 1 MiB of one-line strings', () => {
    const one = 'a = "' + '\\n\\t\\"'.repeat(MB / 6) + '"\n';
    expect(summary(one, parse(one, { dialect: 'xl', keepTree: false }).diagnostics)).toEqual({ counts: {}, first: null, last: null });
    const many = 'a = "\\x41\\q\\\\"\n'.repeat(MB / 16);
    const s = summary(many, parse(many, { dialect: 'xl', keepTree: false }).diagnostics);
    expect(s.counts).toEqual({ XM0508: MB / 16 });
    expect(s.first).toBe('XM0508@1:6');
  });
});
