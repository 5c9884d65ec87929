import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytesSync, readInput, readInputSync } from '../../src/cli/check/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-read-'));
const file = (name: string, bytes: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('reading inputs synchronously', () => {
  it('reads a file whole, in one pass, with the same result as the promise API', async () => {
    const text = 'name = "é"\n'.repeat(50_000);
    const p = file('big.cfg', text);
    const sync = readInputSync(p, 'big.cfg', 64 << 20);
    expect(sync).toEqual({ kind: 'text', text, diagnostics: [] });
    expect(await readInput(p, 'big.cfg', 64 << 20)).toEqual(sync);
  });
  it('empty files, size limits, invalid UTF-8, directories and missing files', () => {
    expect(readInputSync(file('empty.cfg', ''), 'empty.cfg', 10)).toEqual({ kind: 'text', text: '', diagnostics: [] });
    expect(readInputSync(file('ten.cfg', '0123456789'), 'ten.cfg', 10)).toMatchObject({ kind: 'text', text: '0123456789' });
    expect(readInputSync(file('eleven.cfg', '0123456789a'), 'eleven.cfg', 10)).toMatchObject({ kind: 'skipped', diagnostics: [{ code: 'XM0040' }] });
    expect(readInputSync(file('bad.cfg', Buffer.from([0x61, 0xff, 0x62])), 'bad.cfg', 10)).toMatchObject({ kind: 'text', diagnostics: [{ code: 'XM0041', span: { start: 1, end: 2 } }] });
    mkdirSync(join(dir, 'sub'));
    expect(readInputSync(join(dir, 'sub'), 'sub', 10)).toMatchObject({ kind: 'fatal' });
    expect(readInputSync(join(dir, 'missing.cfg'), 'missing.cfg', 10)).toMatchObject({ kind: 'fatal' });
  });
  it('a file without a size (procfs) is read to its end, within the limit', () => {
    const r = readInputSync('/proc/self/status', 'status', 1 << 20);
    expect(r.kind).toBe('text');
    expect(r.kind === 'text' && r.text.includes('Name:')).toBe(true);
    expect(readInputSync('/proc/self/status', 'status', 8)).toMatchObject({ kind: 'skipped', diagnostics: [{ code: 'XM0040' }] });
  });
  it('files around the 64 KiB first read: whole, and over the limit reported with their full size', () => {
    for (const n of [65535, 65536, 65537, 200_000]) {
      const text = 'x'.repeat(n);
      expect(readInputSync(file(`n${n}.cfg`, text), 'n.cfg', 64 << 20)).toEqual({ kind: 'text', text, diagnostics: [] });
    }
    expect(readInputSync(file('big2.cfg', 'x'.repeat(200_000)), 'big2.cfg', 100_000)).toMatchObject({ kind: 'skipped', diagnostics: [{ message: 'file is 195.3 KiB, over the 97.7 KiB limit; not checked' }] });
    expect(readInputSync(file('limit.cfg', 'x'.repeat(70_000)), 'limit.cfg', 65_536)).toMatchObject({ kind: 'skipped', diagnostics: [{ message: 'file is 68.4 KiB, over the 64 KiB limit; not checked' }] });
    mkdirSync(join(dir, 'sub2'));
    expect(readInputSync(join(dir, 'sub2'), 'sub2', 1 << 20)).toEqual({ kind: 'fatal', message: "cannot read 'sub2': is a directory" });
  });
  it('bytes read for fmt are the caller\'s: the next read does not overwrite them', () => {
    const a = readBytesSync(file('a.cfg', 'aaaa'), 'a.cfg', 100);
    readBytesSync(file('b.cfg', 'bbbb'), 'b.cfg', 100);
    readInputSync(file('c.cfg', 'cccc'), 'c.cfg', 100);
    expect(a.kind === 'bytes' && Buffer.from(a.bytes).toString()).toBe('aaaa');
  });
});
