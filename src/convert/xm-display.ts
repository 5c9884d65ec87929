/**
 * @fileoverview The display an xm HVM guest had, kept by `convert --to xl` where xl reads the same
 * keys otherwise (decision 030). xend's image.py (parseDeviceModelArgs) gave qemu-dm `-nographic`
 * and returned before it looked at `vnc`, `sdl` or a vfb when `nographic` was non-zero; libxl's
 * qemu-xen gets `-nographic` only when neither VNC nor SDL is on, and turns VNC on by default. And
 * image.py took a vfb as the HVM guest's display whatever `vnc` said, where libxl's dm_vnc reads an
 * HVM guest's display from `vnc` alone (a vfb is the PV framebuffer).
 */
import type { CheckResult } from '../check/check.js';
import type { AssignStmt } from '../syntax/tree.js';
import type { Value } from '../syntax/value.js';
import { xmGuestKind } from './xm-values.js';

/** Why `vnc`/`sdl` is commented out under `nographic = 1`. */
export const NOGRAPHIC_WINS = "xm's nographic = 1 won over it (xend gave qemu -nographic); xl would turn the display on";
/** Why `vnc = 0` is commented out beside a vfb. */
export const VFB_WINS = "xend gave this HVM guest its vfb's display over vnc = 0; xl reads no vfb for an HVM guest and would show none";

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

/**
 * The display keys whose assignments the conversion comments out (XM0555), each with the reason:
 * `vnc` and `sdl` when they are on under `nographic = 1`, and `vnc = 0` beside a vfb. Only keys
 * whose value is known, that no `--define` sets, and that no chained assignment (`vnc = sdl = 1`)
 * sets: each of its assignments then becomes a comment, and xl reads none of them.
 */
export function xmDisplayDrops(res: CheckResult, statements: readonly { kind: string }[], defined: ReadonlyMap<string, Value>): Map<string, string> {
  const out = new Map<string, string>();
  if (!isXmHvm(res)) return out;
  const config = res.config as Record<string, unknown>;
  const assigns = statements.filter((s): s is AssignStmt => s.kind === 'assign');
  const droppable = (key: string): boolean =>
    !defined.has(key) && !res.unknown.has(key) && assigns.some((a) => a.key.name === key) && !assigns.some((a) => a.chained?.length && [a.key, ...a.chained].some((n) => n.name === key));
  if (xmNographic(res)) {
    for (const key of ['vnc', 'sdl']) if (on(config[key]) === true && droppable(key)) out.set(key, NOGRAPHIC_WINS);
    return out;
  }
  // A nographic of unknown value (set in a Python block) may have won over the vfb: left as it is.
  if (res.unknown.has('nographic')) return out;
  const vfbs = res.unknown.has('vfb') ? [] : Array.isArray(config.vfb) ? config.vfb : [];
  if (on(config.vnc) === false && vfbs.length > 0 && droppable('vnc')) out.set('vnc', VFB_WINS);
  return out;
}
