/**
 * @fileoverview The `best` policy's socket reserve. A socket here is a group of nodes that are all
 * each other's nearest neighbours (the 4 sub-NUMA nodes of a socket, the nodes of one socket on a
 * board); when that relation splits the host into two or more such groups and the host is at least
 * RESERVE_FROM used, the socket with the most free memory is the reserve: automatic single-node
 * guests and node pairs keep out of it while another node or an equally near pair fits, so the free
 * memory that large automatic guests need late stays in one compact region instead of a few GiB on
 * every node (docs/decisions/035-socket-reserve.md). `numa=on` guests keep plain worst fit: it is
 * what decides which single-node guests fit later, and a reserve they could not use would only be
 * taken by the next guest that fits nowhere else. Hosts without such groups (rings, squares, two
 * nodes) have no reserve.
 */
import { workspace, type Capacity } from './capacity.js';

/** Host memory use (1 − free / installed) from which the freest socket is kept in reserve. */
export const RESERVE_FROM = 0.7;

/**
 * Per position, the position of the first node of its socket; null when the nodes at each node's
 * smallest distance to another node do not split the host into groups that are all each other's
 * nearest neighbours, or when there is only one group. O(n²), once per capacity view.
 */
export function sockets(cap: Capacity): Int32Array | null {
  if (cap.sockets !== undefined) return cap.sockets;
  cap.sockets = findSockets(cap);
  return cap.sockets;
}

function findSockets(cap: Capacity): Int32Array | null {
  const n = cap.ids.length;
  if (n < 3) return null;
  const { dist } = cap;
  const head = new Int32Array(n);
  const near = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let d1 = Infinity;
    for (let j = 0; j < n; j++) if (j !== i && dist[i * n + j]! < d1) d1 = dist[i * n + j]!;
    near[i] = d1;
    let first = i;
    for (let j = 0; j < i; j++) if (dist[i * n + j]! <= d1) { first = j; break; }
    head[i] = first;
  }
  // A partition: j is within i's nearest distance exactly when both name the same first node.
  let groups = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === i) groups++;
    for (let j = 0; j < n; j++) if (j !== i && (dist[i * n + j]! <= near[i]!) !== (head[i] === head[j])) return null;
  }
  return groups >= 2 ? head : null;
}

/**
 * The first position of the reserved socket (the freest; ties to the lowest position), or -1 when
 * the host has no sockets, its installed memory is unknown, or it is less than RESERVE_FROM used.
 * O(n) per call.
 */
export function reservedSocket(cap: Capacity): number {
  const head = sockets(cap);
  if (head === null || cap.total === undefined) return -1;
  const n = cap.ids.length;
  // The sums go to the view's own workspace, like every other search buffer: each plan() builds its
  // own capacity view, so two plans in one process (or two hosts in the benchmark) never share the
  // buffer, and a call allocates nothing. The installed memory is the view's constant: capacityOf()
  // fills `total` once, and the benchmark refills only `free` and `load` of the view it keeps.
  const work = workspace(cap);
  const sum = work.socketFree;
  sum.fill(0);
  // One pass: the host's free memory and each socket's, summed at its first position.
  let free = 0;
  for (let i = 0; i < n; i++) {
    const f = cap.free[i]!;
    free += f;
    sum[head[i]!] += f;
  }
  if (work.installed <= 0 || 1 - free / work.installed < RESERVE_FROM) return -1;
  let best = -1;
  for (let i = 0; i < n; i++) if (head[i] === i && (best < 0 || sum[i]! > sum[best]!)) best = i;
  return best;
}
