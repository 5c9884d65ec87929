/**
 * Test helper: the normalised config an xm file's conversion should have, i.e. the original's with
 * the changes `convert --to xl` makes on purpose so that xl reads the file as xm did. Everything
 * else must come out of the conversion unchanged.
 */
import { builderKind, optionSchema } from '../../src/normalize/index.js';
import { XM_HVM_ONLY } from '../../src/check/rules/type-only.js';
import type { Dialect } from '../../src/syntax/value.js';

type Config = Record<string, any>;

/**
 * The fields the conversion changes on purpose:
 * - `builder` → `type` (xm's linux/netbsd are pv, vmx is hvm);
 * - `bootargs` → `bootloader_args`, split into words as xend split it (shlex);
 * - `cpu_cap` → `cap`;
 * - xm-only options xl ignores (the catalogue's dialect tables: `parallel`, `device_model`, …) are
 *   commented out, so they leave the config;
 * - an HVM guest's `kernel` was xend's firmware: named hvmloader it is commented out (xl ignores it
 *   and loads its own), else it becomes `firmware_override`;
 * - `timer_mode` on a PV guest is commented out (xl refuses it); `tsc_mode`/`timer_mode` numbers become names;
 * - the HVM options of an xm PV guest (XM_HVM_ONLY, XM0244: builder not "hvm", and no `type` of
 *   another kind for xl to read) are commented out: xm never handed them to xend;
 * - a vif `type=` other than ioemu becomes `type=vif`;
 * - a vfb `type=vnc` becomes `vnc=1`, `type=sdl` becomes `sdl=1,vnc=0`;
 * - in xm's `key=value` strings (vif, vfb, vtpm) blank items go and keys and values lose their
 *   blanks, as xm stripped them; a pci string's msitranslate/power_mgmt yes/no become 1/0;
 * - an xm disk with a prefix (`phy:…`): its fields lose their trailing blanks, its `w!` becomes `w`, its backend domain `backend=…`, its protocol field goes;
 * - a key xm did not read (type, bootloader_args, cap, firmware_override) that a renamed key now
 *   sets takes that key's value;
 * - an xm PV guest with neither kernel nor bootloader but a disk gets `bootloader = "pygrub"`, which
 *   xend used for it (XM0242); otherwise an empty bootloader, which xend read as none, goes (XM0264);
 * - an xm file that sets no memory gets xm's 128 MiB (unless its maxmem is below that), and one that
 *   sets no on_crash gets xend's "restart" (decision 033);
 * - an xm HVM guest that sets no vnc and has no vfb gets `vnc = 0` (xend gave it no display, xl
 *   turns VNC on), one without hpet `hpet = 0`, and one with a PCI device without its own
 *   msitranslate and no pci_msitranslate gets `pci_msitranslate = 1` (decision 030); under
 *   `nographic = 1` its `vnc = 1` and `sdl = 1` (from the file or `--define`) are commented out and
 *   it gets `vnc = 0` even with a vfb (decision 030); without nographic, what xend took from the first
 *   vfb becomes the top-level keys (vnc/sdl, the VNC settings, keymap, display, xauthority, opengl:
 *   decision 041); a videoram
 *   below qemu-xen's minimum for its VGA (8 MiB, 16 with stdvga) is commented out (xl refuses it);
 * - an xl-only option xm ignored that xl refuses in the converted file is commented out;
 */
export const CHANGED_FIELDS = ['memory', 'on_crash', 'builder', 'type', 'bootargs', 'bootloader_args', 'cpu_cap', 'cap', 'kernel', 'firmware_override', 'timer_mode', 'tsc_mode', 'vif', 'vfb', 'disk', 'bootloader', 'vnc', 'sdl', 'vnclisten', 'vncdisplay', 'vncunused', 'vncpasswd', 'keymap', 'display', 'xauthority', 'opengl', 'hpet', 'pci_msitranslate', 'videoram', '(xm-only options)', '(HVM options of an xm PV guest)'];

/** Python's shlex.split for the cases the tests use: blanks separate words, quotes (anywhere in a word) group and go. */
function words(s: string): string[] {
  return [...s.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g)].map((m) => m[0].replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
}

/** An xm `key=value,…` string as the conversion writes it for xl: blank items dropped, blanks around keys and values gone (xm stripped them). */
function xmPairs(spec: string): string {
  return spec
    .split(',')
    .filter((item) => item === '' || item.trim() !== '')
    .map((item) => {
      const eq = item.indexOf('=');
      const lead = /^\s*/.exec(item)![0];
      return eq < 0 ? lead + item.trim() : `${lead}${item.slice(0, eq).trim()}=${item.slice(eq + 1).trim()}`;
    })
    .join(',');
}

/** The config the converted file should normalise to, from the original's (read in `dialect`). */
export function intended(before: Config, dialect: Dialect): Config {
  const c: Config = structuredClone(before);
  let kind: string = c.type === 'hvm' || c.type === 'pvh' ? c.type : 'pv';
  // HVM by xm's builder (xm ignored an xl `type`): the guest that gets xm's HVM defaults.
  const xmHvm = dialect === 'xm' && typeof c.builder === 'string' && (builderKind(c.builder, 'xm') ?? builderKind(c.builder, dialect)) === 'hvm';
  const xmPv = dialect === 'xm' && (c.builder === undefined || (typeof c.builder === 'string' && builderKind(c.builder, 'xm') === 'pv'));
  if (typeof c.builder === 'string') {
    const k = builderKind(c.builder, 'xm') ?? builderKind(c.builder, dialect);
    if (k) {
      kind = k;
      c.type = k;
      delete c.builder;
    }
  }
  if (typeof c.bootargs === 'string') {
    c.bootloader_args = words(c.bootargs);
    delete c.bootargs;
  }
  if (c.cpu_cap !== undefined) {
    c.cap = c.cpu_cap;
    delete c.cpu_cap;
  }
  if (kind === 'hvm' && c.loader === undefined && typeof c.kernel === 'string') {
    if (c.kernel.split('/').pop() !== 'hvmloader') c.firmware_override = c.kernel;
    delete c.kernel;
  }
  if (kind === 'pv') delete c.timer_mode;
  if (kind === 'pv' && xmPv) for (const k of XM_HVM_ONLY) delete c[k];
  const set = (v: unknown) => typeof v === 'string' && v !== '';
  // xend read an empty bootloader as none; the xl file drops it (libxl would run it: XM0264).
  if (dialect === 'xm' && c.bootloader === '') delete c.bootloader;
  if (dialect === 'xm' && kind === 'pv' && !set(c.kernel) && !set(c.bootloader) && !set(c.firmware) && Array.isArray(c.disk) && c.disk.length > 0) c.bootloader = 'pygrub';
  if (dialect === 'xm' && c.memory === undefined && !(typeof c.maxmem === 'number' && c.maxmem < 128)) c.memory = 128;
  if (dialect === 'xm' && c.on_crash === undefined) c.on_crash = 'restart';
  if (xmHvm) {
    const first: Config | undefined = Array.isArray(c.vfb) ? c.vfb[0] : undefined;
    if (c.nographic === true) {
      // xend's nographic won over vnc, sdl and a vfb: vnc = 1 and sdl = 1 are commented out, vnc = 0 is added.
      if (c.vnc === undefined || c.vnc === true) c.vnc = false;
      if (c.sdl === true) delete c.sdl;
    } else if (!first) {
      if (c.vnc === undefined) c.vnc = false;
    } else {
      // image.py read the first vfb alone (decision 041): its type=vnc|sdl (create.py's vnc=1 / sdl=1)
      // turned VNC or SDL on beside the top-level keys, its VNC settings replaced the top-level ones,
      // its keymap won, and with SDL its display and xauthority, and its opengl unless the top level
      // set one. xl reads only the top-level keys of an HVM guest; a key at xl's default is not written.
      const vnc = c.vnc === true || first.type === 'vnc' || first.vnc === true;
      const sdl = c.sdl === true || first.type === 'sdl' || first.sdl === true;
      if (vnc) {
        if (c.vnc === false) delete c.vnc;
        for (const k of ['vnclisten', 'vncdisplay', 'vncunused', 'vncpasswd']) {
          if (first[k] === undefined || ({ vncunused: true, vnclisten: '127.0.0.1' } as Config)[k] === first[k]) delete c[k];
          else c[k] = first[k];
        }
      } else c.vnc = false;
      if (sdl) c.sdl = true;
      if (first.keymap !== undefined) c.keymap = first.keymap;
      if (sdl) {
        for (const k of ['display', 'xauthority']) if (first[k] !== undefined) c[k] = first[k];
        if (first.opengl !== undefined && c.opengl === undefined) c.opengl = first.opengl;
      }
    }
    if (c.hpet === undefined) c.hpet = false;
    // Below qemu-xen's minimum for the VGA (libxl refuses it; xm's qemu-dm took it): commented out, xl gives that minimum.
    if (typeof c.videoram === 'number' && c.device_model_version !== 'qemu-xen-traditional' && c.videoram < (c.stdvga === true ? 16 : 8)) delete c.videoram;
    if (c.pci_msitranslate === undefined && Array.isArray(c.pci) && c.pci.some((d: Config) => typeof d.msitranslate !== 'boolean')) c.pci_msitranslate = true;
  }
  for (const [key, names] of [['tsc_mode', ['default', 'always_emulate', 'native', 'native_paravirt']], ['timer_mode', ['delay_for_missed_ticks', 'no_delay_for_missed_ticks', 'no_missed_ticks_pending', 'one_missed_tick_pending']]] as const) {
    if (typeof c[key] === 'number' && names[c[key]]) c[key] = names[c[key]];
  }
  if (dialect === 'xm') {
    for (const key of ['vif', 'vfb', 'vtpm']) if (Array.isArray(c[key])) for (const v of c[key]) if (typeof v.spec === 'string') v.spec = xmPairs(v.spec);
    // msitranslate/power_mgmt yes/no (xm's check_pci_opts) are 1/0 for xl, which reads numbers.
    if (Array.isArray(c.pci)) for (const d of c.pci) if (typeof d.spec === 'string') d.spec = d.spec.replace(/(,\s*(?:msitranslate|power_mgmt)\s*=\s*)(yes|no)\b/gi, (_m: string, k: string, v: string) => k + (v.toLowerCase() === 'yes' ? '1' : '0'));
  }
  if (Array.isArray(c.vif)) {
    for (const v of c.vif) {
      // Read as xl, another type is not kept (xl warns and skips it, XM0236): the spec still has it.
      const written = typeof v.type === 'string' ? v.type : /(?:^|,)\s*type=([^,]*)/.exec(v.spec)?.[1];
      if (written !== undefined && written !== 'ioemu' && written !== 'vif') {
        v.type = 'vif';
        v.spec = v.spec.replace(/(^|,)(\s*)type=[^,]*/, '$1$2type=vif');
      }
    }
  }
  if (Array.isArray(c.disk) && dialect === 'xm') {
    for (const d of c.disk) {
      // xm's `w!` is xl's `w`; the backend domain (4th field) is backend=; the protocol (5th) goes.
      const fields = d.spec.split(',');
      if (fields.length < 3 || fields.length > 5 || !/^\s*[a-z0-9]+:/.test(fields[0]) || fields.some((f: string) => f.includes('='))) continue;
      // The blanks before a comma or the end go (xm stripped them, xl keeps them in the value).
      for (let i = 0; i < fields.length; i++) fields[i] = fields[i].trimEnd();
      fields[2] = fields[2].replace(/^(\s*)w!(\s*)$/, '$1w$2');
      const dom = fields.length > 3 ? fields[3].trim() : '';
      d.spec = [...fields.slice(0, 3), ...(dom === '' ? [] : [`backend=${dom}`])].join(',');
      if (d.access === 'rw!') d.access = 'rw';
      if (dom !== '') d.backend = dom;
      delete d.domain;
    }
  }
  if (Array.isArray(c.vfb)) {
    for (const v of c.vfb) {
      // Read as xm, `type` is a vfb field; read as xl, an unknown key kept under `other`.
      const type = v.type ?? v.other?.type;
      if (type !== 'vnc' && type !== 'sdl') continue;
      const sdl = type === 'sdl';
      v.spec = v.spec.replace(/(^|,)(\s*)type=[^,]*/, sdl ? '$1$2sdl=1,vnc=0' : '$1$2vnc=1');
      delete v.type;
      if (v.other) {
        delete v.other.type;
        if (Object.keys(v.other).length === 0) delete v.other;
      }
      if (sdl) {
        v.sdl = true;
        v.vnc = false;
      } else v.vnc = true;
    }
  }
  // Not a change: the same blktap2 image (`tap2:vhd:PATH`), whose format xl's disk parser reads from
  // the second prefix where xm's normaliser keeps it in the target.
  if (dialect === 'xm' && Array.isArray(c.disk)) {
    for (const d of c.disk) {
      const m = d.driver === 'tap2' && d.format === undefined && typeof d.target === 'string' ? /^([a-z0-9]+):(.*)$/.exec(d.target) : null;
      if (m) Object.assign(d, { driver: `tap2:${m[1]}`, format: m[1], target: m[2] });
    }
  }
  // Not a change: the same empty CD-ROM drive (`,hdc:cdrom,r`), which the normaliser spells with
  // format "empty" when it reads the spec as xl does.
  if (dialect === 'xm' && Array.isArray(c.disk)) {
    for (const d of c.disk) if (d.target === '' && d.format === undefined && d.vdev !== undefined) d.format = 'empty';
  }
  for (const key of Object.keys(c)) {
    const meta = optionSchema(key)?.['x-xmcfg'];
    if (meta && !meta.dialects.includes('xl') && key !== 'numa') delete c[key];
  }
  return c;
}
