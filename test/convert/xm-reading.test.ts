/**
 * convert --to xl carries over xm's reading of every file Python accepts, also when the file has no
 * xm-only construct (detection then calls it xl) but the same text means another thing to xm:
 * a `\101` escape (Python's "A", libxlu drops it), `1e3` (Python's 1000.0, no number to xl),
 * `memory += 256` after `memory = 512` (768 for xm, ignored by xl's numeric getter), a nameless file
 * (xm named the guest after it). A file Python refuses (`;;`, `+=` on a new key) is xl's and stays as it is.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';
import { intended } from './intended.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const KERNEL = 'kernel = "/boot/vmlinuz"\n';

/** The converted file read as xl, and the config it should have: the original's read as xm, named after its file. */
function readings(src: string, fileName = 'web01.cfg') {
  const full = convertToXl(src, { fileName });
  expect(full.ok).toBe(true);
  // The config is the whole output's; the text is without the default lines.
  const r = withoutDefaults(src, full);
  const xm = checkText(src, { dialect: 'xm' }).config;
  const want = intended(xm, 'xm');
  if (want.name === undefined || want.name === '') want.name = fileName.split('/').pop();
  return { text: r.text, got: checkText(full.text, { dialect: 'xl' }).config, want };
}

describe('convertToXl of a file both dialects parse but read differently', () => {
  it('an octal escape: Python decodes "\\101x" to "Ax"; written so that xl reads "Ax" too', () => {
    const { text, got, want } = readings('name = "g"\nextra = "\\101x"\n' + KERNEL);
    expect(text).toBe('name = "g"\nextra = "Ax"\n' + KERNEL);
    expect(got).toEqual(want);
  });

  it('1e3 is the float 1000.0 to Python: written as 1000', () => {
    const { text, got, want } = readings('name = "g"\nmemory = 1e3\n' + KERNEL);
    expect(text).toBe('name = "g"\nmemory = 1000\n' + KERNEL);
    expect(got).toEqual(want);
  });

  it('memory += after memory = adds for xm: written as the sum', () => {
    const { text, got, want } = readings('name = "g"\nmemory = 512\nmemory += 256\n' + KERNEL);
    expect(text).toBe('name = "g"\n# xmcfg convert: part of the value of the += at line 3: memory = 512\nmemory = 768\n' + KERNEL);
    expect(got.memory).toBe(768);
    expect(got).toEqual(want);
  });

  it('a nameless file gets the name xm gave it', () => {
    const { text, got, want } = readings('memory = 512\n' + KERNEL, 'guests/db.xm');
    expect(text).toBe('name = "db.xm"  # xm\'s default: the file name\nmemory = 512\n' + KERNEL);
    expect(got).toEqual(want);
  });

  it('a file Python refuses is xl and is kept as written', () => {
    for (const src of ['name = "g"\nextra += "b"\n' + KERNEL, 'name = "g"\nmemory = 512;;\n' + KERNEL]) {
      expect(conv(src, { fileName: 'g' }).text).toBe(src);
    }
  });
});

/** Statements Python and libxlu both parse, some of which they read differently. */
const PIECES: Record<string, string[]> = {
  name: ['', 'name = "web"', 'name = ""'],
  memory: ['memory = 512', 'memory = 1e3', 'memory = 512\nmemory += 256', 'memory = 010'],
  extra: ['', 'extra = "console=hvc0"', 'extra = "\\101\\102"', 'extra = "a\\12b"', "extra = 'x\\t\\'y'", 'extra = "a"\nextra += " b"'],
  vcpus: ['', 'vcpus = 2', 'vcpus = 2\nvcpus = 3'],
  cpus: ['', 'cpus = "0-3"', 'cpus = ["0", "1"]'],
};

describe('convertToXl on generated files both dialects parse (fast-check)', () => {
  it('xl reads the output as xm read the input', () => {
    const keys = Object.keys(PIECES);
    const file = fc.tuple(...keys.map((k) => fc.constantFrom(...PIECES[k]!))).map((lines) => lines.filter(Boolean).join('\n') + '\n' + KERNEL);
    fc.assert(
      fc.property(file, (src) => {
        const { got, want } = readings(src);
        expect(got).toEqual(want);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
