/**
 * @fileoverview The config's own hard affinity (`cpus`), resolved against the host, so a plan
 * never pins a vCPU outside CPUs the config allows when the two overlap.
 */
import { resolveCpuList, type CpuList } from '../normalize/cpulist.js';
import type { Host, PlacementConfig } from './types.js';

function isCpuList(v: unknown): v is CpuList {
  return typeof v === 'object' && v !== null && Array.isArray((v as CpuList).items) && typeof (v as CpuList).text === 'string';
}

/** CPUs the config's `cpus` allows (a per-vCPU list counts as their union), or null when unset. */
export function hardCpuSet(cfg: PlacementConfig, host: Host): Set<number> | null {
  const v = cfg.cpus;
  if (v === undefined) return null;
  const lists = Array.isArray(v) ? v.filter(isCpuList) : isCpuList(v) ? [v] : [];
  if (lists.length === 0) return null;
  const out = new Set<number>();
  for (const l of lists) for (const c of resolveCpuList(l, host)) out.add(c);
  return out;
}

/** CPUs the config's `cpus` allows for vCPU `i` (a per-vCPU list applies to its own vCPU only; vCPUs past its end are unrestricted). */
export function hardCpusOfVcpu(cfg: PlacementConfig, host: Host, i: number): Set<number> | null {
  const v = cfg.cpus;
  if (!Array.isArray(v)) return hardCpuSet(cfg, host);
  const l = v[i];
  return isCpuList(l) ? new Set(resolveCpuList(l, host)) : null;
}
