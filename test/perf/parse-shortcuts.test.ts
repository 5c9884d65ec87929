/**
 * Work the parser skips without changing its results: the rest of a streamed xl attempt once it is
 * known to be xm, the messages of invalid-character findings the cap only counts, and a whole line
 * index for one line number, and the rest of auto's xl attempt on a small text with a CR.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex, lineOf } from '../../src/diagnostics/line-index.js';
import { parseTree } from '../../src/syntax/parse-tree.js';
import { parse, parseFromTree } from '../../src/syntax/parse.js';
import { detectDialect } from '../../src/syntax/dialect.js';
import { FindingCap } from '../../src/syntax/finding-cap.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

describe('lineOf', () => {
  it('gives the line LineIndex gives, for every offset of texts with LF, CR and CRLF breaks', () => {
    const texts = ['', 'a', '\n', '\r', '\r\n', 'a\r\nb\rc\nd', '\r\r\n\n\r', 'x\ny\r\n', '\n\r\n\r'];
    for (const t of texts) {
      const idx = new LineIndex(t);
      for (let o = -1; o <= t.length + 1; o++) expect([t, o, lineOf(t, o)]).toEqual([t, o, idx.position(o).line]);
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n')).map((p) => p.join('')), fc.nat(), (t, n) => {
        const o = t.length === 0 ? 0 : n % (t.length + 1);
        expect(lineOf(t, o)).toBe(new LineIndex(t).position(o).line);
      }),
    );
  });
});

describe('FindingCap.dropsNow', () => {
  const err = (start: number, code = 'XM0001'): Diagnostic => ({ code, severity: 'error', message: code, span: { start, end: start + 1 } });

  it('drops (and counts) only what offering would not keep, so the kept list is the same', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.boolean()), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (items, max) => {
        const plain = new FindingCap(max);
        const asked = new FindingCap(max);
        for (const [start, ask] of items) {
          const d = err(start);
          plain.add(d);
          if (!(ask && asked.dropsNow(d))) asked.add(d);
        }
        expect(asked.diagnostics()).toEqual(plain.diagnostics());
        expect(asked.omitted).toEqual(plain.omitted);
      }),
    );
  });

  it('never drops an exempt finding', () => {
    const cap = new FindingCap(1, (d) => d.code === 'XM0030');
    cap.add(err(0));
    expect(cap.dropsNow(err(5))).toBe(true);
    expect(cap.dropsNow(err(5, 'XM0030'))).toBe(false);
    expect(cap.omitted.errors).toBe(1);
  });
});

describe('parseTree with a sink that stops', () => {
  it('parses no chunk past the one the sink stopped at', () => {
    // About 40 chunks of 4 KiB.
    const text = 'a = 1\n'.repeat(30000);
    let calls = 0;
    const stopped = parseTree(text, () => ++calls === 1);
    expect(calls).toBe(1);
    expect(stopped.tree.tokens.count).toBeGreaterThan(0);
    expect(stopped.tree.tokens.ends[stopped.tree.tokens.count - 1]).toBeLessThan(text.length / 10);
    let all = 0;
    const whole = parseTree(text, () => {
      all++;
    });
    expect(all).toBeGreaterThan(10);
    expect(whole.tree.tokens.ends[whole.tree.tokens.count - 1]).toBe(text.length);
  });
});

describe("auto's xl attempt on a text with a CR", () => {
  // The old way: the whole text parsed as xl; when that reading is xm, parsed again (lexed as xm).
  const reference = (text: string) => {
    const xl = parseTree(text, undefined, false, true);
    if (detectDialect(xl.tree).dialect === 'xl') return parseFromTree(text, xl.tree, xl.diagnostics);
    const xm = parseTree(text, undefined, false, false);
    return parseFromTree(text, xm.tree, xm.diagnostics);
  };
  const pieces = ['a = 1', 'b = "x\r"', '# c\r', 'x = 1 if 2 else 3', 'print 1', 'c = [1,\r 2]', 'd = (1, 2)', 'e = 0777', '\r\n', '\n', '\r', ';', '  f = 2'];

  it('picks the dialect, reason and findings the whole xl parse gave, also past the first chunk', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(3000), (parts, pad) => {
        const text = 'k = 1\n'.repeat(pad) + parts.join('') + '\r\n';
        const got = parse(text);
        const want = reference(text);
        expect([got.dialect, got.dialectReason]).toEqual([want.dialect, want.dialectReason]);
        expect(got.diagnostics).toEqual(want.diagnostics);
        expect(got.settings).toEqual(want.settings);
      }),
      { numRuns: 60 },
    );
  });
});
