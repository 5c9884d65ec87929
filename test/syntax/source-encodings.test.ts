/**
 * What Python 2.7.18 makes of a PEP 263 declaration beyond latin-1 (each case run with
 * `PYENV_VERSION=2.7.18 python` execfile; scripts/py2-cases.mjs holds most of them for
 * scripts/py2-diff.mjs): an unknown name (XM0046, even in an ASCII file), a BOM with another name
 * (XM0046), ascii and other tables' undefined bytes (XM0045), codecs xmcfg does not decode (XM0047)
 * or that cannot read ASCII text (XM0048), invalid UTF-8 where Python decodes it (XM0049), and the
 * values of files in the other single-byte codecs, decoded by their table.
 */
import { describe, expect, it } from 'vitest';
import { check, parse } from '../../src/index.js';
import { resolveCodec } from '../../src/syntax/source-decode.js';

/** The file's bytes: each character of `s` is one byte (Latin-1). */
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
const ENC = new Set(['XM0041', 'XM0045', 'XM0046', 'XM0047', 'XM0048', 'XM0049', 'XM0064']);
/** `CODE@line:col-endLine:endCol` of the source-encoding findings of an xm check of the bytes. */
const found = (s: string): string[] =>
  check(bytes(s), { dialect: 'xm' })
    .diagnostics.filter((d) => ENC.has(d.code))
    .map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
const values = (s: string) => Object.fromEntries(parse(bytes(s), { dialect: 'xm' }).settings.map((x) => [x.key, x.value]));

describe('declared names Python 2 refuses (XM0046, at the name)', () => {
  it('an unknown name, with or without non-ASCII bytes ("encoding problem: foo")', () => {
    expect(found('# coding: foo\nname = "vm"\n')).toEqual(['XM0046@1:11-1:14']);
    // (the byte 0xE9, read as UTF-8 for want of a codec, is XM0041 too)
    expect(found('#!/usr/bin/python\n# -*- coding: latin-one -*-\nname = "caf\xe9"\n')).toEqual(['XM0046@2:15-2:24', 'XM0041@3:12-3:13']);
  });
  it('a byte-order mark with any name but utf-8 ("encoding problem: utf8 with BOM")', () => {
    expect(found('\xef\xbb\xbf# coding: latin-1\nname = "vm"\n')).toEqual(['XM0046@1:12-1:19']);
    expect(found('\xef\xbb\xbf# coding: utf8\nname = "vm"\n')).toEqual(['XM0046@1:12-1:16']);
    expect(found('\xef\xbb\xbf# coding: utf-8\nname = "vm"\n')).toEqual([]);
  });
  it('non-ASCII on line 1 before a line-2 declaration is still XM0064 (Python reads line 1 first)', () => {
    expect(found('# caf\xc3\xa9\n# coding: foo\nname = "vm"\n')).toEqual(['XM0064@1:6-1:7']);
  });
  it('names Python 2 knows: aliases, case, "-"/"_", and the tokenizer\'s utf-8-*/latin-1-* prefixes', () => {
    const kinds = ['latin1', 'l1', 'iso8859-1', 'UTF8', 'utf-8-unix', 'latin-1-dos', 'ascii', 'US-ASCII', 'euc-jp', 'koi8-r', 'cp1250', 'utf-16'].map((n) => resolveCodec(n));
    expect(kinds).toEqual([
      { kind: 'table', codec: 'latin_1' },
      { kind: 'table', codec: 'latin_1' },
      { kind: 'table', codec: 'latin_1' },
      { kind: 'utf-8', codec: 'utf_8' },
      { kind: 'raw-utf-8' },
      { kind: 'table', codec: 'latin_1' },
      { kind: 'table', codec: 'ascii' },
      { kind: 'table', codec: 'ascii' },
      { kind: 'unchecked', codec: 'euc_jp' },
      { kind: 'table', codec: 'koi8_r' },
      { kind: 'table', codec: 'cp1250' },
      { kind: 'unreadable', codec: 'utf_16' },
    ]);
    expect(['foo', 'latin-9', 'utf-9', 'mbcs', 'aliases', 'constructor', 'hasOwnProperty'].map((n) => resolveCodec(n).kind)).toEqual(Array(7).fill('unknown'));
  });
});

describe('bytes the declared codec has no character for (XM0045, at the byte)', () => {
  it('ascii: any non-ASCII byte ("\'ascii\' codec can\'t decode byte 0xc3")', () => {
    expect(found('# coding: ascii\nname = "caf\xc3\xa9"\n')).toEqual(['XM0045@2:12-2:13']);
    expect(found('# coding: us-ascii\n# \xe9\nname = "vm"\n')).toEqual(['XM0045@2:3-2:4']);
    expect(found('# coding: ascii\nname = "vm"\n')).toEqual([]);
  });
  it('iso-8859-3 0xA5 and cp1250 0x81, which their tables lack', () => {
    expect(found('# coding: iso-8859-3\nname = "\xa5"\n')).toEqual(['XM0045@2:9-2:10']);
    expect(found('# coding: cp1250\nname = u"a\x81"\n')).toEqual(['XM0045@2:11-2:12']);
  });
});

describe('other single-byte codecs are decoded by their table', () => {
  it('koi8-r: u"" decodes the byte, a byte string keeps it (Python: u"\\u0418", "\\xe9\\xe9")', () => {
    const v = values('# coding: koi8-r\nx = u"\xe9"\ny = "\xe9\\xe9"\n');
    expect(v.x).toMatchObject({ value: '\u0418', unicode: true });
    expect(v.y).toMatchObject({ value: '\xe9\xe9' });
    expect(found('# coding: koi8-r\nx = u"\xe9"\n')).toEqual([]);
  });
  it('an escape is its byte even where the codec reads another byte as that character (koi8-r 0x9A is U+00A0)', () => {
    const v = values('\n# coding: koi8_r\nx = "\x9a\\xa0"\ny = u"\x9a\\xa0"\n');
    expect(v.x).toMatchObject({ value: '\x9a\xa0' });
    expect(v.y).toMatchObject({ value: '\xa0\xa0', unicode: true });
  });
  it('cp1250 and iso-8859-2 letters', () => {
    expect(values('# coding: cp1250\nx = u"\x8a\xe8"\n').x).toMatchObject({ value: '\u0160\u010d' });
    expect(values('# coding: iso8859-2\nx = u"\xb1\xe6"\n').x).toMatchObject({ value: '\u0105\u0107' });
  });
});

describe('codecs xmcfg does not decode', () => {
  it('XM0047 (warning) at the name of a multi-byte codec when the file has non-ASCII bytes', () => {
    expect(found('# coding: euc-jp\nname = u"\xa4\xa2"\n')).toEqual(['XM0047@1:11-1:17', 'XM0041@2:10-2:11']);
    expect(found('# coding: euc-jp\nname = "vm"\n')).toEqual([]);
    expect(check(bytes('# coding: euc-jp\nname = u"\xa4\xa2"\n'), { dialect: 'xm' }).diagnostics.find((d) => d.code === 'XM0047')?.severity).toBe('warning');
  });
  it('XM0047 always for a codec that reads some ASCII otherwise (utf-7\'s "+")', () => {
    expect(found('# coding: utf-7\nname = "a+b"\n')).toEqual(['XM0047@1:11-1:16']);
  });
  it('XM0048 (error) at the name of a codec that cannot read ASCII statements (utf-16, hex, rot13, cp500)', () => {
    for (const [name, col] of [['utf-16', 17], ['hex', 14], ['rot13', 16], ['cp500', 16]] as const) {
      expect(found(`# coding: ${name}\nname = "vm"\n`)).toEqual([`XM0048@1:11-1:${col}`]);
    }
  });
});

describe('invalid UTF-8 where Python 2 decodes it (XM0049, at the byte)', () => {
  it('utf-8: a u"" string fails; a byte string or a comment keeps the byte (XM0041 only)', () => {
    expect(found('# coding: utf-8\nname = u"a\xe9b"\n')).toEqual(['XM0041@2:11-2:12', 'XM0049@2:11-2:12']);
    expect(found('# -*- coding: utf-8-unix -*-\nname = ur"\xe9"\n')).toEqual(['XM0041@2:11-2:12', 'XM0049@2:11-2:12']);
    expect(found('# coding: utf-8\nname = "a\xe9b" # \xe9 u"\xe9"\n')).toEqual(['XM0041@2:10-2:11']);
    expect(found('# coding: utf-8\n# u"\xe9"\nname = """\n\xe9""" + u"""\n\xe9"""\n')).toEqual(['XM0041@2:5-2:6', 'XM0049@5:1-5:2']);
  });
  it('a byte-order mark reads as utf-8 does', () => {
    // The byte-order mark is a character of line 1 (XM0030), so the byte is column 12.
    expect(found('\xef\xbb\xbfname = u"a\xe9b"\n')).toEqual(['XM0041@1:12-1:13', 'XM0049@1:12-1:13']);
  });
  it('utf8 (Python\'s codec, not the tokenizer\'s utf-8): any invalid byte, comments included', () => {
    expect(found('# coding: utf8\n# a\xe9b\nname = "vm"\n')).toEqual(['XM0041@2:4-2:5', 'XM0049@2:4-2:5']);
    expect(found('# coding: utf8\nname = "a\xe9b"\n')).toEqual(['XM0041@2:10-2:11', 'XM0049@2:10-2:11']);
    // utf-8-sig is the tokenizer's own utf-8 ("utf-8-" prefix): the comment keeps the byte.
    expect(found('# coding: utf-8-sig\n# a\xe9b\nname = "vm"\n')).toEqual(['XM0041@2:4-2:5']);
  });  // Each case as Python 2.7.18 execfile read it: a U+FFFD saved as itself (EF BF BD, shown here as
  // the three bytes) is valid UTF-8 and passes; only bytes the decoder met as invalid count.
  const R = '\xef\xbf\xbd';
  it('a U+FFFD saved as itself passes: u"" string, byte string, comment, under utf-8, utf8 and a byte-order mark', () => {
    expect(found(`# coding: utf-8\nname = u"a${R}b"\n`)).toEqual([]);
    expect(found(`# coding: utf-8\nname = "a${R}b"\n# ${R}\n`)).toEqual([]);
    expect(found(`# coding: utf8\n# ${R}\nname = u"${R}"\n`)).toEqual([]);
    expect(found(`\xef\xbb\xbfname = u"a${R}b"\n`)).toEqual([]);
    // Without a declaration it is non-ASCII as any other character ("Non-ASCII character '\xef'").
    expect(found(`name = u"a${R}b"\n`)).toEqual(['XM0064@1:11-1:12']);
    expect(found(`# a${R}b\nname = "vm"\n`)).toEqual(['XM0064@1:4-1:5']);
  });
  it('invalid bytes next to a real U+FFFD are found where they are, not at the U+FFFD', () => {
    // line 3's u"" fails ("can't decode byte 0xe9 in position 0"), not line 2's
    expect(found(`# coding: utf-8\nname = u"${R}"\nx = u"a\xe9b"\n`)).toEqual(['XM0041@3:8-3:9', 'XM0049@3:8-3:9']);
    // the byte right after it in the same u"" string (position 3)
    expect(found(`# coding: utf-8\nname = u"${R}\xe9"\n`)).toEqual(['XM0041@2:11-2:12', 'XM0049@2:11-2:12']);
    // the byte string keeps its 0xE9; the u"" string on line 3 fails at its own 0xE9, after its U+FFFD
    expect(found(`# coding: utf-8\nname = "\xe9${R}"\nx = u"${R}y\xe9"\n`)).toEqual(['XM0041@2:9-2:10', 'XM0049@3:9-3:10']);
    // utf8 decodes the whole file: the byte string's 0xE9 after a U+FFFD (Python names line 2, where its chunk began)
    expect(found(`# coding: utf8\n# ${R}\nname = "${R}\xe9"\n`)).toEqual(['XM0041@3:10-3:11', 'XM0049@3:10-3:11']);
  });
  it('a text given as a string has no invalid bytes: its U+FFFD is the character (no XM0049)', () => {
    const codes = check('# coding: utf-8\nname = u"a\ufffdb"\nx = 1\n# \ufffd\n', { dialect: 'xm' }).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => ENC.has(c))).toEqual([]);
    const utf8 = check('# coding: utf8\n# \ufffd\nname = "vm"\n', { dialect: 'xm' }).diagnostics.map((d) => d.code);
    expect(utf8.filter((c) => ENC.has(c))).toEqual([]);
  });
});

describe('cp1006, cp856, cp857, hp_roman8 and iso8859_8 are decoded by their table too', () => {
  it('they resolve to tables (they were "unchecked": XM0047)', () => {
    expect(['cp1006', 'cp856', 'cp857', 'roman8', 'hebrew'].map((n) => resolveCodec(n))).toEqual(['cp1006', 'cp856', 'cp857', 'hp_roman8', 'iso8859_8'].map((codec) => ({ kind: 'table', codec })));
    expect(found('# coding: cp857\nx = u"\xe5"\n')).toEqual([]);
  });
  it('u"" decodes by the table, a byte string keeps the bytes (Python: u\'\\xd5\\xc8\', \'\\xe5\'; u\'\\u05d0\\u05e9\\xd7\', \'\\xaa\')', () => {
    const cp857 = values('# coding: cp857\nx = u"\xe5\xd4"\ny = "\xe5"\n');
    expect([cp857.x, cp857.y]).toMatchObject([{ value: '\xd5\xc8', unicode: true }, { value: '\xe5' }]);
    const hebrew = values('# coding: iso-8859-8\nx = u"\xe0\xf9\xaa"\ny = "\xaa"\n');
    expect([hebrew.x, hebrew.y]).toMatchObject([{ value: '\u05d0\u05e9\xd7', unicode: true }, { value: '\xaa' }]);
    expect(values('# coding: hp-roman8\nx = u"\xc5"\n').x).toMatchObject({ value: '\xe9', unicode: true });
  });
  it('an undefined byte whose own code point is another byte\'s character is XM0045, that character is not (cp857 0xD5; 0xE5 is U+00D5)', () => {
    expect(found('# coding: cp857\nx = "\xe5\xd5"\n')).toEqual(['XM0045@2:7-2:8']);
    expect(found('# coding: hebrew\n# \xaa \xd7\nx = 1\n')).toEqual(['XM0045@2:5-2:6']);
    expect(found('# coding: cp856\n# \xa0\nx = 1\n')).toEqual(['XM0045@2:3-2:4']);
  });
  it('cp1006 reads 0xB1 and 0xB2 as U+FE8E and writes a byte string\'s U+FE8E back as 0xB2, as Python 2 does (\'\\xb2\\xb2\')', () => {
    const v = values('# coding: cp1006\nx = u"\xb1\xb2"\ny = "\xb1\xb2"\nz = "\xb2" + "\\xb1"\n');
    expect([v.x, v.y, v.z]).toMatchObject([{ value: '\ufe8e\ufe8e', unicode: true }, { value: '\xb2\xb2' }, { value: '\xb2\xb1' }]);
  });
});
