/**
 * @fileoverview Admissible bounds for rebalance's branch-and-bound search: they prune a partial list
 * only when no list that extends it (with the moves left) can reach the threshold, or can move less
 * memory than the best list found, so the search's answer is unchanged where it finished before.
 */

/** What the bounds need of a movable guest: its memory, its booking, and its place in the order. */
interface BoundGuest {
  mem: number;
  parts: ReadonlyArray<{ node: number; memory_mib: number }>;
  pos: number;
}

/** What the bounds need of a memory node. */
interface BoundNode {
  memory_mib: number;
}

/** Slack for floating-point sums: a bound prunes only when clearly past the limit. */
const EPS = 1e-9;

/**
 * The bounds over `guests` (indexed by `pos`) and `nodes` (`at` maps a node id to its index).
 * `moved[pos]` is 1 while that guest is moved on the search's path (the search keeps it).
 */
export function rebalanceBounds(guests: ReadonlyArray<BoundGuest>, nodes: ReadonlyArray<BoundNode>, at: ReadonlyMap<number, number>) {
  const moved = new Uint8Array(guests.length);
  // Largest first: the r largest unmoved guests bound what r moves can take off or put on a node.
  const bySize = [...guests].sort((a, b) => b.mem - a.mem);
  const onNode: Array<Array<{ pos: number; mib: number }>> = nodes.map(() => []);
  for (const g of guests) for (const x of g.parts) if (at.has(x.node)) onNode[at.get(x.node)!]!.push({ pos: g.pos, mib: x.memory_mib });
  for (const list of onNode) list.sort((a, b) => b.mib - a.mib);
  const used = new Float64Array(nodes.length);
  /** Sum of the `r` largest of `list` whose guest is not moved yet. */
  const top = (list: ReadonlyArray<{ pos: number; mib: number }>, r: number): number => {
    let sum = 0;
    for (let k = 0, n = 0; k < list.length && n < r; k++) {
      if (moved[list[k]!.pos]) continue;
      sum += list[k]!.mib;
      n++;
    }
    return sum;
  };
  const sizes = bySize.map((g) => ({ pos: g.pos, mib: g.mem }));
  const singleNode = guests.every((g) => g.parts.length === 1);
  /** The fewest of the largest unmoved in `list` that add up to `need` (r + 1 when r cannot). */
  const movesFor = (list: ReadonlyArray<{ pos: number; mib: number }>, need: number, r: number): number => {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < list.length && n < r; k++) {
      if (moved[list[k]!.pos]) continue;
      sum += list[k]!.mib;
      n++;
      if (sum >= need * (1 - EPS)) return n;
    }
    return r + 1;
  };
  /**
   * True when no `r` further moves (of unmoved guests) can bring the spread within `threshold`, or
   * every list that does moves more than `bestMem` in all (`mem` moved so far). A node's use falls
   * by at most what moves off it (its share of the r largest guests booked there) and rises by at
   * most what moves on (the r largest guests, and never past its free memory); a list that brings
   * nodes i and j within the threshold moves at least (use_i - use_j - threshold) / (100/mem_i +
   * 100/mem_j) MiB, since the same memory counts for i's fall and j's rise at most once each.
   */
  const prune = (r: number, freeAt: (i: number) => number, mem: number, bestMem: number, threshold: number): boolean => {
    const add = top(sizes, r);
    let lo = -Infinity;
    let hi = Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const m = nodes[i]!.memory_mib;
      const free = freeAt(i);
      used[i] = (100 * (m - free)) / m;
      lo = Math.max(lo, used[i]! - (100 * top(onNode[i]!, r)) / m);
      hi = Math.min(hi, used[i]! + (100 * Math.min(add, free)) / m);
    }
    if (lo - hi > threshold + EPS) return true;
    // Each move lands on one node: the nodes that must rise to within the threshold of the lowest
    // possible maximum need at least one move each, more when the largest guests are smaller than
    // the gap; and, when every guest is booked on one node, the same for nodes that must fall.
    let ups = 0;
    let downs = 0;
    for (let i = 0; i < nodes.length; i++) {
      const m = nodes[i]!.memory_mib;
      const rise = ((lo - threshold - used[i]!) * m) / 100;
      if (rise > EPS * m) ups += movesFor(sizes, rise, r);
      const fall = ((used[i]! - hi - threshold) * m) / 100;
      if (singleNode && fall > EPS * m) downs += movesFor(onNode[i]!, fall, r);
      if (ups > r || downs > r) return true;
    }
    if (noLevelFits(r, threshold, lo - threshold, hi)) return true;
    // The memory the moves left must carry, at least: more than r moves can carry, or than the
    // best list leaves room for, prunes.
    const need = leastMemory(threshold);
    if (need * (1 - EPS) > add * (1 + EPS) + EPS) return true;
    return bestMem !== Infinity && mem + need * (1 - EPS) > bestMem + EPS;
  };
  /** Running sums of the `r` largest unmoved of `list`: [0, largest, largest two, ...]. */
  const prefix = (list: ReadonlyArray<{ pos: number; mib: number }>, r: number): number[] => {
    const out = [0];
    for (let k = 0; k < list.length && out.length <= r; k++) if (!moved[list[k]!.pos]) out.push(out[out.length - 1]! + list[k]!.mib);
    return out;
  };
  /** The fewest moves whose sizes (running sums `pre`) can add up to `need` MiB; pre.length when none. */
  const fewest = (pre: readonly number[], need: number): number => {
    if (need <= EPS) return 0;
    for (let k = 1; k < pre.length; k++) if (pre[k]! >= need * (1 - EPS)) return k;
    return pre.length;
  };
  /**
   * True when no least use L at the end (in [from, to]) lets r moves do it: every node below L must
   * rise to it and every node above L + threshold fall to it, each move landing on one node (and,
   * when every guest is booked on one node, leaving one), and the moves must carry the gain and the
   * loss in all. What rising needs grows with L and what falling needs shrinks, so bisection finds
   * the least L that rising cannot reach and the greatest L that falling cannot: when the second is
   * past the first, no L is left. (The checks above try L = from for rising and L = to for falling
   * only.)
   */
  const noLevelFits = (r: number, threshold: number, from: number, to: number): boolean => {
    if (!(from < to)) return false;
    const all = prefix(sizes, r);
    const own = onNode.map((list) => (singleNode ? prefix(list, r) : []));
    const rising = (l: number): number => {
      let n = 0;
      let gain = 0;
      for (let i = 0; i < nodes.length; i++) {
        if (used[i]! >= l) continue;
        const mib = ((l - used[i]!) * nodes[i]!.memory_mib) / 100;
        gain += mib;
        n += fewest(all, mib);
      }
      return Math.max(n, fewest(all, gain));
    };
    const falling = (l: number): number => {
      let n = 0;
      let loss = 0;
      for (let i = 0; i < nodes.length; i++) {
        if (used[i]! - threshold <= l) continue;
        const mib = ((used[i]! - threshold - l) * nodes[i]!.memory_mib) / 100;
        loss += mib;
        if (singleNode) n += fewest(own[i]!, mib);
      }
      return Math.max(n, fewest(all, loss));
    };
    if (rising(from) > r || falling(to) > r) return true;
    if (rising(to) <= r || falling(from) <= r) return false;
    // rising(a) <= r < rising(b); falling(c) > r >= falling(d).
    let a = from;
    let b = to;
    let c = from;
    let d = to;
    for (let k = 0; k < 30; k++) {
      const m1 = (a + b) / 2;
      if (rising(m1) <= r) a = m1;
      else b = m1;
      const m2 = (c + d) / 2;
      if (falling(m2) > r) c = m2;
      else d = m2;
    }
    return c >= b;
  };
  /**
   * A lower bound on the memory (MiB) any list that brings every node's use (`used`) within
   * `threshold` must move. Such a list ends with every node in [L, L + threshold] for some L (the
   * least use at the end): the nodes below L must gain (L - use) * memory / 100 MiB in all, and the
   * nodes above L + threshold lose (use - L - threshold) * memory / 100, and each MiB moved arrives
   * at one node and leaves another, so it moves at least the larger of the two. The smallest such
   * larger over every L is where the rising gain meets the falling loss; it is found by bisection
   * and kept on the low side (the gain at the bracket's low end, the loss at its high end). It is
   * at least the bound of any two nodes alone, (use_i - use_j - threshold) / (100/mem_i + 100/mem_j).
   */
  const leastMemory = (threshold: number): number => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < nodes.length; i++) {
      lo = Math.min(lo, used[i]!);
      hi = Math.max(hi, used[i]! - threshold);
    }
    if (hi <= lo) return 0;
    const gain = (l: number): number => {
      let sum = 0;
      for (let i = 0; i < nodes.length; i++) if (used[i]! < l) sum += ((l - used[i]!) * nodes[i]!.memory_mib) / 100;
      return sum;
    };
    const loss = (l: number): number => {
      let sum = 0;
      for (let i = 0; i < nodes.length; i++) if (used[i]! - threshold > l) sum += ((used[i]! - threshold - l) * nodes[i]!.memory_mib) / 100;
      return sum;
    };
    // gain(lo) = 0 <= loss(lo) and gain(hi) >= 0 = loss(hi): the two meet in [lo, hi].
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (gain(mid) < loss(mid)) lo = mid;
      else hi = mid;
    }
    return Math.max(gain(lo), loss(hi));
  };
  return { moved, prune };
}
