import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, readInputSync } from '../../src/cli/check/read-input.js';

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
});
