/**
 * Decision 102: a list with more items than its option allows is one XM0103 at the list, not the
 * XM0103 followed by each bad item's own finding (100,000 XM0213 for a generated disk list). Up to
 * the limit, every item is still judged.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

/** A PV guest whose `key` lists n items, one per line from line 6. */
function listOf(key: string, item: (i: number) => string, n: number): string {
  return `name = "big"\nmemory = 512\nvcpus = 1\nkernel = "/k"\n${key} = [\n${Array.from({ length: n }, (_, i) => `  ${item(i)},`).join('\n')}\n]\n`;
}

/** Option, a bad item, the item's own code, the option's most items. */
const CASES: [string, (i: number) => string, string, number][] = [
  ['disk', (i) => `"/dev/vg/d${i},xvda${i},w"`, 'XM0213', 1024],
  ['vif', (i) => `"mac=zz${i}"`, 'XM0236', 1024],
  ['pci', (i) => `"zz${i}"`, 'XM0215', 1024],
  ['vtpm', (i) => `"zz=${i}"`, 'XM0217', 1024],
];

/** The findings' codes, counted. */
function counts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of check(text, { dialect: 'xl', maxFindings: 0 }).diagnostics) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}

describe('a list longer than its option allows', () => {
  it.each(CASES)('%s: one XM0103 at the list past the limit, every item judged up to it', (key, item, code, limit) => {
    expect(counts(listOf(key, item, limit))[code]).toBe(limit);
    expect(counts(listOf(key, item, limit + 1))).toEqual({ XM0103: 1 });
  });

  it('the XM0103 is at the list value (line 5 after `disk = `)', () => {
    const r = check(listOf('disk', (i) => `"/dev/vg/d${i},xvda${i},w"`, 3000), { dialect: 'xl' });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine])).toEqual([['XM0103', 5, 8, 3006]]);
  });

  it('a too-long list does not hide findings outside it', () => {
    const text = listOf('disk', (i) => `"/dev/vg/d${i},xvda${i},w"`, 1025) + 'vif = ["mac=zz"]\n';
    expect(counts(text)).toEqual({ XM0103: 1, XM0236: 1 });
  });
});
