import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { config } from './arbitraries.js';

/** Layout that makes auto read a plain config as xm, and that the canonical layout removes. */
const xmLayout = fc.constantFrom(
  (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) => '\ufeff' + t,
  (t: string) => t.replace('=', '= \\\n  '),
  (t: string) => t + '# last line without newline',
);

/** Error codes of `check` (auto dialect), sorted. */
const errors = (text: string): string[] =>
  checkText(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code)
    .sort();

describe('fmt --dialect auto on a file that is xm only by its layout', () => {
  // The continuation made auto read the file as xm; joined, it reads as xl, whose disk spec reader
  // takes "a" as the target: the normalised config would change.
  const diskByLayout = 'name = "web"\nkernel = "/k"\ndisk = ["a", \\\n "b"]\n';
  // Nameless: xm names the guest after its file (XM0106, info); read as xl, name is missing (XM0105).
  const namelessByLayout = 'kernel = "/k"\nmemory = 512 \\\n\n';

  it('is left alone when the layout would make it read as xl with another meaning', () => {
    for (const text of [diskByLayout, namelessByLayout]) {
      const r = formatText(text);
      expect(r.dialect).toBe('xm');
      expect(r.refused).toBe('dialect-changed');
      expect(r.text).toBe(text);
      expect(r.changed).toBe(false);
    }
  });

  it('is formatted as xm when --dialect xm says it is xm', () => {
    const r = formatText(diskByLayout, { dialect: 'xm' });
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('name = "web"\nkernel = "/k"\ndisk = ["a", "b"]\n');
  });

  it('is formatted when read as xl it means the same (CR line ends, a continuation in a disk list)', () => {
    const crlf = 'kernel = "/boot/vmlinuz"\r\nmemory = 512\r\nname = "web"\r\ndisk = ["file:/x.img,hda,w"]\r\n';
    const cont = "name = 'web'\nkernel = '/k'\ndisk = [ 'phy:/dev/vg/web,sda1,w', \\\n         'phy:/dev/vg/swap,sda2,w' ]\n";
    for (const text of [crlf, cont]) {
      const r = formatText(text);
      expect(r.refused).toBeUndefined();
      expect(r.changed).toBe(true);
      expect(checkText(r.text).dialect).toBe('xl');
      expect(checkText(r.text).config).toEqual(checkText(text).config);
      expect(errors(r.text)).toEqual(errors(text));
    }
  });

  it('never leaves check (auto) a different config or a new error', () => {
    const texts = [diskByLayout, namelessByLayout, '\ufeffname = "a"\nkernel = "/k"\n', 'name = "a"\n# final', 'memory = 5 # c', 'x = 1\r\n'];
    for (const text of texts) {
      const r = formatText(text);
      expect(checkText(r.text).config, JSON.stringify(text)).toEqual(checkText(text).config);
      for (const code of errors(r.text)) expect(errors(text), JSON.stringify(text)).toContain(code);
    }
  });

  it('formats generated xm-by-layout configs only when check reads the same (fast-check)', () => {
    fc.assert(
      fc.property(config, xmLayout, fc.boolean(), (plain, layout, named) => {
        const text = layout((named ? 'name = "g"\nkernel = "/k"\n' : '') + plain);
        const r = formatText(text);
        if (r.refused) {
          expect(r.refused).toBe('dialect-changed');
          expect(r.text).toBe(text);
          return;
        }
        expect(formatText(r.text).text).toBe(r.text);
        expect(checkText(r.text).config).toEqual(checkText(text).config);
        const before = errors(text);
        for (const code of errors(r.text)) expect(before).toContain(code);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
