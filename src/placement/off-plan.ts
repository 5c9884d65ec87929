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
import { apportion } from './split.js';
import type { Host, Plan, PlanOptions, PlacementConfig } from './types.js';

/**
 * The no-placement plan of `numa = "off"`: nothing pinned, no node restricted. The guest still
 * takes memory somewhere, so it must fit in the host's free memory, and memory_per_node_mib books it
 * over the nodes in proportion to their free memory (the ledger subtracts it like any plan).
 */
export function offPlan(g: GuestShape, cfg: PlacementConfig, host: Host, cap: Capacity, options: PlanOptions): Plan | Diagnostic {
  const ids = host.nodes.map((n) => n.id);
  const total = cap.free.reduce((a, b) => a + b, 0);
  if (total < g.need) {
    const r = shortage({ kind: 'auto', memMiB: g.need, vcpus: g.maxvcpus, list: [], count: 0, salt: 0 }, cap);
    return hostDiag(r.code, 'error', `cannot place ${guestLabel(g.name)}: ${r.message}`);
  }
  const shares = apportion(g.need, cap.free);
  const memory_per_node_mib: Record<string, number> = {};
  shares.forEach((m, i) => {
    if (m > 0) memory_per_node_mib[String(cap.ids[i])] = m;
  });
  return {
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
      'numa = "off": no placement; vCPUs are not pinned and memory may come from any node',
      `memory: ${g.need} MiB booked over the nodes in proportion to their free memory (${Object.entries(memory_per_node_mib)
        .map(([id, m]) => `node ${id}: ${m} MiB`)
        .join(', ')})`,
    ],
  };
}
