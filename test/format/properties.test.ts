import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatText, type FormatOptions } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { parse } from '../../src/syntax/index.js';
import { Tok } from '../../src/syntax/tree.js';
import { oddConfig } from './odd-configs.js';
import { config } from './arbitraries.js';
import { formatFast } from '../../src/format/fast.js';

/** The comments of a text, in order, without trailing blanks. */
function comments(text: string, dialect: 'xl' | 'xm'): string[] {
  const t = parse(text, { dialect }).tree.tokens;
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) if (t.kinds[i] === Tok.Comment) out.push(text.slice(t.starts[i]!, t.ends[i]!).trimEnd());
  return out;
}

/** Error codes of check, as a multiset. */
function errorCodes(text: string, dialect: FormatOptions['dialect']): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of checkText(text, { dialect }).diagnostics) if (d.severity === 'error') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

const layout = fc.record({ lineWidth: fc.integer({ min: 20, max: 120 }), indent: fc.integer({ min: 1, max: 8 }), quote: fc.constantFrom('keep' as const, 'double' as const, 'single' as const) });

describe('fmt on configs with odd corners (fast-check)', () => {
  it('leaves a refused text as it is; otherwise keeps comments, the config and the errors, and is idempotent; both paths agree', () => {
    let formatted = 0;
    fc.assert(
      fc.property(oddConfig, fc.constantFrom('auto' as const, 'xl' as const, 'xm' as const), layout, (text, dialect, lo) => {
        const slow = formatText(text, { ...lo, dialect, fast: false });
        const fast = formatText(text, { ...lo, dialect });
        expect(fast).toEqual(slow);
        if (slow.refused) {
          expect(slow.text).toBe(text);
          expect(slow.changed).toBe(false);
          return;
        }
        formatted++;
        expect(formatText(slow.text, { ...lo, dialect }).text).toBe(slow.text);
        expect(comments(slow.text, slow.dialect)).toEqual(comments(text, slow.dialect));
        const [before, after] = [checkText(text, { dialect }), checkText(slow.text, { dialect })];
        expect(after.config).toEqual(before.config);
        const had = errorCodes(text, dialect);
        for (const [code, n] of errorCodes(slow.text, dialect)) expect(n).toBeLessThanOrEqual(had.get(code) ?? 0);
      }),
      { numRuns: 400, seed: 20261127 },
    );
    // The generator must reach the formatter, not only its refusals.
    expect(formatted).toBeGreaterThan(100);
  });

  it('the fast path prints what the general path prints, at any width, indent and quote style', () => {
    let fastTaken = 0;
    fc.assert(
      fc.property(config, layout, (text, lo) => {
        const fast = formatFast(text, lo);
        if (!fast) return;
        fastTaken++;
        expect(fast.text).toBe(formatText(text, { ...lo, fast: false }).text);
      }),
      { numRuns: 500, seed: 11 },
    );
    expect(fastTaken).toBeGreaterThan(100);
  });
});
