/**
 * Test helper: the lines `convert --to xl` appends to an xm file that leaves memory or on_crash
 * unset (decision 033: xm's 128 MiB and xend's "restart", where xl would give 32 MiB and destroy),
 * and to an xm HVM guest that leaves vnc, hpet or pci_msitranslate unset (decision 030).
 */
import { expect } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { xmReading } from '../../src/convert/xm-reading.js';
import { xmGuestKind } from '../../src/convert/xm-values.js';

export const MEMORY_LINE = "memory = 128  # xmcfg convert: xm's default; xl's is 32 MiB (or maxmem)\n";
export const ON_CRASH_LINE = 'on_crash = "restart"  # xmcfg convert: xend\'s default; xl destroys a crashed guest\n';
/** Both lines, for an xm file that sets neither key. */
export const XM_DEFAULTS = MEMORY_LINE + ON_CRASH_LINE;
/** The HVM lines (decision 030): no VNC display, no HPET, and MSI translation for passed-through devices. */
export const VNC_LINE = "vnc = 0  # xmcfg convert: xm's default for an HVM guest (no display without vnc, sdl or a vfb); xl turns VNC on\n";
/** The HVM vnc line under `nographic = 1` (decision 030: xend's nographic won over vnc, sdl and a vfb). */
export const NOGRAPHIC_VNC_LINE = "vnc = 0  # xmcfg convert: xm's nographic = 1 gave this HVM guest no display (over vnc, sdl or a vfb); xl turns VNC on\n";
export const NOGRAPHIC_VNC_NOTE = "vnc = 0 added (xm's nographic = 1 gave the HVM guest no display, whatever vnc, sdl or a vfb said; xl turns VNC on)";
export const HPET_LINE = "hpet = 0  # xmcfg convert: xm's default; xl gives an HVM guest an HPET\n";
export const MSITRANSLATE_LINE = "pci_msitranslate = 1  # xmcfg convert: xm's default; xl's is 0\n";
export const VNC_NOTE = 'vnc = 0 added (xm gave an HVM guest without vnc, sdl or a vfb no VNC display; xl turns VNC on)';
export const HPET_NOTE = 'hpet = 0 added (xm gave an HVM guest no HPET unless the file asked; xl gives it one)';
export const MSITRANSLATE_NOTE = 'pci_msitranslate = 1 added (xm translated MSI to INTx for passed-through devices unless told not to; xl does not)';
/** The two lines every xm HVM guest without vnc, vfb and hpet gets. */
export const XM_HVM_DEFAULTS = VNC_LINE + HPET_LINE;
/** The notes that go with the lines (the memory one for a file without maxmem). */
export const MEMORY_NOTE = "memory = 128 added (xm's default when the file sets none; xl would give the guest 32 MiB)";
export const ON_CRASH_NOTE = 'on_crash = "restart" added (xend restarted a crashed guest when the file said nothing; xl destroys it)';

/** The default lines `convert --to xl` should append to `src` read as xm (none for a key the file sets, or memory under a maxmem below 128). */
export function expectedDefaults(src: string, defines?: Record<string, string | number>): { lines: string; notes: string[] } {
  const res = checkText(src, { dialect: 'xm', defines });
  // A last `key = None` leaves the key unset, as for xm.
  const sets = (k: string) => res.unknown.has(k) || ([...res.settings].reverse().find((s) => s.key === k)?.value.kind ?? 'none') !== 'none';
  const maxmem = (res.config as { maxmem?: unknown }).maxmem;
  const memory = !sets('memory') && !res.unknown.has('maxmem') && !(typeof maxmem === 'number' && maxmem < 128);
  let lines = (memory ? MEMORY_LINE : '') + (sets('on_crash') ? '' : ON_CRASH_LINE);
  const notes = [...(memory && typeof maxmem !== 'number' ? [MEMORY_NOTE] : []), ...(sets('on_crash') ? [] : [ON_CRASH_NOTE])];
  const config = res.config as Record<string, unknown>;
  if (typeof config.builder === 'string' && xmGuestKind(config, 'xm') === 'hvm') {
    const list = (k: string) => (res.unknown.has(k) ? null : Array.isArray(config[k]) ? (config[k] as { msitranslate?: unknown }[]) : []);
    const vfb = list('vfb');
    const nographic = !res.unknown.has('nographic') && config.nographic === true;
    if (nographic && (!sets('vnc') || config.vnc === true)) (lines += NOGRAPHIC_VNC_LINE), notes.push(NOGRAPHIC_VNC_NOTE);
    else if (!nographic && !sets('vnc') && vfb !== null && vfb.length === 0) (lines += VNC_LINE), notes.push(VNC_NOTE);
    if (!sets('hpet')) (lines += HPET_LINE), notes.push(HPET_NOTE);
    const pci = list('pci');
    if (!sets('pci_msitranslate') && pci !== null && pci.some((d) => typeof d?.msitranslate !== 'boolean')) (lines += MSITRANSLATE_LINE), notes.push(MSITRANSLATE_NOTE);
  }
  return { lines, notes };
}

/**
 * For tests about something else: asserts that the conversion of xm `src` appended exactly the
 * default lines it should (at the end, before a pygrub line) with their notes, and returns the
 * result without them, as it was before decision 033.
 */
export function withoutDefaults<R extends { ok: boolean; text: string; notes: string[] }>(src: string, r: R, options: { defines?: Record<string, string | number>; dialect?: 'xl' | 'xm' | 'auto'; fileName?: string } = {}): R {
  const defines = options.defines;
  if (!r.ok || xmReading(src, defines, options.dialect).dialect !== 'xm') return r;
  const { lines, notes } = expectedDefaults(src, defines);
  if (lines === '') return r;
  const pygrub = /bootloader = "pygrub"  # xmcfg convert: [^\n]*\n$/.exec(r.text)?.[0] ?? '';
  const body = r.text.slice(0, r.text.length - pygrub.length);
  expect(body.endsWith(lines)).toBe(true);
  for (const n of notes) expect(r.notes).toContain(n);
  let text = body.slice(0, body.length - lines.length) + pygrub;
  // The conversion added a line break before the lines to a text without a final one.
  if (!src.endsWith('\n') && text.endsWith('\n') && !pygrub) text = text.slice(0, -1);
  return { ...r, text, notes: r.notes.filter((n) => !notes.includes(n) && !n.startsWith('memory = 128 added (')) };
}
