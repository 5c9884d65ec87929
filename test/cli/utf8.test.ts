import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, invalidOffsets } from '../../src/syntax/utf8.js';
import { fromBytes, formatSize, parseSize } from '../../src/cli/check/read-input.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('UTF-8 decoding', () => {
  it('keeps a BOM so offsets match the file', () => {
    const d = decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61));
    expect(d.text).toBe('\ufeffa');
    expect(d.invalid).toEqual([]);
  });

  it('locates invalid sequences where TextDecoder puts U+FFFD', () => {
    // 'a' E9 'b' (Latin-1 é), a truncated 3-byte sequence, an overlong C0 80, a surrogate ED A0 80, 4-byte emoji.
    const input = bytes(0x61, 0xe9, 0x62, 0xe2, 0x82, 0x63, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xff);
    const d = decodeUtf8(input);
    expect(d.invalid.length).toBeGreaterThan(0);
    for (const off of d.invalid) expect(d.text[off]).toBe('\ufffd');
    expect(d.invalid.length).toBe([...d.text].filter((c) => c === '\ufffd').length);
  });

  it('agrees with TextDecoder on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
        const expected: number[] = [];
        for (let i = 0; i < text.length; i++) if (text[i] === '\ufffd') expected.push(i);
        // The input has no real U+FFFD (EF BF BD) in most cases; when it has, our list is a subset.
        const got = invalidOffsets(b);
        for (const o of got) expect(text[o]).toBe('\ufffd');
        const hasRealFffd = /\xef\xbf\xbd/.test(String.fromCharCode(...b));
        if (!hasRealFffd) expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('input findings', () => {
  it('reports invalid UTF-8 once, at the first bad byte, with a count', () => {
    const r = fromBytes(Buffer.from([0x6e, 0x3d, 0x27, 0xe9, 0x27, 0x0a, 0x78, 0x3d, 0xff, 0x0a]));
    expect(r.kind).toBe('text');
    if (r.kind !== 'text') return;
    expect(r.diagnostics).toMatchObject([{ code: 'XM0041', severity: 'warning', span: { start: 3, end: 4 } }]);
    expect(r.diagnostics[0]!.message).toContain('1 more');
  });

  it('leaves binary files (NUL bytes) to the parser, without an encoding warning', () => {
    const r = fromBytes(Buffer.from([0x61, 0x00, 0xff, 0x62]));
    expect(r).toEqual({ kind: 'text', text: 'a\0\ufffdb', diagnostics: [], invalid: [2] });
  });

  it('reads clean text without findings', () => {
    expect(fromBytes(Buffer.from('memory = 512\n'))).toEqual({ kind: 'text', text: 'memory = 512\n', diagnostics: [] });
  });

  it('parses and prints sizes', () => {
    expect(parseSize('64M')).toBe(64 * 1024 * 1024);
    expect(parseSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('100')).toBe(100);
    expect(parseSize('1.5K')).toBe(1536);
    expect(parseSize('lots')).toBeNull();
    expect(parseSize('-1')).toBeNull();
    expect(formatSize(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(12)).toBe('12 bytes');
  });
});

describe('XM0049 from where the reader met invalid bytes, not from U+FFFD in the text', () => {
  // A U+FFFD saved as itself (EF BF BD) in a u"" string is valid UTF-8 (Python 2.7.18 reads u'\ufffd');
  // the 0xE9 on line 3 is not ("can't decode byte 0xe9"): each command that reads a file finds only that one.
  const file = Buffer.concat([Buffer.from('# coding: utf-8\nname = u"\ufffd"\nextra = u"a'), Buffer.from([0xe9]), Buffer.from('b"\nmemory = 512\n')]);
  /** `CODE@line:col` of the encoding errors a report in the default (stylish) format shows. */
  const found = (out: string): string[] => [...out.matchAll(/error\[(XM004\d)\][^\n]*\n\s*--> [^\n]*:(\d+):(\d+)/g)].map((m) => `${m[1]}@${m[2]}:${m[3]}`);
  const cli = async (args: string[], stdin: Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> => {
    const { io, out } = fakeIo({ cwd: process.cwd(), stdin });
    return { code: await run(args, io), ...out };
  };
  it('check and normalize (standard input) report line 3, not the U+FFFD on line 2', async () => {
    const checked = await cli(['check', '--dialect', 'xm', '-f', 'json', '-'], file);
    const codes = (JSON.parse(checked.stdout) as { files: { diagnostics: { code: string; line: number; column: number }[] }[] }).files[0]!.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(codes.filter((c) => /^XM004/.test(c))).toEqual(['XM0041@3:12', 'XM0049@3:12']);
    const normalized = await cli(['normalize', '--dialect', 'xm', '-'], file);
    expect(found(normalized.stderr)).toEqual(['XM0049@3:12']);
  });
  it('convert refuses the file at line 3 (xm would not run it), and converts one whose U+FFFD is real', async () => {
    const refused = await cli(['convert', '--to', 'xl', '-'], file);
    expect([refused.code, found(refused.stderr)]).toEqual([1, ['XM0049@3:12']]);
    const real = await cli(['convert', '--to', 'xl', '-'], Buffer.from('# coding: utf-8\nname = u"\ufffd"\nmemory = 512\n'));
    expect(found(real.stderr)).toEqual([]);
  });
  it('a file whose only non-ASCII is a real U+FFFD in a u"" string has no XM0049', async () => {
    const real = Buffer.from('# coding: utf-8\nname = u"\ufffd"\nmemory = 512\n');
    const checked = await cli(['check', '--dialect', 'xm', '-f', 'json', '-'], real);
    const codes = (JSON.parse(checked.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => /^XM004/.test(c))).toEqual([]);
  });
});
