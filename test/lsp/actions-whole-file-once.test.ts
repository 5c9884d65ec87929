/**
 * Code actions do their whole-file work (the xm reading, the search for an xm-only statement, the
 * whole-file conversion) once per checked version: editors ask for actions at every caret move, and
 * each request on a 130,000-line xl file re-read it as xm and rewrote every statement (fuzz seed
 * 305, input 211: lsp:actions over 2 s for 8 requests). Counted by calls, not timed.
 */
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ rewrite: 0, convert: 0 }));
vi.mock('../../src/convert/index.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/convert/index.js')>();
  return {
    ...orig,
    rewriteStatement: (...a: Parameters<typeof orig.rewriteStatement>) => (calls.rewrite++, orig.rewriteStatement(...a)),
    convertToXl: (...a: Parameters<typeof orig.convertToXl>) => (calls.convert++, orig.convertToXl(...a)),
  };
});

import { analyze, codeActions } from '../../src/lsp/service/index.js';

const URI = 'file:///guests/many.cfg';
const titles = (r: ReturnType<typeof analyze>, start: number) => codeActions(r, { uri: URI, span: { start, end: start } }).map((a) => a.title);

describe('code actions: whole-file work once per checked version', () => {
  it('an xl file without xm constructs: the second request rewrites only the statement at the caret', () => {
    const text = 'name = "many"\n' + 'memory = 512\n'.repeat(2000);
    const r = analyze(text, { dialect: 'xl' });
    calls.rewrite = 0;
    expect(titles(r, 20)).toEqual([]);
    expect(calls.rewrite).toBe(2001);
    calls.rewrite = 0;
    expect(titles(r, text.length - 3)).toEqual([]);
    expect(calls.rewrite).toBe(1);
  });

  it('an xm construct at the end: the same actions each time, the file converted once', () => {
    const text = 'name = "many"\n' + 'memory = 512\n'.repeat(2000) + 'acpi = True\n';
    const r = analyze(text, { dialect: 'xl' });
    const last = text.length - 5;
    calls.convert = 0;
    const first = titles(r, last);
    expect(first).toEqual(['Rewrite "acpi" in xl syntax', 'Convert the whole file to xl syntax']);
    calls.rewrite = 0;
    expect(titles(r, last)).toEqual(first);
    expect(titles(r, 3)).toEqual(['Convert the whole file to xl syntax']);
    // one statement at each caret, not the 2,001 before the xm one
    expect(calls.rewrite).toBe(2);
    expect(calls.convert).toBe(1);
    // a new version is checked afresh
    calls.convert = 0;
    expect(titles(analyze(text, { dialect: 'xl' }), last)).toEqual(first);
    expect(calls.convert).toBe(1);
  });
});
