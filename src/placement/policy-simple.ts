/**
 * @fileoverview The RFC's two node-choice methods as policies: `round-robin` (method 1: a cursor,
 * kept in the ledger, names the next node; k-node guests take k consecutive nodes; nodes that cannot
 * hold the guest are skipped rather than overcommitted) and `most-free` (method 2: the node(s) with
 * the most free memory; auto guests grow greedily by free memory until memory and vCPUs fit). A
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

/** The freest node(s); auto guests grow by free memory until memory and vCPUs fit. */
export function chooseMostFree(d: Demand, cap: Capacity): Choice | Refusal {
  const order = byFreeDesc(cap);
  if (d.kind === 'count') {
    if (d.count > order.length) return shortage(d, cap);
    const empty = emptyShortage(d, cap);
    if (empty) return empty;
    return make(d, cap, order.slice(0, d.count).sort((a, b) => a - b), 'most-free', true) ?? shortage(d, cap);
  }
  const totalCpus = cap.cpus.reduce((a, b) => a + b, 0);
  const slots: number[] = [];
  let m = 0;
  let c = 0;
  const want = Math.min(d.vcpus, totalCpus);
  for (const p of order) {
    if (m >= d.memMiB && c >= want) break;
    // A node that adds neither memory nor CPUs the guest still needs (a full node once the CPUs are
    // enough, a full CPU-less node) would be in the plan with 0 MiB and nothing to run.
    if ((m >= d.memMiB || cap.free[p] === 0) && (c >= want || cap.cpus[p] === 0)) continue;
    slots.push(p);
    m += cap.free[p]!;
    c += cap.cpus[p]!;
  }
  return make(d, cap, slots.sort((a, b) => a - b), 'most-free', true) ?? shortage(d, cap);
}
