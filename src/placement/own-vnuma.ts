/**
 * @fileoverview A config's own `vnuma` decides its placement when it has no NUMA keys: libxl turns
 * automatic placement off once a pnode is given and allocates each vnode's memory on exactly its
 * pnode, and xl sets each vCPU's soft affinity to its vnode's pnode. So the plan takes the pnodes as
 * its nodes, each vnode's size as that node's memory and each vnode's vCPUs as that node's, instead
 * of choosing nodes (and pinning vCPUs) the guest's memory would not be on.
 */
import type { Capacity } from './capacity.js';
import type { GuestShape } from './guest.js';

/** The placement a complete vnuma fixes, in capacity positions. */
export interface OwnVnuma {
  /** Positions of the pnodes, each once, in vnode order. */
  list: number[];
  /** MiB on each position of `list`: the sizes of its vnodes. */
  mem: number[];
  /** Index into `list` of each vCPU 0..maxvcpus-1. */
  slotOf: number[];
}

/**
 * The placement `vnuma` (the normalised value) fixes on `cap`, or null when it does not fix one: not
 * a list, a vnode without pnode, size or vCPUs, a pnode the host lacks (XM0420 says so), or vCPU
 * lists that do not name each of the guest's vCPUs exactly once (check reports those).
 */
export function ownVnuma(vnuma: unknown, g: GuestShape, cap: Capacity): OwnVnuma | null {
  if (!Array.isArray(vnuma) || vnuma.length === 0) return null;
  const pos = new Map(cap.ids.map((id, i) => [id, i]));
  const list: number[] = [];
  const mem: number[] = [];
  const slotOf = new Array<number>(g.maxvcpus).fill(-1);
  for (const v of vnuma as unknown[]) {
    const { pnode, size, vcpus } = (v ?? {}) as { pnode?: unknown; size?: unknown; vcpus?: unknown };
    if (typeof pnode !== 'number' || typeof size !== 'number' || !Array.isArray(vcpus) || vcpus.length === 0) return null;
    const p = pos.get(pnode);
    if (p === undefined) return null;
    let slot = list.indexOf(p);
    if (slot < 0) {
      slot = list.length;
      list.push(p);
      mem.push(0);
    }
    mem[slot]! += size;
    for (const c of vcpus as unknown[]) {
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= g.maxvcpus || slotOf[c] !== -1) return null;
      slotOf[c] = slot;
    }
  }
  if (slotOf.includes(-1)) return null;
  // The guest's own overhead (shadow_memory) beyond the vnodes goes with the first vnode's node.
  const total = mem.reduce((a, b) => a + b, 0);
  if (g.need > total) mem[0]! += g.need - total;
  return { list, mem, slotOf };
}
