/**
 * Position conversion for UTF-8 and UTF-32 clients (src/lsp/encoding.ts): each line is counted once
 * per answer, not from its start for every position. scripts/fuzz.mjs seed 128 input 169, a UTF-32
 * session on a file with a 15,000-character line and 1,000 diagnostics on it, spent 0.45 s per
 * publication converting positions. Work is counted (code points read), not timed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fromUtf16, mapPositions, PositionConverter, toUtf16, type PositionEncoding } from '../../src/lsp/encoding.js';
import { openOnServer, EDITOR_CAPABILITIES } from './open-server.js';

/** The client units of `s` counted one code point at a time (the definition). */
function unitsOf(s: string, encoding: PositionEncoding): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    n += encoding === 'utf-32' ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c > 0xffff ? 2 : 1;
  }
  return n;
}

afterEach(() => vi.restoreAllMocks());

/** Code points read while a server negotiated to `encoding` opens `text` and publishes its diagnostics. */
async function readsToPublish(text: string, encoding: PositionEncoding): Promise<{ reads: number; count: number }> {
  const spy = vi.spyOn(String.prototype, 'codePointAt');
  const { c } = await openOnServer('file:///g/long.cfg', text, {}, {}, { ...EDITOR_CAPABILITIES, general: { positionEncodings: [encoding] } });
  const reads = spy.mock.calls.length;
  spy.mockRestore();
  const count = c.published.at(-1)!.params.diagnostics.length;
  c.dispose();
  return { reads, count };
}

describe('position conversion cost', () => {
  it('a UTF-32 server publishing 300 findings on one 3,000-character line reads about as much as a UTF-16 one', async () => {
    // 300 unknown keys (XM0101) on one line, each range converted for the client.
    const text = 'name = "a"\n' + Array.from({ length: 300 }, (_, k) => `zz${k} = 1`).join('; ') + '\n';
    const utf16 = await readsToPublish(text, 'utf-16');
    const utf32 = await readsToPublish(text, 'utf-32');
    expect(utf32.count).toBeGreaterThanOrEqual(300);
    expect(utf32.count).toBe(utf16.count);
    // Counted from the line's start per position: ~600 × 1,500 = 900,000 more reads.
    expect(utf32.reads - utf16.reads).toBeLessThan(3000 * 2 + 600 * 64 * 2);
  });
  for (const encoding of ['utf-8', 'utf-32'] as const) {
    it(`${encoding}: 400 positions on a 4,000-character line read the line about once, not once per position`, () => {
      const line = 'é'.repeat(2000) + 'x'.repeat(2000);
      const doc = TextDocument.create('file:///a.cfg', 'xen', 1, `name = "a"\n${line}\nmemory = 1\n`);
      const positions = Array.from({ length: 400 }, (_, k) => ({ start: { line: 1, character: k * 10 }, end: { line: 1, character: k * 10 + 5 } }));
      const spy = vi.spyOn(String.prototype, 'codePointAt');
      const out = mapPositions(positions, new PositionConverter(doc, encoding).fromUtf16);
      const reads = spy.mock.calls.length;
      spy.mockRestore();
      // One position at a time from the line's start: ~800 × 2,000 = 1.6 million reads.
      expect(reads).toBeLessThan(4000 + 800 * 64 * 2);
      expect(out[399]!.end.character).toBe(unitsOf(line.slice(0, 3995), encoding));
      // And back: the client's positions of the code action context are converted the same way.
      const spy2 = vi.spyOn(String.prototype, 'codePointAt');
      const back = mapPositions(out, new PositionConverter(doc, encoding).toUtf16);
      const reads2 = spy2.mock.calls.length;
      spy2.mockRestore();
      expect(reads2).toBeLessThan(4000 + 800 * 64 * 2);
      expect(back).toEqual(positions);
    });
  }
});

describe('position conversion', () => {
  it('agrees with counting from the line start, both ways, at every offset of lines with pairs, lone surrogates and wide characters', () => {
    const pieces = ['a', 'é', '€', '😀', '\ud83d', '\ude00', ' ', 'xyz'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % pieces.length;
    const line = Array.from({ length: 300 }, () => pieces[next()]).join('');
    const text = `a = 1\r\n${line}\r\n${line.slice(0, 77)}`;
    const doc = TextDocument.create('file:///a.cfg', 'xen', 1, text);
    for (const encoding of ['utf-8', 'utf-32'] as const) {
      const conv = new PositionConverter(doc, encoding);
      for (let ch = 0; ch <= line.length + 3; ch++) {
        const p = { line: 1, character: ch };
        // fromUtf16: the units of the text before the position (a pair split by it counts whole).
        const stop = Math.min(ch, line.length);
        const cut = stop > 0 && (line.charCodeAt(stop - 1) & 0xfc00) === 0xd800 && (line.charCodeAt(stop) & 0xfc00) === 0xdc00 ? stop + 1 : stop;
        expect(conv.fromUtf16(p), `${encoding} from ${ch}`).toEqual({ line: 1, character: unitsOf(line.slice(0, cut), encoding) });
        expect(fromUtf16(doc, p, encoding)).toEqual(conv.fromUtf16(p));
      }
      for (let u = 0; u <= unitsOf(line, encoding) + 3; u++) {
        // toUtf16: the start of the code point holding unit u (past the end: the end).
        let i = 0;
        let n = 0;
        while (i < line.length) {
          const c = line.codePointAt(i)!;
          const w = encoding === 'utf-32' ? 1 : unitsOf(String.fromCodePoint(c), encoding);
          if (n + w > u) break;
          n += w;
          i += c > 0xffff ? 2 : 1;
        }
        expect(conv.toUtf16({ line: 1, character: u }), `${encoding} to ${u}`).toEqual({ line: 1, character: i });
        expect(toUtf16(doc, { line: 1, character: u }, encoding)).toEqual({ line: 1, character: i });
      }
      expect(conv.toUtf16({ line: 9, character: 4 })).toEqual({ line: 2, character: 77 });
    }
  });
});
