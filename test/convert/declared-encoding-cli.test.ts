/**
 * `convert` reads a file as `check` does: in the single-byte encoding it declares (PEP 263), with
 * xm's byte strings holding the file's bytes (CheckOptions.sourceCodec), and with the file's bytes
 * where they are not UTF-8 (sourceBytes: Python 2 decodes a UTF-8-encoded surrogate). It passed
 * neither, so its xm reading was not check's: `"é\xe9"` in a latin-1 file was XM0052 and stopped
 * the conversion (check reads both as the byte 0xE9), and a surrogate in a u"" string was XM0049
 * (check: none, Python 2 accepts it). The output is UTF-8 text: a byte string of the declared
 * encoding is written as its text ("€" in cp1252), not one character per byte.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-enc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Write the file (each character one byte) and run the command on it. */
async function cli(args: string[], name: string, latin1: string) {
  writeFileSync(join(dir, name), Buffer.from(latin1, 'latin1'));
  const { io, out } = fakeIo({ cwd: dir });
  const code = await run([args[0]!, name, ...args.slice(1)], io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}
const HEAD = 'name = "vm"\nmemory = 512\n';

describe('convert decodes a file as check does', () => {
  it('latin-1: "é\\xe9" is two bytes 0xE9 to both (no XM0052), written as "éé"', async () => {
    const file = `# -*- coding: latin-1 -*-\n${HEAD}extra = "\xe9\\xe9"\nx = u"\xe9"\n`;
    const checked = await cli(['check', '--format', 'json'], 'a.xm', file);
    expect(JSON.parse(checked.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).not.toContain('XM0052');
    const r = await cli(['convert', '--to', 'xl'], 'a.xm', file);
    expect(r.stderr).not.toContain('XM0052');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('extra'))).toEqual(['extra = "éé"']);
  });
  it('cp1252: a computed byte string is written as the text of its bytes ("/k-€", not U+0080)', async () => {
    const r = await cli(['convert', '--to', 'xl'], 'b.xm', `# coding: cp1252\n${HEAD}kernel = "/k-" + "\x80"\nx = u"\x80"\n`);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('kernel'))).toEqual(['kernel = "/k-€"']);
  });
  it('utf-8: a UTF-8-encoded surrogate in u"" is no XM0049 for convert either (Python 2 decodes it)', async () => {
    const file = `# coding: utf-8\n${HEAD}kernel = "/k"\nx = u"\xed\xa0\x80"\n`;
    const checked = await cli(['check', '--dialect', 'xm', '--format', 'json'], 'c.xm', file);
    expect(JSON.parse(checked.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).not.toContain('XM0049');
    const r = await cli(['convert', '--to', 'xl'], 'c.xm', file);
    expect(r.stderr).not.toContain('XM0049');
    expect(r.code).toBe(0);
  });
  it('a declared name Python 2 has no codec for: refused as xm by both (XM0046), read as xl by both in auto', async () => {
    const file = `# coding: foo\n${HEAD}kernel = "/k"\n`;
    const xm = await cli(['convert', '--dialect', 'xm', '--to', 'xl'], 'd.xm', file);
    expect([xm.code, xm.stderr.includes('XM0046')]).toEqual([1, true]);
    expect((await cli(['check', '--dialect', 'xm'], 'd.xm', file)).stdout).toContain('XM0046');
    expect((await cli(['convert', '--to', 'xl'], 'd.xm', file)).code).toBe(0);
    expect((await cli(['check'], 'd.xm', file)).code).toBe(0);
  });
});
