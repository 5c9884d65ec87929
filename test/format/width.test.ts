/**
 * `--line-width` counts display columns (src/format/width.ts, decision 019): what an
 * administrator's editor shows, not UTF-16 units.
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/index.js';
import { displayWidth } from '../../src/format/width.js';

describe('displayWidth', () => {
  it.each([
    ['name = "web"', 12],
    ['漢字', 4], // East Asian Wide: 2 each
    ['ｱＡ', 3], // halfwidth katakana 1, fullwidth A 2
    ['한글', 4],
    ['e\u0301', 1], // a combining accent takes no column
    ['a\u200bb', 2], // zero-width space
    ['😀', 2],
    ['👨\u200d👩\u200d👧', 2], // one glyph for the ZWJ family
    ['🇫🇷', 2],
    ['👍🏽', 2],
    ['✔', 1], // text presentation…
    ['✔\ufe0f', 2], // …and emoji presentation (VS16)
    ['1\ufe0f\u20e3', 2],
    ['€①', 2], // ambiguous width counts 1
    ['a\tb', 3], // a tab counts 1, as before
  ])('%j is %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});

describe('fmt line width in display columns', () => {
  for (const fast of [true, false]) {
    it(`breaks a list of CJK text that is 61 UTF-16 units but 106 columns (fast: ${fast})`, () => {
      const cjk = '漢'.repeat(45);
      expect(formatText(`disk = ['${cjk}', 'x']\n`, { fast }).text).toBe(`disk = [\n    '${cjk}',\n    'x',\n]\n`);
      // 40 of them are 96 columns: one line.
      const fits = '漢'.repeat(40);
      expect(formatText(`disk = ['${fits}', 'x']\n`, { fast }).text).toBe(`disk = ['${fits}', 'x']\n`);
    });
    it(`keeps on one line a list with combining accents that is 116 UTF-16 units but 66 columns (fast: ${fast})`, () => {
      const accented = 'e\u0301'.repeat(50);
      expect(formatText(`disk = ['${accented}',\t'x']\n`, { fast }).text).toBe(`disk = ['${accented}', 'x']\n`);
    });
    it(`measures nested lists in columns at each level (fast: ${fast})`, () => {
      // One line would be 53 units but 81 columns; the inner list alone is 64 columns, over the 55 its line leaves.
      const item = '字'.repeat(14);
      const out = formatText(`vnuma = [['${item}', '${item}'], ['a']]\n`, { fast, lineWidth: 60 }).text;
      expect(out).toBe(`vnuma = [\n    [\n        '${item}',\n        '${item}',\n    ],\n    ['a'],\n]\n`);
    });
  }
});
