import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatText } from '../../src/format/index.js';
import { checkText } from '../../src/check/check.js';
import { corpusFiles } from './corpus.js';

const files = corpusFiles();

describe('formatText on the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const f of files) {
    it(`${f.path}: idempotent, same normalised config`, () => {
      const once = formatText(f.text);
      if (once.refused) {
        expect(once.text).toBe(f.text);
        return;
      }
      const twice = formatText(once.text, { dialect: once.dialect });
      expect(twice.refused).toBeUndefined();
      expect(twice.text).toBe(once.text);
      const before = checkText(f.text, { dialect: once.dialect });
      const after = checkText(once.text, { dialect: once.dialect });
      expect(after.config).toEqual(before.config);
    });
    it(`${f.path}: check finds the same codes before and after, in each dialect`, () => {
      for (const dialect of ['auto', 'xl', 'xm'] as const) {
        const once = formatText(f.text, { dialect });
        if (once.refused) continue;
        const codes = (t: string) => checkText(t, { dialect }).diagnostics.map((d) => d.code).sort();
        expect(codes(once.text), dialect).toEqual(codes(f.text));
        expect(checkText(once.text, { dialect }).config, dialect).toEqual(checkText(f.text, { dialect }).config);
      }
    });
  }
});

describe('formatText', () => {
  it('refuses a file with syntax errors and returns it unchanged', () => {
    const src = 'name = "a"\nmemory = [1, 2\n';
    const r = formatText(src, { dialect: 'xl' });
    expect(r.refused).toBe('syntax-errors');
    expect(r.text).toBe(src);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code.startsWith('XM00'))).toBe(true);
  });
  it('refuses Python statements', () => {
    const src = 'import os\nname = "a"\n';
    const r = formatText(src, { dialect: 'xm' });
    expect(r.refused).toBeDefined();
    expect(r.text).toBe(src);
  });
  it('formats a messy xl file', () => {
    const r = formatText("  name='web' ;memory=512# MiB\n\n\n\nvif=[ 'bridge=xenbr0',\n 'bridge=xenbr1' ]");
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe("name = 'web'\nmemory = 512  # MiB\n\nvif = [\n    'bridge=xenbr0',\n    'bridge=xenbr1',\n]\n");
  });
  it('keeps xm expressions meaningful', () => {
    const r = formatText('vmid=3\nname="vm%d"%vmid\nmemory=256*2\nnumanode=0,1\nacpi=True\n');
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('vmid = 3\nname = "vm%d" % vmid\nmemory = 256 * 2\nnumanode = 0, 1\nacpi = True\n');
  });
  it('keeps a CR inside an xl string or comment byte for byte, and is idempotent', () => {
    const src = '# note\rmemory=5\nname="vm"\nextra="a\rb"# c\rd\n';
    for (const dialect of ['auto', 'xl'] as const) {
      const r = formatText(src, { dialect });
      expect(r.refused).toBeUndefined();
      expect(r.dialect).toBe('xl');
      expect(r.text).toBe('# note\rmemory=5\nname = "vm"\nextra = "a\rb"  # c\rd\n');
      expect(formatText(r.text, { dialect }).text).toBe(r.text);
    }
  });
  it('drops a byte-order mark and CR line ends (docs/format.md), in both dialects', () => {
    for (const dialect of ['xl', 'xm'] as const) {
      const r = formatText('\ufeffname = "a"\r\nkernel = "/k"\r\n', { dialect });
      expect(r.refused).toBeUndefined();
      expect(r.text).toBe('name = "a"\nkernel = "/k"\n');
    }
  });
  it('takes the default for a layout option that is NaN (both paths)', () => {
    for (const fast of [true, false]) {
      expect(formatText('a = [\n1]\nb = [1, 2]\n', { indent: NaN, lineWidth: NaN, fast }).text).toBe('a = [\n    1,\n]\nb = [1, 2]\n');
    }
  });
  it('reports unchanged text as unchanged', () => {
    const r = formatText('name = "a"\n');
    expect(r.changed).toBe(false);
  });
});

describe('line width', () => {
  /** Columns of the longest line. */
  const widest = (t: string) => Math.max(...t.split('\n').map((l) => l.length));
  it('counts the indentation of a nested list and the comma after it (both paths)', () => {
    // At depth 1 the item line is 4 + 35 + ',' = 40 columns: it fits; one more character and it does not.
    const fits = 'vnuma = [\n["pnode=00000", "size=51200000000"],\n]\n';
    const over = 'vnuma = [\n["pnode=00000", "size=512000000000"],\n]\n';
    // At depth 2 the inner list (33 columns) fits the 36 columns a depth-1 item has, not the 31 of depth 2.
    const deep = 'vnuma = [[["pnode=00000", "size=512000000"], ["p"]], ["x"]]\n';
    for (const fast of [true, false]) {
      const o = { lineWidth: 40, fast };
      expect(formatText(fits, o).text).toBe('vnuma = [\n    ["pnode=00000", "size=51200000000"],\n]\n');
      expect(formatText(over, o).text).toBe('vnuma = [\n    [\n        "pnode=00000",\n        "size=512000000000",\n    ],\n]\n');
      const r = formatText(deep, o);
      expect(r.text).toBe('vnuma = [\n    [\n        [\n            "pnode=00000",\n            "size=512000000",\n        ],\n        ["p"],\n    ],\n    ["x"],\n]\n');
      expect(widest(r.text)).toBeLessThanOrEqual(40);
    }
  });
  it('keeps every line of generated nested lists within the width, but for a single item (both paths, fast-check)', () => {
    const { list } = fc.letrec((tie) => ({
      item: fc.oneof({ depthSize: 'small' }, fc.constantFrom('"ab"', '"abcdefgh"', '"abcdefghijklmnop"', '12345'), tie('list')),
      list: fc.array(tie('item') as fc.Arbitrary<string>, { maxLength: 4 }).map((xs) => '[' + xs.join(', ') + ']'),
    }));
    fc.assert(
      fc.property(list as fc.Arbitrary<string>, fc.integer({ min: 20, max: 50 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (l, lineWidth, indent, fast) => {
        const out = formatText(`vnuma = ${l}\n`, { lineWidth, indent, fast }).text;
        for (const line of out.split('\n')) {
          // A line past the width holds one item or bracket (deep nesting), which no layout can shorten.
          if (line.length > lineWidth) expect(line.trim().replace(/,$/, '')).toMatch(/^("[a-z]*"|\d+|\[\]|\[|\]|vnuma = \[\])$/);
        }
      }),
      { numRuns: 500, seed: 40 },
    );
  });
});
