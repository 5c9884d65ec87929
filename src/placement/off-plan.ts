/**
 * @fileoverview The plan of `numa = "off"`: no node chosen, nothing pinned, memory booked over the
 * nodes in proportion to their free memory so the ledger still counts it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { maskOf } from './bitmap.js';
import type { Capacity } from './capacity.js';
import { shortage } from './demand.js';
import { createFlags } from './flags.js';
import { guestLabel, type GuestShape } from './guest.js';
import { hostDiag } from './host-check.js';
import { vcpusReach } from './pinning.js';
import { memoryFence } from './soft.js';
import { apportion } from './split.js';
import type { Host, Plan, PlanOptions, PlacementConfig } from './types.js';

/**
 * The no-placement plan of `numa = "off"`: nothing pinned, no node restricted. The guest still
 * takes memory somewhere, so it must fit in the host's free memory, and memory_per_node_mib books it
 * over the nodes in proportion to their free memory (the ledger subtracts it like any plan). When
 * the config's own `cpus` keep every vCPU on some nodes' CPUs, Xen takes the memory from those
 * nodes only (it derives the node affinity from the vCPUs' hard affinity), so the plan books it
 * there, and over the whole host only when those nodes cannot hold it (Xen's allocator then falls
 * back to other nodes). A cpus_soft of the config's narrows them to the CPUs in both (soft.ts).
 */
export function offPlan(g: GuestShape, cfg: PlacementConfig, host: Host, cap: Capacity, options: PlanOptions): Plan | Diagnostic {
  const total = cap.free.reduce((a, b) => a + b, 0);
  if (total < g.need) {
    const r = shortage({ kind: 'auto', memMiB: g.need, vcpus: g.maxvcpus, list: [], count: 0, salt: 0 }, cap);
    return hostDiag(r.code, 'error', `cannot place ${guestLabel(g.name)}: ${r.message}`);
  }
  // The CPUs of Xen's node affinity: the config's cpus (every vCPU's), and of those the ones in cpus_soft.
  const fence = memoryFence(cfg, host, vcpusReach(cfg, host, g.maxvcpus));
  const reach = fence?.cpus;
  const within = reach ? cap.ids.flatMap((id, p) => (host.nodes[p]!.cpus.some((c) => reach.has(c)) ? [p] : [])) : [];
  const by = fence?.by ?? 'cpus';
  const narrow = within.length > 0 && within.length < cap.ids.length;
  const withinFree = within.reduce((a, p) => a + cap.free[p]!, 0);
  const fits = narrow && withinFree >= g.need;
  const ids = fits ? within.map((p) => cap.ids[p]!) : host.nodes.map((n) => n.id);
  const shares = fits ? apportion(g.need, cap.free.map((f, p) => (within.includes(p) ? f : 0))) : apportion(g.need, cap.free);
  const memory_per_node_mib: Record<string, number> = {};
  shares.forEach((m, i) => {
    if (m > 0) memory_per_node_mib[String(cap.ids[i])] = m;
  });
  const p: Plan = {
    version: 1,
    domain: g.name,
    policy: options.policy ?? 'best',
    affinity: options.affinity ?? 'hard',
    nodes: [],
    node_affinity: { nodes: ids, mask: maskOf(ids) },
    memory_per_node_mib,
    vcpus: [],
    create_flags: createFlags(cfg),
    xl: { cpus: null, vnuma: null },
    commands: [],
    reasons: [
      fits
        ? by === 'cpus'
          ? `numa = "off": no placement by xmcfg; the config's cpus keep the vCPUs on the CPUs of node${ids.length > 1 ? 's' : ''} ${ids.join(',')}, and Xen takes a guest's memory from the nodes of the CPUs its vCPUs may run on`
          : `numa = "off": no placement by xmcfg; the config's ${by} keep the memory on node${ids.length > 1 ? 's' : ''} ${ids.join(',')}: Xen takes a guest's memory from the nodes of the CPUs in both its hard and its soft affinity`
        : narrow
          ? `numa = "off": no placement by xmcfg; the config's ${by} keep${by === 'cpus' ? ' the vCPUs' : ' the memory'} on node ${within.map((p) => cap.ids[p]!).join(',')}, whose ${withinFree} MiB free cannot hold the guest, so Xen takes the rest from other nodes`
          : 'numa = "off": no placement; vCPUs are not pinned and memory may come from any node',
      `memory: ${g.need} MiB booked over the nodes in proportion to their free memory (${Object.entries(memory_per_node_mib)
        .map(([id, m]) => `node ${id}: ${m} MiB`)
        .join(', ')})`,
    ],
  };
  if (fits) Object.defineProperty(p, 'keptBy', { value: by, enumerable: false });
  return p;
}
