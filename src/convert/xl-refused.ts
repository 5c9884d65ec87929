/**
 * @fileoverview The xl-only options of an xm file that `convert --to xl` comments out: xm never
 * read them (XM0553), and written as they stand xl would refuse the file, so the xl guest would not
 * be the xm guest (or none at all); and an xm videoram too small for xl's device model. Also the
 * findings-without-repeats helper of the conversion.
 */
import { checkText, type CheckResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { XM_UNREAD_KEYS } from '../normalize/xl-only.js';
import type { MappedText } from './span-map.js';
import { FirstHolder } from './span-reach.js';

/**
 * The xl-only options of an xm reading whose value is left out of its config (XM_UNREAD_KEYS): xm
 * never read them, and xl's reading of the value found something wrong (normalize.ts, the
 * schema). Written as they stand, they would make xl refuse the file (or read what xm never did):
 * every assignment of such a key is commented out, so the xl guest is the xm guest.
 */
export function xlRefusedXlOnly(res: CheckResult): Set<string> {
  const out = new Set<string>();
  if (res.dialect !== 'xm') return out;
  const config = res.config as Record<string, unknown>;
  for (const s of res.settings) {
    if (XM_UNREAD_KEYS.has(s.key) && config[s.key] === undefined && !res.unknown.has(s.key) && s.value.kind !== 'none') out.add(s.key);
  }
  return out;
}

/**
 * Errors about what the file lacks, which point at a statement that decides the need (nothing to
 * boot at a `type = "pv"`, XM0227; no name, XM0105/XM0106): not a refusal of that statement.
 */
const ABOUT_THE_FILE: ReadonlySet<string> = new Set(['XM0227', 'XM0105', 'XM0106']);

/**
 * The xl-only options xm ignored whose statement in the input holds an error `check --dialect xl`
 * finds in the converted text (mapped back through `toInput`): xl refuses the file for them, where
 * xm created the guest without them (vnuma on a guest that, its `type` being in a Python block the
 * conversion commented out, is PV for xl: XM0207), and an xm videoram below the minimum of xl's
 * device model (XM0234, VIDEORAM_REFUSED). Empty for a file not read as xm. `check`: the xl check of
 * `converted` it made (none without a candidate), for `--to json` to reuse.
 */
export function xlRefusedInOutput(res: CheckResult, converted: string, toInput: MappedText['toInput']): { keys: Set<string>; check?: CheckResult } {
  const keys = new Set<string>();
  if (res.dialect !== 'xm') return { keys };
  const candidates = res.settings.filter((s) => (XM_UNREAD_KEYS.has(s.key) || s.key === 'videoram') && s.span.end > s.span.start);
  if (candidates.length === 0) return { keys };
  const check = checkText(converted, { dialect: 'xl' });
  const holder = new FirstHolder(candidates, (x) => x.span);
  for (const d of check.diagnostics) {
    if (d.severity !== 'error' || ABOUT_THE_FILE.has(d.code)) continue;
    const at = toInput(d.span);
    const s = at && holder.at(at.start);
    // videoram only for the device model's minimum (XM0234): another error is the file's own.
    if (s && (s.key !== 'videoram' || d.code === 'XM0234')) keys.add(s.key);
  }
  return { keys, check };
}

/**
 * Why an xm videoram is commented out: xend's qemu-dm (qemu-xen-traditional) took any size, and
 * libxl refuses one below qemu-xen's minimum for the VGA (8 MiB cirrus, 16 stdvga; XM0234), which is
 * also libxl's default, so without the line the xl guest gets that minimum.
 */
export const VIDEORAM_REFUSED = "below the minimum of qemu-xen, xl's device model, for this VGA (xm's qemu-dm took it); xl gives the guest that minimum";

/** The findings without repeats (same code, span and message). */
export function once(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = `${d.code}@${d.span.start}-${d.span.end}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

