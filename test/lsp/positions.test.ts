import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { toOffset } from '../../src/lsp/service/positions.js';
import { hoverAt } from '../../src/lsp/service/index.js';
import { checkText } from '../../src/check/check.js';

// LSP: a character past the end of its line "defaults back to the line length" (the terminator is
// not part of the line), so a caret past the end never lands on the next line's first key.
describe('toOffset clamps to the line it names', () => {
  for (const [eol, name] of [['\n', 'LF'], ['\r\n', 'CRLF'], ['\r', 'CR']] as const) {
    const text = `memory = 512${eol}vcpus = 2${eol}`;
    const index = new LineIndex(text);
    it(`${name}: past the end of line 0 is the end of line 0`, () => {
      expect(toOffset(index, { line: 0, character: 999 }, text)).toBe(12);
      expect(toOffset(index, { line: 1, character: 999 }, text)).toBe(12 + eol.length + 9);
      expect(toOffset(index, { line: 0, character: 12 }, text)).toBe(12);
    });
    it(`${name}: a line past the end is the last line; negatives are 0`, () => {
      expect(toOffset(index, { line: 99, character: 0 }, text)).toBe(text.length);
      expect(toOffset(index, { line: -1, character: -5 }, text)).toBe(0);
    });
    it(`${name}: hover past the end of a line is not the next line's key`, () => {
      const r = checkText(text);
      // The end of `memory = 512` is the end of its value: memory's value hover, on line 0 (it used to be vcpus's key hover, on line 1).
      const h = hoverAt(r, toOffset(r.lineIndex, { line: 0, character: 999 }, text), text)!;
      expect([h.range!.start, h.range!.end]).toEqual([{ line: 0, character: 9 }, { line: 0, character: 12 }]);
    });
  }
  it('keeps a character inside a surrogate pair as given (UTF-16 units)', () => {
    const text = 'name = "😀"\nvcpus = 2\n';
    expect(toOffset(new LineIndex(text), { line: 0, character: 9 }, text)).toBe(9);
    expect(toOffset(new LineIndex(text), { line: 0, character: 11 }, text)).toBe(11);
    expect(toOffset(new LineIndex(text), { line: 0, character: 12 }, text)).toBe(11);
  });
});
