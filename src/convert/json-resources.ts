/**
 * @fileoverview `convert --to json`: low-level resources and the HVM/PV extras of the device
 * catalogue, placed where libxl keeps them: `ioports`, `iomem`, `irqs` in b_info; `rdm` and
 * `rdm_mem_boundary` in `type.hvm`; `e820_host` in `type.pv`. The normaliser has read ioports and
 * iomem with xl's rules (hexadecimal, as strtoul base 16) and checked the rdm keys.
 */
import { objectItems as objects } from './json-devices.js';
import { clean, nonZero } from './json-util.js';

type Obj = Record<string, unknown>;

/** `ioports` ranges (read by the normaliser as `{first, last}`) → libxl_ioport_range `{first, number}`. */
export function ioports(config: Obj): Obj[] {
  return objects(config, 'ioports')
    .filter((r) => typeof r.first === 'number' && typeof r.last === 'number')
    // uint32 fields: libxl's JSON leaves a 0 out (port 0).
    .map((r) => clean({ first: nonZero(r.first), number: (r.last as number) - (r.first as number) + 1 }));
}

/** `iomem` ranges (read by the normaliser) → libxl_iomem_range `{start, number, gfn}` (gfn only when given). */
export function iomem(config: Obj): Obj[] {
  return objects(config, 'iomem')
    .filter((r) => typeof r.start === 'number' && typeof r.number === 'number')
    // start and number are uint64s (0 left out); gfn's default is LIBXL_INVALID_GFN, so a gfn of 0 is printed.
    .map((r) => clean({ start: nonZero(r.start), number: nonZero(r.number), gfn: r.gfn }));
}

/** `irqs` → b_info `irqs` (the normaliser has read them as numbers already). */
export function irqs(config: Obj): number[] {
  const v = config.irqs;
  return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
}

/** The `rdm` spec (checked by the normaliser) → libxl_rdm_reserve `{strategy, policy}`, in libxl's field order. */
export function rdm(config: Obj): Obj | undefined {
  const spec = config.rdm;
  if (typeof spec !== 'object' || spec === null) return undefined;
  const { strategy, policy } = spec as Obj;
  const out: Obj = {};
  if (typeof strategy === 'string') out.strategy = strategy;
  if (typeof policy === 'string') out.policy = policy;
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
