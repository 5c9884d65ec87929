/**
 * @fileoverview The `best` policy. One node: among nodes that hold the guest, the one left with the
 * most free memory (worst fit keeps every node able to take explicitly pinned guests, which is what
 * lets the most guests in), with a CPU-load guard so no node passes 3 vCPUs per pCPU while another
 * that fits stays under it. Two nodes: an exact lowest-distance search over the topology's pairs
 * sorted by distance. Three or more: seed-and-grow from the freest nodes over distance-sorted
 * neighbour lists, inside each seed's nearest ball that holds the guest, with a memory look-ahead
 * (policy-sets.ts); an automatic guest's set is then arranged around its vCPUs (arrange.ts).
 * An automatic guest with more vCPUs than the host has CPUs takes the least overcommitted set
 * instead (mostCpusSet, policy-sets.ts, decision 053).
 * Once the host is 70 % used, automatic single-node guests and pairs keep off the freest socket
 * while another node or an equally near pair fits (reserve.ts). Ties: an even split fits, most free
 * memory, least load, node id. Cost: O(n) for one node,
 * O(pairs scanned) for two, O(MAX_SEEDS·(n·k + k·tier)) for more. The one- and two-node paths
 * (nearly every placement) allocate nothing but their result.
 */
import { cpuOrder, freeOrder, pairsByDistance, workspace, type Capacity } from './capacity.js';
import { compactFallback, compactFewest } from './compact.js';
import { choice, shortage, type Choice, type Demand, type Refusal } from './demand.js';
import { bestSet, fewestNodes, freestSet, mostCpusSet } from './policy-sets.js';
import { reservedSocket, sockets } from './reserve.js';
import { splitMemory, vcpusPerSlot } from './split.js';

export { MAX_SEEDS } from './policy-sets.js';

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

/** A deterministic hash of (salt, position) in [0, 1e6). */
export function mix(salt: number, i: number): number {
  let h = Math.imul(salt ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) % 1_000_000;
}

/** vCPUs per pCPU (infinite on a node without CPUs). */
function ratioOf(vcpus: number, cpus: number): number {
  return cpus === 0 ? Infinity : vcpus / cpus;
}

/** The winning score fields of the last bestSingle() call: over, short, reserve, step, tie, ratio. */
const singleScore = new Float64Array(6);
/** The host's total and largest free memory, seen by the last bestSingle() call on its way. */
const freeScan = new Float64Array(2);

/**
 * Best single node for the guest, or -1; its score fields are left in `singleScore`. `needCpus`:
 * the node must have as many pCPUs as the guest has vCPUs.
 */
function bestSingle(d: Demand, cap: Capacity, needCpus: boolean): number {
  // Score tuple (lower wins): [over the load guard, fewer pCPUs than vCPUs, in the reserved socket
  // (automatic guests only, reserve.ts; -1 when no reserve applies), -floor(free MiB left /
  // SPREAD_QUANTUM_MIB) when salted (else -(free MiB left)), hash of (salt, node), load ratio,
  // position]. Compared field by field without allocating: this loop is the hot path of every
  // placement.
  let best = -1;
  let bOver = 0;
  let bShort = 0;
  let bRes = 0;
  let bStep = 0;
  let bTie = 0;
  let bLoad = 0;
  let bCpus = 0;
  const n = cap.ids.length;
  const mem = d.memMiB;
  const vcpus = d.vcpus;
  const salted = d.salt !== undefined;
  const salt = salted ? d.salt! : 0;
  const { free, cpus, load } = cap;
  // Only automatic guests keep off the reserve: numa=on guests stay on plain worst fit (reserve.ts).
  const reserve = d.kind === 'auto' ? reservedSocket(cap) : -1;
  const socket = reserve >= 0 ? sockets(cap)! : null;
  let total = 0;
  let most = 0;
  for (let i = 0; i < n; i++) {
    const f = free[i]!;
    total += f;
    if (f > most) most = f;
    if (f < mem) continue;
    const c = cpus[i]!;
    if (needCpus && c < vcpus) continue;
    // vCPUs per pCPU after placement is l / c; compared by multiplication, divided only on a full tie.
    const l = load[i]! + vcpus;
    const over = c === 0 || l > LOAD_GUARD * c ? 1 : 0;
    const short = c < vcpus ? 1 : 0;
    const res = socket === null ? -1 : socket[i] === reserve ? 1 : 0;
    const step = salted ? -Math.floor((f - mem) / SPREAD_QUANTUM_MIB) : mem - f;
    let tie = 0;
    if (best >= 0) {
      if (over !== bOver) {
        if (over > bOver) continue;
      } else if (short !== bShort) {
        if (short > bShort) continue;
      } else if (res !== bRes) {
        if (res > bRes) continue;
      } else if (step !== bStep) {
        if (step > bStep) continue;
      } else {
        // The hash only matters on a tie so far: computed only then.
        tie = salted ? mix(salt, i) : 0;
        if (tie !== bTie) {
          if (tie > bTie) continue;
        } else if (ratioOf(l, c) >= ratioOf(bLoad, bCpus)) continue;
      }
    }
    if (tie === 0 && salted) tie = mix(salt, i);
    best = i;
    bOver = over;
    bShort = short;
    bRes = res;
    bStep = step;
    bTie = tie;
    bLoad = l;
    bCpus = c;
  }
  singleScore[0] = bOver;
  singleScore[1] = bShort;
  singleScore[2] = bRes;
  singleScore[3] = bStep;
  singleScore[4] = bTie;
  singleScore[5] = ratioOf(bLoad, bCpus);
  freeScan[0] = total;
  freeScan[1] = most;
  return best;
}

/** The choice of one node (the score tuple read from the bestSingle() call that found it). */
function single(d: Demand, cap: Capacity, pos: number): Choice {
  const score = [singleScore[0]!, singleScore[1]!, singleScore[2]!, singleScore[3]!, singleScore[4]!, singleScore[5]!, cap.ids[pos]!];
  return choice([pos], [d.memMiB], true, 'single', score);
}

/**
 * Best pair (k = 2): walk all pairs nearest first (a per-topology list) and stop after the first
 * distance that has a feasible pair, so this is an exact lowest-distance search. Ties: a pair
 * outside the reserved socket (reserve.ts), an even split fits, then most free memory, then load,
 * then ids. Auto pairs list the freer node first,
 * so the vCPUs (RFC map) sit where most memory goes, and a vCPU-less node only takes what the
 * other cannot hold.
 */
function bestPair(d: Demand, cap: Capacity, needCpus: boolean, auto: boolean): Choice | null {
  const n = cap.ids.length;
  const pairs = pairsByDistance(cap);
  const mem = d.memMiB;
  const vcpus = d.vcpus;
  // The even split's shares (RFC map: position 0 gets ceil(v/2) vCPUs); a vCPU-less position
  // (one vCPU) weighs the same as the other when deciding whether an even split fits.
  const c0 = vcpus - Math.floor(vcpus / 2);
  const c1 = vcpus - c0;
  const w0 = c1 === 0 ? 1 : c0;
  const w1 = c1 === 0 ? 1 : c1;
  let ideal0 = Math.floor((mem * w0) / (w0 + w1));
  let ideal1 = Math.floor((mem * w1) / (w0 + w1));
  if (ideal0 + ideal1 < mem) {
    // Largest remainder, ties to the earlier slot (split.ts apportion).
    if ((mem * w1) % (w0 + w1) > (mem * w0) % (w0 + w1)) ideal1++;
    else ideal0++;
  }
  const { free, cpus, load } = cap;
  const salt = d.salt;
  const reserve = reservedSocket(cap);
  const socket = reserve >= 0 ? sockets(cap)! : null;
  let bLo = -1;
  let bHi = -1;
  let bD = Infinity;
  let bRes = 0;
  let bProp = 0;
  let bStep = 0;
  let bHash = -1;
  let bL = 0;
  let bC = 0;
  const { lo: los, hi: his, dist: dds } = pairs;
  for (let x = 0; x < dds.length; x++) {
    const dd = dds[x]!;
    if (dd > bD) break;
    const lo = los[x]!;
    const hi = his[x]!;
    const fl = free[lo]!;
    const fh = free[hi]!;
    if (fl === 0 || fh === 0 || fl + fh < mem) continue;
    const c = cpus[lo]! + cpus[hi]!;
    if (needCpus && c < vcpus) continue;
    const res = socket === null ? -1 : socket[lo] === reserve || socket[hi] === reserve ? 1 : 0;
    const prop = ideal0 <= fl && ideal1 <= fh ? 0 : 1;
    // Free memory left, in steps when salted, then a hash of (salt, pair) inside a step (computed
    // only on a tie), then the vCPUs per pCPU after placement (divided only on a tie).
    const step = salt !== undefined ? -Math.floor((fl + fh - mem) / PAIR_QUANTUM_MIB) : mem - fl - fh;
    const l = load[lo]! + load[hi]! + vcpus;
    let hash = -1;
    if (bLo >= 0) {
      if (res !== bRes) {
        if (res > bRes) continue;
      } else if (prop !== bProp) {
        if (prop > bProp) continue;
      } else if (step !== bStep) {
        if (step > bStep) continue;
      } else {
        if (salt !== undefined) {
          if (bHash < 0) bHash = mix(salt, bLo * n + bHi);
          hash = mix(salt, lo * n + hi);
        }
        if (hash !== bHash) {
          if (hash > bHash) continue;
        } else if (ratioOf(l, c) >= ratioOf(bL, bC)) continue;
      }
    }
    bLo = lo;
    bHi = hi;
    bD = dd;
    bRes = res;
    bProp = prop;
    bStep = step;
    bHash = hash;
    bL = l;
    bC = c;
  }
  if (bLo < 0) return null;
  // The winning fields as compared (reasons.ts names them): the hash only when salted (0 without).
  const hash = salt !== undefined ? (bHash < 0 ? mix(salt, bLo * n + bHi) : bHash) : 0;
  const score = [bD / 2, bRes, bProp, bStep, hash, ratioOf(bL, bC), cap.ids[bLo]!, cap.ids[bHi]!];
  const counts = vcpusPerSlot(vcpus, 2);
  if (auto && free[bHi]! > free[bLo]!) {
    const swapped = splitMemory(mem, counts, [free[bHi]!, free[bLo]!], true);
    if (swapped) return choice([bHi, bLo], swapped.mem, swapped.proportional, 'nearest-pair', score);
  }
  const split = splitMemory(mem, counts, [free[bLo]!, free[bHi]!], auto);
  if (!split) return null;
  return choice([bLo, bHi], split.mem, split.proportional, 'nearest-pair', score);
}

/** Sum of the `count` largest free values (a count request's oracle), via the workspace; O(n·count). */
function topFreeSum(cap: Capacity, count: number): number {
  const buf = workspace(cap).bufF;
  let len = 0;
  let sum = 0;
  for (let i = 0; i < cap.free.length; i++) {
    const v = cap.free[i]!;
    if (len === count) {
      if (v <= buf[len - 1]!) continue;
      sum -= buf[--len]!;
    }
    let j = len++;
    while (j > 0 && buf[j - 1]! < v) {
      buf[j] = buf[j - 1]!;
      j--;
    }
    buf[j] = v;
    sum += v;
  }
  return sum;
}

/** The second largest free value, given the largest. */
function secondFree(cap: Capacity, maxFree: number): number {
  let second = 0;
  let seen = false;
  for (let i = 0; i < cap.free.length; i++) {
    const f = cap.free[i]!;
    if (f === maxFree && !seen) seen = true;
    else if (f > second) second = f;
  }
  return second;
}

/** The two largest pCPU counts together (a topology constant). */
function twoCpus(cap: Capacity): number {
  const by = cpuOrder(cap);
  return by.length < 2 ? (by.length === 1 ? cap.cpus[by[0]!]! : 0) : cap.cpus[by[0]!]! + cap.cpus[by[1]!]!;
}

/** Choose nodes for a `count` or `auto` request under the best policy. */
export function chooseBest(d: Demand, cap: Capacity): Choice | Refusal {
  const n = cap.ids.length;
  // Unsatisfiable requests are refused before any search (a full host must stay cheap).
  if (d.kind === 'count') {
    if (d.count > n) return shortage(d, cap);
    if (d.count === 1) {
      const pos = bestSingle(d, cap, false);
      return pos < 0 ? shortage(d, cap) : single(d, cap, pos);
    }
    if (topFreeSum(cap, d.count) < d.memMiB) return shortage(d, cap);
    // The distance searches take only nodes with free memory; past them, a compact set that may take
    // full nodes (decision 088), and the freest k only if that cannot be grown.
    const grown = d.count === 2 ? bestPair(d, cap, false, false) : bestSet(d, cap, d.count, false, false);
    return grown ?? compactFallback(d, cap, d.count, false) ?? freestSet(d, cap, d.count) ?? shortage(d, cap);
  }
  // auto: the fewest nodes that hold memory and vCPUs, then the same choice as above. The
  // single-node search runs first and also sums the free memory on its way: one pass over the
  // nodes answers the usual case (one node has the memory and one the pCPUs) without sorting.
  const byCpus = cpuOrder(cap);
  const maxCpus = n > 0 ? cap.cpus[byCpus[0]!]! : 0;
  // More vCPUs than the host has CPUs: no set has a CPU each, and packing them on the one node
  // that holds the memory overcommitted it most (decision 053); the least overcommitted set instead.
  // Past this line every candidate has a CPU for each vCPU.
  if (workspace(cap).totalCpus < d.vcpus) return mostCpusSet(d, cap) ?? shortage(d, cap);
  const pos = bestSingle(d, cap, true);
  const totalFree = freeScan[0]!;
  const maxFree = freeScan[1]!;
  if (totalFree < d.memMiB) return shortage(d, cap);
  const oneFits = maxFree >= d.memMiB && maxCpus >= d.vcpus;
  if (oneFits && pos >= 0) return single(d, cap, pos);
  // Two nodes (the next most common case) are recognised without sorting the free order.
  const order = maxFree + secondFree(cap, maxFree) >= d.memMiB && twoCpus(cap) >= d.vcpus ? null : freeOrder(cap);
  const k = order === null ? (oneFits ? 1 : 2) : fewestNodes(d, cap, order);
  const kk = Math.max(k, 2);
  const grown = kk === 2 ? bestPair(d, cap, true, true) : bestSet(d, cap, kk, true, true, order ?? freeOrder(cap));
  if (grown) return grown;
  // No distance-grown set of the minimal size holds it: as few nodes as can, each count first as a
  // compact set grown from the freest node (decision 088), then as the freest nodes.
  for (let m = kk; m <= n; m++) {
    const near = compactFallback(d, cap, m, true);
    if (near) return near;
    const f = freestSet(d, cap, m, true);
    if (f && f.slots.reduce((a, p) => a + cap.cpus[p]!, 0) >= d.vcpus) return f;
    // Both start from the freest nodes; when those lack the CPUs a full node has, m nodes may still
    // hold the guest (SPEC §5: fewest nodes first), so m is tried once more before m + 1 (decision 104).
    const fewest = compactFewest(d, cap, m);
    if (fewest) return fewest;
  }
  return shortage(d, cap);
}
