/**
 * @fileoverview fmt keeps the byte-order mark of an xm file when it is the only encoding declaration
 * its non-ASCII characters have: Python 2 (xm) refuses them without one (XM0064, decision 032).
 */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/format/format.js';
import { parse } from '../../src/syntax/parse.js';

const codes = (text: string) => parse(text, { dialect: 'xm' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('fmt and the BOM of an xm file', () => {
  it('keeps a BOM that declares the encoding of a non-ASCII character', () => {
    const r = formatText('\ufeffname="é"\nmemory=256\n');
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('\ufeffname = "é"\nmemory = 256\n');
    expect(codes(r.text)).toEqual([]);
    expect(formatText(r.text).changed).toBe(false);
  });
  it('drops it when the text is ASCII or declares its encoding in a comment (decision 026)', () => {
    expect(formatText('\ufeffname="a"\n', { dialect: 'xm' }).text).toBe('name = "a"\n');
    expect(formatText('\ufeff# -*- coding: utf-8 -*-\nname="é"\n', { dialect: 'xm' }).text).toBe('# -*- coding: utf-8 -*-\nname = "é"\n');
  });
  it('drops it before a comment declaring a codec xmcfg does not decode (XM0047 is no reason to keep it); formats a refused declaration', () => {
    // Python 2 refuses euc-jp after a BOM (XM0046) and reads the file without one.
    expect(formatText('\ufeff# coding: euc-jp\nname="é"\n', { dialect: 'xm' }).text).toBe('# coding: euc-jp\nname = "é"\n');
    // A declaration Python 2 refuses (XM0046) is no syntax error to fmt either: every character stays.
    expect(formatText('# coding: foo\nname="a"\n', { dialect: 'xm' }).text).toBe('# coding: foo\nname = "a"\n');
  });
  it('formats an xm file that lacks a declaration (XM0064 is not a syntax error to fmt)', () => {
    const r = formatText('name="é"\n', { dialect: 'xm' });
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe('name = "é"\n');
  });
});
