/**
 * An xm `a += v` is written as `a = <combined value>`; the assignment it folds in is commented out,
 * so the converted file does not assign the key twice (XM0201), and a backslash continuation with
 * the next line's indentation becomes one space.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const KERNEL = 'name = "g"\nkernel = "/boot/vmlinuz"\n';

function converted(src: string, dialect?: 'xl' | 'xm') {
  const r = conv(src, { fileName: 'g.cfg', ...(dialect ? { dialect } : {}) });
  expect(r.ok).toBe(true);
  const xl = checkText(r.text, { dialect: 'xl' });
  return { text: r.text, codes: xl.diagnostics.map((d) => d.code), config: xl.config as Record<string, unknown> };
}

describe('convert --to xl of += assignments', () => {
  it('a chain of += keeps only the last, combined assignment', () => {
    const { text, codes, config } = converted(`${KERNEL}disk = ["phy:/a,xvda,w"]\ndisk += ["phy:/b,xvdb,w"]\ndisk += ["phy:/c,xvdc,w"]\n`);
    const lines = text.split('\n');
    expect([lines[2]!.startsWith('# xmcfg convert:'), lines[3]!.startsWith('# xmcfg convert:'), lines[4]]).toEqual([true, true, 'disk = ["phy:/a,xvda,w", "phy:/b,xvdb,w", "phy:/c,xvdc,w"]']);
    expect(codes).not.toContain('XM0201');
    expect((config.disk as unknown[]).length).toBe(3);
  });

  it('a chained assignment before += stays (it also sets the other name)', () => {
    const { text, codes } = converted(`${KERNEL}memory = maxmem = 512\nmemory += 256\n`);
    expect(text).toContain('memory = 512; maxmem = 512\nmemory = 768\n');
    expect(codes).toContain('XM0201');
  });

  it('an assignment of another key between them changes nothing', () => {
    const { text, codes } = converted(`${KERNEL}extra = "a"\nroot = "/dev/xvda1"\nextra += " b"\n`);
    expect(text.split('\n').slice(2, 5)).toEqual(['# xmcfg convert: part of the value of the += at line 5: extra = "a"', 'root = "/dev/xvda1"', 'extra = "a b"']);
    expect(codes).not.toContain('XM0201');
  });
});

describe('convert --to xl of an empty bootloader xend replaced by pygrub', () => {
  it('comments the empty one out, so xl reads one bootloader (pygrub, added at the end)', () => {
    const src = 'name = "g"\nmemory = 512\nbootloader = ""\ndisk = ["phy:/dev/vg/g,xvda,w"]\n';
    const r = conv(src, { fileName: 'g.cfg', dialect: 'xm' });
    const lines = r.text.split('\n');
    expect([lines[2]!.startsWith('# xmcfg convert:'), lines[2]!.endsWith('bootloader = ""'), lines[4]!.startsWith('bootloader = "pygrub"')]).toEqual([true, true, true]);
    const xl = checkText(r.text, { dialect: 'xl' });
    expect(xl.diagnostics.map((d) => d.code)).toEqual([]);
    expect((xl.config as Record<string, unknown>).bootloader).toBe('pygrub');
  });
});

describe('convert --to xl of an empty bootloader beside a kernel', () => {
  it('comments it out: xm booted the kernel, xl would run the empty bootloader (XM0264)', () => {
    const src = `${KERNEL}bootloader = ""\ndisk = ["phy:/dev/vg/g,xvda,w"]\n`;
    const r = conv(src, { fileName: 'g.cfg', dialect: 'xm' });
    const lines = r.text.split('\n');
    expect([lines[2]!.startsWith('# xmcfg convert:'), lines[2]!.endsWith('bootloader = ""')]).toEqual([true, true]);
    const xl = checkText(r.text, { dialect: 'xl' });
    expect(xl.diagnostics.map((d) => d.code)).toEqual([]);
    expect((xl.config as Record<string, unknown>).bootloader).toBeUndefined();
  });
});

describe('convert --to xl of continuations', () => {
  it.each([
    ['memory = \\\n  512\n', 'memory = 512\n'],
    ['memory =\\\n\t512\n', 'memory = 512\n'],
    ['vcpus = 1 + \\\n    1\n', 'vcpus = 2\n'],
  ])('%j becomes %j', (src, want) => {
    expect(converted(`${KERNEL}${src}`).text).toBe(`${KERNEL}${want}`);
  });
});
