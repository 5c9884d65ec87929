/**
 * @fileoverview `convert --to json`: low-level resources and the HVM/PV extras of the device
 * catalogue, placed where libxl keeps them: `ioports`, `iomem`, `irqs` in b_info; `rdm` and
 * `rdm_mem_boundary` in `type.hvm`; `e820_host` in `type.pv`. The normaliser keeps ioports and
 * iomem items as text, so they are read here with xl's rules (hexadecimal, as strtoul base 16).
 */
import { note, type JsonNote } from './json-notes.js';

type Obj = Record<string, unknown>;

/** A hexadecimal number as strtoul base 16 reads a whole string (optional 0x); null otherwise. */
function hexNumber(text: string): number | null {
  const m = /^(?:0[xX])?([0-9a-fA-F]{1,13})$/.exec(text.trim());
  return m ? parseInt(m[1]!, 16) : null;
}

/** The string items of a list option, with their positions. */
function items(config: Obj, option: string): [string, number][] {
  const v = config[option];
  if (!Array.isArray(v)) return [];
  const out: [string, number][] = [];
  v.forEach((s, i) => {
    if (typeof s === 'string') out.push([s, i]);
  });
  return out;
}

/** `ioports` "FIRST[-LAST]" (hex) → libxl_ioport_range `{first, number}`. */
export function ioports(config: Obj, notes: JsonNote[]): Obj[] {
  const out: Obj[] = [];
  for (const [text, index] of items(config, 'ioports')) {
    const dash = text.indexOf('-');
    const first = hexNumber(dash === -1 ? text : text.slice(0, dash));
    const last = dash === -1 ? first : hexNumber(text.slice(dash + 1));
    if (first === null || last === null || last < first || last > 0xffffffff) notes.push(note('bad-value', text, 'ioports', index));
    else out.push({ first, number: last - first + 1 });
  }
  return out;
}

/** `iomem` "START,NUM_PAGES[@GFN]" (hex) → libxl_iomem_range `{start, number, gfn}` (gfn only when given). */
export function iomem(config: Obj, notes: JsonNote[]): Obj[] {
  const out: Obj[] = [];
  for (const [text, index] of items(config, 'iomem')) {
    const m = /^([^,@]*),([^,@]*)(?:@([^,@]*))?$/.exec(text);
    const start = m ? hexNumber(m[1]!) : null;
    const number = m ? hexNumber(m[2]!) : null;
    const gfn = m?.[3] === undefined ? undefined : hexNumber(m[3]);
    if (start === null || number === null || gfn === null) notes.push(note('bad-value', text, 'iomem', index));
    else out.push(gfn === undefined ? { start, number } : { start, number, gfn });
  }
  return out;
}

/** `irqs` → b_info `irqs` (the normaliser has read them as numbers already). */
export function irqs(config: Obj): number[] {
  const v = config.irqs;
  return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
}

/** The `rdm` spec → libxl_rdm_reserve `{strategy, policy}` (xlu_rdm_parse accepts strategy=host only). */
export function rdm(config: Obj, notes: JsonNote[]): Obj | undefined {
  const spec = config.rdm;
  if (typeof spec !== 'object' || spec === null) return undefined;
  const allowed: Record<string, readonly string[]> = { strategy: ['host'], policy: ['strict', 'relaxed'] };
  const read: Obj = {};
  for (const [key, value] of Object.entries(spec as Record<string, unknown>)) {
    if (key === 'spec' || typeof value !== 'string') continue;
    const ok = allowed[key];
    if (!ok) notes.push(note('unknown-key', `${key}=${value}`, 'rdm', key));
    else if (!ok.includes(value)) notes.push(note('bad-value', value, 'rdm', key));
    else read[key] = value;
  }
  // libxl's field order, whatever order the spec used.
  const out: Obj = {};
  for (const k of Object.keys(allowed)) if (read[k] !== undefined) out[k] = read[k];
  return Object.keys(out).length ? out : undefined;
}

/** The PCI defaults (`pci_permissive`, …) xl copies into every PCI device before reading its spec. */
export function pciDefaults(config: Obj): Record<'msitranslate' | 'power_mgmt' | 'permissive' | 'seize', unknown> {
  return { msitranslate: config.pci_msitranslate, power_mgmt: config.pci_power_mgmt, permissive: config.pci_permissive, seize: config.pci_seize };
}

/** A libxl `bool` field: true, or undefined for false/unset (false is the default xl leaves out). */
export const libxlBool = (b: unknown): true | undefined => (b === true ? true : undefined);

/** A list option given as one item or several: libxl's single field for one, its `_list` field for more. */
export function oneOrList(v: unknown, single: string): Obj {
  if (!Array.isArray(v) || v.length === 0) return {};
  const texts = v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && typeof (x as Obj).spec === 'string' ? (x as Obj).spec : undefined)).filter((x) => x !== undefined);
  if (texts.length === 0) return {};
  return texts.length === 1 ? { [single]: texts[0] } : { [`${single}_list`]: texts };
}

/** `rdm_mem_boundary` (MiB) in KiB, as libxl's `rdm_mem_boundary_memkb`. */
export function rdmBoundaryKb(config: Obj): number | undefined {
  return typeof config.rdm_mem_boundary === 'number' ? config.rdm_mem_boundary * 1024 : undefined;
}
