/**
 * @fileoverview `numanodes = k` when the nodes the config's pinning reaches (`cpus`, and `cpus_soft`
 * where it keeps the memory: memoryFence) cannot hold the guest on their own, most often because
 * they are fewer than k (`numanodes = 2`, `cpus = "0-3"`, node 0 being CPUs 0-3). The whole host
 * then competes, and a node the pinning leaves no CPU keeps its own CPU count there (decision 057),
 * so the policies weighed every node alike: `best` took nodes 2 and 3 and pinned every vCPU off its
 * `cpus` (XM0417). This keeps the reached nodes in the set, as many as can be kept, and adds the other
 * nodes the policy's own way (decision 085): the kept nodes take the slots of the RFC map that hold
 * the most vCPUs, and those vCPUs stay on CPUs their `cpus` allow.
 */
import type { Capacity } from './capacity.js';
import { choice, type Choice, type Demand } from './demand.js';
import { splitMemory, vcpusPerSlot } from './split.js';
import { ringOf, ringStart } from './policy-simple.js';
import type { PolicyName } from './types.js';

/** The rule name of a set made this way (reasons.ts); its score holds the ids of the reached nodes kept. */
export const REACH_FIRST = 'reach-first';

/**
 * The node set of a `numanodes = k` request (k ≥ 2) that keeps the most of the `reached` positions
 * (nodes with a CPU the pinning allows) and adds the others as `policy` takes nodes: `best` the
 * nearest to the set so far (then the freest, then the lowest id), `most-free` the freest,
 * `round-robin` the next in its ring from `cursor` (the cursor then moves past the last one). The
 * reached nodes kept are the freest with free memory; with t of them no set holds the guest, t − 1
 * are tried, and null (the plain policy choice over the whole host, so a guest that fits is never
 * refused) when not even one can be kept. The kept nodes take the slots with the most vCPUs (keptFirst).
 */
export function chooseReaching(d: Demand, cap: Capacity, reached: readonly number[], policy: PolicyName, cursor: number): Choice | null {
  const n = cap.ids.length;
  if (d.kind !== 'count' || d.count < 2 || d.count > n) return null;
  const usable = reached.filter((p) => cap.free[p]! > 0).sort((a, b) => cap.free[b]! - cap.free[a]! || a - b);
  const isReached = new Uint8Array(n);
  for (const p of reached) isReached[p] = 1;
  for (let t = Math.min(usable.length, d.count - 1); t >= 1; t--) {
    const kept = usable.slice(0, t).sort((a, b) => a - b);
    const added = addNodes(d, cap, kept, isReached, policy, cursor);
    if (!added) continue;
    const per = vcpusPerSlot(d.vcpus, d.count);
    const slots = keptFirst(per, kept, [...added].sort((a, b) => a - b));
    const split = splitMemory(d.memMiB, per, slots.map((p) => cap.free[p]!));
    if (!split) continue;
    const c = choice(slots, split.mem, split.proportional, REACH_FIRST, kept.map((p) => cap.ids[p]!));
    if (policy !== 'round-robin') return c;
    // The cursor moves past the last node round-robin took (in its ring order), as after one of its windows.
    const ring = ringOf(cap, d.count);
    const last = ring.indexOf(added[added.length - 1]!);
    return { ...c, cursor: cap.ids[ring[(last + 1) % ring.length]!]! };
  }
  return null;
}

/**
 * The node list with the kept nodes in the slots the RFC map gives the most vCPUs (`per`; ties to the
 * earlier slot), the added ones in the rest, each in id order: with fewer vCPUs than nodes the vCPU
 * slots are spread out (2 vCPUs on 4 nodes: slots 0 and 2), so "first" would leave a kept node bare.
 */
function keptFirst(per: readonly number[], kept: readonly number[], added: readonly number[]): number[] {
  const rank = per.map((_, i) => i).sort((a, b) => per[b]! - per[a]! || a - b);
  const top = rank.slice(0, kept.length).sort((a, b) => a - b);
  const out = new Array<number>(per.length);
  top.forEach((slot, i) => (out[slot] = kept[i]!));
  let j = 0;
  for (let slot = 0; slot < per.length; slot++) if (out[slot] === undefined) out[slot] = added[j++]!;
  return out;
}

/**
 * The k − |kept| other nodes (none the pinning reaches, each with free memory), in the order the
 * policy takes them; the last one must make the set hold the memory. Null when they cannot.
 */
function addNodes(d: Demand, cap: Capacity, kept: readonly number[], isReached: Uint8Array, policy: PolicyName, cursor: number): number[] | null {
  const n = cap.ids.length;
  const set = [...kept];
  let have = kept.reduce((a, p) => a + cap.free[p]!, 0);
  // Round-robin walks its ring from the cursor; the others compare (distance to the set for best, free memory, position).
  const order = policy === 'round-robin' ? fromCursor(cap, ringOf(cap, d.count), cursor) : cap.ids.map((_, p) => p);
  const distTo = (p: number): number => (policy === 'best' ? set.reduce((a, q) => a + cap.dist[p * n + q]! + cap.dist[q * n + p]!, 0) : 0);
  const out: number[] = [];
  while (set.length < d.count) {
    const last = set.length === d.count - 1;
    let pick = -1;
    let pickDist = 0;
    for (const p of order) {
      if (isReached[p] || cap.free[p]! <= 0 || set.includes(p) || (last && have + cap.free[p]! < d.memMiB)) continue;
      if (pick < 0) {
        pick = p;
        pickDist = distTo(p);
        if (policy === 'round-robin') break;
        continue;
      }
      const dp = distTo(p);
      if (dp < pickDist || (dp === pickDist && cap.free[p]! > cap.free[pick]!)) {
        pick = p;
        pickDist = dp;
      }
    }
    if (pick < 0) return null;
    set.push(pick);
    out.push(pick);
    have += cap.free[pick]!;
  }
  return out;
}

/** `ring` in round-robin order from `cursor` (a node id: the first ring node at or after it starts). */
function fromCursor(cap: Capacity, ring: readonly number[], cursor: number): number[] {
  const start = ringStart(cap, ring, cursor);
  return [...ring.slice(start), ...ring.slice(0, start)];
}
