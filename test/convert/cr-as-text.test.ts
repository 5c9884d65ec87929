/**
 * Found by scripts/fuzz.mjs (seed 11): a file xm refuses (so the conversion carries xl's reading
 * over) with a lone CR inside a comment, which xl reads as comment text (XM0521, a warning). The
 * conversion turned every CR into a line end, so the rest of the comment became code: `"""` there
 * opened a string to the end of the file, and the xl output had XM0002/XM0506 and lost its name
 * (XM0105) though the input had none of these.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/to-xl.js';
import { convertToJson } from '../../src/convert/convert-json.js';
import { checkText } from '../../src/check/check.js';

const codes = (text: string) => checkText(text, { dialect: 'xl' }).diagnostics.map((d) => `${d.code} ${d.span.start}-${d.span.end}`);

describe('a lone CR that the xl reading takes as text', () => {
  it('inside a comment stays in the comment', () => {
    const text = '# c \r """ x\nname = "a"\nkernel = "k"\n';
    expect(codes(text)).toEqual(['XM0521 4-5']);
    const r = convertToXl(text);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(text);
    expect(codes(r.text)).toEqual(['XM0521 4-5']);
    const j = convertToJson(text);
    expect(j.ok).toBe(true);
    expect(j.json?.c_info).toMatchObject({ name: 'a' });
  });

  it('inside a string stays in the value', () => {
    const text = 'name = "a\rb"\nkernel = "k"\n';
    const before = checkText(text);
    expect(before.dialect).toBe('xl');
    expect(before.config.name).toBe('a\rb');
    const r = convertToXl(text);
    expect(r.ok).toBe(true);
    expect(checkText(r.text, { dialect: 'xl' }).config.name).toBe('a\rb');
  });

  it('a CR line end of an xm file is still a line end', () => {
    const r = convertToXl('name = "a"\rkernel = "k"\r');
    expect(r.ok).toBe(true);
    expect(r.text).not.toContain('\r');
    expect(checkText(r.text, { dialect: 'xl' }).config).toMatchObject({ name: 'a', kernel: 'k' });
  });
});
