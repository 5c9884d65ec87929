/**
 * The later stages' side of decision 011's cap (src/check/capped-findings.ts): with maxFindings,
 * checkText keeps the first N findings of each severity from normalisation, the schema and the
 * rules too, and counts the rest; limitFindings then lists exactly what it lists for an uncapped
 * check (byte for byte), and the counts stay whole.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { limitFindings } from '../../src/diagnostics/limit.js';
import type { Dialect } from '../../src/syntax/value.js';

const lines = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i) + '\n').join('');

/** Files with more than N findings of a severity from the stages after parsing. */
const FILES: Record<string, string> = {
  unknown: 'name = "g"\nkernel = "/k"\n' + lines(3000, (i) => `k${i} = 1`),
  'unknown-typos': 'name = "g"\nkernel = "/k"\n' + lines(3000, (i) => `memor${i % 7} = 1`),
  'known-duplicates': 'name = "g"\nkernel = "/k"\n' + lines(3000, () => 'memory = 1'),
  'item-errors': 'name = "g"\nkernel = "/k"\ndisk = [' + Array.from({ length: 3000 }, () => '1').join(', ') + ']\n',
  mixed: 'kernel = "/k"\n' + lines(1500, (i) => `memroy${i} = 1\n)\nmemory = 1`),
  // xl: bios on a PV guest is not read (XM0230): what is said about its value is dropped before the cap.
  ignored: 'name = "g"\nkernel = "/k"\n' + lines(1500, (i) => `bios = "x${i}"\nk${i} = 2`),
  // XM0201 from normalisation (known keys) and from lean parsing (unknown keys), interleaved, with
  // a parse error after each pair: normalisation's are offered to the cap as it finds them.
  'duplicates-both-kinds': 'name = "g"\nkernel = "/k"\n' + lines(1500, (i) => `k = ${i}\nmemory = ${i}\n)`),
  // xl: XM0201 at settings xl does not read (bios on PV) are kept, the value findings dropped.
  'ignored-duplicates': 'name = "g"\nkernel = "/k"\n' + lines(3000, (i) => `bios = "x${i}"`),
  // xm: a helper variable other settings read is no unknown key; the filter applies before the cap.
  helpers: 'vmid = 1\nname = "vm%d" % vmid\nkernel = "/k"\n' + lines(1500, (i) => `vmid = ${i}\nk${i} = 1`),
};

const counts = (ds: { severity: string }[]) => ({ errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length, infos: ds.filter((d) => d.severity === 'info').length });

describe('check with the cap in the later stages', () => {
  for (const [name, text] of Object.entries(FILES)) {
    for (const dialect of ['xl', 'xm'] as Dialect[]) {
      for (const max of [1, 5, 1000]) {
        it(`${name}, ${dialect}, max ${max}: the listed findings and counts are those of an uncapped check`, () => {
          const all = checkText(text, { dialect, keepTree: false });
          const capped = checkText(text, { dialect, keepTree: false, maxFindings: max });
          const c = counts(capped.diagnostics);
          for (const n of [c.errors, c.warnings, c.infos]) expect(n).toBeLessThanOrEqual(max);
          const want = limitFindings(all.diagnostics, max, text.length);
          const got = limitFindings(capped.diagnostics, max, text.length, capped.omitted ?? null);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        });
      }
    }
  }
});
