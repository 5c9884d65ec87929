/**
 * A file of 150,000 assignments of a key xl does not know: `convert` ended in "internal error:
 * RangeError" (to-xl.ts pushed its 150,000 unknown-key findings (XM0551 then, XM0101 now) with a spread, one argument each).
 */
import { describe, expect, it } from 'vitest';
import { convertToJson, convertToXl } from '../../src/convert/index.js';

const N = 150_000;
const text = 'name = "a"\nkernel = "/k"\n' + 'x=1\n'.repeat(N);

describe('convert: a file of 150,000 statements', () => {
  it('to xl: converted, one XM0101 (unknown key) a statement, at its key', () => {
    const r = convertToXl(text, { fileName: 'a.cfg', dialect: 'xm' });
    expect(r.ok).toBe(true);
    const unknown = r.diagnostics.filter((d) => d.code === 'XM0101');
    expect(unknown.length).toBe(N);
    expect(unknown[N - 1]!.span).toEqual({ start: 25 + (N - 1) * 4, end: 26 + (N - 1) * 4 });
  }, 120_000);

  it('to json: converted, the same findings', () => {
    const r = convertToJson(text, { fileName: 'a.cfg', dialect: 'xm' });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'XM0101').length).toBe(N);
    // Every assignment but the first repeats x (XM0201).
    expect(r.diagnostics.filter((d) => d.code === 'XM0201').length).toBe(N - 1);
  }, 120_000);
});
