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
    if (bestMem === Infinity) return false;
    let need = 0;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = 0; j < nodes.length; j++) {
        const gap = used[i]! - used[j]! - threshold;
        if (gap > 0) need = Math.max(need, gap / (100 / nodes[i]!.memory_mib + 100 / nodes[j]!.memory_mib));
      }
    }
    return mem + need * (1 - EPS) > bestMem + EPS;
  };
  return { moved, prune };
}
