/**
 * convert of an xm file that sets name = "": xm named the guest after its config file, exactly as
 * for a missing name (create.py `if not gopts.getopt('name')`), while xl accepts "" and creates a
 * guest its commands cannot address (the empty domain argument is Domain-0). So --to xl and
 * --to json give it the file's base name, as for a missing name, and say so on stderr; from
 * standard input (no file name) the XM0106 note at the value says xl would create it nameless.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { run } from '../../src/cli/run.js';
import { convertToXl } from '../../src/convert/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (withoutDefaults checks them; decision 033): these tests are about something else. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

const BODY = 'memory = 256 * 2\nkernel = "/boot/vmlinuz"\n';
const PLAIN = 'memory = 512\nkernel = "/boot/vmlinuz"\n';

describe('convertToXl of an xm name = ""', () => {
  it('with a file name: the value becomes the base name, with the comment of a missing name', () => {
    const r = conv(`name = ""\n${BODY}`, { fileName: 'guests/web01.cfg' });
    expect(r.ok).toBe(true);
    expect(r.text).toBe('name = "web01.cfg"  # xm\'s default: the file name\nmemory = 512\nkernel = "/boot/vmlinuz"\n');
    expect(r.notes.filter((n) => n.includes('"web01.cfg"'))).toHaveLength(1);
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('the last name statement counts (last one wins); one sharing its line with another gets no comment', () => {
    const r = conv(`name = "old"\nname = ""; vcpus = 2\n${BODY}`, { fileName: 'web01' });
    expect(r.text).toBe('name = "old"\nname = "web01"; vcpus = 2\nmemory = 512\nkernel = "/boot/vmlinuz"\n');
  });

  it('an expression that makes "" is replaced too', () => {
    expect(conv(`name = "" + ""\n${BODY}`, { fileName: 'a.cfg' }).text.split('\n')[0]).toBe('name = "a.cfg"  # xm\'s default: the file name');
  });

  it('standard input: kept, with the XM0106 note at the value', () => {
    const src = `name = ""\n${BODY}`;
    const r = conv(src);
    expect(r.text.split('\n')[0]).toBe('name = ""');
    expect(r.diagnostics.filter((d) => d.code === 'XM0106').map((d) => [d.span.start, d.span.end])).toEqual([[7, 9]]);
  });

  it('an xl file keeps name = "" (xl names the guest ""); one Python reads too is xm\'s', () => {
    // `;;` is xl's alone (Python refuses an empty statement): the file was never xm's.
    expect(conv('name = ""\nmemory = 512;;\n', { fileName: 'a.cfg' }).text).toBe('name = ""\nmemory = 512;;\n');
    expect(conv('name = ""\nmemory = 512\n', { fileName: 'a.cfg' }).text).toBe('name = "a.cfg"  # xm\'s default: the file name\nmemory = 512\n');
  });
});

describe('convertToXl with --define name= (xm create FILE name=: no name, as the file\'s own name = "")', () => {
  const DEF = { defines: { name: '' } };
  it('a file without a name gets its base name at the top, not name = "" at the end', () => {
    const r = conv(PLAIN, { fileName: 'g.cfg', ...DEF });
    expect(r.text).toBe(`name = "g.cfg"  # xm's default: the file name\n${PLAIN}`);
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.map((d) => d.code)).toEqual([]);
  });
  it('a chained name takes the base name too (with or without the define)', () => {
    expect(conv(`extra = name = "b"\n${PLAIN}`, { fileName: 'g.cfg', ...DEF }).text).toBe(`extra = "b"; name = "g.cfg"\n${PLAIN}`);
    expect(conv(`extra = name = ""\n${PLAIN}`, { fileName: 'g.cfg' }).text).toBe(`extra = ""; name = "g.cfg"\n${PLAIN}`);
  });
  it('standard input: no line of the conversion\'s own; the file\'s name is written as xm read it, "" (not the file\'s text), with XM0106', () => {
    const none = conv(PLAIN, DEF);
    expect(none.text).toBe(PLAIN);
    expect(none.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([['XM0106', 0, 'memory = 512'.length]]);
    const named = conv(`name = "zz"\n${PLAIN}`, DEF);
    expect(named.text).toBe(`name = ""\n${PLAIN}`);
    expect(named.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([['XM0106', 7, 11]]);
  });
});

describe('xmcfg convert --to json of an xm file without a name', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-name-'));
    writeFileSync(join(dir, 'empty.cfg'), `name = ""\n${BODY}`);
    writeFileSync(join(dir, 'none.cfg'), BODY);
    // Nothing xm-only (detection says xl), but Python reads them: xm's files, named after themselves.
    writeFileSync(join(dir, 'plain.cfg'), PLAIN);
    writeFileSync(join(dir, 'plain-empty.cfg'), `name = ""\n${PLAIN}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of ['empty.cfg', 'none.cfg', 'plain.cfg', 'plain-empty.cfg']) {
    it(`${file}: c_info.name is the file's base name, as --to xl writes it, and stderr says so`, async () => {
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', file, '--to', 'json'], io)).toBe(0);
      expect(JSON.parse(out.stdout).c_info.name).toBe(file);
      // The note --to xl prints (decision 015: --to json is the JSON of that conversion).
      expect(out.stderr).toMatch(new RegExp(`^xmcfg convert: ${file.replace('.', '\\.')}: (line 1: )?name "${file.replace('.', '\\.')}" (added|set for name = "") \\(xm named the domain after its file`, 'm'));
      const xl = fakeIo({ cwd: dir });
      expect(await run(['convert', file, '--to', 'xl'], xl.io)).toBe(0);
      expect(xl.out.stdout.split('\n')[0]).toBe(`name = "${file}"  # xm's default: the file name`);
    });
  }

  it('standard input: no name in c_info, the XM0106 note printed', async () => {
    const { io, out } = fakeIo({ cwd: dir, stdin: readFileSync(join(dir, 'empty.cfg'), 'utf8') });
    expect(await run(['convert', '-', '--to', 'json'], io)).toBe(0);
    expect(JSON.parse(out.stdout).c_info.name).toBe('');
    expect(out.stderr).toContain('XM0106');
  });
});

describe('convertToXl of xl-only keys an xm file sets', () => {
  it('says where xm ignored them (XM0553 at the key): the xl guest gets what the xm guest never had', () => {
    const src = 'name = "v"\nmemory = 256 * 4\nkernel = "/k"\ntype = "hvm"\nvpmu = 1\n';
    const r = conv(src, { fileName: 'v.cfg' });
    expect(r.ok).toBe(true);
    expect(r.text).toContain('type = "hvm"');
    expect(r.diagnostics.filter((d) => d.code === 'XM0553').map((d) => src.slice(d.span.start, d.span.end))).toEqual(['type', 'vpmu']);
  });
});
