/**
 * @fileoverview What `convert --to xl` writes that the xm file does not: the xm create options given
 * with `--define` (decision 020: `xm create FILE NAME=VALUE` set the option, and the file's own
 * assignment of it was skipped), and the pygrub xend used for a PV guest with neither kernel nor
 * bootloader (XM0242), which xl does not supply, and the defaults of xm's that xl does not share
 * (memory, on_crash; for HVM guests vnc, hpet, pci_msitranslate). The xl file then means what
 * `xm create` meant.
 */
import type { CheckResult } from '../check/check.js';
import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { AssignStmt } from '../syntax/tree.js';
import type { Setting, Value } from '../syntax/value.js';
import { convertXmOption, xmOptionConversion } from '../syntax/xm-options.js';
import type { KeyConversion } from './key-conversion.js';
import { xlLiteral } from './xl-literal.js';
import { isXlKey } from './rewrite.js';
import { xmGuestKind } from './xm-values.js';
import type { XmDisplay } from './xm-display.js';
import type { BootloaderFate } from './replaced-later.js';

/** The comment on a line whose value comes from `--define`. */
export const FROM_DEFINE = '# xmcfg convert: from --define';

/** The xm create options that `defines` set, as xm converted them (a value xm refused sets none: XM0240, and the file's value stands). */
export function definedOptions(res: CheckResult, defines: Record<string, string | number> | undefined): Map<string, Value> {
  const out = new Map<string, Value>();
  if (res.dialect !== 'xm' || !defines) return out;
  for (const [name, raw] of Object.entries(defines)) {
    const conversion = xmOptionConversion(name);
    if (conversion === undefined) continue;
    const r = convertXmOption(conversion, raw);
    if (r.ok) out.set(name, r.value);
  }
  return out;
}

/** Takes an empty `name` out of the defined options (the conversion writes xm's name for it); true when there was one. */
export function dropEmptyName(defined: Map<string, Value>): boolean {
  const v = defined.get('name');
  if (v?.kind !== 'string' || v.value !== '') return false;
  defined.delete('name');
  return true;
}

/**
 * For each defined option, the statement the output gives its value: the file's last top-level
 * assignment of it (xl reads the last). A plain one is `at` (its value is replaced); a chained one
 * (`a = b = v`) whose names are all xl keys is `chained`: written out per name as the conversion
 * writes any chain, each name with its own value (evaluate.ts gave the option's the --define's). The
 * option gets a line of its own when the file does not set it (`missing`), or sets it last in a chain
 * that cannot be written so (`VMID = memory = 512`: the chain is commented out); a line after a chain
 * that is written made the key a duplicate (XM0201) in xl.
 */
export function definedTargets(statements: readonly { kind: string }[], defined: ReadonlyMap<string, Value>): { at: Map<number, string>; chained: Map<AssignStmt, string[]>; missing: string[] } {
  const last = new Map<string, AssignStmt>();
  for (const st of statements) {
    if (st.kind !== 'assign') continue;
    const a = st as AssignStmt;
    for (const n of [a.key, ...(a.chained ?? [])]) if (defined.has(n.name)) last.set(n.name, a);
  }
  const at = new Map<number, string>();
  const chained = new Map<AssignStmt, string[]>();
  const missing: string[] = [];
  for (const key of defined.keys()) {
    const st = last.get(key);
    if (st && !st.chained?.length) at.set(st.span.start, key);
    else if (st && [st.key, ...st.chained!].every((n) => isXlKey(n.name))) chained.set(st, [...(chained.get(st) ?? []), key]);
    else missing.push(key);
  }
  return { at, chained, missing };
}

/**
 * The lines for defined options the output has no assignment of: `key = value`, renamed and
 * converted as the file's own assignment would be, or the comment an xm-only key becomes.
 */
export function definedLines(missing: readonly string[], defined: ReadonlyMap<string, Value>, settings: readonly Setting[], keys: KeyConversion, notes: string[]): string[] {
  const out: string[] = [];
  for (const key of missing) {
    const value = defined.get(key)!;
    // The option's setting of its own (evaluate.ts adds it at 1:1), for the key's conversion.
    const s = [...settings].reverse().find((x) => x.key === key) ?? { key, keySpan: { start: 0, end: 0 }, op: '=', value, valueSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 } };
    const plan = keys.plan(key, s);
    const literal = xlLiteral('why' in plan ? value : (plan.value ?? value), 'xm');
    if (literal === null) continue;
    if ('why' in plan) {
      out.push(`# ${plan.why}: ${key} = ${literal}  ${FROM_DEFINE}`);
      continue;
    }
    out.push(`${plan.key ?? key} = ${literal}  ${FROM_DEFINE}`);
    notes.push(`${plan.key ?? key} added from --define ${key}=${literal} (xm create's option wins over the file)`);
  }
  return out;
}

/** Whether the xl file needs the pygrub xend used for this xm PV guest (check's XM0242). */
export function needsImplicitPygrub(res: CheckResult): boolean {
  if (res.dialect !== 'xm') return false;
  // The xl guest boots anyway when the file has what only xl reads: a `type` other than PV (the
  // conversion keeps it, XM0553: xm built a PV guest, xl an HVM one) or a `firmware` (pvgrub).
  const config = res.config as Record<string, unknown>;
  if (xmGuestKind(config, res.dialect) !== 'pv' || (typeof config.firmware === 'string' && config.firmware !== '')) return false;
  return res.diagnostics.some((d) => d.code === 'XM0242');
}

/**
 * What xend made of an xm file's bootloader when the xl file must not keep its lines: pygrub (added
 * at the end, XM0242), or none for an empty one beside what the guest boots from instead (xl would
 * take `bootloader = ""` as a bootloader and libxl would run it: XM0264). Null otherwise.
 */
export function xmBootloaderFate(res: CheckResult): BootloaderFate {
  if (needsImplicitPygrub(res)) return 'pygrub';
  return res.dialect === 'xm' && (res.config as Record<string, unknown>).bootloader === '' ? 'none' : null;
}

/**
 * `bootloader = "pygrub"` for an xm PV guest with neither kernel nor bootloader but a disk (XM0242):
 * xend booted it with pygrub from its first disk, and xl, which has no such default, would refuse
 * the file ("Neither kernel nor bootloader specified", XM0227). Null when the guest needs none, and
 * when it has no disk either (XM0241): xend could not boot it, no bootloader would help, and the file
 * is converted as it is (`check` reports XM0241, `--to json` refuses it with XM0227).
 */
export function implicitPygrub(res: CheckResult, notes: string[]): string | null {
  if (!needsImplicitPygrub(res)) return null;
  notes.push('bootloader = "pygrub" added (xend booted this PV guest, which has neither kernel nor bootloader, with pygrub from its first disk; xl has no such default)');
  return 'bootloader = "pygrub"  # xmcfg convert: xend booted a PV guest without kernel or bootloader with pygrub; xl needs it named';
}

/** xm's default memory (create.py: `default=128`); libxl's is 32 MiB, or maxmem when that is set. */
export const XM_DEFAULT_MEMORY_MIB = 128;

/**
 * Lines for the defaults xm had and xl does not, for the keys an xm file leaves unset (and no
 * `--define` sets): `memory = 128` (create.py's default; xl would give the guest 32 MiB, or its
 * maxmem; xend took 128 as the target with maxmem as the static maximum) unless a maxmem below
 * it, or one of unknown value, makes that impossible or uncertain, and `on_crash = "restart"` (xend's
 * XendConfig default; xl destroys a crashed guest). A key whose value is unknown (set in a Python
 * block) is left alone; one whose last value is None is unset, as it was for xm.
 */
export function xmDefaultLines(res: CheckResult, defined: ReadonlyMap<string, Value>, notes: string[], display: Pick<XmDisplay, 'lines'> = { lines: [] }): string[] {
  if (res.dialect !== 'xm') return [];
  // A last `key = None` left the key unset for xm too (the conversion comments it out).
  const unset = (key: string): boolean => {
    if (defined.has(key) || res.unknown.has(key)) return false;
    const last = [...res.settings].reverse().find((s) => s.key === key);
    return last === undefined || last.value.kind === 'none';
  };
  const out: string[] = [];
  const maxmem = (res.config as { maxmem?: unknown }).maxmem;
  // A maxmem below 128 (xend would not start the guest) or of unknown value is left to xl's reading.
  if (unset('memory') && !res.unknown.has('maxmem') && !(typeof maxmem === 'number' && maxmem < XM_DEFAULT_MEMORY_MIB)) {
    out.push(`memory = ${XM_DEFAULT_MEMORY_MIB}  # xmcfg convert: xm's default; xl's is 32 MiB (or maxmem)`);
    notes.push(`memory = ${XM_DEFAULT_MEMORY_MIB} added (xm's default when the file sets none; xl would give the guest ${typeof maxmem === 'number' ? `its maxmem, ${maxmem} MiB` : '32 MiB'})`);
  }
  if (unset('on_crash')) {
    out.push('on_crash = "restart"  # xmcfg convert: xend\'s default; xl destroys a crashed guest');
    notes.push('on_crash = "restart" added (xend restarted a crashed guest when the file said nothing; xl destroys it)');
  }
  // HVM by xm's builder: an xl `type = "hvm"` xm ignored (its guest was PV) is written for xl's defaults.
  const builder = (res.config as { builder?: unknown }).builder;
  if (typeof builder === 'string' && xmGuestKind(res.config as Record<string, unknown>, 'xm') === 'hvm') out.push(...xmHvmDefaultLines(res, unset, notes, display));
  return out;
}

/**
 * The HVM defaults of xm's that xl does not share (decision 030), for an xm HVM guest that leaves
 * the key unset: the display lines of xm-display.ts first (`vnc = 0` without a display, under
 * `nographic = 1`, or where neither vnc nor the first vfb turned VNC on; what xend took from the
 * first vfb, decision 041), then `hpet = 0` (create.py's default 0; libxl's is on), and
 * `pci_msitranslate = 1` when a passed-through device does not set its own msitranslate (create.py's
 * default 1; xl_parse.c's is 0).
 */
function xmHvmDefaultLines(res: CheckResult, unset: (key: string) => boolean, notes: string[], display: Pick<XmDisplay, 'lines'>): string[] {
  const config = res.config as Record<string, unknown>;
  const out: string[] = [];
  const list = (key: string): unknown[] | null => (res.unknown.has(key) ? null : Array.isArray(config[key]) ? (config[key] as unknown[]) : []);
  for (const { line, note } of display.lines) out.push(line), notes.push(note);
  if (unset('hpet')) {
    out.push("hpet = 0  # xmcfg convert: xm's default; xl gives an HVM guest an HPET");
    notes.push('hpet = 0 added (xm gave an HVM guest no HPET unless the file asked; xl gives it one)');
  }
  const pcis = list('pci');
  const ownSetting = (d: unknown) => typeof d === 'object' && d !== null && typeof (d as { msitranslate?: unknown }).msitranslate === 'boolean';
  if (unset('pci_msitranslate') && pcis !== null && pcis.some((d) => !ownSetting(d))) {
    out.push("pci_msitranslate = 1  # xmcfg convert: xm's default; xl's is 0");
    notes.push('pci_msitranslate = 1 added (xm translated MSI to INTx for passed-through devices unless told not to; xl does not)');
  }
  return out;
}

/** One edit that appends `lines` at the end of the text (after a line break, if the text does not end with one). */
export function appendLines(text: string, lines: readonly string[]): TextEdit {
  const sep = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? '\n' : '';
  return { span: { start: text.length, end: text.length }, text: `${sep}${lines.join('\n')}\n` };
}
