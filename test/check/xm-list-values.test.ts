/**
 * xm list options that create.py iterated (`for v in vals.irq`, `for v in vals.ioports`): a single
 * number is no list ("iteration over non-sequence"), a single string is one item per character
 * (ioports "3f8" was the ports 0x3, 0xf and 0x8), and an irq item goes through repr(), so a string
 * "7" reached xend as "'7'", which its int(val, 10) refused ("irq: Invalid config setting irq").
 * Each is XM0102 (a value of the wrong type) at the value, as in xl; lists of numbers and of range
 * strings read as before.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';

const HEAD = 'name = "g"\nkernel = "/k"\n';

function check(line: string) {
  const text = `${HEAD}${line}\n`;
  const r = checkText(text, { dialect: 'xm' });
  const at = (o: number) => `${r.lineIndex.position(o).line}:${r.lineIndex.position(o).column}`;
  return { config: r.config as Record<string, unknown>, findings: r.diagnostics.map((d) => `${d.code} ${at(d.span.start)}-${at(d.span.end)}`) };
}

describe('xm irq and ioports', () => {
  it('irq = 7 (a number, not a list): XM0102 at the value', () => {
    expect(check('irq = 7').findings).toEqual(['XM0102 3:7-3:8']);
  });
  it('irq = "7" (a string, iterated per character): XM0102 at the value', () => {
    expect(check('irq = "7"').findings).toEqual(['XM0102 3:7-3:10']);
  });
  it('irq = [7, "9"]: the string item is XM0102 at the item, 7 is read', () => {
    const r = check('irq = [7, "9"]');
    expect(r.findings).toEqual(['XM0102 3:11-3:14']);
  });
  it('irq = [7, 9] reads', () => {
    const r = check('irq = [7, 9]');
    expect(r.findings).toEqual([]);
    expect(r.config.irq).toEqual([7, 9]);
  });
  it('ioports = "3f8" (a string, iterated per character): XM0102 at the value', () => {
    expect(check('ioports = "3f8"').findings).toEqual(['XM0102 3:11-3:16']);
  });
  it('ioports = ["2f8-2ff"] reads', () => {
    const r = check('ioports = ["2f8-2ff"]');
    expect(r.findings).toEqual([]);
    expect(r.config.ioports).toEqual([{ spec: '2f8-2ff', first: 0x2f8, last: 0x2ff }]);
  });
});
