/**
 * What `convert --to xl` writes beyond the xm file's own statements: an xm create option given with
 * --define (decision 020: it wins over the file's assignment) and the pygrub xend booted a PV guest
 * with neither kernel nor bootloader with (XM0242), so the xl file means what `xm create` meant.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/check/check.js';
import { convertToJson, convertToXl } from '../../src/convert/index.js';
import { convertInTempDir } from './temp-cli.js';
import { ON_CRASH_LINE, ON_CRASH_NOTE, XM_DEFAULTS } from './xm-defaults.js';

const GUEST = 'name = "g"\nkernel = "/boot/vmlinuz"\nmemory = 256\nmemory = 512  # MiB\ncpu_cap = 20\n';

describe('convert --to xl with --define of an xm create option', () => {
  it('rewrites the last assignment of the option, renamed as the file\'s would be, with the define\'s value', () => {
    const r = convertToXl(GUEST, { fileName: 'g.xm', defines: { memory: '1024', cpu_cap: '50' } });
    expect(r.ok).toBe(true);
    expect(r.text).toBe('name = "g"\nkernel = "/boot/vmlinuz"\nmemory = 256\nmemory = 1024  # MiB\ncap = 50  # xmcfg convert: from --define\n' + ON_CRASH_LINE);
    const xl = checkText(r.text, { dialect: 'xl' });
    expect((xl.config as Record<string, unknown>).memory).toBe(1024);
  });

  it('adds a line at the end for an option the file does not set (a list option as one item; an xm-only one as a comment)', () => {
    const r = convertToXl(GUEST, { fileName: 'g.xm', defines: { vcpus: '4', vif: 'bridge=xenbr1', vncviewer: 'yes', vmid: '3' } });
    expect(r.text).toBe(
      `${GUEST.replace('cpu_cap = 20', 'cap = 20')}vcpus = 4  # xmcfg convert: from --define\nvif = ["bridge=xenbr1"]  # xmcfg convert: from --define\n# xm only, xl ignores it: vncviewer = 1  # xmcfg convert: from --define\n${ON_CRASH_LINE}`,
    );
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a value xm create refused (XM0240 at the first statement: the value is not in the file) leaves the file\'s value', () => {
    const r = convertToXl(GUEST, { fileName: 'g.xm', defines: { memory: '0x400' } });
    expect(r.text).toBe(GUEST.replace('cpu_cap = 20', 'cap = 20') + ON_CRASH_LINE);
    expect(r.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([['XM0240', 0, 'name = "g"'.length]]);
  });

  it('a chained last assignment of the option is written per name, each with its own value: no second line, no XM0201 in xl', () => {
    const src = 'name = "g"\nkernel = "/k"\nmemory = maxmem = 512\n';
    const r = convertToXl(src, { fileName: 'g.xm', defines: { memory: '1024' } });
    expect(r.text).toBe('name = "g"\nkernel = "/k"\nmemory = 1024; maxmem = 512\n' + ON_CRASH_LINE);
    expect(r.notes).toEqual(['line 3: "memory" takes the value of --define memory=1024 (xm create\'s option wins over the file)', ON_CRASH_NOTE]);
    const xl = checkText(r.text, { dialect: 'xl' });
    expect(xl.config).toEqual({ ...checkText(src, { dialect: 'xm', defines: { memory: '1024' } }).config, on_crash: 'restart' });
    expect(xl.diagnostics.map((d) => d.code)).toEqual(['XM0202']);
    // Renamed per name as the file's chain would be; two options in one chain.
    expect(convertToXl('name = "g"\nkernel = "/k"\ncpu_cap = vcpus = 2\n', { defines: { vcpus: '4' } }).text).toBe('name = "g"\nkernel = "/k"\ncap = 2; vcpus = 4\n' + XM_DEFAULTS);
    expect(convertToXl(src, { defines: { memory: '1024', maxmem: '2048' } }).text).toBe('name = "g"\nkernel = "/k"\nmemory = 1024; maxmem = 2048\n' + ON_CRASH_LINE);
    // A chain that becomes a comment (a name that is not an xl key): the option gets the line at the end.
    expect(convertToXl('name = "g"\nkernel = "/k"\nVMID = memory = 512\n', { defines: { memory: '1024' } }).text).toBe('name = "g"\nkernel = "/k"\n# xmcfg convert: not an xl key: VMID = memory = 512\nmemory = 1024  # xmcfg convert: from --define\n' + ON_CRASH_LINE);
  });

  it('--to json holds the define\'s value', () => {
    const r = convertToJson(GUEST, { fileName: 'g.xm', defines: { memory: '1024', vcpus: '4' } });
    expect(r.ok).toBe(true);
    const b = (r.json as { b_info: Record<string, unknown> }).b_info;
    expect([b.max_memkb, b.target_memkb, b.max_vcpus]).toEqual([1048576, 1048576, 4]);
  });
});

describe('convert --to xl of an xm PV guest booted by xend\'s implicit pygrub', () => {
  const DISK = 'name = "b"\nmemory = 512\ndisk = ["phy:/dev/vg/b,xvda,w"]\n';
  it('adds bootloader = "pygrub" with a comment and a note; the output checks clean as xl', () => {
    const r = convertToXl(DISK, { fileName: 'b.xm' });
    expect(r.text).toBe(`${DISK}${ON_CRASH_LINE}bootloader = "pygrub"  # xmcfg convert: xend booted a PV guest without kernel or bootloader with pygrub; xl needs it named\n`);
    expect(r.notes.length).toBe(2);
    expect(r.notes).toEqual([ON_CRASH_NOTE, expect.stringMatching(/^bootloader = "pygrub" added/)]);
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics).toEqual([]);
    expect(convertToJson(DISK, { fileName: 'b.xm' }).ok).toBe(true);
  });

  it('adds none when the guest has a kernel, a bootloader, or is HVM, or xl boots it anyway (an xl-only type or firmware)', () => {
    for (const extra of ['kernel = "/k"\n', 'bootloader = "/usr/bin/pygrub"\n', 'builder = "hvm"\n', 'type = "hvm"\n', 'firmware = "pvgrub64"\n']) {
      expect(convertToXl(DISK + extra, { fileName: 'b.xm' }).text).not.toContain('xmcfg convert: xend booted');
    }
  });

  it('without a disk either (XM0241) adds none: the file is converted as it is (xend could not boot it either)', () => {
    const r = convertToXl('name = "a"\nmemory = 512\n', { fileName: 'a.xm' });
    expect([r.ok, r.text, r.diagnostics.map((d) => d.code), r.notes]).toEqual([true, 'name = "a"\nmemory = 512\n' + ON_CRASH_LINE, [], [ON_CRASH_NOTE]]);
    const j = convertToJson('name = "a"\nmemory = 512\n', { fileName: 'a.xm' });
    expect([j.ok, j.diagnostics.map((d) => [d.code, d.span.start])]).toEqual([false, [['XM0227', 0]]]);
  });
});

describe('xmcfg convert CLI', () => {
  const { dir, convert } = convertInTempDir('xmcfg-convert-cmdline-');
  it('--define memory=1024 -D vif=bridge=xenbr0 --to xl: written, with notes on stderr', async () => {
    writeFileSync(join(dir(), 'g.xm'), 'name = "g"\nkernel = "/k"\nmemory = 512\n');
    const r = await convert(['g.xm', '--to', 'xl', '--define', 'memory=1024', '-D', 'vif=bridge=xenbr0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('name = "g"\nkernel = "/k"\nmemory = 1024  # xmcfg convert: from --define\nvif = ["bridge=xenbr0"]  # xmcfg convert: from --define\n' + ON_CRASH_LINE);
    expect(r.stderr.split('\n').filter(Boolean).length).toBe(3);
  });
  it('--to json of a file relying on the implicit pygrub prints the domain config with the bootloader', async () => {
    writeFileSync(join(dir(), 'b.xm'), 'name = "b"\nmemory = 512\ndisk = ["phy:/dev/vg/b,xvda,w"]\n');
    const r = await convert(['b.xm', '--to', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).b_info.bootloader).toBe('pygrub');
  });
});
