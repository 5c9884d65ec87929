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

  it('an option xl reads only for HVM, on a PV guest of an auto-detected xl file: XM0230 at the key, its value not judged', () => {
    const text = 'name = "g"\nkernel = "/k"\nvga = "foo"\n';
    const r = checkText(text, { dialect: 'auto' });
    expect(r.dialect).toBe('xl');
    expect(codes(text, { dialect: 'auto' })).toEqual([`XM0230@${text.indexOf('vga')}`]);
    expect(r.diagnostics[0]!.severity).toBe('warning');
    // The same setting on an HVM guest is read, and judged.
    const hvm = 'name = "g"\ntype = "hvm"\nvga = "foo"\n';
    expect(codes(hvm, { dialect: 'auto' })).toEqual([`XM0104@${hvm.indexOf('"foo"')}`]);
  });

  it('an HVM-only option set again and again on a PV guest: every assignment is left unjudged, each repeat keeps its XM0201 (ignoredStatements over many settings of one key)', () => {
    // A generated file of the same config repeated sets the key thousands of times; each of its
    // statements is collected once (the list was searched for every setting: quadratic).
    const n = 3000;
    const text = `name = "g"\nkernel = "/k"\n${'vga = "foo"\n'.repeat(n)}`;
    const at = (i: number) => text.indexOf('vga') + i * 'vga = "foo"\n'.length;
    const got = codes(text, { dialect: 'xl' });
    // XM0201 at every repeat, XM0230 at the last (the one in effect); no XM0104 at any value.
    expect(got).toEqual([...Array.from({ length: n - 1 }, (_, i) => `XM0201@${at(i + 1)}`), `XM0230@${at(n - 1)}`].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1]) || (a < b ? -1 : 1)));
  });

  it('xm does not judge the value of an HVM option on a PV guest (create.py passed it to xend only for builder = "hvm"): XM0244, not XM0230', () => {
    const text = 'name = "g"\nkernel = "/k"\nhpet = "yes"\n';
    expect(codes(text, { dialect: 'xm' })).toEqual([`XM0244@${text.indexOf('hpet')}`]);
  });

  it('quotes a huge key or number in a message only in part (a generated file must not make megabyte messages)', () => {
    const long = 'o'.repeat(100_000);
    const digits = '9'.repeat(100_000);
    const junk = '1' + 'a'.repeat(100_000);
    const xl = `name = "g"\nkernel = "/k"\nf${long} = 1\nf${long} = 2\nmemory = "${digits}"\nvcpus = ${digits}\nvif = ["mac=${long}"]\non_crash = ${long}\n`;
    const xm = `name = "g"\nkernel = "/k"\nmemory = ${digits}\nextra = "a" + "b"\nvcpus = ${junk}\non_crash = ${long}\n`;
    for (const [text, dialect] of [[xl, 'xl'], [xm, 'xm']] as const) {
      const r = checkText(text, { dialect });
      expect(r.diagnostics.length).toBeGreaterThan(0);
      for (const d of r.diagnostics) expect({ code: d.code, length: d.message.length < 300 }).toEqual({ code: d.code, length: true });
    }
  });

  it('xl: a NUMBER too big for a number is still text where xl reads text, and XM0108 only where it reads a number', () => {
    // libxlu keeps NUMBER as text: a string option takes it as is, an unknown key is never read.
    const big = '123456789012345678901234567890';
    const text = `name = ${big}\nkernel = "/k"\nsomething = ${big}\nmemory = ${big}\n`;
    // The name is the text of the digits: xl's commands would read it as a domain id (XM0235).
    expect(codes(text, { dialect: 'xl' })).toEqual([`XM0235@${text.indexOf(big)}`, `XM0101@${text.indexOf('something')}`, `XM0108@${text.lastIndexOf(big)}`]);
    expect(checkText(text, { dialect: 'xl' }).config).toMatchObject({ name: big });
  });

  it('stops at a line or statement of more than a million tokens (XM0042) and still checks the lines before it', () => {
    // Both ran out of memory on a 64 MB file (below the default --max-file-size): one line of `;`, and an unclosed list.
    const head = 'name = "g"\nkernel = "/k"\nmemroy = 1\n';
    const line = head + ';'.repeat(1_100_000);
    expect(codes(line, { dialect: 'xl' })).toEqual([`XM0101@${head.indexOf('memroy')}`, `XM0042@${head.length}`]);
    // An unclosed list: its lines up to the limit are read (XM0013 at its '['), then the parse stops.
    const list = head + 'x = [\n' + '1,\n'.repeat(600_000);
    const c = codes(list, { dialect: 'xl' });
    expect(c).toContain(`XM0101@${head.indexOf('memroy')}`);
    expect(c).toContain(`XM0013@${list.indexOf('[')}`);
    expect(c.filter((x) => x.startsWith('XM0042@'))).toHaveLength(1);
  }, 60_000);
});
