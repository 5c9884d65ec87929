/**
 * @fileoverview The `best` policy. One node: among nodes that hold the guest, the one left with the
 * most free memory (worst fit keeps every node able to take explicitly pinned guests, which is what
 * lets the most guests in), with a CPU-load guard so no node passes 3 vCPUs per pCPU while another
 * that fits stays under it. Two nodes: an exact lowest-distance search over the topology's pairs
 * sorted by distance. Three or more: seed-and-grow from the freest nodes over distance-sorted
 * neighbour lists, inside each seed's nearest ball that holds the guest, with a memory look-ahead;
 * an automatic guest's set is then arranged around its vCPUs (arrange.ts).
 * Ties: an even split fits, most free memory, least load, node id. Cost: O(n) for one node,
 * O(pairs scanned) for two, O(MAX_SEEDS·(n·k + k·tier)) for more.
 */
import { neighbours, pairsByDistance, type Capacity } from './capacity.js';
import { byFreeDesc, minimalNodeCount, satisfiable, shortage, type Choice, type Demand, type Refusal } from './demand.js';
import { arrange } from './arrange.js';
import { apportion, splitMemory, vcpusPerSlot } from './split.js';

/** Seeds tried by seed-and-grow for sets of three or more nodes. */
export const MAX_SEEDS = 16;

/**
 * Free memory is compared in steps of this many MiB when the request carries a salt: candidates in
 * the same step are ordered by a hash of the request id, so two guests placed at the same moment
 * (the RFC's race) rarely pick the same node, while every choice stays deterministic. Single nodes
 * and node pairs use their own step (chosen on the placement benchmark).
 */
export const SPREAD_QUANTUM_MIB = 4096;
/** The step for node pairs (see SPREAD_QUANTUM_MIB). */
export const PAIR_QUANTUM_MIB = 2048;

/** vCPU:pCPU ratio above which a node counts as overloaded. */
export const LOAD_GUARD = 3.0;

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** A deterministic hash of (salt, position) in [0, 1e6). */
function mix(salt: number, i: number): number {
  let h = Math.imul(salt ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) % 1_000_000;
}

/** Best single node for the guest, or -1. `needCpus`: the node must have as many pCPUs as vCPUs. */
function bestSingle(d: Demand, cap: Capacity, needCpus: boolean): { pos: number; score: number[] } {
  // Score tuple (lower wins): [over the load guard, fewer pCPUs than vCPUs, -(free left, in
  // SPREAD_QUANTUM_MIB steps when salted), hash of (salt, node), load ratio, position]. Compared
  // field by field without allocating: this loop is the hot path of every placement.
  let best = -1;
  let bOver = 0;
  let bShort = 0;
  let bStep = 0;
  let bTie = 0;
  let bRatio = 0;
  const n = cap.ids.length;
  const mem = d.memMiB;
  const salted = d.salt !== undefined;
  const salt = d.salt ?? 0;
  for (let i = 0; i < n; i++) {
    const f = cap.free[i]!;
    if (f < mem) continue;
    const c = cap.cpus[i]!;
    if (needCpus && c < d.vcpus) continue;
    const ratio = c === 0 ? Infinity : (cap.load[i]! + d.vcpus) / c;
    const over = ratio > LOAD_GUARD ? 1 : 0;
    const short = c < d.vcpus ? 1 : 0;
    const step = salted ? -Math.floor((f - mem) / SPREAD_QUANTUM_MIB) : mem - f;
    const tie = salted ? mix(salt, i) : 0;
    if (best >= 0) {
      if (over !== bOver) {
        if (over > bOver) continue;
      } else if (short !== bShort) {
        if (short > bShort) continue;
      } else if (step !== bStep) {
        if (step > bStep) continue;
      } else if (tie !== bTie) {
        if (tie > bTie) continue;
      } else if (ratio >= bRatio) continue;
    }
    best = i;
    bOver = over;
    bShort = short;
    bStep = step;
    bTie = tie;
    bRatio = ratio;
  }
  return { pos: best, score: best < 0 ? [] : [bOver, bShort, bStep, bTie, bRatio, cap.ids[best]!] };
}

/**
 * Best pair (k = 2): walk all pairs nearest first (a per-topology list) and stop after the first
 * distance that has a feasible pair, so this is an exact lowest-distance search. Ties: an even
 * split fits, then most free memory, then load, then ids.
 */
function bestPair(d: Demand, cap: Capacity, needCpus: boolean): Choice | null {
  const n = cap.ids.length;
  const pairs = pairsByDistance(cap);
  const counts = vcpusPerSlot(d.vcpus, 2);
  const ideal = apportion(d.memMiB, counts[0] === 0 || counts[1] === 0 ? [1, 1] : counts);
  const { free, cpus, load, dist } = cap;
  const mem = d.memMiB;
  const salt = d.salt;
  let bLo = -1;
  let bHi = -1;
  let bD = Infinity;
  let bProp = 0;
  let bSlack = 0;
  let bLoad = 0;
  for (let x = 0; x < pairs.length; x++) {
    const code = pairs[x]!;
    const lo = Math.floor(code / n);
    const hi = code - lo * n;
    const dd = dist[code]! + dist[hi * n + lo]!;
    if (dd > bD) break;
    const fl = free[lo]!;
    const fh = free[hi]!;
    if (fl === 0 || fh === 0 || fl + fh < mem) continue;
    const c = cpus[lo]! + cpus[hi]!;
    if (needCpus && c < d.vcpus) continue;
    const prop = ideal[0]! <= fl && ideal[1]! <= fh ? 0 : 1;
    // Free memory left, in steps when salted, then a hash of (salt, pair) inside a step.
    const slack = salt !== undefined ? -Math.floor((fl + fh - mem) / PAIR_QUANTUM_MIB) * 1e6 + mix(salt, code) : mem - fl - fh;
    const ld = c === 0 ? Infinity : (load[lo]! + load[hi]! + d.vcpus) / c;
    if (bLo >= 0) {
      if (prop !== bProp) {
        if (prop > bProp) continue;
      } else if (slack !== bSlack) {
        if (slack > bSlack) continue;
      } else if (ld >= bLoad) continue;
    }
    bLo = lo;
    bHi = hi;
    bD = dd;
    bProp = prop;
    bSlack = slack;
    bLoad = ld;
  }
  if (bLo < 0) return null;
  const split = splitMemory(mem, counts, [free[bLo]!, free[bHi]!]);
  if (!split) return null;
  return { slots: [bLo, bHi], mem: split.mem, proportional: split.proportional, rule: 'nearest', score: [bD / 2, bProp, bSlack, bLoad, cap.ids[bLo]!, cap.ids[bHi]!] };
}

/**
 * Sum of the `r` largest free values, skipping marked positions, `extra` and (when `row` ≥ 0) nodes
 * farther than `radius` from the node whose distance row starts at `row` (walks the free-sorted order).
 */
function topFree(order: readonly number[], cap: Capacity, r: number, marked: Uint8Array, extra: number, row = -1, radius = Infinity): number {
  let m = 0;
  for (let i = 0; i < order.length && r > 0; i++) {
    const p = order[i]!;
    if (p === extra || marked[p] === 1 || (row >= 0 && cap.dist[row + p]! > radius)) continue;
    m += cap.free[p]!;
    r--;
  }
  return m;
}

/**
 * Grow a set of at most `k` nodes from `seed` inside the ball of `radius` around it, nearest first
 * (most free first within a distance tier), taking a node only if the set can still reach the
 * memory with its remaining slots (a look-ahead over the ball's freest nodes), so growth never
 * paints itself into a corner. For count requests the set has exactly k nodes; for auto it stops
 * as soon as memory and pCPUs suffice.
 */
function grow(seed: number, k: number, d: Demand, cap: Capacity, near: Int32Array, order: readonly number[], untilFits: boolean, needCpus: boolean, marked: Uint8Array, tier: Int32Array, radius: number): number[] | null {
  const n = cap.ids.length;
  const set = [seed];
  marked[seed] = 1;
  let m = cap.free[seed]!;
  let c = cap.cpus[seed]!;
  const mem = d.memMiB;
  const free = cap.free;
  let j = 0;
  while (set.length < k && !(untilFits && m >= mem && (!needCpus || c >= d.vcpus)) && j < near.length) {
    const d0 = cap.dist[seed * n + near[j]!]!;
    if (d0 > radius) break;
    let end = j;
    while (end < near.length && cap.dist[seed * n + near[end]!] === d0) end++;
    // The tier's usable nodes, freest first: small tiers by insertion sort into a reused buffer
    // (this is the hot loop), big ones (a 1000-node host's "other boards") by filtering the global
    // free-sorted order, which is O(n) instead of O(tier²).
    let len = 0;
    if (end - j > 16) {
      for (const p of order) if (free[p]! > 0 && marked[p] !== 1 && p !== seed && cap.dist[seed * n + p] === d0) tier[len++] = p;
    } else {
      for (let t = j; t < end; t++) {
        const p = near[t]!;
        const f = free[p]!;
        if (f === 0) continue;
        let i = len++;
        while (i > 0 && (free[tier[i - 1]!]! < f || (free[tier[i - 1]!]! === f && tier[i - 1]! > p))) {
          tier[i] = tier[i - 1]!;
          i--;
        }
        tier[i] = p;
      }
    }
    for (let t = 0; t < len; t++) {
      if (set.length === k || (untilFits && m >= mem && (!needCpus || c >= d.vcpus))) break;
      const p = tier[t]!;
      if (m + free[p]! + topFree(order, cap, k - set.length - 1, marked, p, seed * n, radius) < mem) continue;
      set.push(p);
      marked[p] = 1;
      m += free[p]!;
      c += cap.cpus[p]!;
    }
    j = end;
  }
  for (const p of set) marked[p] = 0;
  return set.length === k || (untilFits && m >= mem && (!needCpus || c >= d.vcpus)) ? set : null;
}

/** Keep the `cap` largest values seen in `buf` (descending, `len` used), their sum in `sum[0]`; returns the new length. */
function keepTop(buf: Float64Array, len: number, cap: number, v: number, sum: Float64Array): number {
  if (cap <= 0) return len;
  if (len === cap) {
    if (v <= buf[len - 1]!) return len;
    sum[0] = sum[0]! - buf[len - 1]!;
    len--;
  }
  let i = len++;
  while (i > 0 && buf[i - 1]! < v) {
    buf[i] = buf[i - 1]!;
    i--;
  }
  buf[i] = v;
  sum[0] = sum[0]! + v;
  return len;
}

/**
 * The radius of the smallest ball around `seed` (the nodes within that distance of it) whose k
 * freest members, the seed included, hold the guest's memory and, when `needCpus`, whose k
 * largest CPU counts cover its vCPUs; -1 when even the whole host does not. Growing inside this
 * ball keeps a set from reaching for far nodes when near ones suffice. One pass over the seed's
 * neighbours, nearest first, keeping the k-1 largest free and CPU values seen: O(n·k) at worst.
 */
function ballRadius(seed: number, k: number, d: Demand, cap: Capacity, near: Int32Array, needCpus: boolean, bufF: Float64Array, bufC: Float64Array, sf: Float64Array, sc: Float64Array): number {
  const n = cap.ids.length;
  const row = seed * n;
  let lf = 0;
  let lc = 0;
  sf[0] = 0;
  sc[0] = 0;
  let j = 0;
  while (j < near.length) {
    const r = cap.dist[row + near[j]!]!;
    for (; j < near.length && cap.dist[row + near[j]!] === r; j++) {
      const p = near[j]!;
      lf = keepTop(bufF, lf, k - 1, cap.free[p]!, sf);
      if (needCpus) lc = keepTop(bufC, lc, k - 1, cap.cpus[p]!, sc);
    }
    if (cap.free[seed]! + sf[0]! >= d.memMiB && (!needCpus || cap.cpus[seed]! + sc[0]! >= d.vcpus)) return r;
  }
  return -1;
}

function pairDistance(set: readonly number[], cap: Capacity): number {
  const n = cap.ids.length;
  let s = 0;
  for (let a = 0; a < set.length; a++) for (let b = a + 1; b < set.length; b++) s += cap.dist[set[a]! * n + set[b]!]! + cap.dist[set[b]! * n + set[a]!]!;
  return s;
}

/**
 * Best set of at most k nodes (exactly k for count requests) by seed-and-grow, or null. Sets are
 * compared on cheap keys (size, pairwise distance, free memory, load); the memory split is
 * computed once, for the winner.
 */
function bestSet(d: Demand, cap: Capacity, k: number, needCpus: boolean, untilFits: boolean): Choice | null {
  if (k === 2 && !untilFits) return bestPair(d, cap, needCpus);
  const near = neighbours(cap);
  const order = byFreeDesc(cap);
  let best: number[] | null = null;
  let bestScore: number[] = [];
  // Seeds: the MAX_SEEDS freest nodes (a set grown from a nearly full node is rarely best), so the
  // cost stays O(MAX_SEEDS · k · tier) however big the host.
  const seeds = order.slice(0, MAX_SEEDS).sort((a, b) => a - b);
  const marked = new Uint8Array(cap.ids.length);
  const tier = new Int32Array(cap.ids.length);
  const bufF = new Float64Array(Math.max(1, k));
  const bufC = new Float64Array(Math.max(1, k));
  const sf = new Float64Array(1);
  const sc = new Float64Array(1);
  for (const seed of seeds) {
    if (cap.free[seed]! === 0 || cap.free[seed]! + topFree(order, cap, k - 1, marked, seed) < d.memMiB) continue;
    // Grow inside the nearest ball that can hold the guest, so the set never reaches for far
    // nodes when near ones suffice (growing against the whole host's freest nodes used to).
    const radius = ballRadius(seed, k, d, cap, near[seed]!, needCpus, bufF, bufC, sf, sc);
    if (radius < 0) continue;
    const set = grow(seed, k, d, cap, near[seed]!, order, untilFits, needCpus, marked, tier, radius);
    if (!set) continue;
    let m = 0;
    let c = 0;
    let load = 0;
    for (const p of set) {
      m += cap.free[p]!;
      c += cap.cpus[p]!;
      load += cap.load[p]!;
    }
    if (m < d.memMiB || (needCpus && c < d.vcpus)) continue;
    const score = [set.length, pairDistance(set, cap) / (set.length * (set.length - 1)), d.memMiB - m, c === 0 ? Infinity : (load + d.vcpus) / c, seed];
    if (!best || lessThan(score, bestScore)) {
      best = set;
      bestScore = score;
    }
  }
  if (!best) return null;
  if (untilFits) {
    // Auto sets: vCPUs on the nodes nearest the set's free memory, memory nearest the vCPUs.
    const a = arrange(best, d.memMiB, d.vcpus, cap);
    if (!a) return null;
    return { slots: a.slots, mem: a.mem, proportional: a.proportional, rule: 'nearest', score: bestScore.slice(0, 4).concat(a.slots.map((p) => cap.ids[p]!)), arranged: true };
  }
  best.sort((a, b) => a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, best.length), best.map((p) => cap.free[p]!));
  if (!split) return null;
  return { slots: best, mem: split.mem, proportional: split.proportional, rule: 'nearest', score: bestScore.slice(0, 4).concat(best.map((p) => cap.ids[p]!)) };
}

/** The freest k nodes (fallback that can only fail when the request is unsatisfiable). */
function freestSet(d: Demand, cap: Capacity, k: number, auto = false): Choice | null {
  const set = byFreeDesc(cap).slice(0, k);
  if (set.length < k) return null;
  if (auto) {
    const a = arrange(set, d.memMiB, d.vcpus, cap);
    return a ? { slots: a.slots, mem: a.mem, proportional: a.proportional, rule: 'freest', score: [d.memMiB - set.reduce((s, p) => s + cap.free[p]!, 0), ...a.slots], arranged: true } : null;
  }
  set.sort((a, b) => a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, k), set.map((p) => cap.free[p]!), auto);
  return split ? { slots: set, mem: split.mem, proportional: split.proportional, rule: 'freest', score: [d.memMiB - set.reduce((a, p) => a + cap.free[p]!, 0), ...set] } : null;
}

/** An auto guest's pair, freest node first and memory only spilling to the vCPU-less node. */
function autoOrder(d: Demand, cap: Capacity, c: Choice | null): Choice | null {
  if (!c) return null;
  const slots = [...c.slots].sort((a, b) => cap.free[b]! - cap.free[a]! || a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, slots.length), slots.map((p) => cap.free[p]!), true);
  return split ? { ...c, slots, mem: split.mem, proportional: split.proportional } : c;
}

/** Choose nodes for a `count` or `auto` request under the best policy. */
export function chooseBest(d: Demand, cap: Capacity): Choice | Refusal {
  const n = cap.ids.length;
  // Refuse unsatisfiable requests in O(n log n) before any search (a full host must stay cheap).
  if (!satisfiable(d, cap)) return shortage(d, cap);
  if (d.kind === 'count') {
    if (d.count > n) return shortage(d, cap);
    if (d.count === 1) {
      const r = bestSingle(d, cap, false);
      if (r.pos < 0) return shortage(d, cap);
      return { slots: [r.pos], mem: [d.memMiB], proportional: true, rule: 'single', score: r.score };
    }
    return bestSet(d, cap, d.count, false, false) ?? freestSet(d, cap, d.count) ?? shortage(d, cap);
  }
  // auto: the fewest nodes that hold memory and vCPUs, then the same choice as above.
  const totalCpus = cap.cpus.reduce((a, b) => a + b, 0);
  const needCpus = totalCpus >= d.vcpus;
  const k = minimalNodeCount(d, cap);
  if (k === 1) {
    const r = bestSingle(d, cap, needCpus);
    if (r.pos >= 0) return { slots: [r.pos], mem: [d.memMiB], proportional: true, rule: 'single', score: r.score };
  }
  const kk = Math.max(k, 2);
  const grown = kk === 2 ? autoOrder(d, cap, bestPair(d, cap, needCpus)) : bestSet(d, cap, kk, needCpus, true);
  if (grown) return grown;
  // No distance-grown set of the minimal size holds it: the freest nodes, as many as needed.
  for (let m = kk; m <= n; m++) {
    const f = freestSet(d, cap, m, true);
    if (f && (!needCpus || f.slots.reduce((a, p) => a + cap.cpus[p]!, 0) >= d.vcpus)) return f;
  }
  return shortage(d, cap);
}
