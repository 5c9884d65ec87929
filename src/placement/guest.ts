/**
 * @fileoverview The guest as the allocator sees it, derived from a normalised config with the
 * defaults of the dialect that reads it. xl (libxl__domain_build_info_setdefault): maxmem, when
 * absent, is the vnuma sizes' total (parse_vnuma_config) or 32 MiB, and memory, when absent, is
 * maxmem. xm (create.py `memory` default 128; xend kept maxmem as the static maximum above it):
 * memory = memory ?? 128, whatever maxmem says. Without a dialect (a library caller that names none)
 * memory = memory ?? maxmem ?? 128, as before. maxmem = maxmem ?? memory, vCPUs = vcpus ?? 1, maxvcpus
 * = maxvcpus ?? vcpus. A config's own vnuma (xl only: an xm file's is dropped before,
 * dialect-input.ts) stands in for maxvcpus and maxmem when they are not written, as xl's
 * parse_vnuma_config makes the vCPUs it lists max_vcpus and the sizes' total max_memkb. The memory
 * to place is the target memory plus an explicit shadow_memory, as libxl's placement counts it
 * (libxl's own overhead estimate is left out: it is not in the config).
 */
import type { PlacementConfig } from './types.js';

/** Default memory (MiB) of an xm guest (create.py), and of a config read in no named dialect that sets neither memory nor maxmem. */
export const DEFAULT_MEMORY_MIB = 128;
/** libxl's default maxmem (MiB) when the config sets neither maxmem nor vnuma sizes; memory then follows it. */
export const XL_DEFAULT_MEMORY_MIB = 32;

/** The dialect whose defaults size the guest; undefined keeps the dialect-free reading (memory ?? maxmem ?? 128). */
export type ShapeDialect = 'xl' | 'xm' | undefined;

/** What the allocator needs from a config. */
export interface GuestShape {
  /** The config's name; "" when it has none (or an empty one). */
  name: string;
  memory: number;
  maxmem: number;
  /** Memory to place: memory + shadow_memory. */
  need: number;
  maxvcpus: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);

/** The target memory (MiB) a config leaves to its dialect's default. */
function defaultMemory(cfg: PlacementConfig, dialect: ShapeDialect, ownSize: number | undefined): number {
  // xm: a maxmem without memory is the balloon ceiling over xend's 128 MiB target.
  if (dialect === 'xm') return DEFAULT_MEMORY_MIB;
  return num(cfg.maxmem) ?? ownSize ?? (dialect === 'xl' ? XL_DEFAULT_MEMORY_MIB : DEFAULT_MEMORY_MIB);
}

/** Derive the guest's shape under a dialect's defaults; never throws (odd values fall back to defaults). */
export function guestShape(cfg: PlacementConfig, dialect?: ShapeDialect): GuestShape {
  const own = vnumaTotals(cfg.vnuma);
  const memory = num(cfg.memory) ?? defaultMemory(cfg, dialect, own?.size);
  const maxmem = Math.max(num(cfg.maxmem) ?? own?.size ?? memory, memory);
  const vcpus = num(cfg.vcpus) ?? 1;
  // maxvcpus = 0 is "as many as vcpus" (xl and xm).
  const maxvcpus = Math.max(num(cfg.maxvcpus) || own?.vcpus || vcpus, 1);
  // No stand-in name: a plan or reservation under an invented name would address another domain.
  const name = typeof cfg.name === 'string' ? cfg.name : '';
  return { name, memory, maxmem, need: memory + (num(cfg.shadow_memory) ?? 0), maxvcpus };
}

/**
 * The vCPUs a vnuma lists and its sizes' total, as xl's parse_vnuma_config counts them: every vCPU a
 * `vcpus=` lists and every `size=`, whichever vnodes have them (a vnode without `size=` adds 0 MiB,
 * one without `vcpus=` no vCPU; check warns about both, XM0216). Each is undefined when no vnode gives
 * it. Not check's maxVcpusOf / maxmemOf (src/check/rules/context.ts), on purpose: those answer "not
 * known" when any vnode lacks the key or a value is unknown, so check stays silent rather than guess
 * (both read maxvcpus = 0 as unset, as xl does). A plan must size the guest
 * xl creates, so it counts as xl does (it used to ignore a vnuma in which one vnode lacked either key,
 * and planned 1 vCPU for a guest xl gives 4).
 */
export function vnumaTotals(vnuma: unknown): { vcpus?: number; size?: number } | null {
  if (!Array.isArray(vnuma) || vnuma.length === 0) return null;
  let vcpus: number | undefined;
  let size: number | undefined;
  for (const v of vnuma as unknown[]) {
    const node = v as { vcpus?: unknown; size?: unknown } | null;
    const sz = num(node?.size);
    if (Array.isArray(node?.vcpus)) vcpus = (vcpus ?? 0) + node.vcpus.length;
    if (sz !== undefined) size = (size ?? 0) + sz;
  }
  return vcpus === undefined && size === undefined ? null : { ...(vcpus !== undefined ? { vcpus } : {}), ...(size !== undefined ? { size } : {}) };
}

/** The guest as messages name it: its name, or words saying it has none. */
export function guestLabel(name: string): string {
  return name === '' ? 'the guest without a name' : name;
}
