/**
 * @fileoverview The allocator's compact view of a host: parallel arrays indexed by node position
 * (nodes sorted by id), a flat distance matrix and, built on demand, each node's neighbours sorted
 * by distance. Policies work on this view only, so the same code serves `plan()` and the benchmark.
 */
import { guestShape } from './guest.js';
import { vcpusReach } from './pinning.js';
import type { Host, PlacementConfig, ReservationLoad } from './types.js';

/** Free memory, CPUs, load and distances of every node, by position. */
export interface Capacity {
  /** Host node id at each position (ascending). */
  ids: number[];
  /**
   * pCPU count at each position: the CPUs the guest may run on when its `cpus` narrows a node
   * (cpusAllowed()), else the node's own.
   */
  cpus: number[];
  /** The node's own pCPU count at each position, only in a view cpusAllowed() narrowed (for messages). */
  whole?: number[];
  /** Free MiB at each position (host free minus live reservations, never below 0). */
  free: number[];
  /**
   * Total MiB at each position (the host's memory_mib), for messages (a node with 0 MiB free may be
   * full or may have no memory at all, a CPU-only node, and a refusal should say which) and the
   * socket reserve's use ratio (summed once into the workspace, so it must not change after the view's
   * first search). Optional so views built by hand (benchmark, tests) need not carry it.
   */
  total?: number[];
  /** vCPUs already placed at each position (host `vcpus_placed` plus reservations). */
  load: number[];
  /** Distance from position a to b at `dist[a * n + b]`. */
  dist: ArrayLike<number>;
  /** Per position, the other positions sorted by distance then id; built lazily by neighbours(). */
  near?: Int32Array[];
  /** All pairs (a < b) by two-way distance then position; built lazily by pairsByDistance(). */
  pairs?: PairTable;
  /** Positions by CPU count, most first (ties by position); built lazily by cpuOrder(). */
  byCpus?: Int32Array;
  /** Scratch buffers sized to the host, built lazily by workspace() and reused by every search. */
  work?: Workspace;
  /** Per position, the first position of its socket (null: no sockets); built lazily by sockets() in reserve.ts. */
  sockets?: Int32Array | null;
}

/** Scratch buffers of one host size: searches write here instead of allocating per placement. */
export interface Workspace {
  /** Positions by free memory, most first (freeOrder()), and whether it holds a permutation yet. */
  order: Int32Array;
  ordered: boolean;
  /** Sort keys for `order`. */
  keys: Float64Array;
  /** Membership marks of the set being grown (all 0 between searches). */
  marked: Uint8Array;
  /** A distance tier's usable nodes. */
  tier: Int32Array;
  /** A seed's ball, freest first, and the prefix sums of its free memory (pre[i] = first i). */
  ball: Int32Array;
  ballLen: number;
  pre: Float64Array;
  /** The set being grown and the best set so far. */
  set: Int32Array;
  best: Int32Array;
  /** The largest free values seen (a count request's oracle). */
  bufF: Float64Array;
  /** pCPUs of the whole host (a topology constant). */
  totalCpus: number;
  /** The socket reserve's per-socket free memory, summed at each socket's first position (reserve.ts). */
  socketFree: Float64Array;
  /** Installed MiB of the whole host (the sum of `total`; 0 when the view has none): the reserve's use ratio. */
  installed: number;
}

/** The capacity view's workspace (built on first use; a view's host size and installed memory never change). */
export function workspace(cap: Capacity): Workspace {
  if (cap.work) return cap.work;
  const n = cap.ids.length;
  cap.work = {
    order: new Int32Array(n),
    ordered: false,
    keys: new Float64Array(n),
    marked: new Uint8Array(n),
    tier: new Int32Array(n),
    ball: new Int32Array(n),
    ballLen: 0,
    pre: new Float64Array(n + 1),
    set: new Int32Array(n),
    best: new Int32Array(n),
    bufF: new Float64Array(n),
    totalCpus: cap.cpus.reduce((a, b) => a + b, 0),
    socketFree: new Float64Array(n),
    installed: (cap.total ?? []).reduce((a, b) => a + b, 0),
  };
  return cap.work;
}

/**
 * Positions by free memory, most first, ties by position, in the workspace's `order` (valid until
 * the next call). Between two placements on one view only a few nodes change, so the previous order
 * is insertion-sorted (O(n) then); a first call, or one with many changes, sorts numeric keys natively.
 */
export function freeOrder(cap: Capacity): Int32Array {
  const ws = workspace(cap);
  const { order } = ws;
  const n = cap.ids.length;
  const free = cap.free;
  if (ws.ordered) {
    let moves = 0;
    let i = 1;
    for (; i < n && moves <= 4 * n; i++) {
      const p = order[i]!;
      const f = free[p]!;
      let j = i - 1;
      while (j >= 0 && (free[order[j]!]! < f || (free[order[j]!]! === f && order[j]! > p))) {
        order[j + 1] = order[j]!;
        j--;
        moves++;
      }
      order[j + 1] = p;
    }
    if (i === n) return order;
  }
  const keys = ws.keys;
  let max = 0;
  for (let i = 0; i < n; i++) if (free[i]! > max) max = free[i]!;
  // Numeric keys sorted natively (no comparator calls): (max - free) · n + position.
  for (let i = 0; i < n; i++) keys[i] = (max - free[i]!) * n + i;
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  ws.ordered = true;
  return order;
}

/** Build the capacity view of a canonical host, after subtracting live reservations. */
export function capacityOf(host: Host, reservations: ReadonlyArray<ReservationLoad> = []): Capacity {
  const n = host.nodes.length;
  const ids = host.nodes.map((x) => x.id);
  const pos = new Map(ids.map((id, i) => [id, i]));
  const cpus = host.nodes.map((x) => x.cpus.length);
  const free = host.nodes.map((x) => x.free_mib);
  const total = host.nodes.map((x) => x.memory_mib);
  const load = host.nodes.map((x) => x.vcpus_placed ?? 0);
  for (const r of reservations) {
    for (const part of r.nodes) {
      const i = pos.get(part.node);
      if (i === undefined) continue;
      free[i] = Math.max(0, free[i]! - part.memory_mib);
      load[i] = load[i]! + part.vcpus;
    }
  }
  const dist = new Float64Array(n * n);
  // The keys spelled once: a 1024-node host has a million entries.
  const keys = ids.map(String);
  for (let a = 0; a < n; a++) {
    const row = host.nodes[a]!.distances;
    for (let b = 0; b < n; b++) dist[a * n + b] = row[keys[b]!] ?? (a === b ? 10 : 20);
  }
  // Every lazily built field present from the start: the view keeps one object shape.
  return { ids, cpus, whole: undefined, free, total, load, dist, near: undefined, pairs: undefined, byCpus: undefined, work: undefined, sockets: undefined };
}

/**
 * The view with each node's CPUs counted as those `reach` (the CPUs some vCPU may run on under the
 * config's own `cpus`, vcpusReach()) leaves it, so a policy weighs a node by the CPUs the guest can
 * use (decision 057): `cpus = "0,8-15"` offers one CPU of node 0, not eight. A node `reach` leaves
 * no CPU keeps its own count: a plan that takes it pins the vCPUs to its CPUs (XM0417). The view
 * itself when nothing narrows (no `cpus`, or whole nodes), so those plans are unchanged; built
 * before any search (the lazily built fields depend on the counts).
 */
export function cpusAllowed(cap: Capacity, host: Host, reach: ReadonlySet<number> | null): Capacity {
  if (!reach) return cap;
  const byId = new Map(host.nodes.map((x) => [x.id, x.cpus]));
  const cpus = cap.ids.map((id, i) => {
    const n = byId.get(id)!.filter((c) => reach.has(c)).length;
    return n > 0 ? n : cap.cpus[i]!;
  });
  if (cpus.every((c, i) => c === cap.cpus[i])) return cap;
  return { ...cap, cpus, whole: [...cap.cpus], near: undefined, pairs: undefined, byCpus: undefined, work: undefined, sockets: undefined };
}

/**
 * The view a plan of `cfg` weighs nodes by: cpusAllowed() with the CPUs its vCPUs may run on
 * (vcpusReach), for the text plan's node table; plan() calls cpusAllowed() with the reach it has
 * already computed. Both count CPUs this way, so the table's
 * vCPUs per CPU are the numbers the plan's reasons and XM0406 speak of.
 */
export function guestView(cap: Capacity, host: Host, cfg: PlacementConfig): Capacity {
  return cpusAllowed(cap, host, vcpusReach(cfg, host, guestShape(cfg).maxvcpus));
}

/** A node's CPUs as messages say them: `8 CPUs`, or `1 of its 8 CPUs` where the guest's cpus narrow the view. */
export function cpuWords(cap: Capacity, pos: number): string {
  const whole = cap.whole?.[pos];
  return whole === undefined || whole === cap.cpus[pos] ? `${cap.cpus[pos]} CPUs` : `${cap.cpus[pos]} of its ${whole} CPUs`;
}

/** A node's free memory as messages say it: `has no memory` for a node whose total is 0, else `N MiB free`. */
export function freeWords(cap: Capacity, pos: number): string {
  return cap.total?.[pos] === 0 ? 'has no memory' : `${cap.free[pos]} MiB free`;
}

/** Neighbour order of every position: others by ascending distance, ties by position. */
export function neighbours(cap: Capacity): Int32Array[] {
  if (cap.near) return cap.near;
  const n = cap.ids.length;
  const out: Int32Array[] = [];
  const small = smallDistances(cap.dist, 1);
  const counts = small ? new Int32Array(MAX_BUCKET + 2) : null;
  for (let a = 0; a < n; a++) {
    const row = new Int32Array(n - 1);
    if (counts) {
      // Counting sort by distance; positions go in ascending within a distance (ties by position).
      counts.fill(0);
      for (let b = 0; b < n; b++) if (b !== a) counts[cap.dist[a * n + b]! + 1]!++;
      for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
      for (let b = 0; b < n; b++) if (b !== a) row[counts[cap.dist[a * n + b]!]!++] = b;
    } else {
      // Other distances (a view built by hand): sorted by distance, ties by position.
      let j = 0;
      for (let b = 0; b < n; b++) if (b !== a) row[j++] = b;
      row.sort((x, y) => cap.dist[a * n + x]! - cap.dist[a * n + y]! || x - y);
    }
    out.push(row);
  }
  cap.near = out;
  return out;
}

/**
 * Largest distance (one-way, or two-way with `ways` 2) a counting sort buckets: SLIT distances
 * are bytes (host-schema.json's maximum is 255), so two ways are at most 510.
 */
const MAX_BUCKET = 510;

/**
 * Whether every entry of a distance matrix is a whole number in [0, 255] (what host-schema.json
 * allows), so lists ordered by distance can be built by counting sort: O(n²) instead of sorting
 * n² keys, the cost of a first multi-node placement on a 1024-node host (issue #4). A view built
 * by hand with other distances is sorted as before, in the same order.
 */
function smallDistances(dist: ArrayLike<number>, ways: 1 | 2): boolean {
  for (let i = 0; i < dist.length; i++) {
    const d = dist[i]!;
    if (!(d >= 0 && d * ways <= MAX_BUCKET && Number.isInteger(d))) return false;
  }
  return true;
}

/** Every unordered pair of positions, nearest first: its ends (lo < hi) and two-way distance. */
export interface PairTable {
  lo: Int32Array;
  hi: Int32Array;
  dist: Float64Array;
}

/** Every unordered pair of positions, nearest first (two-way distance, then positions). Cached. */
export function pairsByDistance(cap: Capacity): PairTable {
  if (cap.pairs) return cap.pairs;
  const n = cap.ids.length;
  const size = (n * (n - 1)) / 2;
  const out: PairTable = { lo: new Int32Array(size), hi: new Int32Array(size), dist: new Float64Array(size) };
  const { dist } = cap;
  if (smallDistances(dist, 2)) {
    // Counting sort by two-way distance; pairs go in by (lo, hi) ascending within a distance, the
    // order the key sort below gives.
    const start = new Int32Array(MAX_BUCKET + 2);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) start[dist[a * n + b]! + dist[b * n + a]! + 1]!++;
    for (let d = 1; d < start.length; d++) start[d]! += start[d - 1]!;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const d = dist[a * n + b]! + dist[b * n + a]!;
        const t = start[d]!++;
        out.lo[t] = a;
        out.hi[t] = b;
        out.dist[t] = d;
      }
    }
    cap.pairs = out;
    return out;
  }
  // Other distances (a view built by hand): pairs in (lo, hi) order, sorted by distance, ties kept
  // in that order. (Numeric keys distance · n² + code, sorted natively, lost the code to rounding
  // when a distance had a fraction.)
  const lo = new Int32Array(size);
  const hi = new Int32Array(size);
  const two = new Float64Array(size);
  let j = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++, j++) {
      lo[j] = a;
      hi[j] = b;
      two[j] = dist[a * n + b]! + dist[b * n + a]!;
    }
  }
  const order = Int32Array.from({ length: size }, (_, t) => t).sort((x, y) => two[x]! - two[y]! || x - y);
  order.forEach((t, k) => {
    out.lo[k] = lo[t]!;
    out.hi[k] = hi[t]!;
    out.dist[k] = two[t]!;
  });
  cap.pairs = out;
  return out;
}

/** Positions by pCPU count, most first, ties by position (a topology constant, cached). */
export function cpuOrder(cap: Capacity): Int32Array {
  if (cap.byCpus) return cap.byCpus;
  const n = cap.ids.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (cap.cpus[i]! > max) max = cap.cpus[i]!;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (max - cap.cpus[i]!) * n + i;
  keys.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = keys[i]! % n;
  cap.byCpus = out;
  return out;
}
