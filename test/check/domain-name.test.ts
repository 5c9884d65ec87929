/**
 * Table-driven: the domain name against what xl, libxl and xend do with it (docs/xl-conformance.md,
 * "The domain name"). Each row: the dialect, the file, and every finding of XM0105, XM0106, XM0234
 * and XM0235 as `CODE@line:col` (1-based, UTF-16 columns; the span start).
 */
import { describe, it, expect } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { check } from '../../src/index.js';

type Row = [dialect: 'xl' | 'xm', text: string, findings: string[]];

const NAME_CODES = new Set(['XM0105', 'XM0106', 'XM0234', 'XM0235']);
const PV = 'kernel = "/boot/vmlinuz"\n';
const HVM = 'type = "hvm"\n';

/** The name findings of `text`, as code@line:col. */
function nameFindings(text: string, dialect: 'xl' | 'xm'): string[] {
  const r = checkText(text, { dialect });
  const li = new LineIndex(text);
  return r.diagnostics
    .filter((d) => NAME_CODES.has(d.code))
    .map((d) => `${d.code}@${li.position(d.span.start).line}:${li.position(d.span.start).column}`);
}

const rows: Row[] = [
  // xl_parse.c parse_config_data: xlu_cfg_replace_string fails → "Domain name must be specified."
  ['xl', PV, ['XM0105@1:1']],
  ['xl', `name = "web01"\n${PV}`, []],
  // Created, but libxl_domain_qualifier_to_domid reads "" as domid 0 and digits as a domid.
  ['xl', `name = ""\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "42"\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "0"\n${PV}`, ['XM0235@1:8']],
  // xl reads a number where a string is wanted as its text: the name "12".
  ['xl', `name = 12\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "web42"\n${PV}`, []],
  ['xl', `name = "42web"\n${PV}`, []],
  // getopt in every xl command takes a leading "-" for an option.
  ['xl', `name = "-web"\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "web-1"\n${PV}`, []],
  ['xl', `name = " web"\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "web "\n${PV}`, ['XM0235@1:8']],
  ['xl', `name = "web 1"\n${PV}`, []],
  // libxl__domain_rename: "Domain with name \"Domain-0\" already exists." (strcmp: exact case).
  ['xl', `name = "Domain-0"\n${PV}`, ['XM0234@1:8']],
  ['xl', `${PV}name = "Domain-0"\n`, ['XM0234@2:8']],
  ['xl', `name = "domain-0"\n${PV}`, []],
  // "/" : xl's monitor cannot open /var/log/xen/xl-a/b.log; for HVM libxl cannot open qemu-dm-a/b.log.
  ['xl', `name = "web/1"\n${PV}`, ['XM0234@1:8']],
  ['xl', `name = "web/1"\n${HVM}`, ['XM0234@1:8']],
  ['xl', `name = "web:1.2+x_y"\n${PV}`, []],
  // Log file names of 255 bytes: 248 for xl-NAME.log, 243 for qemu-dm-NAME.log (HVM, device model in dom0).
  ['xl', `name = "${'a'.repeat(248)}"\n${PV}`, []],
  ['xl', `name = "${'a'.repeat(249)}"\n${PV}`, ['XM0234@1:8']],
  ['xl', `name = "${'a'.repeat(243)}"\n${HVM}`, []],
  ['xl', `name = "${'a'.repeat(244)}"\n${HVM}`, ['XM0234@1:8']],
  ['xl', `name = "${'a'.repeat(244)}"\n${HVM}device_model_stubdomain_override = 1\n`, []],
  // Bytes, not characters: 125 two-byte letters are 250 bytes.
  ['xl', `name = "${'é'.repeat(125)}"\n${PV}`, ['XM0234@1:8']],
  // Both: refused at creation and not addressable.
  ['xl', `name = "-a/b"\n${PV}`, ['XM0234@1:8', 'XM0235@1:8']],
  // xm: a missing or empty name is the file name (create.py), at the file start or at the value.
  ['xm', PV, ['XM0106@1:1']],
  ['xm', `name = ""\n${PV}`, ['XM0106@1:8']],
  // xend _checkName: "Invalid VM Name" outside [A-Za-z0-9_-.:/+], and the name of dom0.
  ['xm', `name = "web 1"\n${PV}`, ['XM0234@1:8']],
  ['xm', `name = "web&1"\n${PV}`, ['XM0234@1:8']],
  ['xm', `name = "Domain-0"\n${PV}`, ['XM0234@1:8']],
  ['xm', `name = "web/1:2.3+4_5-6"\n${PV}`, []],
  // xm's own lookup is not xl's: all-digit names are not reported there.
  ['xm', `name = "42"\n${PV}`, []],
  ['xm', `name = "vm%d" % 3\n${PV}`, []],
  // A name whose value is not known is not judged.
  ['xm', `name = "vm %d" % vmid\n${PV}`, []],
];

describe('domain name', () => {
  for (const [dialect, text, expected] of rows) {
    it(`${dialect}: ${JSON.stringify(text.split('\n')[0]).slice(0, 60)}`, () => {
      expect(nameFindings(text, dialect)).toEqual(expected);
    });
  }
});

/** With the file's path (CheckOptions.fileName): xm names a nameless guest after its base name (decision 016). */
function fileNameFindings(text: string, dialect: 'xl' | 'xm', fileName: string): string[] {
  const r = checkText(text, { dialect, fileName });
  const li = new LineIndex(text);
  return r.diagnostics.filter((d) => NAME_CODES.has(d.code)).map((d) => `${d.code}@${li.position(d.span.start).line}:${li.position(d.span.start).column}`);
}

const fileRows: [dialect: 'xl' | 'xm', text: string, file: string, findings: string[]][] = [
  // xend's _checkName refuses the space in "web 1.cfg": "Invalid VM Name"; one finding, not XM0106 besides.
  ['xm', PV, 'guests/web 1.cfg', ['XM0234@1:1']],
  ['xm', `name = ""\n${PV}`, 'guests/web 1.cfg', ['XM0234@1:8']],
  ['xm', PV, 'Domain-0', ['XM0234@1:1']],
  ['xm', PV, 'C:\\xen\\web(1).cfg', ['XM0234@1:1']],
  // A name xend takes: the file name note alone, as without a path.
  ['xm', PV, '/etc/xen/web01.cfg', ['XM0106@1:1']],
  ['xm', `name = ""\n${PV}`, '/etc/xen/web01.cfg', ['XM0106@1:8']],
  // A written name is the name: the file's does not matter.
  ['xm', `name = "web01"\n${PV}`, 'guests/web 1.cfg', []],
  // xl never names a guest after its file.
  ['xl', PV, 'guests/web 1.cfg', ['XM0105@1:1']],
];

describe('the file name of a nameless xm config', () => {
  for (const [dialect, text, file, want] of fileRows) {
    it(`${dialect} ${JSON.stringify(file)}: ${JSON.stringify(text.split('\n')[0])}`, () => {
      expect(fileNameFindings(text, dialect, file)).toEqual(want);
    });
  }
});

/**
 * xl reads the file's bytes as they are, whatever encoding a PEP 263 line declares: in a latin-1
 * file an "é" is one byte of the name, not the two of its UTF-8 (decision 040). Checked on the file's
 * bytes, as the CLI reads them (decoded by the declared encoding).
 */
describe('the name length of a file in a single-byte encoding counts its bytes', () => {
  /** The name findings of a latin-1 file with `name` (whose characters are its bytes). */
  const latin1 = (name: string, type: string): string[] => {
    const bytes = Buffer.from(`# -*- coding: latin-1 -*-\nname = "${name}"\n${type}`, 'latin1');
    return check(bytes, { dialect: 'xl' }).diagnostics.filter((d) => NAME_CODES.has(d.code)).map((d) => `${d.code}@${d.line}:${d.column}`);
  };

  it('248 latin-1 letters are 248 bytes: under xl-NAME.log\'s limit; 249 are over', () => {
    expect(latin1('\xe9'.repeat(248), PV)).toEqual([]);
    expect(latin1('\xe9'.repeat(249), PV)).toEqual(['XM0234@2:8']);
    // The same name saved as UTF-8 is two bytes a letter: over the limit.
    const utf8 = Buffer.from(`name = "${'é'.repeat(248)}"\n${PV}`, 'utf8');
    expect(check(utf8, { dialect: 'xl' }).diagnostics.filter((d) => NAME_CODES.has(d.code)).map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['XM0234@1:8']);
  });

  it('an HVM guest: 243 bytes for qemu-dm-NAME.log', () => {
    expect(latin1('a\xe9'.repeat(121) + '\xe9', HVM)).toEqual([]);
    expect(latin1('a\xe9'.repeat(122), HVM)).toEqual(['XM0234@2:8']);
  });

  it('cp1252: the euro sign is the byte 0x80, one byte', () => {
    const bytes = Buffer.from(`# coding: cp1252\nname = "${'\x80'.repeat(248)}"\n${PV}`, 'latin1');
    expect(check(bytes, { dialect: 'xl' }).diagnostics.filter((d) => NAME_CODES.has(d.code))).toEqual([]);
  });
});

/**
 * A file without a declared encoding that is not valid UTF-8: its text has one U+FFFD for each run
 * of invalid bytes (the WHATWG decoder's maximal subparts), but xl hands libxl the bytes themselves,
 * so the name's length counts the 1 to 3 bytes each U+FFFD replaced, not the 3 of U+FFFD's UTF-8.
 */
describe('the name length of a file of invalid UTF-8 counts the bytes the file holds', () => {
  /** The name findings of an undeclared xl file whose name is `name` (one character per byte), with their spans. */
  const raw = (name: string, type: string): string[] => {
    const bytes = Buffer.from(`name = "${name}"\n${type}`, 'latin1');
    return check(bytes, { dialect: 'xl' }).diagnostics.filter((d) => NAME_CODES.has(d.code)).map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
  };

  it('248 bytes with invalid ones (0xFF: one U+FFFD each) are under xl-NAME.log\'s limit; 249 are over', () => {
    expect(raw('a'.repeat(100) + '\xff'.repeat(148), PV)).toEqual([]);
    // The value's span: the quotes and 249 characters (one UTF-16 unit per U+FFFD), columns 8 to 259.
    expect(raw('a'.repeat(100) + '\xff'.repeat(149), PV)).toEqual(['XM0234@1:8-1:259']);
  });

  it('a truncated sequence is one U+FFFD for its 2 bytes, and valid UTF-8 beside it keeps its own bytes', () => {
    // 60 × (E2 82: a cut-off "€", one U+FFFD) + 60 × "é" (C3 A9) + 3 × "a": 120 + 120 + 3 = 243 bytes.
    const name = '\xe2\x82'.repeat(60) + '\xc3\xa9'.repeat(60) + 'aaa';
    expect(raw(name, HVM)).toEqual([]);
    // One more byte is over qemu-dm-NAME.log's 243: 124 characters between the quotes, columns 8 to 134.
    expect(raw(name + 'a', HVM)).toEqual(['XM0234@1:8-1:134']);
  });
});
