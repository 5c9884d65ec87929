/**
 * @fileoverview QA of `convert --to xl` as an administrator migrates a tree (reads only: the shared
 * corpus in place, and inline odd inputs): every xm file of the corpus (libvirt's xmconfigdata and
 * Xen's xm samples, with and without `-D vmid=1`) either is refused for a syntax error, or converts
 * to a text that `check --dialect xl` reads with no error code the input (checked as convert reads
 * it) did not have, and converting that output again (auto, and `--dialect xl`) changes nothing.
 * The same on xm files with odd layout: CRLF, a byte-order mark, tabs, no final newline, comments
 * between list items and after the last, triple-quoted strings, `\` continuations, `+=`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertToXl } from '../../src/convert/index.js';
import { xmReading } from '../../src/convert/xm-reading.js';
import { checkText } from '../../src/check/check.js';
import { CORPUS } from '../format/corpus.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

type Defines = Record<string, string | number> | undefined;

/**
 * The distinct codes of `check`'s findings of `severity`s, sorted: the output as xl, the input as
 * convert reads it (xmReading: xm's reading unless Python refuses the file, decision 015).
 */
function codes(text: string, dialect: 'xl' | 'convert', defines: Defines, severities: string[] = ['error']): string[] {
  const res = dialect === 'xl' ? checkText(text, { dialect, defines }) : xmReading(text, defines);
  return [...new Set(res.diagnostics.filter((d) => severities.includes(d.severity)).map((d) => d.code))].sort();
}

/**
 * Error codes the xl output has and the input had not, where the input is at fault: Xen 2.0's
 * `image` key (the kernel) is kept for xl, which ignores it, so the guest has nothing to boot
 * (XM0227); the input, read as xm, was not judged on it (test/convert/xm-corpus.test.ts lists it too).
 * (Xen 2.0's defaults name the disk `xda1`, a vdev neither libxl nor Xen 4.x's xend numbers: XM0213
 * in both readings, so not new; decisions 109, 121.)
 */
const KNOWN_NEW: Record<string, string[]> = {
  'xmnetbsd@09e78c2eb23e -D vmid=1': ['XM0227'],
};

/** The conversion's contract on one text; returns the output, or null when convert refused it. */
function holds(name: string, text: string, defines: Defines, knownNew: string[] = []): string | null {
  const r = convertToXl(text, { fileName: name, defines });
  if (!r.ok) {
    // Refused: only for errors the input has (Python convert cannot evaluate, syntax), never silently.
    expect(r.text).toBe('');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return null;
  }
  const before = codes(text, 'convert', defines);
  expect(codes(r.text, 'xl', undefined).filter((c) => !before.includes(c))).toEqual(knownNew);
  for (const dialect of ['auto', 'xl'] as const) {
    const again = convertToXl(r.text, { fileName: name, dialect });
    expect(again.ok).toBe(true);
    expect(again.text).toBe(r.text);
  }
  return r.text;
}

const XMCONF = join(CORPUS, 'libvirt', 'xmconfigdata');
const XEN = join(CORPUS, 'xen-examples');
const list = (dir: string, keep: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => keep.test(f)).sort().map((f) => ({ name: f, path: join(dir, f) })) : []);
const files = [...list(XMCONF, /\.cfg$/), ...list(XEN, /^(xm|stubdom)/)];

describe('convert --to xl over the xm files of the corpus', () => {
  it('finds them', () => expect(files.length).toBeGreaterThanOrEqual(50));
  const rows = files.flatMap((f) => [undefined, { vmid: 1 }].map((defines) => [`${f.name}${defines ? ' -D vmid=1' : ''}`, f, defines] as const));
  it.each(rows)('%s: no new error in xl; converting again changes nothing', (label, f, defines) => {
    holds(f.name, readFileSync(f.path, 'utf8'), defines, KNOWN_NEW[label]);
  });
});

const ODD: [string, string][] = [
  ['crlf', 'name = "a"\r\nkernel = "/k"\r\nmemory = 512\r\ndisk = [ "phy:/d,xvda,w",\r\n  # between\r\n  "file:/x,xvdb,r", # after last\r\n]\r\n'],
  ['crlf in a triple-quoted string', 'name = "a"\r\nkernel = "/k"\r\nextra = """console=hvc0\r\n  root=/dev/xvda1"""\r\n'],
  ['bom', '\ufeffname = "a"\nkernel = "/k"\nmemory = 512\n'],
  ['bom and crlf', '\ufeffname = "a"\r\nkernel = "/k"\r\n'],
  ['tabs', 'name\t=\t"a"\nkernel = "/k"\nvif = [\t"bridge=br0",\t"mac=00:16:3e:00:00:01" ]\n'],
  ['no final newline', 'name = "a"\nkernel = "/k"\nmemory = 512'],
  ['final comment without newline', 'name = "a"\nkernel = "/k"\n# end'],
  ['comments between items and after the last', 'name = "a"\nkernel = "/k"\ndisk = [\n  "phy:/a,xvda,w", # first\n  # own line\n  "phy:/b,xvdb,w"\n  # after the last item\n]\n'],
  ['triple-quoted strings', 'name = "a"\nkernel = "/k"\nextra = """root=/dev/xvda1 ro\nconsole=hvc0"""\nroot = \'\'\'/dev/xvda1\'\'\'\n'],
  ['continuations', 'name = "a"\nkernel = "/k"\nmemory = \\\n  512\nextra = "console=hvc0 " \\\n  "root=/dev/xvda1"\ndisk = [ "phy:/a,xvda,w", \\\n "phy:/b,xvdb,w" ]\n'],
  ['continuation inside a string', 'name = "a"\nkernel = "/k"\nextra = "x\\\ny"\n'],
  ['+= on a list', 'name = "a"\nkernel = "/k"\ndisk = [ "phy:/a,xvda,w" ]\ndisk += [ "phy:/b,xvdb,w" ]\n'],
  ['+= on a number and a string', 'name = "a"\nkernel = "/k"\nmemory = 256\nmemory += 256\nextra = "a"\nextra += " b"\n'],
  // A form feed is a blank to Python (a page break at a line's start); libxlu rejects it outside strings and comments.
  ['form feeds', 'name = "a"\nkernel = "/k"\n\f\n\fmemory = 512  # page\f2\nextra = "a\fb"\nvcpus =\f1 + \\\n\f 1\n'],
];

describe('convert --to xl on xm files with odd layout', () => {
  it.each(ODD)('%s: no new error in xl; converting again changes nothing', (_label, text) => {
    expect(holds('odd.xm', text, undefined)).not.toBeNull();
  });

  it('keeps the evaluated value of every setting', () => {
    for (const [label, text] of ODD) {
      const xm = xmReading(text, undefined).config as Record<string, unknown>;
      const xl = checkText(conv(text, { fileName: 'odd.xm' }).text, { dialect: 'xl' }).config as Record<string, unknown>;
      for (const k of ['memory', 'extra', 'disk', 'vif', 'root', 'vcpus']) expect([label, k, xl[k]]).toEqual([label, k, xm[k]]);
    }
  });

  // `a += v` is rewritten to `a = <combined value>`: the earlier `a = ...` it folds in is commented
  // out (src/convert/replaced-later.ts), or xl would read two assignments of one key (XM0201).
  it.each(ODD.filter(([l]) => l.startsWith('+=')))('%s: no new warning either', (_label, text) => {
    const r = conv(text, { fileName: 'odd.xm' });
    const before = codes(text, 'convert', undefined, ['error', 'warning']);
    expect(codes(r.text, 'xl', undefined, ['error', 'warning']).filter((c) => !before.includes(c))).toEqual([]);
  });
});
