/**
 * `convert - --stdin-filepath NAME`: standard input named as `check --stdin-filepath` names it. xm's
 * create.py named a guest whose config sets no name after `os.path.basename(defconfig)`, so the
 * named input gets that name (no XM0106 note), reports say NAME, and `-o NAME` is refused as an
 * overwrite of the file being converted.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertInTempDir, stylishFindings } from './temp-cli.js';
import { ON_CRASH_LINE } from './xm-defaults.js';

const NAMELESS = 'memory = 256 * 2\nkernel = "/boot/vmlinuz"\n';
const { dir: tempDir, convert } = convertInTempDir('xmcfg-convert-stdin-');
const found = (stderr: string): string[] => stylishFindings(stderr, true);

describe('convert - --stdin-filepath', () => {
  it('without it a nameless xm file stays nameless: the XM0106 note at <stdin>:1:1, exit 0, for both targets', async () => {
    const xl = await convert(['-', '--to', 'xl'], NAMELESS);
    expect([xl.code, xl.stdout, found(xl.stderr)]).toEqual([0, 'memory = 512\nkernel = "/boot/vmlinuz"\n' + ON_CRASH_LINE, ['XM0106 <stdin>:1:1']]);
    const json = await convert(['-', '--to', 'json'], NAMELESS);
    expect([json.code, found(json.stderr)]).toEqual([0, ['XM0106 <stdin>:1:1']]);
    expect(JSON.parse(json.stdout).c_info.name).toBeUndefined();
  });

  it('with it the guest gets the base name xm gave it, no XM0106, the same output as converting the file', async () => {
    writeFileSync(join(tempDir(), 'web.xm'), NAMELESS);
    for (const to of ['xl', 'json']) {
      const piped = await convert(['-', '--stdin-filepath', 'guests/web.xm', '--to', to], NAMELESS);
      const file = await convert(['web.xm', '--to', to]);
      expect([piped.code, found(piped.stderr)], to).toEqual([0, []]);
      expect(piped.stdout, to).toBe(file.stdout);
      expect(piped.stderr, to).toBe(file.stderr.replaceAll('web.xm:', 'guests/web.xm:'));
    }
    const xl = await convert(['-', '--stdin-filepath', 'guests/web.xm', '--to', 'xl'], NAMELESS);
    expect(xl.stdout.split('\n')[0]).toBe('name = "web.xm"  # xm\'s default: the file name');
  });

  it('names standard input in reports (XM0550 at guests/web.xm:2:1)', async () => {
    const r = await convert(['-', '--stdin-filepath', 'guests/web.xm', '--to', 'xl'], 'name = "w"\nnuma = "on"\n');
    expect([r.code, found(r.stderr)]).toEqual([0, ['XM0550 guests/web.xm:2:1']]);
  });

  it('usage errors (exit 2, nothing written): a file other than -, an empty name, -o the named file', async () => {
    writeFileSync(join(tempDir(), 'web.xm'), NAMELESS);
    expect((await convert(['web.xm', '--stdin-filepath', 'web.xm', '--to', 'xl'])).code).toBe(2);
    expect((await convert(['-', '--stdin-filepath', '', '--to', 'xl'], NAMELESS)).code).toBe(2);
    const r = await convert(['-', '--stdin-filepath', 'web.xm', '--to', 'xl', '-o', 'web.xm'], NAMELESS);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', "xmcfg convert: --output-file 'web.xm' is 'web.xm', the file being converted; write the output elsewhere\n"]);
    expect(readFileSync(join(tempDir(), 'web.xm'), 'utf8')).toBe(NAMELESS);
  });
});
