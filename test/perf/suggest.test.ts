import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedDistance, editDistance, suggest, suggestLimit } from '../../src/diagnostics/suggest.js';
import { optionKeys } from '../../src/schema/index.js';

/** The unbounded search the indexed one replaced: every candidate, full distance table. */
function referenceSuggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = suggestLimit(word.length);
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c, limit);
    if (dist < bestD || (dist === bestD && best !== undefined && c[0] === word[0] && best[0] !== word[0])) {
      best = c;
      bestD = dist;
    }
  }
  return best;
}

const keys = optionKeys();
// Words near the real keys (typos) and random ones, over a small alphabet so near misses are common.
const typo = fc.tuple(fc.constantFrom(...keys), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('a', 'e', 'm', '_', 'x', 'C', 'é')), { maxLength: 4 }), fc.nat(3)).map(([k, edits, mode]) => {
  let s = k;
  for (const [at, ch] of edits) {
    const i = at % (s.length + 1);
    s = mode === 0 ? s.slice(0, i) + ch + s.slice(i) : mode === 1 ? s.slice(0, i) + s.slice(i + 1) : mode === 2 ? s.slice(0, i) + ch + s.slice(i + 1) : s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
  }
  return s;
});
const word = fc.oneof(typo, fc.string({ unit: fc.constantFrom('a', 'b', 'm', 'e', 'o', 'r', 'y', '_', 'M'), maxLength: 12 }));

describe('bounded "did you mean" search', () => {
  it('boundedDistance is the edit distance up to max, else max + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = editDistance(a, b, 100);
        expect(boundedDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });
  it('suggest answers what the full search answers', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(suggest(w, keys)).toBe(referenceSuggest(w, keys));
      }),
      { numRuns: 3000 },
    );
  });
  it('transpositions and the first-letter tie-break survive the bounds', () => {
    for (const w of ['memroy', 'mmeory', 'Memory', 'vcpu', 'on_crsh', 'maxcpus', 'key_0000001', 'a', '', 'qqqqqqqq'])
      expect(suggest(w, keys)).toBe(referenceSuggest(w, keys));
  });
  it('a list that grows between calls is re-indexed', () => {
    const list = ['alpha', 'beta'];
    expect(suggest('gamma', list)).toBeUndefined();
    list.push('gamme');
    expect(suggest('gammb', list)).toBe('gamme');
  });
});
