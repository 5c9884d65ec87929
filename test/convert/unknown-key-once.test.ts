/**
 * A key no dialect knows is one finding in `convert`, as in `check`: XM0101 (unknown key, with its
 * "did you mean"), at the key. `convert --to json` reported XM0101 and XM0551 ("xl does not know")
 * for the same key, and `--to xl` called it an xm option (XM0551). An xm-only option stays XM0551.
 */
import { describe, expect, it } from 'vitest';
import { convertToJson, convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';

// memroy starts at offset 25 (line 3), bogus at 38 (line 4).
const SRC = 'name = "a"\nkernel = "/k"\nmemroy = 512\nbogus = 1\n';
const at = (src: string, ds: readonly { code: string; span: { start: number; end: number }; hint?: string }[]) => ds.map((d) => [d.code, src.slice(d.span.start, d.span.end), d.span.start, d.hint]);

describe('an unknown key in convert', () => {
  it('--to json: one XM0101 per key, at the key, with the hint check gives', () => {
    const r = convertToJson(SRC);
    expect(r.ok).toBe(true);
    const check = checkText(SRC, { dialect: 'xl' }).diagnostics.filter((d) => d.code === 'XM0101');
    expect(at(SRC, r.diagnostics)).toEqual(at(SRC, check));
    expect(at(SRC, r.diagnostics)).toEqual([
      ['XM0101', 'memroy', 25, 'did you mean "memory"?'],
      ['XM0101', 'bogus', 38, 'xl silently ignores keys it does not know'],
    ]);
  });

  it('--to xl: XM0101 too, not XM0551 (the key is no xm option)', () => {
    const r = convertToXl(SRC);
    expect(at(SRC, r.diagnostics).map((d) => d.slice(0, 2))).toEqual([
      ['XM0101', 'memroy'],
      ['XM0101', 'bogus'],
    ]);
  });
});
