/**
 * @fileoverview The config's own soft affinity (`cpus_soft`) as Xen uses it (decision 042). libxl
 * runs no automatic NUMA placement when the config gives a soft affinity (libxl__build_pre: "Can't
 * run NUMA placement, as a soft affinity has been specified explicitly"), and without vnuma Xen
 * derives the node affinity, where the guest's memory comes from, from the vCPUs' affinities
 * (domain_update_node_affinity): the nodes of the CPUs in both the hard and the soft affinity (the
 * union over the vCPUs of each), or of the hard affinity alone when the two share no CPU.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveCpuList } from '../normalize/cpulist.js';
import { rangesOf } from './bitmap.js';
import { guestShape } from './guest.js';
import { hostDiag } from './host-check.js';
import { cpusMemo, hardCpuSet, isCpuList, listsReach, storedCpus } from './pinning.js';
import type { Host, Plan, PlacementConfig } from './types.js';

/** Whether the config gives a soft affinity of its own (any cpus_soft xl reads, even "all": libxl then skips its placement). */
export function hasSoft(cfg: PlacementConfig): boolean {
  const v = cfg.cpus_soft;
  return isCpuList(v) || (Array.isArray(v) && v.some(isCpuList));
}

/** Whether Xen's node affinity follows the vCPUs' affinities: no vnuma of the config's own (libxl allocates each vnode on its pnode). */
function followsAffinity(cfg: PlacementConfig): boolean {
  return !(Array.isArray(cfg.vnuma) && cfg.vnuma.length > 0);
}

/**
 * CPUs the soft affinity of some existing vCPU names, or null when a vCPU keeps the default (every
 * CPU: no cpus_soft, or a per-vCPU list that ends before it or holds a non-list there). Entries past
 * maxvcpus belong to no vCPU (xl never parses them).
 */
export function softReach(cfg: PlacementConfig, host: Host): Set<number> | null {
  const v = cfg.cpus_soft;
  if (isCpuList(v)) return new Set(resolveCpuList(v, host));
  return Array.isArray(v) ? listsReach(v, host, guestShape(cfg).maxvcpus) : null;
}

/** What keeps a guest's memory on some nodes: the CPUs Xen's node affinity is made of, and which of the config's keys say so. */
export interface MemoryFence {
  cpus: Set<number>;
  by: 'cpus' | 'cpus_soft' | 'cpus and cpus_soft';
}

/**
 * The CPUs whose nodes Xen takes the memory from under the config's own `cpus` (`hard`: the plan's
 * candidates pass the CPUs it names, numa = "off" the CPUs its vCPUs reach, null past a short list) and `cpus_soft`: their common CPUs, or the hard ones when they share none (Xen
 * then ignores the soft affinity); null when neither narrows anything. `ownSoft` false: the plan's
 * own cpus_soft lines replace the config's (--affinity soft), so only `cpus` counts.
 */
export function memoryFence(cfg: PlacementConfig, host: Host, hard: Set<number> | null = hardCpuSet(cfg, host), ownSoft = true): MemoryFence | null {
  const soft = ownSoft && followsAffinity(cfg) ? softReach(cfg, host) : null;
  if (!soft) return hard ? { cpus: hard, by: 'cpus' } : null;
  if (!hard) return { cpus: soft, by: 'cpus_soft' };
  const both = new Set([...hard].filter((c) => soft.has(c)));
  return both.size > 0 ? { cpus: both, by: 'cpus and cpus_soft' } : { cpus: hard, by: 'cpus' };
}

/**
 * The reason a plan gives when libxl would not have placed the guest itself: the config's cpus_soft.
 * None with --affinity soft (`ownSoft` false): the plan's cpus_soft lines replace the config's.
 */
export function softReason(cfg: PlacementConfig, host: Host, ownSoft = true): string | null {
  if (!ownSoft || !hasSoft(cfg) || cfg.numa !== undefined || !followsAffinity(cfg)) return null;
  const soft = softReach(cfg, host);
  const where = soft ? `; Xen takes the memory from the nodes of its CPUs (${rangesOf([...soft].sort((a, b) => a - b))}) that the vCPUs may run on` : '';
  return `the config gives cpus_soft, so libxl runs no automatic NUMA placement of its own${where}`;
}

/**
 * XM0425 and XM0426: the config's own cpus_soft beside the plan's hard pinning (decision 042). The
 * plan's xl lines pin the vCPUs; the file's cpus_soft stays. Xen takes the memory from the nodes of
 * the CPUs in both, so a plan node with memory that cpus_soft leaves out loses its share (XM0425);
 * a vCPU whose soft affinity shares no CPU with its pins has it ignored (libxl: "All cpus in soft
 * affinity of vcpu N are unreachable"; XM0426). Not for --affinity soft (the plan's cpus_soft lines
 * replace the config's), nor with a vnuma of the config's own (libxl allocates on its pnodes).
 */
export function softConflicts(cfg: PlacementConfig, host: Host, p: Plan): Diagnostic[] {
  if (p.affinity !== 'hard' || p.vcpus.length === 0 || !hasSoft(cfg) || !followsAffinity(cfg)) return [];
  const out: Diagnostic[] = [];
  const apart = softApart(cfg, host, p);
  if (apart) out.push(apart);
  const soft = softReach(cfg, host);
  if (!soft) return out;
  const pinned = new Set(p.vcpus.flatMap((v) => v.cpus));
  const both = [...pinned].filter((c) => soft.has(c));
  if (both.length === 0) return out;
  const reach = new Set(both);
  const left = Object.entries(p.memory_per_node_mib)
    .map(([id, mib]) => ({ node: host.nodes.find((n) => n.id === Number(id)), mib }))
    .filter((x) => x.node !== undefined && x.node.cpus.length > 0 && x.mib > 0 && !x.node.cpus.some((c) => reach.has(c)));
  if (left.length === 0) return out;
  const ids = left.map((x) => x.node!.id).sort((a, b) => a - b);
  const mib = left.reduce((a, x) => a + x.mib, 0);
  const cpus = left.flatMap((x) => x.node!.cpus).sort((a, b) => a - b);
  out.push(
    hostDiag(
      'XM0425',
      'warning',
      `the config's cpus_soft leaves out every CPU of node ${ids.join(',')} (CPUs ${rangesOf(cpus)}), which the plan gives ${mib} MiB: Xen takes a guest's memory only from the nodes of the CPUs in both its hard and its soft affinity, so xl create puts that memory on the other nodes`,
      `add CPUs ${rangesOf(cpus)} to cpus_soft, or drop cpus_soft (or plan with --affinity soft, whose cpus_soft lines replace it)`,
    ),
  );
  return out;
}

/**
 * XM0426 for the vCPUs of plan `p` whose soft affinity under the config's cpus_soft shares no CPU
 * with their pins, leaving out those in `skip` (migrate-plan's vCPUs whose stored cpus_soft names no
 * CPU of the host: XM0428 says that cause, decision 073), or null.
 */
export function softApart(cfg: PlacementConfig, host: Host, p: Plan, skip: readonly number[] = []): Diagnostic | null {
  const softOf = cpusMemo(cfg.cpus_soft, host);
  const apart = p.vcpus.filter((v) => {
    const soft = softOf(v.vcpu);
    return soft !== null && !v.cpus.some((c) => soft.has(c)) && !skip.includes(v.vcpu);
  });
  if (apart.length === 0) return null;
  return hostDiag(
    'XM0426',
    'warning',
    `the config's cpus_soft shares no CPU with the CPUs the plan pins vCPU ${rangesOf(apart.map((v) => v.vcpu))} to: libxl warns that the soft affinity is unreachable and Xen schedules those vCPUs by the pinning alone`,
    'drop cpus_soft, or ask for the nodes whose CPUs it names (or plan with --affinity soft, whose cpus_soft lines replace it)',
  );
}

/**
 * The config's cpus_soft as the ledger keeps it beside a plan (decision 046), or undefined when the
 * plan's own lines decide the soft affinity (--affinity soft), the config gives none, or a vnuma of
 * its own places the memory whatever the affinities. Entries that are no CPU list are null (their
 * vCPU keeps the default).
 */
export function storedSoft(cfg: PlacementConfig, affinity: 'hard' | 'soft'): Plan['config_cpus_soft'] {
  if (affinity !== 'hard' || !hasSoft(cfg) || !followsAffinity(cfg)) return undefined;
  return storedCpus(cfg.cpus_soft);
}
