/**
 * Found by scripts/fuzz.mjs (seed 1): findings whose span ends between the CR and the LF of one
 * CRLF (xl's unterminated string keeps the CR, XM0521 and libxlu's XM0549 are about the CR alone)
 * had an end column one past the end of its line, a position no editor can show. The end of such a
 * span is after the LF (the finding covers the line break); a start there is before the CR.
 */
import { describe, expect, it } from 'vitest';
import { check, LineIndex, parse } from '../../src/index.js';
import { toRange } from '../../src/lsp/service/positions.js';

/** `code line:column-endLine:endColumn` of each finding with one of `codes`. */
const ranges = (diags: { code: string; line: number; column: number; endLine: number; endColumn: number }[], codes: string[]) =>
  diags.filter((d) => codes.includes(d.code)).map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

describe('a span that ends between a CR and its LF', () => {
  it("xl's unterminated string before a CRLF (XM0002) ends at the next line's start", () => {
    expect(ranges(parse('"\r\n', { dialect: 'xl' }).diagnostics, ['XM0002'])).toEqual(['XM0002 1:1-2:1']);
  });

  it('a CR of a CRLF inside an xl triple-quoted string (XM0521) covers the line break', () => {
    expect(ranges(parse('"""\r\n', { dialect: 'xl' }).diagnostics, ['XM0521'])).toEqual(['XM0521 1:4-2:1']);
  });

  it("libxlu's verdict on a first-line CRLF (XM0549) covers the line break", () => {
    expect(ranges(check('\r\nx = 1\0', { dialect: 'xl' }).diagnostics, ['XM0549'])).toEqual(['XM0549 1:1-2:1']);
  });

  it('LineIndex and the LSP ranges put a start before the CR and a non-empty end after the LF', () => {
    const text = 'ab\r\ncd';
    const index = new LineIndex(text);
    expect(index.position(3)).toEqual({ line: 1, column: 3 });
    expect(index.range({ start: 2, end: 3 })).toEqual({ line: 1, column: 3, endLine: 2, endColumn: 1 });
    expect(index.range({ start: 3, end: 3 })).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 3 });
    expect(toRange(index, { start: 2, end: 3 })).toEqual({ start: { line: 0, character: 2 }, end: { line: 1, character: 0 } });
  });
});
