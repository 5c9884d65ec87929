/**
 * `convert --to json` checks the converted (xl) text, and its findings are reported at the input:
 * the same text where the conversion copied it, the statement or value an edit rewrote where it
 * wrote it; only a finding in text the conversion added (the name of a nameless file) stays at the
 * converted text, and says so. Also: a note and its XM0555 are said once for one input.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertToJson } from '../../src/convert/index.js';
import { convertToXl } from '../../src/convert/to-xl.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { convertInTempDir, stylishFindings } from './temp-cli.js';

/** `CODE line:col-line:col` of each finding, positions in `text`. */
function at(text: string, ds: readonly Diagnostic[]): string[] {
  const li = new LineIndex(text);
  const pos = (o: number): string => {
    const p = li.position(o);
    return `${p.line}:${p.column}`;
  };
  return ds.map((d) => `${d.code} ${pos(d.span.start)}-${pos(d.span.end)}${d.related?.length ? ' related ' + d.related.map((r) => pos(r.span.start)).join(',') : ''}`);
}

describe('convert --to json: xl findings on the converted text at the input', () => {
  it('a nameless file (a name line is added on top) with CRLF line ends, also after a byte-order mark: XM0203 at the input 3:9, related 4:12', () => {
    for (const text of ['kernel = "/k"\r\nmemory = 128\r\nvcpus = 2\r\nmaxvcpus = 1\r\n', '\ufeffkernel = "/k"\r\nmemory = 128\r\nvcpus = 2\r\nmaxvcpus = 1']) {
      const r = convertToJson(text, { fileName: 'guest.xm' });
      expect(r.ok).toBe(false);
      expect(at(text, r.diagnostics)).toEqual(['XM0203 3:9-3:10 related 4:12']);
      expect(r.converted).toBeUndefined();
    }
  });

  it('a value the conversion rewrote (xm folded 1 + 1 to 2): the finding covers the input value, 5:9-5:14', () => {
    const text = 'name = "a"\nkernel = "/k"\nmemory = 128\nmaxvcpus = 1\nvcpus = 1 + 1\n';
    const r = convertToJson(text, { dialect: 'xm' });
    expect(at(text, r.diagnostics.filter((d) => d.code === 'XM0203'))).toEqual(['XM0203 5:9-5:14 related 4:12']);
  });

  it('a finding in the added name line has no input line: it stays at the converted text (1:8), not at a wrong input line', () => {
    const text = 'kernel = "/k"\nmemory = 128\nvcpus = 2\nmaxvcpus = 1\n';
    const r = convertToJson(text, { fileName: 'Domain-0' });
    expect(at(text, r.diagnostics)).toEqual(['XM0203 3:9-3:10 related 4:12']);
    expect(r.converted && at(r.converted.text, r.converted.diagnostics).map((s) => s.split(' ')[0] + ' ' + s.split(' ')[1])).toEqual(['XM0234 1:8-1:18']);
  });
});

describe('convert: each note and XM0555 once per input', () => {
  const chained = 'name = "a"\nkernel = "/k"\nmemory = 256\nbuilder = "hvm"\ntype = type = "pv"\n';
  const twoOnALine = 'name = "a"\nkernel = "/k"\nmemory = 256\nbuilder = "hvm"\ntype = "x"; type = "y"\n';

  it('a chained assignment naming a commented-out key twice: one XM0555 at 5:1, one note', () => {
    const r = convertToXl(chained);
    expect(at(chained, r.diagnostics.filter((d) => d.code === 'XM0555'))).toEqual(['XM0555 5:1-5:19']);
    expect(r.notes.filter((n) => n.startsWith('line 5:'))).toHaveLength(1);
  });

  it('two statements on one line commented out for one reason: one note', () => {
    expect(convertToXl(twoOnALine).notes.filter((n) => n.startsWith('line 5:'))).toHaveLength(1);
  });

  const cli = convertInTempDir('xmcfg-convert-once-');
  for (const to of ['xl', 'json']) {
    it(`the CLI (--to ${to}) prints each once`, async () => {
      writeFileSync(join(cli.dir(), 'chain.xm'), chained);
      writeFileSync(join(cli.dir(), 'semi.xm'), twoOnALine);
      const c = await cli.convert(['chain.xm', '--to', to]);
      expect(stylishFindings(c.stderr)).toEqual(['XM0555 5:1', 'XM0553 5:8']);
      expect(c.stderr.split('\n').filter((l) => l.startsWith('xmcfg convert: chain.xm: line 5:'))).toHaveLength(1);
      const s = await cli.convert(['semi.xm', '--to', to]);
      expect(s.stderr.split('\n').filter((l) => l.startsWith('xmcfg convert: semi.xm: line 5:'))).toHaveLength(1);
    });
  }

  it('the CLI reports xl\'s finding at the input line (3:9), not at the converted file', async () => {
    writeFileSync(join(cli.dir(), 'nameless.xm'), 'kernel = "/k"\nmemory = 128\nvcpus = 2\nmaxvcpus = 1\n');
    const r = await cli.convert(['nameless.xm', '--to', 'json']);
    expect(r.code).toBe(1);
    expect(stylishFindings(r.stderr, true)).toEqual(['XM0203 nameless.xm:3:9']);
  });
});
