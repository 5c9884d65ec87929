/**
 * convert --to xl of a file that declares its encoding (PEP 263): the input is read in it (a
 * latin-1 "é" is the byte 0xE9), the output is written as UTF-8, so the declaration's name becomes
 * utf-8 (decision 040). Before: `# -*- coding: latin-1 -*-` stayed above UTF-8 text, and xmcfg (or
 * an editor) reading the output back took "é" (0xC3 0xA9) for "Ã©".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { normalize } from '../../src/index.js';
import { convertToXl } from '../../src/convert/index.js';
import { fakeIo } from '../cli/fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-coding-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The first two lines of a conversion of `latin1` (each character one byte of the file). */
async function converted(latin1: string): Promise<string> {
  writeFileSync(join(dir, 'g.xm'), Buffer.from(latin1, 'latin1'));
  const { io, out } = fakeIo({ cwd: dir });
  expect(await run(['convert', 'g.xm', '--to', 'xl'], io)).toBe(0);
  return out.stdout;
}

describe('convert --to xl rewrites the encoding declaration to utf-8', () => {
  it('latin-1: the comment names utf-8, and the output reads back as the same name', async () => {
    const out = await converted('# -*- coding: latin-1 -*-\nname = "caf\xe9"\nmemory = 256\nkernel = "/boot/vmlinuz"\n');
    expect(out.split('\n').slice(0, 2)).toEqual(['# -*- coding: utf-8 -*-', 'name = "café"']);
    expect(normalize(Buffer.from(out, 'utf8'), { dialect: 'xl' }).config).toMatchObject({ name: 'café' });
    // A name Python 2 reads as UTF-8 already stays as written; no declaration, nothing added.
    for (const name of ['utf-8', 'UTF8', 'utf-8-unix', 'utf_8']) {
      expect(convertToXl(`# coding: ${name}\nname = "g"\nmemory = 256\nkernel = "/boot/vmlinuz"\n`).text.split('\n')[0]).toBe(`# coding: ${name}`);
    }
    expect(convertToXl('# web\nname = "g"\nmemory = 256\nkernel = "/boot/vmlinuz"\n').text.split('\n')[0]).toBe('# web');
  });
  it('other settings of the comment stay; line 2 after a comment; koi8-r', async () => {
    const out = await converted('#!/usr/bin/python\n# -*- mode: python; coding: koi8-r -*-\nname = "\xe9"\nmemory = 256\nkernel = "/boot/vmlinuz"\n');
    expect(out.split('\n').slice(0, 3)).toEqual(['#!/usr/bin/python', '# -*- mode: python; coding: utf-8 -*-', 'name = "И"']);
  });
});
