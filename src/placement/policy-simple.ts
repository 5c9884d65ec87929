/**
 * @fileoverview The RFC's two node-choice methods as policies: `round-robin` (method 1: a cursor,
 * kept in the ledger, names the next node; k-node guests take k consecutive nodes; nodes that cannot
 * hold the guest are skipped rather than overcommitted) and `most-free` (method 2: the node(s) with
 * the most free memory; auto guests take the fewest nodes that hold memory and vCPUs, most free
 * first: the greedy walk by free memory, or a smaller count when one holds them, decision 104). A
 * round-robin window must also have a CPU the guest may use for each vCPU while some window has
 * (decision 074).
 */
import type { Capacity } from './capacity.js';
import { byFreeDesc, emptyShortage, minimalNodeCount, shortage, type Choice, type Demand, type Refusal } from './demand.js';
import { splitMemory, vcpusPerSlot } from './split.js';

/** A choice on these slots, or null when they lack the memory (or, unless `allowEmpty`, one is full). */
function make(d: Demand, cap: Capacity, slots: number[], rule: string, allowEmpty = false): Choice | null {
  const split = splitMemory(d.memMiB, vcpusPerSlot(d.vcpus, slots.length), slots.map((p) => cap.free[p]!));
  if (!split || (!allowEmpty && slots.length > 1 && slots.some((p) => cap.free[p] === 0))) return null;
  return { slots, mem: split.mem, proportional: split.proportional, rule, score: [...slots.map((p) => cap.ids[p]!)] };
}

/** Round-robin's ring: the positions with CPUs and memory, or every position when fewer than `count` (or none) have both. */
export function ringOf(cap: Capacity, count = 1): number[] {
  const ring = cap.ids.flatMap((_, p) => (cap.cpus[p]! > 0 && cap.total?.[p] !== 0 ? [p] : []));
  return ring.length === 0 || count > ring.length ? cap.ids.map((_, p) => p) : ring;
}

/** Where a walk of `ring` starts: the first position whose node id is at or after `cursor` (a node id), else the first. */
export function ringStart(cap: Capacity, ring: readonly number[], cursor: number): number {
  const start = ring.findIndex((p) => cap.ids[p]! >= cursor);
  return start < 0 ? 0 : start;
}

/**
 * Round robin from the cursor (a node id; the first node of the ring at or after it starts). The
 * ring is the nodes with CPUs and memory: libxl never places vCPUs on a node without CPUs (its
 * candidates are the nodes with pCPUs), and `best` takes CPU-less nodes only when the nodes with
 * CPUs lack the memory (decision 053), which the fallback below does too. A guest asking for more
 * nodes (numanodes = k) than the ring has walks every node.
 */
export function chooseRoundRobin(d: Demand, cap: Capacity, cursor: number): Choice | Refusal {
  const n = cap.ids.length;
  if (d.kind === 'count' && d.count > n) return shortage(d, cap);
  const ring = ringOf(cap, d.kind === 'count' ? d.count : 1);
  const r = ring.length;
  // As many ring nodes as reach the memory and the ring's CPUs (decision 053 counts only CPUs the host has).
  const k = d.kind === 'count' ? d.count : Math.min(r, minimalNodeCount(d, { ...cap, ids: ring.map((p) => cap.ids[p]!), cpus: ring.map((p) => cap.cpus[p]!), free: ring.map((p) => cap.free[p]!) }));
  const start = ringStart(cap, ring, cursor);
  // The windows with a CPU the guest may use for each vCPU (as many as the ring has), as `best`
  // prefers such a node and `most-free` grows until the CPUs suffice: the view counts only the CPUs
  // the config's cpus allow (decision 057), and a window checked for memory alone put 8 vCPUs on the
  // one allowed CPU of the node at the cursor beside a node with 8 (decision 074). When no window
  // that holds the memory has them, the one with the most CPUs (the least overcommitted, as
  // decision 053), ties to the first from the cursor.
  const want = Math.min(d.vcpus, ring.reduce((a, p) => a + cap.cpus[p]!, 0));
  let most: { c: Choice; off: number; cpus: number } | null = null;
  for (let off = 0; off < r; off++) {
    const slots = Array.from({ length: k }, (_, i) => ring[(start + off + i) % r]!).sort((a, b) => a - b);
    const cpus = slots.reduce((a, p) => a + cap.cpus[p]!, 0);
    // A window short of CPUs that cannot beat the best so far needs no memory split (equal nodes: every later one).
    if (cpus < want && most && cpus <= most.cpus) continue;
    const c = make(d, cap, slots, most ? 'round-robin-cpus' : 'round-robin');
    if (!c) continue;
    if (cpus >= want) return { ...c, cursor: cap.ids[ring[(start + off + k) % r]!]! };
    most = { c, off, cpus };
  }
  if (most) return { ...most.c, rule: 'round-robin-memory', cursor: cap.ids[ring[(start + most.off + k) % r]!]! };
  // No window of consecutive nodes holds it: the freest nodes instead, so a guest that fits is
  // never refused; the cursor moves past the first of them.
  const f = chooseMostFree(d, cap);
  if ('refused' in f) return f;
  return { ...f, rule: 'round-robin-fallback', cursor: cap.ids[(f.slots[0]! + 1) % n]! };
}

/** The freest node(s); auto guests take the fewest nodes that hold memory and vCPUs, most free first. */
export function chooseMostFree(d: Demand, cap: Capacity): Choice | Refusal {
  const order = byFreeDesc(cap);
  if (d.kind === 'count') {
    if (d.count > order.length) return shortage(d, cap);
    const empty = emptyShortage(d, cap);
    if (empty) return empty;
    return make(d, cap, order.slice(0, d.count).sort((a, b) => a - b), 'most-free', true) ?? shortage(d, cap);
  }
  const totalCpus = cap.cpus.reduce((a, b) => a + b, 0);
  const want = Math.min(d.vcpus, totalCpus);
  const slots = freestWalk(d, cap, order, want, order.length)!;
  // SPEC §3: a guest without NUMA keys goes on the fewest nodes that hold its memory and vCPUs (xl's
  // automatic placement). The freest nodes may lack the CPUs a less free node has (a 2-CPU node with
  // the most memory beside an 8-CPU one that holds the guest alone), so when the walk above took more
  // nodes than the lower bound, each smaller count is tried, most free first, before it stands.
  for (let k = minimalNodeCount(d, cap); k < slots.length; k++) {
    const fewer = freestWalk(d, cap, order, want, k);
    const c = fewer && make(d, cap, fewer.sort((a, b) => a - b), 'most-free-fewest', true);
    if (c) return c;
  }
  return make(d, cap, slots.sort((a, b) => a - b), 'most-free', true) ?? shortage(d, cap);
}

/**
 * At most `k` nodes taken most free first until they hold the memory and have `want` CPUs, each only
 * while the slots left can still reach both from the nodes after it (their free memory in order, their
 * largest CPU counts); null when that walk finds no such set. With `k` the node count, the plain walk.
 */
function freestWalk(d: Demand, cap: Capacity, order: readonly number[], want: number, k: number): number[] | null {
  const n = order.length;
  const all = k >= n;
  // The free memory of order[j..] summed from the start, and the r largest CPU counts among order[j+1..]
  // (r < k), built from the end with a sorted buffer: O(n·k), only for the rare smaller counts.
  const freeFrom = new Float64Array(all ? 0 : n + 1);
  const topCpus = all ? null : new Float64Array(n * k);
  if (topCpus) {
    for (let j = 0; j < n; j++) freeFrom[j + 1] = freeFrom[j]! + cap.free[order[j]!]!;
    const buf: number[] = [];
    for (let j = n - 1; j >= 0; j--) {
      let sum = 0;
      for (let r = 0; r < k; r++) {
        topCpus[j * k + r] = sum;
        sum += buf[r] ?? 0;
      }
      const v = cap.cpus[order[j]!]!;
      let at = buf.findIndex((x) => x < v);
      if (at < 0) at = buf.length;
      if (at < k) {
        buf.splice(at, 0, v);
        if (buf.length > k) buf.pop();
      }
    }
  }
  const slots: number[] = [];
  let m = 0;
  let c = 0;
  for (let j = 0; j < n && slots.length < k; j++) {
    if (m >= d.memMiB && c >= want) break;
    const p = order[j]!;
    // A node that adds neither memory nor CPUs the guest still needs (a full node once the CPUs are
    // enough, a full CPU-less node) would be in the plan with 0 MiB and nothing to run.
    if ((m >= d.memMiB || cap.free[p] === 0) && (c >= want || cap.cpus[p] === 0)) continue;
    if (topCpus) {
      const r = k - slots.length - 1;
      const mem = m + cap.free[p]! + freeFrom[Math.min(n, j + 1 + r)]! - freeFrom[j + 1]!;
      if (mem < d.memMiB || c + cap.cpus[p]! + topCpus[j * k + r]! < want) continue;
    }
    slots.push(p);
    m += cap.free[p]!;
    c += cap.cpus[p]!;
  }
  return all || (m >= d.memMiB && c >= want) ? slots : null;
}
