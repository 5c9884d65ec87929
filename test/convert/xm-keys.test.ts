/** `convert --to xl`: xm keys xl ignores or names differently, and values xl reads differently. */
import { describe, expect, it } from 'vitest';
import { convertToXl } from '../../src/convert/index.js';
import { keyPlan } from '../../src/convert/xm-keys.js';
import { shellWords } from '../../src/convert/shell-words.js';
import { checkText } from '../../src/check/check.js';
import { OPTION_KEYS, optionSchema } from '../../src/normalize/index.js';
import { intended } from './intended.js';
import { withoutDefaults } from './xm-defaults.js';

/** convertToXl without the xm default lines (checked by withoutDefaults; decision 033): these tests are about the keys. */
function conv(src: string, options: Parameters<typeof convertToXl>[1] = {}) {
  return withoutDefaults(src, convertToXl(src, options), options);
}

/** Convert; the output must check clean of the dialect findings as xl and normalise to the intended config. */
function convert(src: string) {
  const r = convertToXl(src);
  expect(r.ok).toBe(true);
  const after = checkText(r.text, { dialect: 'xl' });
  expect(after.diagnostics.filter((d) => ['XM0551', 'XM0552', 'XM0107', 'XM0206', 'XM0221'].includes(d.code)).map((d) => d.message)).toEqual([]);
  const before = checkText(src, { dialect: 'xm' });
  expect(after.config).toEqual(intended(before.config, 'xm'));
  return withoutDefaults(src, r);
}

describe('builder → type', () => {
  it('hvm, written where builder stood, comment kept', () => {
    const r = convert('name = "a"\nbuilder = "hvm"  # full virt\nmemory = 512\n');
    expect(r.text).toBe('name = "a"\ntype = "hvm"  # full virt\nmemory = 512\n');
    expect(r.notes).toEqual([]);
  });
  it("xm's linux (and netbsd) is pv, vmx is hvm; the quotes stay when the value reads the same", () => {
    expect(convert("name = 'a'\nbuilder = 'linux'\n").text).toBe("name = 'a'\ntype = \"pv\"\n");
    expect(convert('name = "a"\nbuilder = "netbsd"\n').text).toBe('name = "a"\ntype = "pv"\n');
    expect(convert('name = "a"\nbuilder = "vmx"\n').text).toBe('name = "a"\ntype = "hvm"\n');
    expect(convert("name = 'a'\nbuilder = 'hvm'\n").text).toBe("name = 'a'\ntype = 'hvm'\n");
  });
  it('an explicit type xm ignored is commented out: builder decides, as in xm', () => {
    const r = convert('name = "a"\ntype = "pv"\nbuilder = "hvm"\n');
    expect(r.text).toBe('name = "a"\n# xm did not read type; builder sets it: type = "pv"\ntype = "hvm"\n');
    expect(r.notes).toEqual(['line 2: "type" commented out: xm did not read type; builder sets it']);
  });
  it('a builder neither xm nor xl knows stays, for check to report', () => {
    const r = conv('name = "a"\nbuilder = "weird"\n');
    expect(r.text).toBe('name = "a"\nbuilder = "weird"\n');
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.map((d) => d.code)).toContain('XM0104');
  });
});

describe('xm keys xl names differently', () => {
  it('cpu_cap → cap keeps the layout', () => {
    expect(convert('name = "a"\ncpu_cap   =  50   # half a CPU\n').text).toBe('name = "a"\ncap   =  50   # half a CPU\n');
  });
  it('bootargs → bootloader_args, split into words as xend split it', () => {
    const r = convert('name = "a"\nbootloader = "/usr/bin/pygrub"\nbootargs = "--entry=xvda1:/vmlinuz \'a b\'"\n');
    expect(r.text).toBe('name = "a"\nbootloader = "/usr/bin/pygrub"\nbootloader_args = ["--entry=xvda1:/vmlinuz", "a b"]\n');
    expect(r.notes).toEqual([]);
  });
  it('an xm expression is folded first', () => {
    expect(convert('name = "a"\ncpu_cap = 25 * 2\n').text).toBe('name = "a"\ncap = 50\n');
  });
  it('a bootargs xend could not split (shlex refused it) is kept as a comment', () => {
    const r = conv('name = "a"\nbootargs = "--entry=\'x"\n');
    expect(r.text).toBe('name = "a"\n# xm only, xl ignores it: bootargs = "--entry=\'x"\n');
    expect(r.notes).toEqual(['kept as comments (xl would ignore them): bootargs (line 2)']);
  });
  it('chained assignments are written out per key', () => {
    expect(convert('name = "a"\ncpu_cap = vcpus = 2\n').text).toBe('name = "a"\ncap = 2; vcpus = 2\n');
    expect(convert('name = "a"\nbuilder = "hvm"\nparallel = serial = "none"\n').text).toBe('name = "a"\ntype = "hvm"\n# xm only, xl ignores it: parallel = "none"\nserial = "none"\n');
  });
});

describe('xm-only keys xl ignores', () => {
  it('are kept as comments that say why, with one note for the file', () => {
    const src = 'name = "a"\nbuilder = "hvm"\nparallel = "none"\nserial = "pty"\ndevice_model = "/usr/lib/xen/bin/qemu-dm"\n';
    const r = convert(src);
    expect(r.text).toBe(
      'name = "a"\ntype = "hvm"\n# xm only, xl ignores it: parallel = "none"\nserial = "pty"\n# xm only, xl ignores it: device_model = "/usr/lib/xen/bin/qemu-dm"\n',
    );
    expect(r.notes).toEqual(['kept as comments (xl would ignore them): parallel (line 3), device_model (line 5)']);
    // Reported by the note, not again as XM0551 warnings.
    expect(r.diagnostics).toEqual([]);
  });
  it('every xm-only option of the catalogue is renamed or kept as a comment', () => {
    for (const key of OPTION_KEYS) {
      const s = optionSchema(key)!;
      if (s['x-xmcfg'].dialects.includes('xl') || key === 'numa') continue;
      const r = conv(`name = "a"\n${key} = "x"\n`);
      const plan = keyPlan(key);
      const line = r.text.split('\n')[1]!;
      if (plan.kind === 'rename' && !line.startsWith('#')) expect(line.startsWith(`${plan.to} = `), key).toBe(true);
      else expect(line, key).toBe(`# xm only, xl ignores it: ${key} = "x"`);
      expect(checkText(r.text, { dialect: 'xl' }).diagnostics.filter((d) => d.code === 'XM0551' || d.code === 'XM0552')).toEqual([]);
    }
  });
  it('keys the catalogue does not know are still reported and kept', () => {
    const r = conv('name = "a"\nfrobnicate = 1\n');
    expect(r.text).toBe('name = "a"\nfrobnicate = 1\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0101']);
  });
});

describe('layout', () => {
  it('comments, blank lines and multi-line lists are kept', () => {
    const src =
      '#  XenGuest\n\n# identity\nname = "web"   # the name\n\nbuilder = "hvm"\n\n' +
      'vif = [ "mac=00:16:3e:00:00:01,bridge=br0",  # LAN\n        "bridge=br1,type=netfront" ]\n\n# legacy\nparallel = "none"\n# end\n';
    const r = convert(src);
    expect(r.text).toBe(
      '#  XenGuest\n\n# identity\nname = "web"   # the name\n\ntype = "hvm"\n\n' +
        'vif = [ "mac=00:16:3e:00:00:01,bridge=br0",  # LAN\n        "bridge=br1,type=vif" ]\n\n# legacy\n# xm only, xl ignores it: parallel = "none"\n# end\n',
    );
  });
});

describe('values xl reads differently', () => {
  it("an HVM guest's hvmloader kernel is commented out; another firmware becomes firmware_override", () => {
    const r = convert('name = "a"\nbuilder = "hvm"\nkernel = "/usr/lib/xen/boot/hvmloader"\n');
    expect(r.text).toBe('name = "a"\ntype = "hvm"\n# xl ignores an hvmloader kernel for HVM guests (it loads its own firmware): kernel = "/usr/lib/xen/boot/hvmloader"\n');
    expect(r.notes).toEqual(['kept as comments (xl would ignore them): kernel (line 3)']);
    expect(convert('name = "a"\nbuilder = "hvm"\nkernel = "/opt/fw/myloader"\n').text).toBe('name = "a"\ntype = "hvm"\nfirmware_override = "/opt/fw/myloader"\n');
  });
  it('a PV kernel stays', () => {
    expect(convert('name = "a"\nkernel = "/boot/vmlinuz"\n').text).toBe('name = "a"\nkernel = "/boot/vmlinuz"\n');
  });
  it('vif type=netfront (no emulated NIC in xend) is xl\'s type=vif; ioemu stays', () => {
    const r = convert('name = "a"\nbuilder = "hvm"\nvif = [ "type=netfront,bridge=br0", "type=ioemu,bridge=br0", "bridge=br1" ]\n');
    expect(r.text).toBe('name = "a"\ntype = "hvm"\nvif = [ "type=vif,bridge=br0", "type=ioemu,bridge=br0", "bridge=br1" ]\n');
  });
  it('vfb type=vnc / type=sdl (xm\'s display choice) become xl\'s vnc= / sdl= keys', () => {
    const r = convert('name = "a"\nkernel = "/boot/vmlinuz"\nvfb = [ "type=vnc,vncunused=1", "type=sdl,display=:0" ]\n');
    expect(r.text).toBe('name = "a"\nkernel = "/boot/vmlinuz"\nvfb = [ "vnc=1,vncunused=1", "sdl=1,vnc=0,display=:0" ]\n');
  });
  it("an xm disk's w! mode becomes w, its backend domain backend=, its protocol field goes (xl refuses all three)", () => {
    const r = convert('name = "a"\nkernel = "/boot/vmlinuz"\ndisk = [ "phy:/dev/vg0/a,xvda,w!", "phy:/dev/vg0/b,xvdb,r,1", "tap:aio:/x.img,xvdc,w,dom0,x86_32-abi", "file:/y.img,xvdd,w,,x86_64-abi" ]\n');
    expect(r.text).toBe('name = "a"\nkernel = "/boot/vmlinuz"\ndisk = [ "phy:/dev/vg0/a,xvda,w", "phy:/dev/vg0/b,xvdb,r,backend=1", "tap:aio:/x.img,xvdc,w,backend=dom0", "file:/y.img,xvdd,w" ]\n');
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('tsc_mode and timer_mode numbers become names; timer_mode on a PV guest is commented out', () => {
    expect(convert('name = "a"\nbuilder = "hvm"\ntsc_mode = 2\ntimer_mode = 1\n').text).toBe('name = "a"\ntype = "hvm"\ntsc_mode = "native"\ntimer_mode = "no_delay_for_missed_ticks"\n');
    // xm never handed timer_mode of a PV guest to xend (XM0244): nothing is lost, no XM0555.
    const r = convert('name = "a"\ntimer_mode = 1\n');
    expect(r.text).toBe('name = "a"\n# xm ignored it: an HVM option, and this guest is PV (builder is not "hvm"): timer_mode = 1\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe('HVM options of an xm PV guest (XM0244)', () => {
  const PV = 'name = "a"\nkernel = "/k"\nmemory = 256 * 2\n';
  const WHY = '# xm ignored it: an HVM option, and this guest is PV (builder is not "hvm"): ';
  it('are kept as comments, with one note for the file: xm never handed them to xend, and xl reads some for PV (vnc makes a vfb, hap)', () => {
    const r = convert(`${PV}acpi = True\nvnc = 1; vnclisten = "0.0.0.0"\nhap = 0\nserial = "pty"\n`);
    expect(r.text).toBe(`name = "a"\nkernel = "/k"\nmemory = 512\n${WHY}acpi = True\n${WHY}vnc = 1\n; ${WHY}vnclisten = "0.0.0.0"\n${WHY}hap = 0\n${WHY}serial = "pty"\n`);
    expect(r.notes).toEqual(['kept as comments (HVM options xm ignored for this PV guest; builder = "hvm" would read them): acpi (line 4), vnc (line 5), vnclisten (line 5), hap (line 6), serial (line 7)']);
    // Not a loss (XM0555), and the XM0554 of acpi = True is inside the comment.
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(checkText(r.text, { dialect: 'xl' }).diagnostics.map((d) => d.code)).toEqual([]);
  });
  it('builder = "linux" too, and an earlier duplicate and a chained name alike', () => {
    const r = convert(`${PV}builder = "linux"\npae = 1\npae = 0\nvcpus = apic = 1\n`);
    expect(r.text).toBe(`name = "a"\nkernel = "/k"\nmemory = 512\ntype = "pv"\n${WHY}pae = 1\n${WHY}pae = 0\n${WHY}apic = 1\nvcpus = 1\n`);
  });
  it('kept as written for an HVM builder, for a type = "hvm" xm ignored (written as meant: xl builds HVM), and for a file read as xl', () => {
    expect(convert('name = "a"\nbuilder = "hvm"\nacpi = True\n').text).toBe('name = "a"\ntype = "hvm"\nacpi = 1\n');
    expect(conv('name = "a"\ntype = "hvm"\nmemory = 256 * 2\nacpi = 1\n').text).toBe('name = "a"\ntype = "hvm"\nmemory = 512\nacpi = 1\n');
    expect(conv('name = "a"\nkernel = "/k"\nacpi = 1\n', { dialect: 'xl' }).text).toBe('name = "a"\nkernel = "/k"\nacpi = 1\n');
  });
  it('an xm-only one keeps its own comment (xl ignores it whatever the type)', () => {
    expect(convert(`${PV}isa = 1\n`).text).toBe('name = "a"\nkernel = "/k"\nmemory = 512\n# xm only, xl ignores it: isa = 1\n');
  });
});

describe('shellWords (shlex.split)', () => {
  it('splits like Python', () => {
    expect(shellWords('a  b\tc')).toEqual(['a', 'b', 'c']);
    expect(shellWords(`--args="root=/dev/xvda1 ro" 'x y' a\\ b "q\\"q" "\\n" ''`)).toEqual(['--args=root=/dev/xvda1 ro', 'x y', 'a b', 'q"q', '\\n', '']);
    expect(shellWords('')).toEqual([]);
    expect(shellWords('"open')).toBeNull();
    expect(shellWords('end\\')).toBeNull();
  });
});
