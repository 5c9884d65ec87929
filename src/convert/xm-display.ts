/**
 * @fileoverview The display an xm HVM guest had, kept by `convert --to xl` where xl reads the same
 * keys otherwise (decisions 030 and 041). xend's image.py (parseDeviceModelArgs) gave qemu-dm
 * `-nographic` and returned before it looked at `vnc`, `sdl` or a vfb when `nographic` was
 * non-zero; libxl's qemu-xen gets `-nographic` only when neither VNC nor SDL is on, and turns VNC on
 * by default. Otherwise image.py read the guest's first vfb (the loop breaks at it): its `vnc`/`sdl`
 * (create.py's `type=vnc|sdl`) turned VNC or SDL on beside the top-level keys, its VNC settings
 * replaced the top-level ones wholesale, and its keymap, display, xauthority and opengl won. libxl's
 * dm_vnc, dm_sdl and dm_keymap read an HVM guest's display from the top-level keys alone (a vfb is the
 * PV framebuffer), so what xend took from the vfb is written as those keys.
 */
import type { CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssignStmt } from '../syntax/tree.js';
import type { Value } from '../syntax/value.js';
import { xlString } from './xl-literal.js';
import { xmGuestKind } from './xm-values.js';

/** Why `vnc`/`sdl` is commented out under `nographic = 1`. */
export const NOGRAPHIC_WINS = "xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on";
/** Why `vnc = 0` is commented out beside a vfb that turned VNC on. */
export const VFB_WINS = "xend gave this HVM guest its vfb's display over vnc = 0; xl reads no vfb for an HVM guest and would show none";
/** Why a top-level display key is commented out when xend took the setting from the first vfb. */
export const VFB_SETTING = "xend took this HVM guest's display settings from its first vfb, not from this key; xl reads only this key";
/** "xm's display of an HVM guest that the conversion cannot write for xl". */
const DISPLAY_NOT_CARRIED = 'XM0556';

/** The display keys a conversion changes, and the lines, notes and findings that go with them. */
export interface XmDisplay {
  /** Keys whose assignments the conversion comments out (XM0555), with the reason. */
  drops: Map<string, string>;
  /** Keys whose `--define` is not written, with the reason (a note says so). */
  undefine: Map<string, string>;
  /** Lines the conversion appends (in the HVM defaults, where the vnc line goes) and their notes. */
  lines: { line: string; note: string }[];
  /** XM0556: a key xend read otherwise that only a chained assignment sets, left as it is. */
  findings: Diagnostic[];
}

/** What the xl file must end up with for a key: a value, or none of its own (xl's default is xend's). */
type Want = { value: boolean | number | string } | { absent: true } | { on: boolean };

/** xl's defaults for an HVM guest where they are xend's too (libxl: VNC on, finding an unused display, on 127.0.0.1; SDL off). */
const XL_HVM_DEFAULT: Record<string, unknown> = { vnc: true, vncunused: true, vnclisten: '127.0.0.1', sdl: false };
/** The VNC settings image.py took from the vfb's other_config (XendConfig's XENAPI_CONSOLE_OTHER_CFG) instead of the top level. */
const VNC_SETTINGS = ['vnclisten', 'vncdisplay', 'vncunused', 'vncpasswd'] as const;

/** Whether an xm value asked for the option (image.py: `int(v) != 0`). */
function on(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return null;
}

/** Whether `res` is an xm reading of an HVM guest by its builder (the guests decision 030 is about). */
export function isXmHvm(res: CheckResult): boolean {
  const config = res.config as Record<string, unknown>;
  return res.dialect === 'xm' && typeof config.builder === 'string' && xmGuestKind(config, 'xm') === 'hvm';
}

/** Whether xm's `nographic` was known and on for this xm HVM guest. */
export function xmNographic(res: CheckResult): boolean {
  return isXmHvm(res) && !res.unknown.has('nographic') && on((res.config as Record<string, unknown>).nographic) === true;
}

/** An xl literal for a display value. */
function literal(v: boolean | number | string): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : typeof v === 'number' ? String(v) : xlString(v);
}

/**
 * What xend's image.py gave an xm HVM guest for each display key xl reads otherwise, with why; null
 * when nothing is known to differ (not an xm HVM guest, or a nographic or vfb list of unknown value).
 */
function xendDisplay(res: CheckResult): { want: Map<string, Want>; why: Map<string, string> } | null {
  if (!isXmHvm(res) || res.unknown.has('nographic')) return null;
  const config = res.config as Record<string, unknown>;
  const want = new Map<string, Want>();
  const why = new Map<string, string>();
  if (xmNographic(res)) {
    want.set('vnc', { value: false }), why.set('vnc', NOGRAPHIC_WINS);
    want.set('sdl', { on: false }), why.set('sdl', NOGRAPHIC_WINS);
    return { want, why };
  }
  if (res.unknown.has('vfb')) return null;
  const first = Array.isArray(config.vfb) ? (config.vfb[0] as Record<string, unknown> | undefined) : undefined;
  if (!first) {
    // xend's default: no display unless vnc or sdl asked (create.py's None, image.py's -nographic).
    if (config.vnc === undefined) want.set('vnc', { value: false });
    return { want, why };
  }
  // create.py turned type=vnc|sdl into vnc=1 / sdl=1 (over a vnc=/sdl= of the spec's own).
  const vfbVnc = first.type === 'vnc' || first.vnc === true;
  const vfbSdl = first.type === 'sdl' || first.sdl === true;
  const hasVnc = on(config.vnc) === true || vfbVnc;
  const hasSdl = on(config.sdl) === true || vfbSdl;
  if (hasVnc) {
    want.set('vnc', { on: true }), why.set('vnc', VFB_WINS);
    // A vfb's other_config is never empty (create.py adds xauthority): the top-level settings went unread.
    for (const k of VNC_SETTINGS) want.set(k, first[k] === undefined ? { absent: true } : { value: first[k] as boolean | number | string });
  } else want.set('vnc', { value: false });
  if (hasSdl) want.set('sdl', { value: true });
  if (first.keymap !== undefined) want.set('keymap', { value: first.keymap as string });
  if (hasSdl) {
    for (const k of ['display', 'xauthority'] as const) if (first[k] !== undefined) want.set(k, { value: first[k] as string });
    // image.py: `platform.get('opengl', opengl)`: the top-level key won over the vfb's.
    if (first.opengl !== undefined && config.opengl === undefined) want.set('opengl', { value: first.opengl as boolean });
  }
  return { want, why };
}

/** Whether the config's value (undefined: unset) is what xend had. */
function met(current: unknown, key: string, w: Want): boolean {
  if ('on' in w) return current === undefined || on(current) === w.on;
  if ('absent' in w) return current === undefined;
  if (current === undefined) return XL_HVM_DEFAULT[key] === w.value;
  return typeof w.value === 'boolean' ? on(current) === w.value : current === w.value;
}

/**
 * The display keys of an xm HVM guest the conversion changes: a key whose value (from the file or
 * `--define`) xl would read otherwise than xend did has its assignments commented out and its
 * define dropped, and the value xend used is appended where xl's default is not it. Only keys of
 * known value; a key only a chained assignment (`vnc = sdl = 1`) sets stays, with XM0556.
 */
export function xmDisplay(res: CheckResult, statements: readonly { kind: string }[], defined: ReadonlyMap<string, Value>): XmDisplay {
  const out: XmDisplay = { drops: new Map(), undefine: new Map(), lines: [], findings: [] };
  const plan = xendDisplay(res);
  if (!plan) return out;
  const config = res.config as Record<string, unknown>;
  const assigns = statements.filter((s): s is AssignStmt => s.kind === 'assign');
  const nographic = xmNographic(res);
  for (const [key, w] of plan.want) {
    if (res.unknown.has(key) || met(config[key], key, w)) continue;
    const reason = plan.why.get(key) ?? VFB_SETTING;
    const chained = assigns.find((a) => a.chained?.length && [a.key, ...a.chained].some((n) => n.name === key));
    if (chained) {
      const message = `"${key}" is set in a chained assignment, which the conversion keeps: ${reason}`;
      out.findings.push({ code: DISPLAY_NOT_CARRIED, severity: 'warning', message, span: chained.span });
      continue;
    }
    if (assigns.some((a) => a.key.name === key)) out.drops.set(key, reason);
    if (defined.has(key)) out.undefine.set(key, reason);
    if (!('value' in w) || XL_HVM_DEFAULT[key] === w.value) continue;
    const text = `${key} = ${literal(w.value)}`;
    if (key === 'vnc' && nographic) {
      out.lines.push({ line: `${text}  # xmcfg convert: xm's nographic = 1 gave this HVM guest no display (over vnc, sdl or a vfb); xl turns VNC on`, note: "vnc = 0 added (xm's nographic = 1 gave the HVM guest no display, whatever vnc, sdl or a vfb said; xl turns VNC on)" });
    } else if (key === 'vnc' && !(Array.isArray(config.vfb) && config.vfb.length > 0)) {
      out.lines.push({ line: `${text}  # xmcfg convert: xm's default for an HVM guest (no display without vnc, sdl or a vfb); xl turns VNC on`, note: 'vnc = 0 added (xm gave an HVM guest without vnc, sdl or a vfb no VNC display; xl turns VNC on)' });
    } else if (key === 'vnc') {
      out.lines.push({ line: `${text}  # xmcfg convert: xend gave this HVM guest no VNC display (neither vnc nor its first vfb asked for one); xl turns VNC on`, note: 'vnc = 0 added (neither vnc nor the first vfb turned VNC on for xend; xl turns VNC on for an HVM guest)' });
    } else {
      out.lines.push({ line: `${text}  # xmcfg convert: from the first vfb, which xend read for this HVM guest's display; xl reads no vfb for an HVM guest`, note: `${text} added (xend took it from the first vfb of the HVM guest; xl reads the top-level key alone)` });
    }
  }
  return out;
}
