/**
 * Found by scripts/fuzz.mjs (seed 1): a backslash continuation outside every statement (a line
 * holding only `\`, a `\` at the end of the file), which Python joins to the next line or to
 * nothing, was copied into the xl output, where xl refuses it (XM0510): the conversion succeeded
 * with an output that `check --dialect xl` rejects.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/to-xl.js';
import { checkText } from '../../src/check/check.js';

/** The xl output of `text` (read as xm) and the codes of its xl check's errors. */
function converted(text: string): { text: string; errors: string[] } {
  const r = convertToXl(text, { dialect: 'xm', fileName: 'web.cfg' });
  expect(r.ok).toBe(true);
  return { text: r.text, errors: checkText(r.text, { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) };
}

describe('backslash continuations between statements', () => {
  const head = 'name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 256\n';

  it('a lone `\\` at the end of the file is dropped', () => {
    const out = converted(`${head}\\`);
    expect(out.errors).toEqual([]);
    expect(out.text.startsWith(`${head}\n`)).toBe(true);
    expect(out.text).not.toContain('\\');
  });

  it('a line holding only `\\` joins the next statement, as Python reads it', () => {
    const out = converted(`name = "web"\nkernel = "/boot/vmlinuz"\n\\\nmemory = 256\n`);
    expect(out.errors).toEqual([]);
    expect(out.text.startsWith('name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 256\n')).toBe(true);
  });

  it('an indented `\\` line before a blank line goes with its blanks after it', () => {
    const out = converted(`${head}  \\\n\n`);
    expect(out.errors).toEqual([]);
    expect(out.text.startsWith(`${head}  \n`)).toBe(true);
  });

  it('a `\\` ending the last statement keeps its line break: the appended lines stay lines of their own', () => {
    // Found by scripts/fuzz.mjs (seed 11): `a=""\\` then EOF gave `a=""memory = 128 …` (XM0014).
    const out = converted('name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 256 \\\n');
    expect(out.errors).toEqual([]);
    expect(out.text.startsWith('name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 256\n')).toBe(true);
    const bare = convertToXl('a = ""\\\n', { dialect: 'xm', fileName: 'web.cfg' });
    expect(checkText(bare.text, { dialect: 'xl' }).diagnostics.map((d) => d.code)).not.toContain('XM0014');
    expect(bare.text.split('\n')).toContain('a = ""');
  });

  it('a `\\` after a comment line at the end of the file is dropped', () => {
    const out = converted(`${head}# c\n\\`);
    expect(out.errors).toEqual([]);
    expect(out.text.startsWith(`${head}# c\n`)).toBe(true);
    expect(out.text).not.toContain('\\');
  });
});
