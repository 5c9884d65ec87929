/**
 * @fileoverview xm's pci strings as xm read them: create.py's preprocess_pci hands each string to
 * xen/util/pci.py's parse_pci_name_extended (a regular expression, then the function list and the
 * virtual-function assignment) and check_pci_opts. Compared with those functions under Python
 * 2.7.18 (docs/fuzzing.md, "Differential checks"; decision 113).
 */
import type { PciSpec } from './catalogue/spec-types.js';
import { misspelt, specResult, type SpecParse } from './spec-result.js';
import { xmKnownKeys } from './catalogue/unknown-spec-keys.js';

/**
 * parse_pci_name_extended's regular expression, as re.match reads it: `[:,]` and `[.,]` take a comma
 * as a separator too, `[,-=]` is the range from "," to "=" (digits, ".", "/", ":", ";", "<" are in
 * it), the virtual slot is `[01]?` and one hex digit, and Python's `$` also matches before a final
 * newline (`.` stops at a newline, so the options are `[^\n]*`).
 */
const XM_PCI = /^(?:([0-9a-fA-F]{1,4})[:,])?([0-9a-fA-F]{1,2})[:,]([0-9a-fA-F]{1,2})[.,](\*|[0-7](?:[,-=][0-7])*)(?:@([01]?[0-9a-fA-F]))?(?:,([^\n]*))?\n?$/d;
/** The address and function part alone, to say where a string that does not match goes wrong. */
const XM_ADDRESS = /^(?:[0-9a-fA-F]{1,4}[:,])?[0-9a-fA-F]{1,2}[:,][0-9a-fA-F]{1,2}[.,](?:\*|[0-7](?:[,-=][0-7])*)/;

/** The two keys check_pci_opts takes (anything else: "Invalid pci option"). */
const XM_KEYS = ['msitranslate', 'power_mgmt'] as const;
/** xl's pci keys: in xm they are reported as xl-only by read-spec-list.ts, not as unknown. */
const XL_KEYS = new Set(['bdf', 'permissive', 'seize', 'rdm_policy', 'vslot', 'name']);

/** One physical function and the virtual function xm gives it (parse_pci_pfunc_vfunc's tuple). */
type Fn = { p: number; v: number; auto: boolean };

/** Python 2's `str.lower()` on a byte string: ASCII letters only. */
const pyLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Parse one xm pci string; never throws. The problems are what makes xm create fail (each at the
 * part it is about), plus a function item xm ignores (`0-1-2`: pci_func_list_map_fn returns no
 * function for a range of three parts), an XM0272 warning (`xmWarns`).
 */
export function parsePciXm(spec: string): SpecParse<PciSpec> {
  const r = specResult<PciSpec>(spec);
  const m = XM_PCI.exec(spec);
  if (m === null) return refuseShape(r, spec);
  const at = m.indices!;
  const [fs, fe] = at[4]!;
  r.fields.bdf = [0, fe];
  const slot = parseInt(m[3]!, 16);
  if (m[5] !== undefined) {
    r.value.vslot = parseInt(m[5], 16);
    r.fields.vslot = at[5]!;
  }
  if (m[6] !== undefined) readOpts(r, m[6], at[6]![0]);
  const fns = m[4] === '*' ? null : readFunctions(r, m[4]!, fs);
  if (fns === undefined) return r;
  // The regex takes two hex digits, but no PCI device has a slot past 1f: xend's pciif finds no
  // device of that name (0000:BB:SS.F) in sysfs and the domain is not created. With no function to
  // assign ("*" finds none on such a slot, or every item is ignored) xm assigns nothing instead.
  if (slot > 0x1f) {
    const [a, b] = at[3]!;
    const message = `bad PCI device "${m[3]}" (hex 0-1f)`;
    if (fns === null || fns.length === 0) {
      const why = fns === null ? 'xm finds no function for "*"' : 'xm reads no function from the string';
      r.problems.push({ start: a, end: b, message, xmWarns: { code: 'XM0272', message: `no PCI device has slot ${m[3]} (at most 1f), and ${why}: it assigns nothing`, hint: 'write the slot of the device (hex 0-1f)' } });
    } else r.problems.push({ start: a, end: b, message: `${message}: xm reads it, but no device has it and xend does not find one` });
    return r;
  }
  Object.assign(r.value, { domain: m[1] === undefined ? 0 : parseInt(m[1], 16), bus: parseInt(m[2]!, 16), device: slot });
  if (fns === null) r.value.function = -1;
  else if (fns.length > 0) {
    r.value.function = fns.find((f) => f.v === 0)!.p;
    if (fns.length > 1) r.value.functions = [...fns].sort((a, b) => a.v - b.v).map((f) => ({ function: f.p, vfunction: f.v }));
  }
  return r;
}

/** Where a string the regular expression does not take goes wrong: a field, the address, or what follows it. */
function refuseShape(r: SpecParse<PciSpec>, spec: string): SpecParse<PciSpec> {
  const end = spec.endsWith('\n') ? spec.length - 1 : spec.length;
  const a = XM_ADDRESS.exec(spec);
  if (a === null) {
    const stop = spec.indexOf('@');
    const to = stop === -1 ? end : stop;
    const head = spec.slice(0, to);
    const eq = head.indexOf('=');
    const key = eq === -1 ? '' : head.slice(0, eq);
    // xl's key=value form (bdf=…): xm's regex wants the address first; said as the xl-only key it is.
    if (XL_KEYS.has(key) && !/[:,.]/.test(key)) {
      r.problems.push({ start: 0, end: key.length, message: `"${key}" is an xl-only pci key`, xlKey: true });
      return r;
    }
    const field = badField(head);
    r.problems.push({
      start: field?.[0] ?? 0,
      end: field?.[1] ?? Math.max(to, Math.min(1, spec.length)),
      message: `"${field ? head.slice(field[0], field[1]) : head}" is not ${field ? 'a PCI address field' : 'a PCI address'} xm reads ([DDDD:]BB:SS.F in hex, 1-4, 1-2 and 1-2 digits, nothing before it; the function 0-7, *, or a list such as 0,2 or 0-3)`,
      hint: 'write BB:SS.F or DDDD:BB:SS.F in hex, e.g. "01:00.0", with no blank, sign or 0x',
    });
    return r;
  }
  const rest = spec.slice(a[0].length, end);
  if (rest.startsWith('@')) {
    const comma = rest.indexOf(',');
    const slotEnd = a[0].length + (comma === -1 ? rest.length : comma);
    r.problems.push({ start: a[0].length + 1, end: Math.max(slotEnd, a[0].length + 1), message: `bad virtual slot "${spec.slice(a[0].length + 1, slotEnd)}" (xm reads one or two hex digits, 0-1f, with no blank or 0x)` });
  } else {
    r.problems.push({ start: a[0].length, end: Math.max(end, a[0].length + 1), message: `"${rest}" after the PCI function: xm wants "@VSLOT", ",KEY=VALUE" or the end` });
  }
  return r;
}

/**
 * In an address written the usual way, `[DDDD:]BB:SS.F` with ":" and ".", the field that is not
 * what the regex takes (`01:0x1f.0`: "0x1f"): its offsets, or null for another layout.
 */
function badField(head: string): [number, number] | null {
  const dot = head.indexOf('.');
  if (dot === -1) return null;
  const fields = head.slice(0, dot).split(':');
  if (fields.length < 2 || fields.length > 3) return null;
  const widths = fields.length === 3 ? [4, 2, 2] : [2, 2];
  let pos = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (!new RegExp(`^[0-9a-fA-F]{1,${widths[i]}}$`).test(f)) return [pos, pos + f.length];
    pos += f.length + 1;
  }
  // The function: up to the first "," (an option) or the end.
  const comma = head.indexOf(',', dot);
  return [dot + 1, comma === -1 ? head.length : comma];
}

/** check_pci_opts on split_pci_opts' items: `KEY=VALUE`, the key as written, the value 0, 1, yes or no in any case. */
function readOpts(r: SpecParse<PciSpec>, opts: string, start: number): void {
  let pos = start;
  for (const item of opts.split(',')) {
    const s = pos;
    pos += item.length + 1;
    if (item === '') continue; // split_pci_opts drops empty items (",,", a trailing ",")
    const parts = item.split('=');
    if (parts.length !== 2) {
      // `def f((k, v))` unpacks the split: one part or three is a ValueError and xm create fails.
      r.problems.push({ start: s, end: s + item.length, message: `pci option "${item}" is not KEY=VALUE with one "=" (xm: "need more than 1 value to unpack" or "too many values")` });
      continue;
    }
    const [key, value] = parts as [string, string];
    if (!(XM_KEYS as readonly string[]).includes(key)) {
      if (XL_KEYS.has(key.trim())) r.problems.push({ start: s, end: s + key.length, message: `"${key}" is an xl-only pci key`, xlKey: true });
      else r.problems.push({ start: s, end: s + key.length, message: `unknown PCI option "${key}"`, unknownKey: true, ...misspelt(key, xmKnownKeys('pci') ?? XM_KEYS) });
      continue;
    }
    const vs = s + key.length + 1;
    r.fields[key] = [vs, vs + value.length];
    const v = pyLower(value);
    if (v === '1' || v === 'yes' || v === '0' || v === 'no') (r.value as Record<string, unknown>)[key] = v === '1' || v === 'yes';
    else r.problems.push({ start: value === '' ? s : vs, end: s + item.length, message: `${key} must be 0, 1, yes or no (no blank), got "${value}"` });
  }
}

/**
 * pci_func_list_process and the virtual-function assignment of parse_pci_name_extended: the
 * function text is split at ",", each part at "-" (one part: a function; two: a range, whose
 * physical and virtual ends pair up; more: no function) and each end at "=" (PHYS[=VIRT]), read as
 * hex (a "." or ":" there is a ValueError). Physical and virtual functions must not repeat; without
 * an explicit virtual function 0, the lowest automatic one becomes 0 ("Virtual device does not
 * include virtual function 0" when there is none). Undefined when xm refuses the list.
 */
function readFunctions(r: SpecParse<PciSpec>, text: string, start: number): Fn[] | undefined {
  const all: Fn[] = [];
  let ok = true;
  let pos = start;
  for (const part of text.split(',')) {
    const s = pos;
    pos += part.length + 1;
    const ends = part.split('-');
    // map(parse_pci_pfunc_vfunc, …) reads every end before the count of ends is looked at.
    const read = ends.map((e) => readFunction(e));
    const bad = read.findIndex((f) => typeof f === 'string');
    if (bad !== -1) {
      ok = false;
      r.problems.push({ start: s, end: s + part.length, message: `bad PCI function "${part}": ${read[bad] as string}` });
      continue;
    }
    if (ends.length > 2) {
      r.problems.push({
        start: s,
        end: s + part.length,
        message: `bad PCI function "${part}"`,
        xmWarns: { code: 'XM0272', message: `xm reads no function from "${part}" (a range of ${ends.length} parts) and assigns none of them`, hint: 'write FIRST-LAST, or list the functions with ","' },
      });
      continue;
    }
    const [a, b] = read as Fn[];
    if (b === undefined) all.push(a!);
    else {
      const phys = span(a!.p, b.p);
      const virt = span(a!.v, b.v);
      if (phys.length !== virt.length) {
        ok = false;
        r.problems.push({ start: s, end: s + part.length, message: `bad PCI function range "${part}": ${phys.length} physical and ${virt.length} virtual functions (xm: "Invalid range")` });
        continue;
      }
      phys.forEach((p, i) => all.push({ p, v: virt[i]!, auto: false }));
    }
  }
  const end = start + text.length;
  if (!ok) return undefined;
  const dup = new Set(all.map((f) => f.p)).size !== all.length || new Set(all.map((f) => f.v)).size !== all.length;
  if (dup) {
    r.problems.push({ start, end, message: `PCI functions "${text}" name a physical or virtual function twice (xm: "Duplicate functions")` });
    return undefined;
  }
  if (all.length === 0 || all.some((f) => f.v === 0)) return all;
  const auto = all.filter((f) => f.auto).sort((x, y) => x.v - y.v);
  if (auto.length === 0) {
    r.problems.push({ start, end, message: `PCI functions "${text}" give no function virtual function 0 (xm: "Virtual device does not include virtual function 0")`, hint: 'map one function to 0 (e.g. 2=0), or name one without "="' });
    return undefined;
  }
  auto[0] = { ...auto[0]!, v: 0 };
  return [...auto, ...all.filter((f) => !f.auto)];
}

/** parse_pci_pfunc_vfunc on one end: PHYS or PHYS=VIRT, each `int(x, 16)` in 0-7; the reason as a string when xm refuses it. */
function readFunction(text: string): Fn | string {
  const parts = text.split('=');
  if (parts.length > 2) return `"${text}" has more than one "=" (xm: "Invalid function")`;
  const n = parts.map((p) => (/^[0-9a-fA-F]+$/.test(p) ? parseInt(p, 16) : null));
  if (n.some((x) => x === null)) return `"${text}" is not hex digits (xm: "invalid literal for int() with base 16")`;
  if (n.some((x) => x! > 7)) return `"${text}" is past function 7 (xm: "Invalid ${n[0]! > 7 ? 'physical' : 'virtual'} function")`;
  return { p: n[0]!, v: n[1] ?? n[0]!, auto: n.length === 1 };
}

/** pci_func_range: from a to b inclusive, counting down when b < a. */
function span(a: number, b: number): number[] {
  const out: number[] = [];
  for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? 1 : -1) out.push(x);
  return out;
}
