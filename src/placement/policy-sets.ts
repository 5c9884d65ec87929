/**
 * @fileoverview The `best` policy's search for sets of three or more nodes: seed-and-grow from the
 * freest nodes over distance-sorted neighbour lists, inside each seed's nearest ball that holds the
 * guest, with a memory look-ahead; automatic guests' sets are then arranged around their vCPUs.
 * Cost O(MAX_SEEDS·(n·k + k·tier)); all buffers come from the capacity view's workspace, so a
 * search allocates only its result.
 */
import { arrange } from './arrange.js';
import { cpuOrder, freeOrder, neighbours, workspace, type Capacity, type Workspace } from './capacity.js';
import { choice, type Choice, type Demand } from './demand.js';
import { splitMemory, vcpusPerSlot } from './split.js';

/**
 * Seeds tried by seed-and-grow for sets of three or more nodes. 8, 6 and 16 seeds give the same
 * distances and guest counts on the placement benchmark (docs/placement-bench.md); 8 halves the
 * search, which is what the slowest 1 % of placements at 64 nodes spend their time on.
 */
export const MAX_SEEDS = 8;

/** Sum of the `r` largest free values in `ball[0..len)` (freest first), skipping marked positions and `extra`. */
function topFree(ball: Int32Array, len: number, cap: Capacity, r: number, marked: Uint8Array, extra: number): number {
  let m = 0;
  for (let i = 0; i < len && r > 0; i++) {
    const p = ball[i]!;
    if (p === extra || marked[p] === 1) continue;
    m += cap.free[p]!;
    r--;
  }
  return m;
}

/**
 * Grow a set of at most `k` nodes from `seed` inside its ball (`ws.ball`, freest first), nearest
 * first (most free first within a distance tier), taking a node only if the set can still reach
 * the memory with its remaining slots (a look-ahead over the ball's freest nodes), so growth never
 * paints itself into a corner. For count requests the set has exactly k nodes; for auto it stops
 * as soon as memory and pCPUs suffice. Writes the set to `ws.set`; returns its size, 0 on failure.
 */
function grow(seed: number, k: number, d: Demand, cap: Capacity, ws: Workspace, ballLen: number, untilFits: boolean, needCpus: boolean, radius: number): number {
  const n = cap.ids.length;
  const near = neighbours(cap)[seed]!;
  const { marked, tier, set, ball, pre } = ws;
  const free = cap.free;
  const row = seed * n;
  let len = 1;
  set[0] = seed;
  marked[seed] = 1;
  let m = free[seed]!;
  let c = cap.cpus[seed]!;
  const mem = d.memMiB;
  const vcpus = needCpus ? d.vcpus : 0;
  let j = 0;
  while (len < k && !(untilFits && m >= mem && c >= vcpus) && j < near.length) {
    const d0 = cap.dist[row + near[j]!]!;
    if (d0 > radius) break;
    let end = j;
    while (end < near.length && cap.dist[row + near[end]!] === d0) end++;
    // The tier's usable nodes, freest first: small tiers by insertion sort, big ones (a 1000-node
    // host's "other boards") by filtering the ball's free-sorted list, O(ball) instead of O(tier²).
    let tl = 0;
    if (end - j > 16) {
      for (let i = 0; i < ballLen; i++) {
        const p = ball[i]!;
        if (free[p]! > 0 && marked[p] !== 1 && cap.dist[row + p] === d0) tier[tl++] = p;
      }
    } else {
      for (let t = j; t < end; t++) {
        const p = near[t]!;
        const f = free[p]!;
        if (f === 0) continue;
        let i = tl++;
        while (i > 0 && (free[tier[i - 1]!]! < f || (free[tier[i - 1]!]! === f && tier[i - 1]! > p))) {
          tier[i] = tier[i - 1]!;
          i--;
        }
        tier[i] = p;
      }
    }
    for (let t = 0; t < tl; t++) {
      if (len === k || (untilFits && m >= mem && c >= vcpus)) break;
      const p = tier[t]!;
      // Look-ahead: can the remaining k - len - 1 slots still reach the memory? Bounds from the
      // ball's prefix sums decide most candidates in O(1): at most `len` ball members (the set
      // but the seed, and p) are excluded, so the r best left lie between ranks [0, r) and [len, len + r).
      const r = k - len - 1;
      const base = m + free[p]!;
      if (base + pre[Math.min(len + r, ballLen)]! - pre[Math.min(len, ballLen)]! < mem) {
        if (base + pre[Math.min(r, ballLen)]! < mem || base + topFree(ball, ballLen, cap, r, marked, p) < mem) continue;
      }
      set[len++] = p;
      marked[p] = 1;
      m += free[p]!;
      c += cap.cpus[p]!;
    }
    j = end;
  }
  for (let i = 0; i < len; i++) marked[set[i]!] = 0;
  return len === k || (untilFits && m >= mem && c >= vcpus) ? len : 0;
}

/** Balls up to this many nodes are kept sorted while they grow; bigger ones are filtered from the free order. */
const SMALL_BALL = 24;

/**
 * The radius of the smallest ball around `seed` (the nodes within that distance of it) that has
 * k - 1 nodes with free memory besides the seed and whose k freest members, the seed included,
 * hold the guest's memory and, when `needCpus`, whose k largest CPU counts cover its vCPUs; -1
 * when even the whole host does not. Growing inside this
 * ball keeps a set from reaching for far nodes when near ones suffice. Distance tiers are tried
 * nearest first; a tier whose whole ball lacks the memory (or pCPUs) is passed over in O(tier).
 * Leaves the ball's members (seed excluded) freest first in `ws.ball`, their count in
 * `ws.ballLen` and prefix sums of their free memory in `ws.pre`. A small ball is kept sorted as
 * it grows (insertion, O(ball²)); a bigger one is checked by walking the free and CPU orders and
 * then filtered from the free order, O(n).
 */
function seedBall(seed: number, k: number, d: Demand, cap: Capacity, order: Int32Array, needCpus: boolean, ws: Workspace): number {
  const n = cap.ids.length;
  const near = neighbours(cap)[seed]!;
  const row = seed * n;
  const { free, cpus, dist } = cap;
  const { ball, pre } = ws;
  const byCpus = cpuOrder(cap);
  const minCpus = cpus[byCpus[n - 1]!]!;
  let total = free[seed]!;
  let totalC = cpus[seed]!;
  // Nodes of the ball that grow() may take (it skips full ones): a ball with room for fewer than
  // k - 1 of them beside the seed cannot give a k-node set, however much memory it holds.
  let usable = 0;
  let j = 0;
  while (j < near.length) {
    const r = dist[row + near[j]!]!;
    const start = j;
    for (; j < near.length && dist[row + near[j]!] === r; j++) {
      total += free[near[j]!]!;
      totalC += cpus[near[j]!]!;
      if (free[near[j]!]! > 0) usable++;
    }
    const small = j <= SMALL_BALL;
    if (small) {
      for (let t = start; t < j; t++) {
        const p = near[t]!;
        const f = free[p]!;
        let i = t;
        while (i > 0 && (free[ball[i - 1]!]! < f || (free[ball[i - 1]!]! === f && ball[i - 1]! > p))) {
          ball[i] = ball[i - 1]!;
          i--;
        }
        ball[i] = p;
      }
    }
    if (usable < k - 1 || total < d.memMiB || (needCpus && totalC < d.vcpus)) continue;
    let top = free[seed]!;
    if (small) for (let i = 0; i < k - 1 && i < j; i++) top += free[ball[i]!]!;
    else top = topWithin(order, free, seed, row, r, k - 1, cap);
    if (top < d.memMiB) continue;
    if (needCpus && !(j >= k - 1 && cpus[seed]! + (k - 1) * minCpus >= d.vcpus) && topWithin(byCpus, cpus, seed, row, r, k - 1, cap) < d.vcpus) continue;
    if (!small) {
      let len = 0;
      for (let i = 0; i < n; i++) {
        const p = order[i]!;
        if (p !== seed && dist[row + p]! <= r) ball[len++] = p;
      }
    }
    pre[0] = 0;
    for (let i = 0; i < j; i++) pre[i + 1] = pre[i]! + free[ball[i]!]!;
    ws.ballLen = j;
    return r;
  }
  return -1;
}

/** The seed's value plus the `r` largest `values` of the other nodes within `radius` of it (`by`: positions sorted by value, largest first). */
function topWithin(by: Int32Array, values: ArrayLike<number>, seed: number, row: number, radius: number, r: number, cap: Capacity): number {
  let m = values[seed]!;
  for (let i = 0; i < by.length && r > 0; i++) {
    const p = by[i]!;
    if (p === seed || cap.dist[row + p]! > radius) continue;
    m += values[p]!;
    r--;
  }
  return m;
}

/**
 * Fewest nodes that could hold the guest (smallest k whose k freest nodes hold the memory and whose
 * k largest CPU counts cover the vCPUs), from the free order. Only asked when the host has a CPU for
 * each vCPU (a guest with more goes to mostCpusSet()).
 */
export function fewestNodes(d: Demand, cap: Capacity, order: Int32Array): number {
  const byCpus = cpuOrder(cap);
  let m = 0;
  let c = 0;
  for (let k = 1; k <= order.length; k++) {
    m += cap.free[order[k - 1]!]!;
    c += cap.cpus[byCpus[k - 1]!]!;
    if (m >= d.memMiB && c >= d.vcpus) return k;
  }
  return order.length;
}

/** Mean two-way distance between the members of `set[0..len)`; 0 for one node (no pairs, not 0/0). */
export function meanPairDistance(set: ArrayLike<number>, len: number, cap: Capacity): number {
  if (len < 2) return 0;
  const n = cap.ids.length;
  let s = 0;
  for (let a = 0; a < len; a++) for (let b = a + 1; b < len; b++) s += cap.dist[set[a]! * n + set[b]!]! + cap.dist[set[b]! * n + set[a]!]!;
  return s / (len * (len - 1));
}

/**
 * Best set of at most k nodes (exactly k for count requests) by seed-and-grow, or null. Sets are
 * compared on cheap keys (size, mean pairwise distance, free memory, load, seed); the memory split
 * is computed once, for the winner.
 */
export function bestSet(d: Demand, cap: Capacity, k: number, needCpus: boolean, untilFits: boolean, order: Int32Array = freeOrder(cap)): Choice | null {
  const n = cap.ids.length;
  const ws = workspace(cap);
  const { set, best } = ws;
  let bLen = 0;
  let bSize = 0;
  let bDist = 0;
  let bShort = 0;
  let bLoad = 0;
  let bSeed = 0;
  // Seeds: the MAX_SEEDS freest nodes (a set grown from a nearly full node is rarely best), so the
  // cost stays O(MAX_SEEDS · k · tier) however big the host. The seed is the last key, so the
  // order they are tried in does not matter.
  const seeds = Math.min(MAX_SEEDS, n);
  for (let s = 0; s < seeds; s++) {
    const seed = order[s]!;
    if (cap.free[seed]! === 0) continue;
    // Grow inside the nearest ball that can hold the guest, so the set never reaches for far
    // nodes when near ones suffice (growing against the whole host's freest nodes used to).
    const radius = seedBall(seed, k, d, cap, order, needCpus, ws);
    if (radius < 0) continue;
    const len = grow(seed, k, d, cap, ws, ws.ballLen, untilFits, needCpus, radius);
    if (len === 0) continue;
    let m = 0;
    let c = 0;
    let load = 0;
    for (let i = 0; i < len; i++) {
      const p = set[i]!;
      m += cap.free[p]!;
      c += cap.cpus[p]!;
      load += cap.load[p]!;
    }
    if (m < d.memMiB || (needCpus && c < d.vcpus)) continue;
    const dist = meanPairDistance(set, len, cap);
    const ratio = c === 0 ? Infinity : (load + d.vcpus) / c;
    const short = d.memMiB - m;
    if (bLen > 0) {
      if (len !== bSize) {
        if (len > bSize) continue;
      } else if (dist !== bDist) {
        if (dist > bDist) continue;
      } else if (short !== bShort) {
        if (short > bShort) continue;
      } else if (ratio !== bLoad) {
        if (ratio > bLoad) continue;
      } else if (seed > bSeed) continue;
    }
    for (let i = 0; i < len; i++) best[i] = set[i]!;
    bLen = len;
    bSize = len;
    bDist = dist;
    bShort = short;
    bLoad = ratio;
    bSeed = seed;
  }
  if (bLen === 0) return null;
  const chosen = firstOf(best, bLen);
  // The winning fields as compared (reasons.ts names them), the seed as its node id.
  const score = [bSize, bDist, bShort, bLoad, cap.ids[bSeed]!];
  if (untilFits) {
    // Auto sets: vCPUs on the nodes nearest the set's free memory, memory nearest the vCPUs.
    const a = arrange(chosen, d.memMiB, d.vcpus, cap);
    if (!a) return null;
    return choice(a.slots, a.mem, a.proportional, 'nearest-set', score, true);
  }
  chosen.sort((a, b) => a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, bLen), chosen.map((p) => cap.free[p]!));
  if (!split) return null;
  return choice(chosen, split.mem, split.proportional, 'nearest-set', score);
}

/** The first `len` entries of a typed array as a plain array (a loop: Array.from on a typed array goes through its iterator). */
function firstOf(a: Int32Array, len: number): number[] {
  const out = new Array<number>(len);
  for (let i = 0; i < len; i++) out[i] = a[i]!;
  return out;
}

/** The freest k nodes: the last fallback, behind compact.ts's set (it can only fail when the request is unsatisfiable). */
export function freestSet(d: Demand, cap: Capacity, k: number, auto = false): Choice | null {
  const order = freeOrder(cap);
  if (order.length < k) return null;
  const set = firstOf(order, k);
  let have = 0;
  for (const p of set) have += cap.free[p]!;
  if (auto) {
    const a = arrange(set, d.memMiB, d.vcpus, cap);
    return a ? choice(a.slots, a.mem, a.proportional, 'freest', [d.memMiB - have], true) : null;
  }
  set.sort((a, b) => a - b);
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, k), set.map((p) => cap.free[p]!));
  return split ? choice(set, split.mem, split.proportional, 'freest', [d.memMiB - have]) : null;
}

/**
 * An automatic guest with more vCPUs than the view has CPUs (decision 053): no node set has a CPU
 * for each vCPU, so libxl's placement finds no candidate and leaves the domain on every node. Here
 * the nodes with CPUs and free memory, most CPUs first (then most free memory, then position), as
 * many as give the fewest vCPUs per CPU on the worst node under the RFC map (ceil(v/j) vCPUs on
 * the j-th node's CPUs) among the prefixes that hold the memory, ties to more nodes: on a host of
 * equal nodes that is every one of them. Only when those nodes together lack the memory do nodes
 * without CPUs join, freest first. Arranged around the vCPUs as other automatic sets; null when
 * even that lacks the memory. O(n log n), only on this rare path.
 */
export function mostCpusSet(d: Demand, cap: Capacity): Choice | null {
  const n = cap.ids.length;
  const { cpus, free } = cap;
  const members: number[] = [];
  for (let p = 0; p < n; p++) if (cpus[p]! > 0 && free[p]! > 0) members.push(p);
  members.sort((a, b) => cpus[b]! - cpus[a]! || free[b]! - free[a]! || a - b);
  // Worst node's vCPUs per CPU of the best prefix so far, as the fraction bv / bc (compared by
  // cross-multiplication, so ties are exact).
  let bestLen = 0;
  let bv = 0;
  let bc = 1;
  let m = 0;
  for (let j = 1; j <= members.length; j++) {
    m += free[members[j - 1]!]!;
    if (m < d.memMiB) continue;
    const v = Math.ceil(d.vcpus / j);
    const c = cpus[members[j - 1]!]!;
    if (bestLen === 0 || v * bc <= bv * c) {
      bestLen = j;
      bv = v;
      bc = c;
    }
  }
  let set = members.slice(0, bestLen);
  if (bestLen === 0) {
    // Every node with CPUs together lacks the memory: the CPU-less nodes with the most free join.
    set = [...members];
    const rest = Array.from(freeOrder(cap)).filter((p) => cpus[p] === 0 && free[p]! > 0);
    for (const p of rest) {
      if (m >= d.memMiB) break;
      set.push(p);
      m += free[p]!;
    }
    if (m < d.memMiB) return null;
  }
  const a = arrange(set, d.memMiB, d.vcpus, cap);
  if (!a) return null;
  // The score as placed: the worst node's vCPUs per CPU (a CPU-less node's vCPUs borrow others'
  // CPUs and are left out), the CPUs of the set and its node count; reasons.ts names them.
  const counts = vcpusPerSlot(d.vcpus, set.length);
  let worst = 0;
  let total = 0;
  for (let t = 0; t < set.length; t++) {
    const c = cpus[a.slots[t]!]!;
    total += c;
    if (c > 0 && counts[t]! / c > worst) worst = counts[t]! / c;
  }
  if (total === 0) worst = Infinity;
  return choice(a.slots, a.mem, a.proportional, 'most-cpus', [worst, total, set.length], set.length > 1);
}
