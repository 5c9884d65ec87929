/**
 * @fileoverview What a guest asks of the allocator, in capacity positions: memory, vCPUs and the
 * node request (allocator picks `count` nodes, exactly the listed nodes, or `auto`: the fewest nodes
 * that hold the memory and the vCPUs, as xl's automatic placement does). Also the refusal shape and
 * the plain-language shortage explanations every refusal carries.
 */
import { freeOrder, freeWords, type Capacity } from './capacity.js';

/** A placement request against a capacity view. */
export interface Demand {
  memMiB: number;
  vcpus: number;
  kind: 'auto' | 'count' | 'list';
  /** Node count for `count` (and the list length for `list`). */
  count: number;
  /** Positions for `list`, in the order the config names them. */
  list: number[];
  /** Spreads concurrent requests: near-equal candidates are ordered by a hash of this (the request's id). */
  salt?: number;
  /** The list position of each vCPU when the config's own vnuma fixes it (else the RFC map). */
  slotOf?: number[];
}

/** A successful choice: positions in placement order, memory aligned with them. */
export interface Choice {
  slots: number[];
  mem: number[];
  proportional: boolean;
  /** Which rule decided (for reasons): single, nearest-pair, nearest-set, freest, most-cpus, listed, round-robin (round-robin-cpus when a window was passed over for its CPUs, round-robin-memory when no window had them: the one with the most), round-robin-fallback, most-free, most-free-fewest (an automatic guest on fewer nodes than the freest would take, for their CPUs), own-cpus (a per-vCPU cpus list's nodes, own-pins.ts), reach-first (numanodes = k keeping the nodes the config's pinning reaches, reach-first.ts; score: the kept node ids), compact (best's last resort: a set grown nearest first from the freest node, full nodes allowed, compact.ts), compact-fewest (the same grown from the freest node that leaves a set of that size possible, when the freest nodes lack the CPUs, decision 104), near-reach (best, no numanodes: the nodes nearest those the pinning reaches, near-reach.ts). */
  rule: string;
  /**
   * The score tuple that won (lower is better), fields in the order compared; reasons.ts names
   * them (scoreFields()). single: [over the load guard 0/1, fewer CPUs than vCPUs 0/1, in the
   * reserved socket 0/1 (-1: no reserve applied, reserve.ts), spare memory key, hash, vCPUs per CPU
   * after, node id]; nearest-pair: [mean distance, a node in the reserved socket 0/1 (-1: none),
   * memory in proportion to vCPUs does not fit 0/1, spare memory key, hash, vCPUs per CPU after,
   * node ids ×2]; nearest-set: [node count, mean distance, MiB short (negative = spare), vCPUs per CPU
   * after, seed node id]; freest: [MiB short]; compact: [mean distance, MiB short, seed node id];
   * near-reach: [mean distance to the reached nodes, the same for the plain choice]; most-cpus: [the guest's vCPUs per CPU on its most
   * crowded node, CPUs of the set, node count]. A spare memory key is -floor(spare MiB / step) when
   * the demand is salted, else -(spare MiB); the hash is 0 without a salt.
   */
  score: number[];
  /** Round-robin: the node id the next placement starts from. */
  cursor?: number;
  /** Auto multi-node sets: positions and memory arranged around the vCPUs (arrange.ts). */
  arranged?: boolean;
}

/** A Choice, always built with the same fields in the same order (one object shape for every hot call site). */
export function choice(slots: number[], mem: number[], proportional: boolean, rule: string, score: number[], arranged = false): Choice {
  return { slots, mem, proportional, rule, score, arranged };
}

/** A refusal with its XM04xx code and the binding constraint in words. */
export interface Refusal {
  refused: true;
  code: string;
  message: string;
}

/** Narrowing helper. */
export function isRefusal(r: Choice | Refusal): r is Refusal {
  return (r as Refusal).refused === true;
}

/** Positions sorted by free memory, most first (ties by position). */
export function byFreeDesc(cap: Capacity): number[] {
  // Numeric keys sorted natively (no comparator calls): (max - free) · n + position.
  const n = cap.free.length;
  let max = 0;
  for (const f of cap.free) if (f > max) max = f;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (max - cap.free[i]!) * n + i;
  keys.sort();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = keys[i]! % n;
  return out;
}

/** The position with the most free memory (lowest position on ties). */
function freest(cap: Capacity): number {
  let best = 0;
  for (let i = 1; i < cap.free.length; i++) if (cap.free[i]! > cap.free[best]!) best = i;
  return best;
}

/**
 * Fewest nodes that could hold the guest: smallest k whose k freest nodes hold the memory and k
 * largest CPU counts cover the vCPUs, or all the host's CPUs when it has fewer than the guest has
 * vCPUs (as most-free counts them: nodes without CPUs are then not taken for CPUs they lack).
 */
export function minimalNodeCount(d: Demand, cap: Capacity): number {
  // Fast path (most guests): one node has the memory and one has the pCPUs; O(n), no sorting.
  let maxFree = 0;
  let maxCpus = 0;
  for (let i = 0; i < cap.free.length; i++) {
    if (cap.free[i]! > maxFree) maxFree = cap.free[i]!;
    if (cap.cpus[i]! > maxCpus) maxCpus = cap.cpus[i]!;
  }
  if (maxFree >= d.memMiB && maxCpus >= d.vcpus) return 1;
  const free = Float64Array.from(cap.free).sort().reverse();
  const cpus = Float64Array.from(cap.cpus).sort().reverse();
  let want = 0;
  for (const x of cpus) want += x;
  want = Math.min(want, d.vcpus);
  let m = 0;
  let c = 0;
  for (let k = 1; k <= free.length; k++) {
    m += free[k - 1]!;
    c += cpus[k - 1]!;
    if (m >= d.memMiB && c >= want) return k;
  }
  return free.length;
}

/** Does any placement satisfy the request on current free memory (the benchmark's oracle)? */
export function satisfiable(d: Demand, cap: Capacity): boolean {
  if (d.kind === 'list') return d.list.reduce((a, i) => a + cap.free[i]!, 0) >= d.memMiB;
  if (d.kind === 'count') {
    if (d.count > cap.ids.length) return false;
    if (d.count === 1) {
      for (const f of cap.free) if (f >= d.memMiB) return true;
      return false;
    }
    const top = Float64Array.from(cap.free).sort().reverse();
    let m = 0;
    for (let i = 0; i < d.count; i++) m += top[i]!;
    return m >= d.memMiB;
  }
  let m = 0;
  for (const f of cap.free) m += f;
  return m >= d.memMiB;
}

/** How many nodes a whole-host shortage names (freest first). */
const SHORTAGE_NODES = 8;

/**
 * The refusal of a `numanodes = k` request (k > 1) when fewer than k nodes have any free memory, or
 * null: each of the k nodes must take a share, and a full node (or one without memory) would be in
 * the plan's node affinity with 0 MiB, so the guest's memory would sit on fewer nodes than asked.
 * Names the nodes that have memory and, freest first, those that lack it.
 */
export function emptyShortage(d: Demand, cap: Capacity): Refusal | null {
  if (d.kind !== 'count' || d.count < 2 || d.count > cap.ids.length || d.memMiB <= 0) return null;
  const order = Array.from(freeOrder(cap));
  const have = order.filter((p) => cap.free[p]! > 0);
  if (have.length >= d.count) return null;
  const node = (i: number): string => `node ${cap.ids[i]} (${freeWords(cap, i)})`;
  const lack = order.filter((p) => cap.free[p] === 0);
  const rest = lack.length > SHORTAGE_NODES ? `, and ${lack.length - SHORTAGE_NODES} more` : '';
  const some = have.length === 0 ? 'no node has free memory' : `only ${have.length === 1 ? '1 node has' : `${have.length} nodes have`} free memory, ${have.map(node).join(', ')}`;
  return {
    refused: true,
    code: 'XM0404',
    message: `the guest asks for ${d.count} nodes, each to hold a share of its ${d.memMiB} MiB, but ${some}; none on ${lack.slice(0, SHORTAGE_NODES).map(node).join(', ')}${rest}`,
  };
}

/** The refusal for an unsatisfiable request, naming which nodes lack how much. */
export function shortage(d: Demand, cap: Capacity): Refusal {
  const node = (i: number): string => `node ${cap.ids[i]} (${freeWords(cap, i)})`;
  if (d.kind === 'list') {
    const have = d.list.reduce((a, i) => a + cap.free[i]!, 0);
    return {
      refused: true,
      code: 'XM0403',
      message: `the listed nodes hold ${have} MiB free, ${d.memMiB - have} MiB short of the ${d.memMiB} MiB the guest needs: ${d.list.map(node).join(', ')}`,
    };
  }
  if (d.kind === 'count' && d.count > cap.ids.length) {
    return { refused: true, code: 'XM0404', message: `the guest asks for ${d.count} nodes but the host has ${cap.ids.length}` };
  }
  if (d.kind === 'count') {
    const top = d.count === 1 ? [freest(cap)] : Array.from(freeOrder(cap).subarray(0, d.count));
    const have = top.reduce((a, i) => a + cap.free[i]!, 0);
    const what = d.count === 1 ? 'no single node holds' : `no ${d.count} nodes together hold`;
    return {
      refused: true,
      code: 'XM0404',
      message: `${what} ${d.memMiB} MiB: the freest ${d.count === 1 ? 'is' : 'are'} ${top.map(node).join(', ')}, ${d.memMiB - have} MiB short`,
    };
  }
  const have = cap.free.reduce((a, b) => a + b, 0);
  // Which nodes hold what, freest first (as the other refusals name theirs); a long host, its freest few.
  const order = Array.from(freeOrder(cap));
  const listed = order.slice(0, SHORTAGE_NODES).map(node).join(', ');
  const rest = order.length > SHORTAGE_NODES ? `, and ${order.length - SHORTAGE_NODES} more with less` : '';
  return {
    refused: true,
    code: 'XM0404',
    message: `the host has ${have} MiB free ${cap.ids.length === 1 ? 'on its one node' : `on all ${cap.ids.length} nodes`}, ${d.memMiB - have} MiB short of the ${d.memMiB} MiB the guest needs: ${listed}${rest}`,
  };
}
