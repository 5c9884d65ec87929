/**
 * @fileoverview Values xm accepted that xl reads differently, for `convert --to xl`: the kernel
 * of an xm HVM guest (xend loaded it as the firmware: xl ignores one named hvmloader, with a
 * warning, and boots any other as a Linux kernel: its xl name is firmware_override), `timer_mode`
 * on a PV guest (xl refuses it), `tsc_mode`/`timer_mode` as numbers (xl warns: deprecated), a uuid
 * without its hyphens (xend regrouped the digits, xl refuses it), vif
 * `type=` values other than `ioemu` (xend gave such a NIC no emulated twin; xl only knows `vif` for that)
 * and vfb `type=vnc|sdl` (xm's way to choose the display; xl ignores `type` and reads `vnc=`/`sdl=`),
 * an xm disk's `w!` mode and backend-domain and protocol fields (xl refuses them), the blanks xm
 * stripped from disk fields and `key=value` strings (xl keeps them, or stops at a blank item), and
 * a pci string's msitranslate/power_mgmt `yes`/`no` (xl reads them as numbers).
 */
import { builderKind, isHvmloader, optionSchema, readInt, xendUuid } from '../normalize/index.js';
import type { Dialect, Value } from '../syntax/value.js';

type Config = Record<string, unknown>;

/**
 * The guest type xm built: the builder when it names one (xm ignored `type`), else the type (a file
 * xl reads), else xm's default builder, linux (PV).
 */
export function xmGuestKind(config: Config, dialect: Dialect): 'pv' | 'pvh' | 'hvm' {
  if (typeof config.builder === 'string') {
    const kind = builderKind(config.builder, 'xm') ?? builderKind(config.builder, dialect);
    if (kind) return kind;
  }
  const t = config.type;
  return t === 'hvm' || t === 'pvh' ? t : 'pv';
}

/**
 * xend's HVM firmware: with no `loader`, the kernel (XendConfig: "Old configs may have hvmloader
 * set as PV_kernel param"). The effective kernel decides for every kernel line.
 */
function hvmFirmwareKernel(config: Config, kind: 'pv' | 'pvh' | 'hvm'): string | null {
  return kind === 'hvm' && config.loader === undefined && typeof config.kernel === 'string' ? config.kernel : null;
}

/** Why xl must not see a setting of `key` at all in this config (it is then kept as a comment), or null. */
export function xlMustNotRead(key: string, config: Config, kind: 'pv' | 'pvh' | 'hvm'): { why: string; ignored: boolean } | null {
  // xl_parse.c drops a kernel named hvmloader for HVM guests with a warning, and loads its own.
  const firmware = key === 'kernel' ? hvmFirmwareKernel(config, kind) : null;
  if (firmware !== null && isHvmloader(firmware)) return { why: 'xl ignores an hvmloader kernel for HVM guests (it loads its own firmware)', ignored: true };
  if (key === 'timer_mode' && kind === 'pv') return { why: 'xl refuses timer_mode for PV guests', ignored: false };
  return null;
}

/** The key xl reads this setting's meaning under, when it is not `key` itself (an xm HVM kernel that is the firmware), or null. */
export function xlKeyFor(key: string, config: Config, kind: 'pv' | 'pvh' | 'hvm'): string | null {
  const firmware = key === 'kernel' ? hvmFirmwareKernel(config, kind) : null;
  return firmware !== null && !isHvmloader(firmware) ? 'firmware_override' : null;
}

/** Options xl reads by name and only warns about as numbers (the check's XM0107 for them); the number is the name's index. */
const NAMED_NOT_NUMBERED = ['tsc_mode', 'timer_mode'];

/** The value `key` should have in xl when xl reads this one differently, or null to keep it. */
export function xlValue(key: string, v: Value, dialect: Dialect = 'xm'): Value | null {
  // A number, or (xend's int() took one) a string of one: xl would read "2" as the deprecated number too.
  const n = NAMED_NOT_NUMBERED.includes(key) && (v.kind === 'number' || v.kind === 'string') ? readInt(v, dialect) : null;
  if (n?.ok) {
    const name = optionSchema(key)?.['x-xmcfg'].allowed?.[n.value];
    return typeof name === 'string' ? { kind: 'string', value: name, span: v.span } : null;
  }
  // xend took a UUID with its hyphens anywhere or none; xl wants them grouped 8-4-4-4-12.
  if (key === 'uuid' && dialect === 'xm' && v.kind === 'string') {
    const uuid = xendUuid(v.value);
    return uuid !== null && uuid !== v.value ? { kind: 'string', value: uuid, span: v.span } : null;
  }
  const rewrite = specRewrite(key, dialect);
  if (rewrite && v.kind === 'list') {
    let changed = false;
    const items = v.items.map((it) => {
      if (it.kind !== 'string') return it;
      const spec = rewrite(it.value);
      if (spec === it.value) return it;
      changed = true;
      return { ...it, value: spec };
    });
    return changed ? { ...v, items } : null;
  }
  return null;
}

/** The rewrite of one spec string of `key` for xl, or null when xl reads the key's strings as written. */
function specRewrite(key: string, dialect: Dialect): ((spec: string) => string) | null {
  const xm = dialect === 'xm';
  if (key === 'vif') return xm ? (s) => vifSpec(xmPairs(s)) : vifSpec;
  if (key === 'vfb') return xm ? (s) => vfbSpec(xmPairs(s)) : vfbSpec;
  if (key === 'vtpm' && xm) return xmPairs;
  if (key === 'pci' && xm) return pciSpec;
  if (key === 'disk' && xm) return diskSpec;
  return null;
}

/**
 * A `key=value,…` string as xm read it (create.py's comma_sep_kv_to_dict strips each key and value)
 * in the form xl reads the same way: xl's strtok loops keep a blank before `=` or the comma as part
 * of the key or value ("bridge=xenbr0 " is another bridge) and stop at an item of only blanks (so
 * nothing after it is read), so blanks around keys and values go and blank items are dropped. The
 * blanks after a comma stay (xl skips them), and so do empty items (`,,`: strtok skips them).
 */
function xmPairs(spec: string): string {
  const items = spec.split(',').filter((item) => item === '' || item.trim() !== '');
  return items
    .map((item) => {
      const eq = item.indexOf('=');
      const lead = /^\s*/.exec(item)![0];
      return eq < 0 ? `${lead}${item.trim()}` : `${lead}${item.slice(0, eq).trim()}=${item.slice(eq + 1).trim()}`;
    })
    .join(',');
}

/**
 * An xm pci string (`BUS:DEV.FUNC[@VSLOT][,KEY=VALUE…]`) for xl: xm's check_pci_opts took
 * msitranslate and power_mgmt as 0, 1, yes or no (any case), xl reads the value as a number (`yes`
 * is 0), so yes/no become 1/0; the other items are left as written.
 */
function pciSpec(spec: string): string {
  return spec
    .split(',')
    .map((item, i) => {
      const m = i === 0 ? null : /^(\s*)(msitranslate|power_mgmt)(\s*)=(\s*)(yes|no)(\s*)$/i.exec(item);
      return m ? `${m[1]}${m[2]}${m[3]}=${m[4]}${m[5]!.toLowerCase() === 'yes' ? '1' : '0'}${m[6]}` : item;
    })
    .join(',');
}

/**
 * A vif spec with its `type=` as xl reads it: xend added an emulated NIC only for `type=ioemu`
 * (or no type) and gave any other type (`netfront`, …) the PV NIC alone, which xl calls `vif`;
 * xl refuses other values ("Invalid parameter `type'") and falls back to its default.
 */
function vifSpec(spec: string): string {
  return spec
    .split(',')
    .map((item) => {
      const m = /^(\s*)type=(.*)$/.exec(item);
      if (!m) return item;
      const want = m[2]!.trim() === 'ioemu' ? 'ioemu' : 'vif';
      return `${m[1]}type=${want}`;
    })
    .join(',');
}

/**
 * A vfb spec with xm's `type=vnc` / `type=sdl` as xl's keys: xl ignores `type` (XM0218) and turns
 * VNC on by default, so `type=vnc` is `vnc=1` and `type=sdl` (SDL alone in xend) is `sdl=1,vnc=0`.
 * Another type (xm refused it) is left for the check to report.
 */
function vfbSpec(spec: string): string {
  return spec
    .split(',')
    .map((item) => {
      const m = /^(\s*)type=(.*)$/.exec(item);
      const kind = m?.[2]!.trim();
      if (kind === 'vnc') return `${m![1]}vnc=1`;
      if (kind === 'sdl') return `${m![1]}sdl=1,vnc=0`;
      return item;
    })
    .join(',');
}

/**
 * An xm disk (`PREFIX:SOURCE,VDEV,MODE[,DOMAIN[,PROTOCOL]]`, create.py's preprocess_disk) as xl's
 * positional form reads it: xl's access is r, ro, w or rw, so xm's `w!` (writable although another
 * guest has it; the block hotplug script skipped its sharing check) becomes `w`, and xl refuses a
 * fourth positional field ("too many positional parameters"), so the backend domain becomes
 * `backend=DOMAIN` and the ring protocol (x86_32-abi, …: libxl and the frontend agree on it
 * themselves) is dropped. Another field count, or xl's key=value form (xm refused both), is left
 * for the check to report.
 */
function diskSpec(spec: string): string {
  const fields = spec.split(',');
  // Only a prefixed source (phy:, file:, tap:aio:, …): xl reads `PREFIX:SOURCE,VDEV,ACCESS` as xm
  // did, while an unprefixed `TARGET,FORMAT,VDEV,ACCESS` is xl's own positional form (libvirt's xl
  // writer), which Python accepts too. xl's key=value form is not xm's either (the check says so).
  if (fields.length < 3 || fields.length > 5 || !/^\s*[a-z0-9]+:/.test(fields[0]!) || fields.some((f) => f.includes('='))) return spec;
  // xm's normaliser reads each field without its blanks; xl keeps a blank before the comma as part
  // of the value ("xvda " is no device), and so at the end: the blanks before a comma or the end go.
  for (let i = 0; i < fields.length; i++) fields[i] = fields[i]!.trimEnd();
  const mode = /^(\s*)w!(\s*)$/.exec(fields[2]!);
  if (mode) fields[2] = `${mode[1]}w${mode[2]}`;
  if (fields.length === 3) return fields.join(',');
  const dom = fields[3]!.trim();
  return [...fields.slice(0, 3), ...(dom === '' ? [] : [`backend=${dom}`])].join(',');
}
