/**
 * @fileoverview Compact node sets for the `best` policy's last resorts (decision 088): a set grown
 * nearest first from a start node and/or towards anchor nodes, so a guest spread over several nodes
 * sits on nodes close to each other (and to the nodes its pinning reaches). Used where the distance
 * searches of policy-best.ts / policy-sets.ts find nothing: the fallback that takes full nodes
 * (fewer than k nodes have free memory; it used to take them by lowest id), and automatic or
 * `numa = "on"` guests whose reached nodes lack memory (near-reach.ts; they used to go to the
 * fewest nodes anywhere). O(k·n + |anchors|·n) with a few arrays: these paths are rare, so
 * clarity wins over the hot paths' allocation-free style.
 */
import { arrange } from './arrange.js';
import { cpuOrder, freeOrder, type Capacity } from './capacity.js';
import { choice, type Choice, type Demand } from './demand.js';
import { meanPairDistance } from './policy-sets.js';
import { splitMemory, vcpusPerSlot } from './split.js';

/** Rule name of a fallback set grown nearest first from the freest node (reasons.ts). */
export const COMPACT = 'compact';
/** Rule name of the same set grown from the freest node that leaves a set of that size possible (decision 104). */
export const COMPACT_FEWEST = 'compact-fewest';

/** What a compact set may take and must cover. */
export interface CompactOptions {
  /** Position the set starts from (in the set whatever its distance), or -1 for none. */
  seed: number;
  /** Positions whose distance counts (summed two-way) but that join only if chosen like any other. */
  anchors: readonly number[];
  /** The set must have a CPU for each vCPU (automatic guests). */
  needCpus: boolean;
  /** Nodes without free memory may join (the fallback for `numanodes = k`), or not. */
  allowFull: boolean;
}

/**
 * Exactly `k` positions: the seed, then each time the node with the least summed two-way distance
 * to the anchors and the set so far (ties: more free memory, then the lower position), taking a node
 * only if the set can still reach the memory (and, with needCpus, the vCPUs) with its remaining
 * slots from the freest (most-CPU) nodes left, so growth never paints itself into a corner. Null
 * when no node passes that look-ahead (or the seed alone leaves no way).
 */
export function compactSet(d: Demand, cap: Capacity, k: number, o: CompactOptions): number[] | null {
  const n = cap.ids.length;
  if (k < 1 || k > n) return null;
  const { free, cpus, dist } = cap;
  const inSet = new Uint8Array(n);
  // near[p]: p's summed two-way distance to the anchors and the set so far.
  const near = new Float64Array(n);
  const towards = (a: number): void => {
    for (let p = 0; p < n; p++) near[p] = near[p]! + dist[p * n + a]! + dist[a * n + p]!;
  };
  for (const a of o.anchors) towards(a);
  const set: number[] = [];
  let have = 0;
  let haveCpus = 0;
  const add = (p: number): void => {
    set.push(p);
    inSet[p] = 1;
    have += free[p]!;
    haveCpus += cpus[p]!;
    towards(p);
  };
  const usable = (p: number): boolean => inSet[p] === 0 && (o.allowFull || free[p]! > 0);
  const byFree = Array.from(freeOrder(cap));
  const byCpus = cpuOrder(cap);
  const vcpus = o.needCpus ? d.vcpus : 0;
  if (o.seed >= 0) add(o.seed);
  while (set.length < k) {
    const r = k - set.length - 1;
    // The r (and r + 1) largest values among the usable nodes: without p, the r best left sum to
    // min(top r, top r+1 − p's), whether or not p is among them.
    const [memR, memR1] = tops(byFree, free, r, usable);
    const [cpuR, cpuR1] = o.needCpus ? tops(byCpus, cpus, r, usable) : [0, 0];
    let pick = -1;
    for (let p = 0; p < n; p++) {
      if (!usable(p)) continue;
      if (have + free[p]! + Math.min(memR, memR1 - free[p]!) < d.memMiB) continue;
      if (haveCpus + cpus[p]! + Math.min(cpuR, cpuR1 - cpus[p]!) < vcpus) continue;
      if (pick < 0 || near[p]! < near[pick]! || (near[p] === near[pick] && free[p]! > free[pick]!)) pick = p;
    }
    if (pick < 0) return null;
    add(pick);
  }
  return have >= d.memMiB && haveCpus >= vcpus ? set : null;
}

/** Sums of the `r` and `r + 1` largest `values` of the positions `ok` accepts, walking `by` (largest first). */
function tops(by: ArrayLike<number>, values: ArrayLike<number>, r: number, ok: (p: number) => boolean): [number, number] {
  let sum = 0;
  let taken = 0;
  for (let i = 0; i < by.length && taken < r; i++) {
    const p = by[i]!;
    if (!ok(p)) continue;
    sum += values[p]!;
    taken++;
  }
  let next = 0;
  for (let i = 0; i < by.length; i++) {
    const p = by[i]!;
    if (!ok(p)) continue;
    if (taken-- > 0) continue;
    next = values[p]!;
    break;
  }
  return [sum, sum + next];
}

/**
 * The last resort of `best` for k nodes (decision 088): grown nearest first from the freest node,
 * full nodes allowed, so when fewer than k nodes have free memory the nodes without it that join
 * are the ones nearest the memory (they used to be the lowest ids). Automatic guests' sets are
 * arranged around their vCPUs; `numanodes` sets are in id order with the RFC split (full nodes get
 * vCPUs and 0 MiB, decision 083). Score: [mean distance, MiB short (negative = spare), seed id].
 * Null when the set cannot be grown (the caller then takes the freest k).
 */
export function compactFallback(d: Demand, cap: Capacity, k: number, auto: boolean): Choice | null {
  return compactChoice(d, cap, k, auto, freeOrder(cap)[0]!);
}

/**
 * An automatic guest's set of `k` when neither the compact set from the freest node nor the freest
 * `k` nodes have its memory and a CPU for each vCPU, though some `k` nodes do (the freest node has no
 * CPUs, and the CPUs are on a full node): grown the same way but from no set seed, so its first node
 * is the freest that still leaves a set of `k` possible (decision 104). Before, such a guest took
 * `k + 1` nodes or more, SPEC §5's "fewest nodes" notwithstanding. Null when no set is found.
 */
export function compactFewest(d: Demand, cap: Capacity, k: number): Choice | null {
  return compactChoice(d, cap, k, true, -1);
}

/** compactFallback's and compactFewest's set as a choice (`seed` -1: none, rule compact-fewest). */
function compactChoice(d: Demand, cap: Capacity, k: number, auto: boolean, seed: number): Choice | null {
  const set = compactSet(d, cap, k, { seed, anchors: [], needCpus: auto, allowFull: true });
  if (!set) return null;
  let have = 0;
  for (const p of set) have += cap.free[p]!;
  const rule = seed < 0 ? COMPACT_FEWEST : COMPACT;
  const score = [meanPairDistance(set, set.length, cap), d.memMiB - have, cap.ids[seed < 0 ? set[0]! : seed]!];
  if (auto) {
    const a = arrange(set, d.memMiB, d.vcpus, cap);
    return a ? choice(a.slots, a.mem, a.proportional, rule, score, true) : null;
  }
  set.sort((a, b) => a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, k), set.map((p) => cap.free[p]!));
  return split ? choice(set, split.mem, split.proportional, rule, score) : null;
}
