/**
 * @fileoverview PCI passthrough specs: `[DDDD:]BB:DD.F[@VSLOT][,key=value…]` in hex (xl-pci-
 * configuration(5)), also the newer `bdf=` form; xm's `BUS:DEV.FUNC[@VSLOT][,msitranslate=…]` is pci-xm.ts's.
 */
import type { Dialect } from '../syntax/value.js';
import type { PciSpec } from './catalogue/spec-types.js';
import { splitItems, keyValue, type SpecItem } from './spec-items.js';
import { scanHex, xlBdf } from './pci-bdf-xl.js';
import { parsePciXm } from './pci-xm.js';
import { misspelt, specResult, specBool, xlReadsNote, type SpecParse } from './spec-result.js';
import { XL_NUMBER_READERS, type FieldTable } from './catalogue/spec-tables.js';
import { xlLenient } from './spec-kv.js';

/** The `key=value` keys parsePci reads (vslot is hex, bools any integer); also what the language server completes. */
export const PCI_FIELDS: FieldTable = {
  bdf: 'string',
  permissive: 'bool',
  msitranslate: 'bool',
  seize: 'bool',
  power_mgmt: 'bool',
  rdm_policy: ['strict', 'relaxed'],
  vslot: 'string',
  name: 'string',
};
/** The keys a misspelt one is compared with (`msitrans=` → msitranslate). */
const PCI_KEYS = Object.keys(PCI_FIELDS);
const BOOL_KEYS = new Set(Object.keys(PCI_FIELDS).filter((k) => PCI_FIELDS[k] === 'bool'));

/**
 * Read an address as xl's parse_bdf does ({@link xlBdf}) at `start` of the spec, up to `end`: the
 * fields, a refusal at the field xl refuses, and XM0231 at each field xl reads past a blank or a
 * sign. Returns where the reading ended (relative to `text`), or null when it was refused.
 */
function readXlAddress(r: SpecParse<PciSpec>, text: string, start: number): number | null {
  const a = xlBdf(text);
  if (!a.ok) {
    r.problems.push({ start: start + a.start, end: start + a.end, message: a.message });
    return null;
  }
  Object.assign(r.value, { domain: a.domain, bus: a.bus, device: a.device, function: a.function });
  r.fields.bdf = [start, start + a.end];
  const addr = text.slice(0, a.end);
  const plain = `${a.domain.toString(16).padStart(4, '0')}:${a.bus.toString(16).padStart(2, '0')}:${a.device.toString(16).padStart(2, '0')}.${a.function === -1 ? '*' : a.function.toString(16)}`;
  for (const [s, e] of a.odd) {
    const f = text.slice(s, e);
    r.problems.push({
      start: start + s,
      end: start + e,
      message: `bad PCI address "${addr}": "${f}" is not hex digits`,
      xlReads: { message: `PCI address "${addr}": xl reads "${f}" with sscanf "%x" (which skips blanks, takes a sign and keeps 32 bits), so the address is ${plain}`, hint: `write ${plain}` },
    });
  }
  return a.end;
}

/** The positional address in xl: xlu_pci_parse_spec_string wants '@' and a slot, or the end of the item, after the function. */
function parseBdfXl(r: SpecParse<PciSpec>, it: SpecItem): void {
  const end = readXlAddress(r, it.text, it.start);
  if (end === null) return;
  const rest = it.text.slice(end);
  if (rest === '') return;
  if (rest[0] !== '@') {
    delete r.fields.bdf;
    for (const k of ['domain', 'bus', 'device', 'function'] as const) delete r.value[k];
    return void r.problems.push({ start: it.start + end, end: it.end, message: `"${rest}" after the PCI address: xl wants "@VSLOT", "," or the end ("unable to parse PCI_SPEC_STRING")` });
  }
  r.fields.vslot = [it.start + end + 1, it.end];
  // parse_vslot(&pci->vdevfn, ++ptr, &ptr), then ',' or the end must follow.
  readXlVslot(r, it.text.slice(end + 1), it.start + end + 1, true);
}

/**
 * A virtual slot as parse_vslot reads it (sscanf "%x": blanks, a sign, 0x; at most 1f). `whole`: the
 * positional @VSLOT, where the slot must end the item; vslot= (`endp` NULL) ignores what follows.
 */
function readXlVslot(r: SpecParse<PciSpec>, text: string, start: number, whole: boolean): void {
  const v = scanHex(text, 0);
  const end = start + text.length;
  if (v === null || v.value > 0x1f || (whole && v.end !== text.length)) {
    return void r.problems.push({ start, end, message: `bad virtual slot "${text}" (hex 0-1f)` });
  }
  r.value.vslot = v.value;
  if (!v.odd && v.end === text.length) return;
  const slot = v.value.toString(16);
  const ignored = v.end < text.length ? ` and ignores "${text.slice(v.end)}"` : '';
  r.problems.push({
    start: v.odd ? start : start + v.end,
    end,
    message: `bad virtual slot "${text}" (hex 0-1f)`,
    xlReads: { message: `virtual slot "${text}": xl reads it with sscanf "%x" as ${slot}${ignored}`, hint: `write ${slot}` },
  });
}

/**
 * A pci flag written as a negative number in xl: `pci->msitranslate = atoi(val);` stores the int in
 * libxl_device_pci's C bool (libxl_types.idl: msitranslate, power_mgmt, permissive and seize are
 * bool), so any value but 0 is on. xlNumber leaves minus signs to the error; here xl's reading is
 * certain. Null when the value does not start with a minus and digits.
 */
function negativeFlag(key: string, value: string): ReturnType<typeof xlLenient> {
  const m = /^[ \t\n\v\f\r]*-(\d{1,9})/.exec(value);
  if (m === null) return null;
  const n = -Number(m[1]);
  return { value: n !== 0, note: xlReadsNote(key, value, 'atoi', n, true) };
}

/**
 * Parse one pci spec string; never throws. The keys are xl's (libxlu_pci.c); in the xm dialect the
 * string is read as xm's parse_pci_name_extended reads it ({@link parsePciXm}), and xl's keys are
 * reported as xl-only by read-spec-list.ts.
 */
export function parsePci(spec: string, dialect: Dialect = 'xl'): SpecParse<PciSpec> {
  if (dialect === 'xm') return parsePciXm(spec);
  const r = specResult<PciSpec>(spec);
  const items = splitItems(spec);
  let sawBdf = false;
  items.forEach((it, i) => {
    const kv = keyValue(it);
    if (kv.value === null) {
      if (i === 0 && it.text !== '') {
        sawBdf = true;
        parseBdfXl(r, it);
      } else if (it.text !== '') r.problems.push({ start: it.start, end: it.end, message: `malformed PCI option "${it.text}" (key=value)` });
      return;
    }
    const { key, value, valueStart: vs, valueEnd: ve } = kv;
    r.fields[key] = [vs, ve];
    if (key === 'bdf') {
      sawBdf = true;
      // xl reads bdf= with parse_bdf(pci, val, NULL): nothing checks what follows the function.
      const cut = readXlAddress(r, value, vs);
      if (cut !== null && cut < value.length) {
        const rest = value.slice(cut);
        const addr = value.slice(0, cut);
        r.problems.push({
          start: vs + cut,
          end: ve,
          message: `bdf=${value}`,
          xlReads: {
            message: `bdf=${value}: xl reads the address ${addr} and ignores "${rest}"${rest.startsWith('@') ? ' (a virtual slot is vslot= in the key=value form)' : ''}`,
            hint: rest.startsWith('@') ? `write bdf=${addr},vslot=${rest.slice(1)}` : `write bdf=${addr}`,
          },
        });
      }
    } else if (BOOL_KEYS.has(key)) {
      const b = specBool(value);
      if (b !== null) (r.value as Record<string, unknown>)[key] = b;
      else {
        // In xl, libxlu_pci.c reads these with atoi(val) (XL_NUMBER_READERS.pci): XM0231, not a refusal.
        const lenient = xlLenient(XL_NUMBER_READERS.pci![key], 'bool', key, value) ?? negativeFlag(key, value);
        if (lenient !== null) (r.value as Record<string, unknown>)[key] = lenient.value;
        r.problems.push({ start: vs, end: ve, message: `${key} must be 0 or 1, got "${value}"`, ...(lenient && { xlReads: lenient.note }) });
      }
    } else if (key === 'rdm_policy') {
      // xl reads it with libxl_rdm_reserve_policy_from_string (libxlu_pci.c parse_rdm_policy), which
      // matches libxl's enum names in any case; the normalised value is libxl's spelling.
      const policy = value.toLowerCase();
      if (policy === 'strict' || policy === 'relaxed') r.value.rdm_policy = policy;
      else {
        // libxl_rdm_reserve_policy also names its "not set" value (-1, "invalid", libxl_types.idl),
        // which the enum parser takes; libxl__device_pci_setdefault then makes it strict. Every
        // other name is "Unknown RDM policy" and xl exits.
        const unset = policy === 'invalid';
        if (unset) r.value.rdm_policy = 'strict';
        r.problems.push({
          start: vs,
          end: ve,
          message: `rdm_policy must be strict or relaxed, got "${value}"`,
          ...(unset && { xlWarns: { code: 'XM0254', message: `rdm_policy=${value} is libxl's "not set" value: the device gets libxl's default, strict`, hint: 'write rdm_policy=strict, or leave rdm_policy out' } }),
        });
      }
    } else if (key === 'vslot') {
      // xl: parse_vslot(&pci->vdevfn, val, NULL) reads the slot and ignores what follows it.
      readXlVslot(r, value, vs, false);
    } else if (key === 'name') {
      readXlName(r, spec, it);
    }
    else r.problems.push({ start: it.start, end: it.start + key.length, message: `unknown PCI option "${key}"`, unknownKey: true, ...misspelt(key, PCI_KEYS) });
  });
  if (!sawBdf && r.value.name === undefined) r.problems.push({ start: 0, end: spec.length, message: 'no PCI address ([DDDD:]BB:DD.F or bdf=…)' });
  xlLayout(r, spec, items, sawBdf);
  return r;
}

/** The XM0234 note of a pci name= no assignable device can have. */
const NAME_UNASSIGNABLE = {
  code: 'XM0234',
  hint: 'write the name the device was given by xl pci-assignable-add -n (printable, no blank, at most 64 bytes), or its address',
};

/**
 * xl's name=: parse_key_val copies the value from after '=' to the next ',' (strndup), blanks kept.
 * libxl__device_pci_add looks the device up by that name (name2bdf: strcmp with the `name` each
 * assignable device has in xenstore), and libxl__device_pci_assignable_add, which sets those names,
 * refuses a name of more than 64 bytes ("Name too long") or with a byte that is not isgraph() in the
 * C locale ("Names may only include printable characters"): such a name finds no device and xl create fails.
 */
function readXlName(r: SpecParse<PciSpec>, spec: string, it: SpecItem): void {
  const start = it.start + it.text.indexOf('=') + 1;
  const comma = spec.indexOf(',', start);
  const end = comma === -1 ? spec.length : comma;
  const name = spec.slice(start, end);
  r.value.name = name;
  r.fields.name = [start, end];
  if (name.length > 64 || !/^[\x21-\x7e]*$/.test(name)) {
    const why = name.length > 64 ? `it is ${name.length} characters long (libxl takes at most 64 bytes)` : 'it holds a blank or another character that is not printable ASCII';
    r.problems.push({
      start,
      end,
      message: `pci name "${name}"`,
      xlWarns: { ...NAME_UNASSIGNABLE, message: `xl keeps name="${name}" as written, but no assignable device can have this name (${why}; pci-assignable-add refuses it), so libxl finds no device by it and xl create fails` },
    });
  }
}

/**
 * What xl's xlu_pci_parse_spec_string (libxlu_pci.c, Xen 4.16 and later) refuses in the layout of
 * the string, which the item splitter above forgives: it skips no blank (parse_bdf counts only hex
 * digits and ':'; parse_key_val takes the text up to '=' as the key, so " permissive" is "Unknown
 * PCI_SPEC_STRING option"), an empty item makes the next key start with ',' (a lone trailing comma
 * is skipped), and `if (!(bdf_present ^ name_present)) return ERROR_INVAL;` refuses an address
 * together with name=. Each is "unable to parse PCI_SPEC_STRING", and xl exits.
 */
function xlLayout(r: SpecParse<PciSpec>, spec: string, items: readonly SpecItem[], sawBdf: boolean): void {
  // A blank string is one problem, no address (reported above), not also an empty item.
  if (spec.trim() === '') return;
  let rawStart = 0;
  items.forEach((it, i) => {
    const comma = spec.indexOf(',', rawStart);
    const rawEnd = comma === -1 ? spec.length : comma;
    const last = i === items.length - 1;
    if (it.text === '' && !(last && i > 0 && rawEnd === rawStart)) {
      // An empty item (",,", ", " or a leading ","): xl reads on into the next item's text.
      const start = Math.max(rawStart - 1, 0);
      r.problems.push({ start, end: Math.min(rawEnd + 1, spec.length), message: 'an empty item: xl\'s parser reads the next key with the comma in it ("unable to parse PCI_SPEC_STRING", exit)' });
    } else if (it.text !== '' && blanksRefused(it, it.start > rawStart, it.end < rawEnd)) {
      r.problems.push({ start: rawStart, end: rawEnd, message: `blanks in "${spec.slice(rawStart, rawEnd)}" (or before its "="): xl's parser does not skip them ("unable to parse PCI_SPEC_STRING", exit)` });
    }
    rawStart = rawEnd + 1;
  });
  const name = r.fields['name'];
  if (sawBdf && name !== undefined) r.problems.push({ start: name[0], end: name[1], message: 'a PCI address and name= together: xl takes one or the other ("unable to parse PCI_SPEC_STRING", exit)' });
}

/** pci keys whose readers skip blanks around the value: atoi, and sscanf "%x" for vslot (parse_vslot with `endp` NULL). */
const BLANK_TOLERANT = new Set(['permissive', 'msitranslate', 'seize', 'power_mgmt', 'vslot']);

/**
 * Whether xl refuses the blanks of one item (`lead`: blanks before it, `trail`: after it): the
 * positional address and every key are read from their first character to the next ',' or '=';
 * a value keeps its blanks, which atoi and sscanf skip, parse_bdf ignores after the address
 * (bdf=, `endp` NULL), name= keeps in the name ({@link readXlName}), and rdm_policy
 * (libxl_rdm_reserve_policy_from_string) does not take.
 */
function blanksRefused(it: SpecItem, lead: boolean, trail: boolean): boolean {
  const eq = it.text.indexOf('=');
  if (lead || eq === -1) return lead || trail;
  if (/\s$/.test(it.text.slice(0, eq))) return true;
  const key = it.text.slice(0, eq);
  if (BLANK_TOLERANT.has(key) || key === 'name') return false;
  const valueLead = /^\s/.test(it.text.slice(eq + 1));
  return key === 'bdf' ? valueLead : valueLead || trail;
}
