/**
 * @fileoverview How an automatic multi-node guest sits on the nodes chosen for it. The RFC map fixes
 * how many vCPUs each position of the node list gets (vCPU i on n[floor(i·k/maxvcpus)]); which node
 * takes which position is the allocator's choice, and so is where memory goes when the nodes cannot
 * hold shares in proportion to their vCPUs (the usual case for automatic sets, whose nodes were
 * taken for their memory). Both keep memory near the vCPUs: the nodes nearest the set's free memory
 * take the positions with the most vCPUs, and memory that does not fit in proportion goes to the
 * nodes nearest the vCPUs first, evenly over equally near ones (so no node is drained for nothing).
 */
import type { Capacity } from './capacity.js';
import { apportion, vcpusPerSlot } from './split.js';

/** A node set in placement order with its memory split. */
export interface Arranged {
  /** Positions in node-list order (slot t gets the RFC map's vCPUs of position t). */
  slots: number[];
  /** MiB per slot. */
  mem: number[];
  /** True when memory follows the vCPUs exactly. */
  proportional: boolean;
}

/**
 * Order `set` (capacity positions) for a guest of `vcpus` vCPUs and split `memMiB` over it: nodes
 * sorted by their distance to the set's free memory (each node's free counted up to the guest's
 * size) fill the positions with the most vCPUs first; ties by more free memory, then position.
 * Null when the set lacks the memory.
 */
export function arrange(set: readonly number[], memMiB: number, vcpus: number, cap: Capacity): Arranged | null {
  const n = cap.ids.length;
  const k = set.length;
  const { free, dist } = cap;
  let total = 0;
  for (let t = 0; t < k; t++) total += free[set[t]!]!;
  if (total < memMiB || k === 0) return null;
  const central = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    const row = set[t]! * n;
    let s = 0;
    for (let u = 0; u < k; u++) s += Math.min(free[set[u]!]!, memMiB) * dist[row + set[u]!]!;
    central[t] = s;
  }
  // Members by centrality (then more free, then position), by insertion: k is a guest's node count.
  const byCentral = new Int32Array(k);
  for (let t = 0; t < k; t++) {
    const c = central[t]!;
    const f = free[set[t]!]!;
    let i = t;
    while (i > 0) {
      const u = byCentral[i - 1]!;
      const cu = central[u]!;
      const fu = free[set[u]!]!;
      if (cu < c || (cu === c && (fu > f || (fu === f && set[u]! < set[t]!)))) break;
      byCentral[i] = u;
      i--;
    }
    byCentral[i] = t;
  }
  // The RFC map gives positions ceil(v/k) or floor(v/k) vCPUs (0 or 1 when v < k): positions with
  // the most vCPUs first, each group in position order, take the members in that order.
  const counts = vcpusPerSlot(vcpus, k);
  let most = 0;
  for (let t = 0; t < k; t++) if (counts[t]! > most) most = counts[t]!;
  const slots = new Array<number>(k);
  let next = 0;
  for (let level = most; level >= 0 && next < k; level--) {
    for (let t = 0; t < k; t++) if (counts[t] === level) slots[t] = set[byCentral[next++]!]!;
  }
  const ideal = apportion(memMiB, counts);
  const mem = new Array<number>(k);
  let left = memMiB;
  let fits = true;
  for (let t = 0; t < k; t++) {
    const f = free[slots[t]!]!;
    if (ideal[t]! > f) fits = false;
    mem[t] = Math.min(ideal[t]!, f);
    left -= mem[t]!;
  }
  if (left > 0) spillNearest(slots, counts, mem, left, cap);
  return { slots, mem, proportional: fits };
}

/**
 * Place `left` MiB that did not fit in proportion: slots in ascending vCPU-weighted distance to the
 * guest's vCPUs, equally near slots filled evenly (whole MiB, earlier slots first), each up to its
 * free memory. The caller has checked that the slots hold the memory in total.
 */
function spillNearest(slots: readonly number[], counts: readonly number[], mem: number[], left: number, cap: Capacity): void {
  const n = cap.ids.length;
  const k = slots.length;
  const { free, dist } = cap;
  const cost = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    let s = 0;
    for (let a = 0; a < k; a++) if (counts[a]! > 0) s += counts[a]! * dist[slots[a]! * n + slots[t]!]!;
    cost[t] = s;
  }
  // Slots by cost, ties by position (insertion: k is small).
  const order = new Int32Array(k);
  for (let t = 0; t < k; t++) {
    let i = t;
    while (i > 0 && cost[order[i - 1]!]! > cost[t]!) {
      order[i] = order[i - 1]!;
      i--;
    }
    order[i] = t;
  }
  const open = new Int32Array(k);
  for (let i = 0; i < k && left > 0; ) {
    let e = i;
    while (e < k && cost[order[e]!] === cost[order[i]!]) e++;
    // Water-fill the tier order[i..e): equal shares, a slot that runs out gives what it has.
    for (;;) {
      let m = 0;
      for (let x = i; x < e; x++) if (free[slots[order[x]!]!]! > mem[order[x]!]!) open[m++] = order[x]!;
      if (m === 0 || left === 0) break;
      const share = Math.floor(left / m);
      let extra = left - share * m;
      for (let x = 0; x < m && left > 0; x++) {
        const t = open[x]!;
        const want = share + (extra > 0 ? 1 : 0);
        if (extra > 0) extra--;
        const take = Math.min(want, free[slots[t]!]! - mem[t]!);
        mem[t] = mem[t]! + take;
        left -= take;
      }
    }
    i = e;
  }
}

/** Expected vCPU-to-memory distance of an arrangement (pages touched uniformly), for reasons and tests. */
export function expectedDistance(a: Arranged, vcpus: number, cap: Capacity): number {
  const n = cap.ids.length;
  const k = a.slots.length;
  const counts = vcpusPerSlot(vcpus, k);
  let total = 0;
  for (const m of a.mem) total += m;
  if (total === 0 || vcpus <= 0) return 10;
  let d = 0;
  for (let x = 0; x < k; x++) {
    if (counts[x]! === 0) continue;
    for (let j = 0; j < k; j++) d += counts[x]! * a.mem[j]! * cap.dist[a.slots[x]! * n + a.slots[j]!]!;
  }
  return d / (vcpus * total);
}
