/**
 * @fileoverview A guest without `numanodes` (automatic placement, or `numa = "on"`) whose config's
 * pinning (`cpus`, or a `cpus_soft` that keeps the memory: memoryFence) reaches nodes that cannot
 * hold it. The whole host then competes, and `best` took the fewest nodes anywhere by its usual
 * scores (worst fit, so the freest node, wherever it is), which could be the far side of the host
 * from the CPUs the user chose. Under `best` the guest now takes as many nodes as that choice, but
 * the ones nearest the reached nodes (decision 088): fewest nodes still comes first (SPEC §5), then
 * nearest. `most-free` and `round-robin` keep their own choice: their rules are free memory and the
 * cursor, not distance.
 */
import { arrange } from './arrange.js';
import type { Capacity } from './capacity.js';
import { compactSet } from './compact.js';
import { choice, isRefusal, type Choice, type Demand } from './demand.js';
import { chooseBest } from './policy-best.js';
import type { PolicyName } from './types.js';

/** The rule name of such a choice (reasons.ts). Score: [mean distance to the reached nodes, the same for the plain choice]. */
export const NEAR_REACH = 'near-reach';

/**
 * Mean distance from the members of `set` to the `reached` positions, each pair counted both ways
 * and halved (so a reached node's own distance, 10, counts as 10).
 */
export function reachDistance(set: readonly number[], reached: readonly number[], cap: Capacity): number {
  const n = cap.ids.length;
  let s = 0;
  for (const p of set) for (const q of reached) s += cap.dist[p * n + q]! + cap.dist[q * n + p]!;
  return s / (2 * set.length * reached.length);
}

/**
 * `best`'s choice for an automatic or `numa = "on"` guest when the `reached` positions cannot hold
 * it: as many nodes as the plain choice over the whole host (`chooseBest`), grown nearest the
 * reached nodes (summed two-way distance to them and to the set so far, then the most free memory,
 * then the lowest position; compact.ts), each with free memory, having a CPU for each vCPU (for
 * `numa = "on"` only while some node near enough has them). The plain choice itself when it is a
 * most-cpus set (decision 053), no such set grows, or the set is no nearer the reached nodes; null
 * (the caller's own choice, whose refusal says why) for another policy or request, or a refusal.
 */
export function chooseNearReach(d: Demand, cap: Capacity, reached: readonly number[], policy: PolicyName): Choice | null {
  if (policy !== 'best' || reached.length === 0) return null;
  const auto = d.kind === 'auto';
  if (!auto && !(d.kind === 'count' && d.count === 1)) return null;
  const plain = chooseBest(d, cap);
  if (isRefusal(plain)) return null;
  if (plain.rule === 'most-cpus') return plain;
  const k = plain.slots.length;
  const grow = (needCpus: boolean) => compactSet(d, cap, k, { seed: -1, anchors: reached, needCpus, allowFull: false });
  // numa = "on" may overcommit its one node (XM0406) when no node that holds it has the CPUs, as bestSingle allows.
  const set = grow(true) ?? (auto ? null : grow(false));
  if (!set) return plain;
  const near = reachDistance(set, reached, cap);
  const before = reachDistance(plain.slots, reached, cap);
  if (near >= before) return plain;
  const score = [near, before];
  if (k === 1) return choice(set, [d.memMiB], true, NEAR_REACH, score);
  const a = arrange(set, d.memMiB, d.vcpus, cap);
  return a ? choice(a.slots, a.mem, a.proportional, NEAR_REACH, score, true) : plain;
}
