/**
 * `convert --to xl` keeps what an xm guest had where xl's defaults or readings differ (found by
 * differential.test.ts): the HVM defaults of decision 030 (no VNC display, no HPET, MSI translation
 * for passed-through devices), the blanks xm stripped from disk fields and `key=value` strings, a
 * pci `msitranslate=yes`, a videoram below qemu-xen's minimum, and an xl-only option xm ignored
 * that xl refuses in the converted file.
 */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import { checkText } from '../../src/check/check.js';
import { HPET_LINE, HPET_NOTE, MSITRANSLATE_LINE, MSITRANSLATE_NOTE, NOGRAPHIC_VNC_LINE, NOGRAPHIC_VNC_NOTE, ON_CRASH_LINE, VNC_LINE, VNC_NOTE } from './xm-defaults.js';

const HVM = 'name = "h"\nbuilder = "hvm"\nmemory = 512\n';
const convert = (src: string, defines?: Record<string, string | number>) => convertToXl(src, { fileName: 'h.xm', defines });
const xl = (text: string) => checkText(text, { dialect: 'xl' });

describe('xm HVM defaults (decision 030)', () => {
  it('an HVM guest without vnc, vfb and hpet gets vnc = 0 and hpet = 0 after on_crash, with notes; xl reads them', () => {
    const r = convert(HVM);
    expect(r.text).toBe('name = "h"\ntype = "hvm"\nmemory = 512\n' + ON_CRASH_LINE + VNC_LINE + HPET_LINE);
    expect(r.notes.slice(-2)).toEqual([VNC_NOTE, HPET_NOTE]);
    const c = xl(r.text);
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect([c.config.vnc, c.config.hpet]).toEqual([false, false]);
  });

  it('no vnc line when the file sets vnc, has a vfb, or --define sets it; no hpet line when it sets hpet', () => {
    const vfb = convert(HVM + "vfb = [ 'type=vnc' ]\non_crash = \"destroy\"\n").text;
    expect(vfb.endsWith(HPET_LINE)).toBe(true);
    expect(vfb).not.toContain(VNC_LINE);
    expect(convert(HVM + 'vnc = 1\n').text).not.toContain(VNC_LINE);
    expect(convert(HVM, { vnc: 1 }).text).not.toContain(VNC_LINE);
    expect(convert(HVM + 'hpet = 1\n').text).not.toContain(HPET_LINE);
    expect(convert(HVM + 'hpet = None\n').text).toContain(HPET_LINE);
  });

  it('pci_msitranslate = 1 for a device without its own msitranslate, unless the file sets it', () => {
    const r = convert(HVM + "pci = [ '01:00.0', '02:00.0,msitranslate=0' ]\n");
    expect(r.text.endsWith(MSITRANSLATE_LINE)).toBe(true);
    expect(r.notes).toContain(MSITRANSLATE_NOTE);
    const c = xl(r.text).config as { pci: { msitranslate?: boolean }[]; pci_msitranslate?: boolean };
    expect(c.pci_msitranslate).toBe(true);
    expect(c.pci[1]!.msitranslate).toBe(false);
    expect(convert(HVM + "pci = [ '01:00.0,msitranslate=1' ]\n").text).not.toContain(MSITRANSLATE_LINE);
    expect(convert(HVM + "pci = [ '01:00.0' ]\npci_msitranslate = 0\n").text).not.toContain(MSITRANSLATE_LINE);
  });

  it('none for a PV guest, nor for an xl type = "hvm" xm ignored (its xm guest was PV; the author wrote for xl)', () => {
    for (const src of ['name = "p"\nkernel = "/k"\nmemory = 512\npci = [ "01:00.0" ]\n', 'name = "t"\ntype = "hvm"\nmemory = 512\n']) {
      const text = convert(src).text;
      for (const l of [VNC_LINE, HPET_LINE, MSITRANSLATE_LINE]) expect(text).not.toContain(l);
    }
  });
});

describe('xm HVM display keys (decision 030: image.py\'s nographic won over vnc, sdl and a vfb; xl\'s HVM display is vnc alone)', () => {
  const FIXED = HVM + 'hpet = 1\non_crash = "destroy"\n';
  const span = (src: string, stmt: string) => ({ start: src.indexOf(stmt), end: src.indexOf(stmt) + stmt.length });
  const lost = (r: ReturnType<typeof convert>) => r.diagnostics.filter((d) => d.code === 'XM0555').map((d) => d.span);
  const NG = "# xmcfg convert: xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on: ";

  it('under nographic = 1, vnc = 1 and sdl = 1 are commented out (XM0555 at each) and vnc = 0 is added; xl shows no display', () => {
    const src = FIXED + 'nographic = 1\nvnc = 1\nsdl = 1\nvncdisplay = 3\nvncunused = 0\n';
    const r = convert(src);
    expect(r.text).toBe('name = "h"\ntype = "hvm"\nmemory = 512\nhpet = 1\non_crash = "destroy"\nnographic = 1\n' + NG + 'vnc = 1\n' + NG + 'sdl = 1\nvncdisplay = 3\nvncunused = 0\n' + NOGRAPHIC_VNC_LINE);
    expect(lost(r)).toEqual([span(src, 'vnc = 1'), span(src, 'sdl = 1')]);
    expect(r.notes.at(-1)).toBe(NOGRAPHIC_VNC_NOTE);
    const c = xl(r.text);
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect([c.config.nographic, c.config.vnc, c.config.sdl]).toEqual([true, false, undefined]);
  });

  it('under nographic = 1, a vfb with vnc unset still gets vnc = 0; a vnc = 0 or a nographic = 0 is left alone', () => {
    const vfb = convert(FIXED + "nographic = 1\nvfb = [ 'type=vnc' ]\n");
    expect(vfb.text.endsWith("vfb = [ \"vnc=1\" ]\n" + NOGRAPHIC_VNC_LINE)).toBe(true);
    expect(xl(vfb.text).config.vnc).toBe(false);
    for (const tail of ['nographic = 1\nvnc = 0\n', 'nographic = 0\nvnc = 1\nsdl = 1\n']) {
      const r = convert(FIXED + tail);
      expect(r.text).toBe(convert(FIXED).text.replace(VNC_LINE, '') + tail);
      expect(lost(r)).toEqual([]);
    }
  });

  it('without nographic, a vnc = 0 beside a vfb is commented out (XM0555): xend showed the vfb, xl would show nothing', () => {
    const src = FIXED + "vnc = 0\nvfb = [ 'type=vnc,vncunused=1' ]\n";
    const r = convert(src);
    expect(r.text).toBe(FIXED.replace('builder = "hvm"', 'type = "hvm"') + "# xmcfg convert: xend gave this HVM guest its vfb's display over vnc = 0; xl reads no vfb for an HVM guest and would show none: vnc = 0\nvfb = [ \"vnc=1,vncunused=1\" ]\n");
    expect(lost(r)).toEqual([span(src, 'vnc = 0')]);
    const c = xl(r.text);
    expect(c.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(c.config.vnc).toBeUndefined();
    // A PV guest's vnc is an HVM option xm never passed (XM0244): commented out as before, for that reason.
    expect(convert('name = "p"\nkernel = "/k"\nmemory = 512\non_crash = "destroy"\nvnc = 0\nvfb = [ "type=vnc" ]\n').text).not.toContain('over vnc = 0');
  });
});

describe("an xm HVM guest's first vfb (decision 041: image.py read its display from it; xl reads the top-level keys alone)", () => {
  const FIXED = HVM + 'hpet = 1\non_crash = "destroy"\n';
  const OUT = FIXED.replace('builder = "hvm"', 'type = "hvm"');
  const VFB = '  # xmcfg convert: from the first vfb, which xend read for this HVM guest\'s display; xl reads no vfb for an HVM guest\n';
  const TOP = "# xmcfg convert: xend took this HVM guest's display settings from its first vfb, not from this key; xl reads only this key: ";
  const span = (src: string, stmt: string) => ({ start: src.indexOf(stmt), end: src.indexOf(stmt) + stmt.length });
  const codes = (r: ReturnType<typeof convert>, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.span);

  it("the vfb's VNC settings and keymap become the top-level keys, with a note each; xl reads them", () => {
    const src = FIXED + "vfb = [ 'type=vnc,vncdisplay=1,vnclisten=0.0.0.0,vncpasswd=x,keymap=de,vncunused=0' ]\n";
    const r = convert(src);
    expect(r.text).toBe(OUT + 'vfb = [ "vnc=1,vncdisplay=1,vnclisten=0.0.0.0,vncpasswd=x,keymap=de,vncunused=0" ]\n' + ['vnclisten = "0.0.0.0"', 'vncdisplay = 1', 'vncunused = 0', 'vncpasswd = "x"', 'keymap = "de"'].map((l) => l + VFB).join(''));
    expect(r.notes).toContain('vncdisplay = 1 added (xend took it from the first vfb of the HVM guest; xl reads the top-level key alone)');
    expect(r.diagnostics).toEqual([]);
    const c = xl(r.text);
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect([c.config.vnc, c.config.vnclisten, c.config.vncdisplay, c.config.vncunused, c.config.vncpasswd, c.config.keymap]).toEqual([undefined, '0.0.0.0', 1, false, 'x', 'de']);
    // A PV guest keeps its vfb as it is: xl reads it for a PV guest, as xend did.
    const pv = 'name = "p"\nkernel = "/k"\nmemory = 512\non_crash = "destroy"\nvfb = [ "type=vnc,vncdisplay=1,keymap=de" ]\n';
    expect(convert(pv).text).toBe(pv.replace('type=vnc', 'vnc=1'));
  });

  it('the top-level VNC settings xend left unread beside a vfb, and a keymap the vfb overrode, are commented out (XM0555)', () => {
    const src = FIXED + "vnc = 1\nvncdisplay = 4\nkeymap = 'en-us'\nvfb = [ 'type=vnc,vnclisten=0.0.0.0,keymap=de' ]\n";
    const r = convert(src);
    expect(r.text).toBe(OUT + 'vnc = 1\n' + TOP + 'vncdisplay = 4\n' + TOP + "keymap = 'en-us'\n" + 'vfb = [ "vnc=1,vnclisten=0.0.0.0,keymap=de" ]\n' + 'vnclisten = "0.0.0.0"' + VFB + 'keymap = "de"' + VFB);
    expect(codes(r, 'XM0555')).toEqual([span(src, 'vncdisplay = 4'), span(src, "keymap = 'en-us'")]);
    expect([xl(r.text).config.vncdisplay, xl(r.text).config.keymap]).toEqual([undefined, 'de']);
  });

  it('a vfb type=sdl is SDL alone (vnc = 0, sdl = 1, its display); a vfb without type= no display; the second vfb not read', () => {
    const sdl = convert(FIXED + "vfb = [ 'type=sdl,display=:1,opengl=0', 'type=vnc,vncdisplay=2' ]\n");
    expect(sdl.text.endsWith('vnc = 0  # xmcfg convert: xend gave this HVM guest no VNC display (neither vnc nor its first vfb asked for one); xl turns VNC on\nsdl = 1' + VFB + 'display = ":1"' + VFB + 'opengl = 0' + VFB)).toBe(true);
    const c = xl(sdl.text);
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect([c.config.vnc, c.config.sdl, c.config.display, c.config.opengl, c.config.vncdisplay]).toEqual([false, true, ':1', false, undefined]);
    // sdl = 0 at the top level gave way to the vfb's type=sdl (image.py or-ed them).
    const off = convert(FIXED + "sdl = 0\nvfb = [ 'type=sdl' ]\n");
    expect(codes(off, 'XM0555')).toEqual([span(FIXED + 'sdl = 0', 'sdl = 0')]);
    expect(xl(off.text).config.sdl).toBe(true);
    expect(xl(convert(FIXED + "vfb = [ 'vncdisplay=5' ]\n").text).config.vnc).toBe(false);
  });
});

describe('under nographic = 1: --define vnc=1 / sdl=1 (the same rule as the file\'s) and a chained assignment (decision 041)', () => {
  const FIXED = HVM + 'hpet = 1\non_crash = "destroy"\nnographic = 1\n';
  it('the defined values are not written, a note says so, and the guest gets vnc = 0; xl shows no display', () => {
    const r = convert(FIXED + 'vnc = 1\n', { vnc: 1, sdl: 1 });
    const NG = "# xmcfg convert: xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on: ";
    expect(r.text).toBe(FIXED.replace('builder = "hvm"', 'type = "hvm"') + NG + 'vnc = 1\n' + NOGRAPHIC_VNC_LINE);
    expect(r.notes).toContain("--define vnc=1 not written: xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on");
    expect(r.notes).toContain("--define sdl=1 not written: xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on");
    const c = xl(r.text);
    expect([c.config.vnc, c.config.sdl]).toEqual([false, undefined]);
    // A value xend took as it is written as before (xm's vnc option is a string: int("0") for xend, "0" a number for libxlu).
    expect(convert(FIXED, { vnc: 0 }).text).toContain('vnc = "0"  # xmcfg convert: from --define');
  });

  it('a chained vnc = sdl = 1 under nographic = 1 is kept, with XM0556 over it', () => {
    const src = FIXED + 'vnc = sdl = 1\n';
    const r = convert(src);
    const at = { start: src.indexOf('vnc = sdl = 1'), end: src.length - 1 };
    expect(r.diagnostics.filter((d) => d.code === 'XM0556').map((d) => d.span)).toEqual([at, at]);
  });
});

describe('values xm read otherwise than xl would', () => {
  it('disk fields lose the blanks before a comma or the end; key=value strings their blanks and blank items', () => {
    const src = 'name = "g"\nkernel = "/k"\nmemory = 512\non_crash = "destroy"\n';
    const r = convert(src + 'disk = [ " phy:/dev/vg/root , xvda , w " ]\nvif = [ "bridge = xenbr0 , ,mac=00:16:3e:00:00:01 " ]\nvfb = [ "type=vnc, ,vncunused=1" ]\n');
    expect(r.text).toBe(src + 'disk = [ " phy:/dev/vg/root, xvda, w" ]\nvif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]\nvfb = [ "vnc=1,vncunused=1" ]\n');
    const c = xl(r.text);
    expect(c.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code)).toEqual([]);
    expect((c.config.vfb as { vncunused?: boolean }[])[0]!.vncunused).toBe(true);
  });

  it('a pci msitranslate=yes / power_mgmt=No becomes 1 / 0 (xl reads a number: yes was 0)', () => {
    const src = 'name = "g"\nkernel = "/k"\nmemory = 512\non_crash = "destroy"\n';
    const r = convert(src + 'pci = [ "01:00.0,msitranslate=yes,power_mgmt=No" ]\n');
    expect(r.text).toBe(src + 'pci = [ "01:00.0,msitranslate=1,power_mgmt=0" ]\n');
    expect((xl(r.text).config.pci as { msitranslate?: boolean }[])[0]!.msitranslate).toBe(true);
  });

  it('a videoram below qemu-xen\'s minimum for the VGA is commented out, with XM0555 over the statement', () => {
    const src = HVM + 'stdvga = 1\nvideoram = 8\nvnc = 1\nhpet = 1\non_crash = "destroy"\n';
    const r = convert(src);
    const at = src.indexOf('videoram');
    expect(r.text).toContain("\n# xmcfg convert: below the minimum of qemu-xen, xl's device model, for this VGA (xm's qemu-dm took it); xl gives the guest that minimum: videoram = 8\n");
    expect(r.diagnostics.filter((d) => d.code === 'XM0555').map((d) => d.span)).toEqual([{ start: at, end: at + 'videoram = 8'.length }]);
    expect(xl(r.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // With the VGA's minimum or more (cirrus: 8), it stays.
    expect(convert(HVM + 'videoram = 8\n').text).toContain('\nvideoram = 8\n');
  });

  it('an xl-only option xm ignored that xl refuses in the converted file (vnuma on a guest PV for xl) is commented out', () => {
    const src = 'name = "g"\nkernel = "/k"\nmemory = 512\non_crash = "destroy"\nif big:\n    type = "hvm"\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10" ] ]\n';
    const r = convert(src);
    expect(r.ok).toBe(true);
    expect(r.text).toContain('\n# xmcfg convert: xm ignored it, and xl refuses its value: vnuma = [');
    expect(r.notes).toContain('line 7: "vnuma" commented out: an xl option xm ignored, with a value xl refuses (check the original with --dialect xl)');
    expect(xl(r.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
