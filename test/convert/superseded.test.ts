/**
 * convert --to xl of a key whose last assignment has no xl form (None, which xm dropped so the
 * option stayed unset; a NUL character; a value folded from a name a Python block may set): that
 * assignment becomes a comment, and so do the key's earlier ones, or xl, which reads the last
 * assignment it sees, would take an earlier value xm never read.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';
import { intended } from './intended.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const HEAD = 'name = "g"\nkernel = "/k"\n';

/** The output's xl reading and the input's xm reading (what the output should read as). */
function readings(src: string, fileName?: string) {
  const options: Parameters<typeof convertToXl>[1] = fileName === undefined ? {} : { fileName };
  const full = convertToXl(src, options);
  expect(full.ok).toBe(true);
  // The config is the whole output's; the text and notes are without the default lines.
  return { r: withoutDefaults(src, full, options), got: checkText(full.text, { dialect: 'xl' }).config, want: intended(checkText(src, { dialect: 'xm' }).config, 'xm') };
}

describe('convertToXl of a key whose last value xl cannot take', () => {
  it('a last None: the earlier value is commented out too, so the key stays unset as in xm (and xend\'s default, restart, is written at the end: decision 033)', () => {
    const { r, got, want } = readings(HEAD + 'on_crash = "restart"\non_crash = None\n');
    expect(r.text).toBe(HEAD + '# xmcfg convert: xm read the value of a later assignment, which xl cannot take: on_crash = "restart"\n# xmcfg convert: no xl value (None): on_crash = None\n');
    expect(r.notes).toEqual(['line 3: "on_crash" commented out: xm read the one at line 4, which is commented out', 'line 4: "on_crash" commented out: no xl value (None)']);
    expect(got.on_crash).toBe('restart');
    expect(got).toEqual(want);
  });

  it('a last value with a NUL character, and one folded from a name a block may set', () => {
    expect(readings(HEAD + 'extra = "a"\nextra = "b\\0"\n').got.extra).toBeUndefined();
    const { got } = readings(HEAD + 'memory = 512\nvcpus = 1\nif big:\n    vcpus = 2\nmemory = 256 * vcpus\n');
    expect(got.memory).toBeUndefined();
    expect(got.vcpus).toBe(1);
  });

  it('a last name = None: xm named the guest after its file, and so does the output', () => {
    const { r, got } = readings('name = "old"\nkernel = "/k"\nname = None\n', 'guests/f.cfg');
    expect(r.text.split('\n').slice(0, 2)).toEqual(['name = "f.cfg"  # xm\'s default: the file name', '# xmcfg convert: xm read the value of a later assignment, which xl cannot take: name = "old"']);
    expect(got.name).toBe('f.cfg');
  });

  it('an earlier None before a value xl takes changes nothing else', () => {
    const { r, got, want } = readings(HEAD + 'on_crash = None\non_crash = "restart"\n');
    expect(r.text).toBe(HEAD + '# xmcfg convert: no xl value (None): on_crash = None\non_crash = "restart"\n');
    expect(got).toEqual(want);
  });
});
