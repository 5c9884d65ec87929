/**
 * What Python 2.7.18 makes of bytes WHATWG's UTF-8 decoder refuses, in a file its tokenizer reads as
 * UTF-8 (each case run with `PYENV_VERSION=2.7.18 python` execfile; scripts/py2-cases.mjs holds them
 * for scripts/py2-diff.mjs; docs/decisions/045-py2-utf8-bytes.md):
 * - a UTF-8-encoded surrogate (ED A0–BF 80–BF) is accepted by Python 2's UTF-8 decoder: u"" holds
 *   the surrogate (u'\ud800'), a byte string the bytes, a comment under `utf8` passes: no XM0049;
 * - a byte string keeps a byte that is not UTF-8 as it is ('a\xe9b', not U+FFFD), so xend could not
 *   receive it as an option's value (XM0261), as xm create failed.
 * xmcfg's text still holds U+FFFD there (XM0041, a warning about its own reading).
 */
import { describe, expect, it } from 'vitest';
import { check, parse } from '../../src/index.js';

/** The file's bytes: each character of `s` is one byte (Latin-1). */
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
/** key → [value, kind] of an xm parse of the bytes (kind: u for unicode, utf8 for UTF-8 text, b for bytes). */
const values = (s: string) => Object.fromEntries(parse(bytes(s), { dialect: 'xm' }).settings.map((x) => [x.key, [x.value.kind === 'string' ? x.value.value : x.value, x.value.kind !== 'string' ? '' : x.value.unicode ? 'u' : x.value.utf8 ? 'utf8' : 'b']]));
/** `CODE@line:col-endLine:endCol` of an xm check's findings with these codes. */
const found = (s: string, codes: string[]): string[] =>
  check(bytes(s), { dialect: 'xm' })
    .diagnostics.filter((d) => codes.includes(d.code))
    .map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

describe('UTF-8-encoded surrogates, which Python 2 decodes', () => {
  const file = '# coding: utf-8\nx = u"\xed\xa0\x80"\ny = "\xed\xa0\x80"\nz = u"a\xed\xa0\x80\xed\xb0\x80b"\n';
  it('u"" holds the surrogate, a byte string its bytes (Python: u\'\\ud800\', \'\\xed\\xa0\\x80\', u\'a\\ud800\\udc00b\')', () => {
    expect(values(file)).toEqual({ x: ['\ud800', 'u'], y: ['\xed\xa0\x80', 'b'], z: ['a\ud800\udc00b', 'u'] });
  });
  it('no XM0049 in a u"" string (utf-8, a byte-order mark) or anywhere under utf8; XM0041 stays', () => {
    expect(found(file, ['XM0049', 'XM0041'])).toEqual(['XM0041@2:7-2:8']);
    expect(found('\xef\xbb\xbfx = u"\xed\xbf\xbf"\n', ['XM0049'])).toEqual([]);
    expect(found('# coding: utf8\n# \xed\xa0\x80\nx = "\xed\xb0\x80"\n', ['XM0049'])).toEqual([]);
  });
  it('what Python 2 refuses still is XM0049: a cut surrogate, a code point past U+10FFFF', () => {
    expect(found('# coding: utf-8\nx = u"\xed\xa0"\n', ['XM0049'])).toEqual(['XM0049@2:7-2:8']);
    expect(found('# coding: utf-8\nx = u"ab\xf4\x90\x80\x80"\n', ['XM0049'])).toEqual(['XM0049@2:9-2:10']);
    expect(found('# coding: utf8\n# \xed\xa0\x80\xe9\nx = 1\n', ['XM0049'])).toEqual(['XM0049@2:6-2:7']);
  });
  it('an option holding such bytes is XM0261 (xend could not read the request), as for any byte that is not UTF-8', () => {
    expect(found('# coding: utf-8\nname = "vm"\nkernel = "/k\xed\xa0\x80"\n', ['XM0261'])).toEqual(['XM0261@3:10-3:17']);
  });
});

describe('a byte string keeps bytes that are not UTF-8', () => {
  it('its value is the bytes (Python: \'a\\xe9b\', \'\\xc3\\xa9\\xe9\'), joined to UTF-8 text too', () => {
    const v = values('# coding: utf-8\nx = "a\xe9b"\ny = "\xc3\xa9" "\xe9"\nz = "a\xe9b" + "\\xe9"\nw = u"\xc3\xa9"\n');
    expect(v).toEqual({ x: ['a\xe9b', 'b'], y: ['\xc3\xa9\xe9', 'b'], z: ['a\xe9b\xe9', 'b'], w: ['\xe9', 'u'] });
  });
  it('xend could not receive it: XM0261 at the option (xmcfg read U+FFFD, valid UTF-8, and said nothing)', () => {
    expect(found('# coding: utf-8\nname = "vm"\nkernel = "/boot/vmlinuz-\xe9"\n', ['XM0261', 'XM0041'])).toEqual(['XM0261@3:10-3:27', 'XM0041@3:25-3:26']);
  });
});
