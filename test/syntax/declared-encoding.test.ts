/**
 * PEP 263 declarations (`# -*- coding: latin-1 -*-`): a file that declares a single-byte encoding
 * is read in it, one character per byte, through the library (bytes given to parse/check/normalize)
 * and the CLI (check, normalize, fmt), on real Latin-1 bytes written by the test. Python 2 keeps a
 * byte string's bytes ("é" is '\xe9') and decodes a unicode string by the codec (u"é" is u'\xe9').
 * Before: the bytes were read as UTF-8, each 0xE9 a U+FFFD (XM0041), and the values held U+FFFD.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, normalize, parse } from '../../src/index.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { codecOfName } from '../../src/syntax/source-decode.js';

/** The file's bytes: each character of `s` is one byte (Latin-1). */
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

const LATIN1 = '# -*- coding: latin-1 -*-\nname = "caf\xe9"\nkernel = "/boot/vmlinuz-\xe9t\xe9"\nextra = "root=/dev/xvda1 x=\xe9" # \xe9\nmemory = 256\ndescription = u"\xe9t\xe9"\n';

/** `CODE@line:col-endLine:endCol` of each finding. */
const at = (ds: { code: string; line: number; column: number; endLine: number; endColumn: number }[]) => ds.map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

describe('the library reads a declared Latin-1 file from its bytes', () => {
  it('values are the characters the bytes stand for, with no U+FFFD and no XM0041', () => {
    const r = parse(bytes(LATIN1), { dialect: 'xm' });
    const values = Object.fromEntries(r.settings.map((s) => [s.key, s.value]));
    expect(values.name).toMatchObject({ kind: 'string', value: 'caf\xe9' });
    // A byte string of the file's bytes, not UTF-8 text (Python: 'caf\xe9').
    expect(values.name).not.toHaveProperty('utf8');
    expect(values.kernel).toMatchObject({ value: '/boot/vmlinuz-\xe9t\xe9' });
    expect(values.description).toMatchObject({ value: '\xe9t\xe9', unicode: true });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('XM0041');
    expect(JSON.stringify(r)).not.toContain('\ufffd');
  });

  it('spans are byte offsets = UTF-16 offsets, and columns count one per byte', () => {
    const r = parse(bytes(LATIN1), { dialect: 'xm' });
    const ext = r.settings.find((s) => s.key === 'extra')!;
    const start = LATIN1.indexOf('"root');
    expect(ext.valueSpan).toEqual({ start, end: start + '"root=/dev/xvda1 x=\xe9"'.length });
    const c = check(bytes(LATIN1), { dialect: 'xm' });
    // name "café": xend's name check (XM0234) at the whole string, 2:8-2:14 (6 characters).
    expect(at(c.diagnostics.filter((d) => d.code === 'XM0234'))).toEqual(['XM0234@2:8-2:14']);
    expect(c.config).toMatchObject({ name: 'caf\xe9', kernel: '/boot/vmlinuz-\xe9t\xe9', extra: 'root=/dev/xvda1 x=\xe9' });
  });

  it('the same bytes without a declaration are still UTF-8 with XM0041 (xm adds XM0064)', () => {
    const text = LATIN1.replace(/^# -\*- coding: latin-1 -\*-\n/, '# no declaration\n');
    const r = check(bytes(text), { dialect: 'xm' });
    expect(at(r.diagnostics.filter((d) => d.code === 'XM0041' || d.code === 'XM0064'))).toEqual(['XM0041@2:12-2:13', 'XM0064@2:12-2:13']);
  });

  it('cp1252: a byte string keeps the bytes, a unicode string decodes them (€ is 0x80)', () => {
    const r = parse(bytes('# coding: cp1252\nx = "\x80\x93"\ny = u"\x80\x93"\n'), { dialect: 'xm' });
    const [x, y] = r.settings;
    expect(x!.value).toMatchObject({ kind: 'string', value: '\x80\x93' });
    expect(y!.value).toMatchObject({ kind: 'string', value: '\u20ac\u201c', unicode: true });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('cp1252: a byte cp1252 leaves undefined is XM0045 at that byte (Python 2 refuses the file)', () => {
    const r = check(bytes('# coding: cp1252\nname = "a\x81b"\n'), { dialect: 'xm' });
    expect(at(r.diagnostics.filter((d) => d.code === 'XM0045'))).toEqual(['XM0045@2:10-2:11']);
  });

  it('xl: the declared encoding is read too (libxlu passes the bytes on); no XM0041', () => {
    const r = normalize(bytes('# -*- coding: latin-1 -*-\nname = "caf\xe9"\n'), { dialect: 'xl' });
    expect(r.config).toMatchObject({ name: 'caf\xe9' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('XM0041');
  });

  it('Python 2 reads the declared names as it does (get_normal_name, codecs.lookup)', () => {
    expect(['latin-1', 'Latin1', 'ISO-8859-1', 'iso_8859_1', 'l1', 'iso-latin-1', 'latin-1-unix', '8859'].map(codecOfName)).toEqual(Array(8).fill('latin_1'));
    expect(['cp1252', 'windows-1252', 'WINDOWS_1252'].map(codecOfName)).toEqual(['cp1252', 'cp1252', 'cp1252']);
    expect(['iso-8859-15', 'latin9', 'l9'].map(codecOfName)).toEqual(['iso8859_15', 'iso8859_15', 'iso8859_15']);
    // utf-8 is not a table; latin-9 is no name of Python 2's.
    expect(['utf-8', 'latin-9', 'koi8-r'].map(codecOfName)).toEqual([null, null, 'koi8_r']);
  });
});

describe('the CLI reads a declared Latin-1 file in Latin-1', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-latin1-'));
    writeFileSync(join(dir, 'l1.cfg'), bytes(LATIN1));
    writeFileSync(join(dir, 'fmt.cfg'), bytes('# -*- coding: latin-1 -*-\nname   =   "caf\xe9"\nmemory=256\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const { io, out } = fakeIo({ cwd: dir });
    const code = await run(args, io);
    return { code, ...out };
  }

  it('check --format json: findings at the file\'s columns, no XM0041', async () => {
    const r = await cli(['check', '--format', 'json', 'l1.cfg']);
    const report = JSON.parse(r.stdout) as { files: { dialect: string; diagnostics: { code: string; line: number; column: number; endLine: number; endColumn: number }[] }[] };
    const file = report.files[0]!;
    expect(file.dialect).toBe('xm');
    expect(at(file.diagnostics.filter((d) => d.code === 'XM0234' || d.code === 'XM0041'))).toEqual(['XM0234@2:8-2:14']);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('normalize prints the values the Latin-1 bytes stand for', async () => {
    const r = await cli(['normalize', 'l1.cfg']);
    const config = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(config).toMatchObject({ name: 'caf\xe9', kernel: '/boot/vmlinuz-\xe9t\xe9', extra: 'root=/dev/xvda1 x=\xe9', description: '\xe9t\xe9' });
    expect(r.stderr).not.toContain('\ufffd');
  });

  it('fmt writes the file back in Latin-1 (its bytes, not UTF-8)', async () => {
    const r = await cli(['fmt', 'fmt.cfg']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fmt.cfg')).toString('latin1')).toBe('# -*- coding: latin-1 -*-\nname = "caf\xe9"\nmemory = 256\n');
  });
});
