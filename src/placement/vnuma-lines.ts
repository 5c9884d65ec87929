/**
 * @fileoverview The xl `vnuma` lines of a plan (HVM/PVH guests on several nodes), or the reason a
 * plan has none: PV, populate-on-demand, a node without vCPUs or memory, too many nodes, sparse ids,
 * or the config's own vnuma.
 */
import { MAX_VNODES } from '../check/rules/vnuma.js';
import { rangesOf } from './bitmap.js';
import type { Capacity } from './capacity.js';
import type { Choice } from './demand.js';
import { guestType } from './flags.js';
import type { GuestShape } from './guest.js';
import { apportion, rfcSlots } from './split.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostDiag } from './host-check.js';
import type { Plan, PlacementConfig } from './types.js';

/**
 * The reason every plan of a config with its own vnuma carries. The stored plan keeps no copy of that
 * vnuma (xl.vnuma is null: the plan adds no lines of its own); the ledger stores `own_vnuma` with the
 * request (decision 054), and for rows booked before that, this reason is how migrate-plan and
 * rebalance know the guest is a vNUMA guest, which xl cannot migrate (isVnumaGuest). Its words are
 * those plans of two or more nodes have always had, so those reservations still read as such.
 */
export const OWN_VNUMA_REASON = 'no vnuma lines: the config sets its own vnuma';

/** Whether the config sets its own vnuma (a non-empty list): the plan then writes no vnuma lines, and the guest never moves. */
export function hasOwnVnuma(cfg: PlacementConfig): boolean {
  return Array.isArray(cfg.vnuma) && cfg.vnuma.length > 0;
}

/**
 * xl `vnuma` lines for a multi-node HVM/PVH guest (sizes split maxmem like memory), else null; each
 * vnode gets the vCPUs `slotOf` puts on its node (the RFC map, or a per-vCPU cpus list's, own-pins.ts).
 */
export function vnumaOf(cfg: PlacementConfig, g: GuestShape, nodes: number[], c: Choice, cap: Capacity, reasons: string[], slotOf: readonly number[] = rfcSlots(g.maxvcpus, nodes.length)): string[][] | null {
  // Said for one node too (xl's vnuma with one vnode is still vNUMA: the guest cannot migrate).
  if (hasOwnVnuma(cfg)) {
    reasons.push(`${OWN_VNUMA_REASON} (it decides the virtual topology)`);
    return null;
  }
  if (nodes.length < 2) return null;
  if (cfg.vnuma !== undefined && cfg.vnuma !== null) {
    // `vnuma = []` (xl reads no vnode, so the guest is no vNUMA guest): lines of the plan's own would
    // be a second vnuma key in the config.
    reasons.push('no vnuma lines: the config sets vnuma itself (with no vnode)');
    return null;
  }
  if (guestType(cfg) === 'pv') {
    reasons.push('no vnuma: xl refuses vNUMA for PV guests; memory follows the node affinity only');
    return null;
  }
  if (g.memory < g.maxmem) {
    // memory < maxmem is populate-on-demand for HVM/PVH, and libxc refuses vNUMA with it
    // ("Cannot enable vNUMA and PoD at the same time"): xl create would fail on these lines.
    reasons.push('no vnuma: memory below maxmem is populate-on-demand, which Xen cannot combine with vNUMA; memory follows the node affinity only');
    return null;
  }
  const vcpusOf: number[][] = nodes.map(() => []);
  slotOf.forEach((slot, v) => vcpusOf[slot]!.push(v));
  if (vcpusOf.some((l) => l.length === 0)) {
    reasons.push('no vnuma: the guest has fewer vCPUs than nodes and every virtual node needs one');
    return null;
  }
  // Xen keeps a domain's vNUMA distance table in one page (XSA-77): vnuma_alloc refuses more than
  // 32 × 32 entries with EINVAL, so xl create fails for a guest of more virtual nodes.
  if (nodes.length > MAX_VNODES) {
    reasons.push(`no vnuma: Xen accepts at most ${MAX_VNODES} virtual NUMA nodes (its distance table must fit one page), and the guest spans ${nodes.length} nodes; memory follows the node affinity only`);
    return null;
  }
  // xl checks each pnode against the host's node count (physinfo nr_nodes: the online nodes), not
  // against the highest id (xl_parse.c: "xl: invalid pnode number", and xl create exits): on a host
  // with sparse ids, a node whose id is not below the count cannot be named in vnuma.
  const n = cap.ids.length;
  const high = c.slots.map((p) => cap.ids[p]!).filter((id) => id >= n);
  if (high.length > 0) {
    reasons.push(`no vnuma: xl accepts a pnode only below the host's node count (${n}), and node${high.length > 1 ? 's' : ''} ${high.join(',')} ${high.length > 1 ? 'have' : 'has'} a higher id (sparse ids): xl create would fail with "invalid pnode number"; memory follows the node affinity only`);
    return null;
  }
  const sizes = apportion(g.maxmem, c.mem);
  if (sizes.some((s) => s === 0)) {
    reasons.push('no vnuma: some node gets no memory, and every virtual node needs some');
    return null;
  }
  return c.slots.map((p, i) => [
    `pnode=${cap.ids[p]}`,
    `size=${sizes[i]}`,
    `vcpus=${rangesOf(vcpusOf[i]!)}`,
    `vdistances=${c.slots.map((q) => cap.dist[p * n + q]).join(',')}`,
  ]);
}

/**
 * XM0424 when the config has NUMA keys (or `numa = "off"`) and a vnuma of its own whose pnodes are
 * not the nodes the plan books memory on. With NUMA keys the keys decide the plan (decision 028),
 * but libxl still allocates each vnode's memory on exactly its pnode, so `xl create` puts the memory
 * on the pnodes while the plan, its pinning and the ledger count other nodes.
 */
export function pnodesApart(cfg: PlacementConfig, p: Plan): Diagnostic | null {
  if (cfg.numa === undefined || !Array.isArray(cfg.vnuma)) return null;
  const pnodes = [...new Set((cfg.vnuma as unknown[]).map((v) => (v as { pnode?: unknown } | null)?.pnode).filter((x): x is number => typeof x === 'number'))].sort((a, b) => a - b);
  if (pnodes.length === 0) return null;
  const booked = Object.entries(p.memory_per_node_mib)
    .filter(([, m]) => m > 0)
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
  if (booked.join(',') === pnodes.join(',')) return null;
  const asked = cfg.numa.mode === 'off' ? 'numa = "off"' : cfg.numa.mode === 'nodes' ? 'numanode' : 'the NUMA keys';
  return hostDiag(
    'XM0424',
    'warning',
    `the config's own vnuma puts each vnode's memory on its pnode (node ${pnodes.join(',')}), but the plan follows ${asked} and books node ${booked.join(',')}: xl create allocates on the pnodes, away from the plan's pinning and what the ledger counts`,
    'drop the NUMA keys to place the guest by its vnuma, or drop vnuma and let the plan write its own',
  );
}
