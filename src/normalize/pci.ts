/**
 * @fileoverview PCI passthrough specs: `[DDDD:]BB:DD.F[@VSLOT][,key=value…]` in hex (xl-pci-
 * configuration(5); xm's `BUS:DEV.FUNC[@VSLOT][,msitranslate=…]`), also the newer `bdf=` form.
 */
import type { Dialect } from '../syntax/value.js';
import type { PciSpec } from './catalogue/spec-types.js';
import { splitItems, keyValue, hex, hexNumber, type SpecItem } from './spec-items.js';
import { misspelt, specResult, specBool, type SpecParse } from './spec-result.js';
import { xmKnownKeys } from './catalogue/unknown-spec-keys.js';
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
 * A virtual slot: xl's parse_vslot reads it with sscanf "%x", which takes an optional 0x
 * (`@0x1f`, `vslot=0x1f`); xm's pci.py regex has hex digits only.
 */
function vslotOf(text: string, dialect: Dialect): number | null {
  return dialect === 'xl' ? hexNumber(text) : hex(text);
}

/** Read the BDF (and @vslot) part. */
function parseBdf(r: SpecParse<PciSpec>, it: SpecItem, dialect: Dialect): void {
  let text = it.text;
  const at = text.indexOf('@');
  if (at !== -1) {
    const vs = text.slice(at + 1);
    const v = vslotOf(vs, dialect);
    r.fields.vslot = [it.start + at + 1, it.end];
    if (v === null || v > 0x1f) r.problems.push({ start: it.start + at + 1, end: it.end, message: `bad virtual slot "${vs}" (hex 0-1f)` });
    else r.value.vslot = v;
    text = text.slice(0, at);
  }
  const end = it.start + text.length;
  const bad = (message: string) => r.problems.push({ start: it.start, end, message });
  const dot = text.lastIndexOf('.');
  if (dot === -1) return void bad(`malformed PCI address "${text}": no ".FUNCTION" ([DDDD:]BB:DD.F)`);
  const parts = text.slice(0, dot).split(':');
  if (parts.length < 2 || parts.length > 3) return void bad(`malformed PCI address "${text}" ([DDDD:]BB:DD.F)`);
  const [dom, bus, dev] = parts.length === 3 ? parts : ['0', ...parts];
  const fn = text.slice(dot + 1);
  // xl's parse_bdf counts the colons over the leading hex digits and ':' only, then reads the
  // fields with sscanf "%x", which takes an optional 0x: so a 0x is read in the device and the
  // function (after every colon), while one in the domain or bus miscounts the colons and fails.
  const lastHex = dialect === 'xl' ? hexNumber : hex;
  const d = hex(dom!);
  const b = hex(bus!);
  const s = lastHex(dev!);
  const f = fn === '*' ? -1 : lastHex(fn);
  if (d === null || d > 0xffff) return void bad(`bad PCI domain "${dom}" (hex 0-ffff)`);
  if (b === null || b > 0xff) return void bad(`bad PCI bus "${bus}" (hex 0-ff)`);
  if (s === null || s > 0x1f) return void bad(`bad PCI device "${dev}" (hex 0-1f)`);
  if (f === null || f > 7) return void bad(`bad PCI function "${fn}" (0-7 or *)`);
  Object.assign(r.value, { domain: d, bus: b, device: s, function: f });
  r.fields.bdf = [it.start, end];
}

/**
 * Where xl's parse_bdf (libxlu_pci.c) stops reading a `bdf=` value: after `[DDDD:]BB:DD.` comes
 * `*` or sscanf's `%x`, which takes the hex digits; what follows is never looked at when parse_bdf
 * is called with `endp` NULL. The whole length when the address itself does not read (parsePci
 * then reports it).
 */
function xlBdfEnd(value: string): number {
  const m = /^[0-9a-fA-F]*(?::[0-9a-fA-F]*)?:(?:0[xX])?[0-9a-fA-F]*\./.exec(value);
  if (m === null) return value.length;
  const at = m[0].length;
  if (value[at] === '*') return at + 1;
  const fn = /^[0-9a-fA-F]+/.exec(value.slice(at));
  // No digit, a "0x5" (sscanf reads 5; parseBdf reads the 0x in xl), or a function above 7
  // (refused by xl too): the whole value goes to parseBdf.
  if (fn === null || (fn[0] === '0' && /^[xX][0-9a-fA-F]/.test(value.slice(at + 1))) || parseInt(fn[0], 16) > 7) return value.length;
  return at + fn[0].length;
}

/** xm's check_pci_opts: msitranslate and power_mgmt take 0, 1, yes or no (any case). */
function xmBool(text: string): boolean | null {
  const t = text.toLowerCase();
  return t === '1' || t === 'yes' ? true : t === '0' || t === 'no' ? false : null;
}

/**
 * Parse one pci spec string; never throws. The keys are xl's (libxlu_pci.c); in the xm dialect the
 * two xm knew read as xm read them, and the others are reported as xl-only by read-spec-list.ts.
 */
export function parsePci(spec: string, dialect: Dialect = 'xl'): SpecParse<PciSpec> {
  const r = specResult<PciSpec>(spec);
  const items = splitItems(spec);
  let sawBdf = false;
  items.forEach((it, i) => {
    const kv = keyValue(it);
    if (kv.value === null) {
      if (i === 0 && it.text !== '') {
        sawBdf = true;
        parseBdf(r, it, dialect);
      } else if (it.text !== '') r.problems.push({ start: it.start, end: it.end, message: `malformed PCI option "${it.text}" (key=value)` });
      return;
    }
    const { key, value, valueStart: vs, valueEnd: ve } = kv;
    r.fields[key] = [vs, ve];
    if (key === 'bdf') {
      sawBdf = true;
      // xl reads bdf= with parse_bdf(pci, val, NULL): nothing checks what follows the function.
      const cut = dialect === 'xl' ? xlBdfEnd(value) : value.length;
      parseBdf(r, { text: value.slice(0, cut), start: vs, end: vs + cut }, dialect);
      if (cut < value.length) {
        const rest = value.slice(cut);
        r.problems.push({
          start: vs + cut,
          end: ve,
          message: `bdf=${value}`,
          xlReads: {
            message: `bdf=${value}: xl reads the address ${value.slice(0, cut)} and ignores "${rest}"${rest.startsWith('@') ? ' (a virtual slot is vslot= in the key=value form)' : ''}`,
            hint: rest.startsWith('@') ? `write bdf=${value.slice(0, cut)},vslot=${rest.slice(1)}` : `write bdf=${value.slice(0, cut)}`,
          },
        });
      }
    } else if (BOOL_KEYS.has(key)) {
      const xm = dialect === 'xm' && (key === 'msitranslate' || key === 'power_mgmt');
      const b = xm ? xmBool(value) : specBool(value);
      if (b !== null) (r.value as Record<string, unknown>)[key] = b;
      else {
        // In xl, libxlu_pci.c reads these with atoi(val) (XL_NUMBER_READERS.pci): XM0231, not a refusal.
        const lenient = dialect === 'xl' ? xlLenient(XL_NUMBER_READERS.pci![key], 'bool', key, value) : null;
        if (lenient !== null) (r.value as Record<string, unknown>)[key] = lenient.value;
        r.problems.push({ start: vs, end: ve, message: `${key} must be ${xm ? '0, 1, yes or no' : '0 or 1'}, got "${value}"`, ...(lenient && { xlReads: lenient.note }) });
      }
    } else if (key === 'rdm_policy') {
      // xl reads it with libxl_rdm_reserve_policy_from_string (libxlu_pci.c parse_rdm_policy), which
      // matches libxl's enum names in any case; the normalised value is libxl's spelling.
      const policy = dialect === 'xl' ? value.toLowerCase() : value;
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
      const v = vslotOf(value, dialect);
      if (v === null || v > 0x1f) r.problems.push({ start: vs, end: ve, message: `bad virtual slot "${value}" (hex 0-1f)` });
      else r.value.vslot = v;
    } else if (key === 'name') r.value.name = value;
    else r.problems.push({ start: it.start, end: it.start + key.length, message: `unknown PCI option "${key}"`, unknownKey: true, ...misspelt(key, dialect === 'xm' ? (xmKnownKeys('pci') ?? PCI_KEYS) : PCI_KEYS) });
  });
  if (!sawBdf && r.value.name === undefined) r.problems.push({ start: 0, end: spec.length, message: 'no PCI address ([DDDD:]BB:DD.F or bdf=…)' });
  if (dialect === 'xl') xlLayout(r, spec, items, sawBdf);
  return r;
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
 * (bdf=, `endp` NULL), and rdm_policy (libxl_rdm_reserve_policy_from_string) and name= do not.
 */
function blanksRefused(it: SpecItem, lead: boolean, trail: boolean): boolean {
  const eq = it.text.indexOf('=');
  if (lead || eq === -1) return lead || trail;
  if (/\s$/.test(it.text.slice(0, eq))) return true;
  const key = it.text.slice(0, eq);
  if (BLANK_TOLERANT.has(key)) return false;
  const valueLead = /^\s/.test(it.text.slice(eq + 1));
  return key === 'bdf' ? valueLead : valueLead || trail;
}
