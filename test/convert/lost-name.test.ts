/**
 * convert --to xl of an xm file whose name the conversion cannot carry over: the assignment xm took
 * it from is commented out (its value reads a name an `if` block may set, or holds a NUL
 * character), or sits in a Python block the conversion does not run. xl refuses the output
 * ("Domain name must be specified."): XM0105, an error, at the original assignment, the output still
 * printed, and the CLI exits 1 (decision 004). A None last, as before, takes the file's name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { run } from '../../src/cli/run.js';
import { convertToXl } from '../../src/convert/index.js';
import { fakeIo } from '../cli/fake-io.js';

const TAIL = 'memory = 256\nkernel = "/boot/vmlinuz"\n';

/** [start, end] of each XM0105 the conversion reports, and the text there. */
function lost(src: string, fileName?: string): [number, number, string][] {
  const r = convertToXl(src, fileName === undefined ? {} : { fileName });
  expect(r.ok).toBe(true);
  return r.diagnostics.filter((d) => d.code === 'XM0105').map((d) => [d.span.start, d.span.end, src.slice(d.span.start, d.span.end)]);
}

describe('convertToXl of a name it cannot carry over', () => {
  it('a last name reading a name an if block may set: XM0105 (error) at its key; xl refuses the output', () => {
    const src = 'vmid = 3\nif vmid > 2:\n    vmid = 5\nname = "guest%d" % vmid\n' + TAIL;
    const r = convertToXl(src, { fileName: 'g.cfg' });
    const d = r.diagnostics.filter((x) => x.code === 'XM0105');
    expect(d.map((x) => [x.severity, x.span.start, x.span.end])).toEqual([['error', 35, 39]]);
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.map((x) => x.code)).toContain('XM0105');
  });

  it('the earlier name it supersedes is commented out too: one finding, at the last one', () => {
    const src = 'name = "first"\nx = 1\nif x:\n    x = 2\nname = "g%d" % x\n' + TAIL;
    expect(lost(src, 'g.cfg')).toEqual([[37, 41, 'name']]);
  });

  it('a name with a NUL character (no xl value)', () => {
    expect(lost('name = "a\\0b"\n' + TAIL, 'g.cfg')).toEqual([[0, 4, 'name']]);
  });

  it('a name set only in Python blocks: no file name is made up; XM0105 at the last block\'s assignment', () => {
    const src = 'import os\nif os.path.exists("/x"):\n    name = "a"\nelse:\n    name = "b"\n' + TAIL;
    const r = convertToXl(src, { fileName: 'g.cfg' });
    expect(r.text).not.toContain('name = "g.cfg"');
    expect(lost(src, 'g.cfg')).toEqual([[60, 64, 'name']]);
    // From standard input too, where XM0106 (named after the file) does not hold either.
    // The blocks' own XM0555 findings are lost-statements.test.ts's.
    expect(convertToXl(src).diagnostics.map((d) => d.code).filter((c) => c !== 'XM0555')).toEqual(['XM0105']);
  });

  it('a block after name = "" may set the name: the empty name is not replaced by the file\'s', () => {
    const src = 'name = ""\nif big:\n    name = "big"\n' + TAIL;
    expect(lost(src, 'g.cfg')).toEqual([[22, 26, 'name']]);
    // No finding where the output keeps a name: one after the block, one before it, a None last (the file name).
    expect(lost('x = 1\nif x:\n    x = 2\nname = "g%d" % x\nname = "fixed"\n' + TAIL, 'g.cfg')).toEqual([]);
    expect(lost('name = "kept"\nif big:\n    name = "big"\n' + TAIL, 'g.cfg')).toEqual([]);
    const none = convertToXl('name = "a"\nname = None\n' + TAIL, { fileName: 'g.cfg' });
    expect(none.diagnostics.map((d) => d.code).filter((c) => c !== 'XM0555')).toEqual([]);
    expect(none.text.startsWith('name = "g.cfg"')).toBe(true);
  });
});

describe('xmcfg convert --to xl of a file whose name is lost', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-lost-name-'));
    writeFileSync(join(dir, 'g.cfg'), 'vmid = 3\nif vmid > 2:\n    vmid = 5\nname = "guest%d" % vmid\n' + TAIL);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with XM0105 at 4:1, and still prints the converted file (and writes it with -o)', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'g.cfg', '--to', 'xl'], io)).toBe(1);
    expect(out.stderr).toMatch(/error\[XM0105\][^\n]*\n --> g\.cfg:4:1/);
    expect(out.stdout).toContain('memory = 256\n');
    const o = fakeIo({ cwd: dir });
    expect(await run(['convert', 'g.cfg', '--to', 'xl', '-o', 'out.cfg'], o.io)).toBe(1);
    expect(checkText(readFileSync(join(dir, 'out.cfg'), 'utf8'), { dialect: 'xl' }).config.memory).toBe(256);
  });
});
