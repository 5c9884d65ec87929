/**
 * @fileoverview A per-vCPU `cpus` list that covers every vCPU (xl `cpus = ["0-3", "4-7"]`) pins each
 * vCPU to its own entry (xl parse_vcpu_affinity, libxl__build_pre). The capacity view counts the
 * union of the entries (decision 057), so a policy may take nodes that some vCPU's entry leaves out,
 * and the plan then pinned that vCPU elsewhere (XM0417) although the entries' own nodes held the
 * guest. This is the layout that keeps each vCPU on a node its entry names; plan() takes it instead
 * of such a choice when those nodes hold the guest (and, for `numanodes = k`, are k nodes).
 */
import type { Capacity } from './capacity.js';
import { choice, type Choice, type Demand } from './demand.js';
import type { GuestShape } from './guest.js';
import { cpusMemo } from './pinning.js';
import { rfcSlots, splitMemory } from './split.js';
import type { Host, PlacementConfig } from './types.js';

/**
 * For each vCPU, the positions of `cap` whose nodes have a CPU its entry names; null when some vCPU
 * has no entry of its own (no per-vCPU list, one shorter than maxvcpus, or a non-list entry: that
 * vCPU may run anywhere, decision 042).
 */
function entryNodes(cfg: PlacementConfig, host: Host, cap: Capacity, maxvcpus: number): number[][] | null {
  const v = cfg.cpus;
  if (!Array.isArray(v) || v.length < maxvcpus) return null;
  const posOfCpu = new Map<number, number>();
  const cpusOf = new Map(host.nodes.map((n) => [n.id, n.cpus]));
  cap.ids.forEach((id, p) => cpusOf.get(id)!.forEach((c) => posOfCpu.set(c, p)));
  // Entries are resolved once each (cpusMemo), and equal entries share their positions.
  const entryOf = cpusMemo(v, host);
  const seen = new Map<ReadonlySet<number>, number[]>();
  const out: number[][] = [];
  for (let i = 0; i < maxvcpus; i++) {
    const named = entryOf(i);
    if (named === null) return null;
    let at = seen.get(named);
    if (!at) {
      const ps = new Set<number>();
      for (const c of named) {
        const p = posOfCpu.get(c);
        if (p !== undefined) ps.add(p);
      }
      seen.set(named, (at = [...ps].sort((a, b) => a - b)));
    }
    out.push(at);
  }
  return out;
}

/**
 * The demand and choice that keep each vCPU on a node its own entry names, when the policy's choice
 * `c` puts some vCPU on a node its entry leaves out; null when it does not, when the config has no
 * full per-vCPU list, or when the entries' nodes cannot hold the guest (the policy's choice then
 * stands, with XM0417). Nodes in the order of the first vCPU each one gets; an entry naming CPUs on
 * several nodes takes a node already in the list, else the freest of its nodes (ties to the lower
 * id). Memory follows the vCPUs (an uneven split when a node cannot hold its share, XM0412).
 */
export function ownPins(cfg: PlacementConfig, g: GuestShape, host: Host, cap: Capacity, d: Demand, c: Choice): { d: Demand; c: Choice } | null {
  if (d.kind === 'list') return null;
  const entries = entryNodes(cfg, host, cap, g.maxvcpus);
  if (!entries) return null;
  const planned = rfcSlots(g.maxvcpus, c.slots.length);
  if (planned.every((slot, v) => entries[v]!.includes(c.slots[slot]!))) return null;
  const list: number[] = [];
  const slotOf: number[] = [];
  for (const e of entries) {
    // An entry naming no CPU of these nodes (off the host: XM0405; or outside the candidates).
    if (e.length === 0) return null;
    let q = list.findIndex((p) => e.includes(p));
    if (q < 0) {
      list.push(e.reduce((a, b) => (cap.free[b]! > cap.free[a]! ? b : a)));
      q = list.length - 1;
    }
    slotOf.push(q);
  }
  if (d.kind === 'count' && list.length !== d.count) return null;
  const per = list.map((_, q) => slotOf.filter((s) => s === q).length);
  const split = splitMemory(d.memMiB, per, list.map((p) => cap.free[p]!));
  if (!split) return null;
  const own = choice(list, split.mem, split.proportional, 'own-cpus', []);
  // Round-robin's cursor still moves past the window it chose: the next guest starts there.
  return { d: { ...d, kind: 'list', list, count: list.length, slotOf }, c: c.cursor === undefined ? own : { ...own, cursor: c.cursor } };
}
