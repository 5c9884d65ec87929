/**
 * @fileoverview Domain-creation flags: Xen's `XEN_DOMCTL_CDF_*` bits (xen/include/public/domctl.h,
 * reference/xen-format.md §e) derived from the config as libxl (and xend for s3_integrity) sets them.
 * Node ids are never packed into these bits; node masks are separate bitmaps.
 */
import type { PlacementConfig } from './types.js';

/** The flag bits, value and name as printed in plans. */
export const CDF_BITS = [
  { bit: 0x001, name: 'hvm' },
  { bit: 0x002, name: 'hap' },
  { bit: 0x004, name: 's3_integrity' },
  { bit: 0x008, name: 'oos_off' },
  { bit: 0x010, name: 'xs_domain' },
  { bit: 0x020, name: 'iommu' },
  { bit: 0x040, name: 'nested_virt' },
  { bit: 0x080, name: 'vpmu' },
  { bit: 0x100, name: 'trap_unmapped_accesses' },
] as const;

/** The guest type xl uses: `type`, else `builder = "hvm"`, else PV. */
export function guestType(cfg: PlacementConfig): 'pv' | 'pvh' | 'hvm' {
  return cfg.type ?? (cfg.builder === 'hvm' ? 'hvm' : 'pv');
}

/** Creation flags of a config: value and names in bit order. */
export function createFlags(cfg: PlacementConfig): { value: number; names: string[] } {
  const type = guestType(cfg);
  const container = type !== 'pv';
  const passthrough = typeof cfg.passthrough === 'string' ? cfg.passthrough : undefined;
  const devices = (Array.isArray(cfg.pci) && cfg.pci.length > 0) || (Array.isArray(cfg.dtdev) && cfg.dtdev.length > 0);
  let value = 0;
  if (container) value |= 0x001;
  // libxl defaults hap to on for HVM/PVH; PV guests never get it.
  if (container && cfg.hap !== false) value |= 0x002;
  if (cfg.s3_integrity === true) value |= 0x004;
  if (container && cfg.oos === false) value |= 0x008;
  if (passthrough !== 'disabled' && (devices || (passthrough !== undefined && passthrough !== 'default'))) value |= 0x020;
  if (container && cfg.nestedhvm === true) value |= 0x040;
  if (cfg.vpmu === true) value |= 0x080;
  return { value, names: CDF_BITS.filter((b) => value & b.bit).map((b) => b.name) };
}
