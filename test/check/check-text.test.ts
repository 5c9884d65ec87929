import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';

const codes = (text: string, opts = {}) => checkText(text, opts).diagnostics.map((d) => `${d.code}@${d.span.start}`);

describe('checkText', () => {
  it('a binary file gets its XM0031 only, no schema findings', () => {
    const r = checkText('\u0000\u0001\u0002binary');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0031']);
    expect(r.config).toEqual({});
  });

  it('xm: a helper variable read by another setting is not an unknown key', () => {
    const text = 'vmid = 3\nname = "vm%d" % vmid\nmemory = 256\n';
    expect(checkText(text).dialect).toBe('xm');
    expect(codes(text).filter((c) => c.startsWith('XM0101'))).toEqual([]);
    expect(checkText(text).config).toMatchObject({ name: 'vm3', memory: 256 });
  });

  it('xm: an unknown key nobody reads is still reported, at the key', () => {
    const text = 'vmid = 3\nname = "vm%d" % vmid\nmemroy = 256\n';
    expect(codes(text).filter((c) => c.startsWith('XM0101'))).toEqual([`XM0101@${text.indexOf('memroy')}`]);
  });

  it('xl: unknown keys are reported whatever reads them (xl has no expressions)', () => {
    const text = 'vmid = 3\nname = "web"\n';
    expect(codes(text, { dialect: 'xl' })).toContain('XM0101@0');
  });
});
