/**
 * `convert` parses its input once. An xl-detected file (nothing xm-only in it) is read as xm too
 * (decision 015): xmReading parsed and checked it as detected, then parsed it again as xm; a
 * conversion with an xl-only option xl refuses converted again and read the file a third time; and
 * `--to json` of an xl file the conversion left as it was checked that same text again as xl.
 * Counted by parses of the input text (parseTree calls), not timed.
 */
import { describe, expect, it, vi } from 'vitest';

const parsed = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock('../../src/syntax/parse-tree.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/syntax/parse-tree.js')>();
  return {
    ...orig,
    parseTree: (...a: Parameters<typeof orig.parseTree>) => (parsed.texts.push(a[0]), orig.parseTree(...a)),
  };
});

import { convertToJson, convertToXl } from '../../src/convert/index.js';
import { xmReading } from '../../src/convert/xm-reading.js';

/** How many times `text` itself was parsed while `run` ran. */
function parsesOf(text: string, run: () => void): number {
  parsed.texts.length = 0;
  run();
  return parsed.texts.filter((t) => t === text).length;
}

const XL_DETECTED = 'name = "g"\nmemory = 1e3\nextra = "\\101"\nkernel = "/boot/vmlinuz"\n';

describe('convert parses its input once', () => {
  it('an xl-detected file read as xm: one parse, xm\'s reading (1e3 is 1000, "\\101" is "A")', () => {
    let r!: ReturnType<typeof xmReading>;
    expect(parsesOf(XL_DETECTED, () => (r = xmReading(XL_DETECTED, undefined)))).toBe(1);
    expect([r.dialect, r.config.memory, r.config.extra]).toEqual(['xm', 1000, 'A']);
  });

  it('a file Python refuses (`;;`): one parse, read as detected (xl), its xl findings', () => {
    const text = 'name = "g";;\nmemory = 512\nkernel = "/k"\n';
    let r!: ReturnType<typeof xmReading>;
    expect(parsesOf(text, () => (r = xmReading(text, undefined)))).toBe(1);
    expect([r.dialect, r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)]).toEqual(['xl', []]);
  });

  it('an xm file: one parse', () => {
    const text = 'name = "g"\nmemory = 256 * 2\nkernel = "/k"\n';
    expect(parsesOf(text, () => xmReading(text, undefined))).toBe(1);
  });

  it('a file with a CR, which xl and xm lex apart: parsed once per dialect tried, as before', () => {
    const text = 'name = "g"\r\nmemory = 512\r\nkernel = "/k"\r\n';
    expect(parsesOf(text, () => xmReading(text, undefined))).toBe(2);
  });

  it('converted twice (an xl-only vnuma xl refuses once written): the input still parsed once', () => {
    // type sits in a Python block the conversion comments out: PV for xl, whose vnuma check refuses it.
    const text = 'name = "g"\nmemory = 1024\nvcpus = 2\nif 1:\n    type = "hvm"\nvnuma = [["pnode=0", "size=1024", "vcpus=0-1", "vdistances=10"]]\nkernel = "/k"\n';
    let r!: ReturnType<typeof convertToXl>;
    expect(parsesOf(text, () => (r = convertToXl(text, { fileName: 'g.cfg' })))).toBe(1);
    expect(r.ok).toBe(true);
    expect(r.text).toContain('# xmcfg convert: xm ignored it, and xl refuses its value: vnuma');
  });

  it('--to json of an xl file kept as it was (--dialect xl): the text checked once, not again after the conversion', () => {
    const text = 'name = "g"\ntype = "hvm"\nmemory = 512\nkernel = "/boot/vmlinuz"\n';
    let r!: ReturnType<typeof convertToJson>;
    expect(parsesOf(text, () => (r = convertToJson(text, { dialect: 'xl' })))).toBe(1);
    expect([r.ok, r.diagnostics, (r.json as { b_info: { kernel: string } }).b_info.kernel]).toEqual([true, [], '/boot/vmlinuz']);
  });
});
