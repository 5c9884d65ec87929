/**
 * @fileoverview How a placed guest is spread over its nodes: vCPU i goes to n[floor(i*k/maxvcpus)]
 * (the RFC's rule generalised to any node list) and memory follows the vCPUs, in whole MiB, by
 * largest remainder. When a node cannot hold its share the rest is shifted to the other nodes in
 * proportion (an uneven split), so a guest that fits in total is never refused for its shape.
 */

/** The RFC vCPU map: for each vCPU, the position (0..k-1) in the node list it runs on. */
export function rfcSlots(vcpus: number, k: number): number[] {
  const out = new Array<number>(vcpus);
  for (let i = 0; i < vcpus; i++) out[i] = Math.floor((i * k) / vcpus);
  return out;
}

/** vCPUs per slot under the RFC map. */
export function vcpusPerSlot(vcpus: number, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  for (let i = 0; i < vcpus; i++) out[Math.floor((i * k) / vcpus)]!++;
  return out;
}

/** Split `total` in proportion to `weights` in whole units (largest remainder, ties to the earlier slot). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  if (left > 0) {
    const order = weights.map((_, i) => i).sort((a, b) => {
      const fa = (total * weights[a]!) % sum;
      const fb = (total * weights[b]!) % sum;
      return fb - fa || a - b;
    });
    for (let i = 0; left > 0; i = (i + 1) % order.length, left--) out[order[i]!]!++;
  }
  return out;
}

/** Result of a memory split over a node list. */
export interface MemorySplit {
  /** MiB per slot (aligned with the node list). */
  mem: number[];
  /** True when the split follows the vCPUs exactly; false when capacity forced an uneven split. */
  proportional: boolean;
}

/**
 * Split `memMiB` over slots whose free memory is `free`, following the vCPU counts. When some slot
 * has no vCPU: with `spareOnly` (automatic placement took the node for its memory) it only takes
 * what the vCPU nodes cannot hold; otherwise (the guest asked for those nodes) every slot weighs
 * the same. Null when the slots together lack the memory.
 */
export function splitMemory(memMiB: number, vcpuCounts: readonly number[], free: readonly number[], spareOnly = false): MemorySplit | null {
  if (free.length !== 2) return splitGeneral(memMiB, vcpuCounts, free, spareOnly);
  if (free[0]! + free[1]! < memMiB) return null;
  return splitTwo(memMiB, vcpuCounts[0]!, vcpuCounts[1]!, free[0]!, free[1]!, spareOnly);
}

/**
 * splitMemory() for any number of slots: largest-remainder shares, then a capped proportional
 * fill. Exported so tests can hold the two-slot path to it.
 */
export function splitGeneral(memMiB: number, vcpuCounts: readonly number[], free: readonly number[], spareOnly = false): MemorySplit | null {
  const k = free.length;
  let total = 0;
  for (const f of free) total += f;
  if (total < memMiB) return null;
  const weights = vcpuCounts.some((c) => c === 0) && !spareOnly ? vcpuCounts.map(() => 1) : [...vcpuCounts];
  const ideal = apportion(memMiB, weights);
  let fits = true;
  for (let i = 0; i < k; i++) if (ideal[i]! > free[i]!) fits = false;
  if (fits) return { mem: ideal, proportional: true };
  // Capped proportional fill: full slots take what they have, the rest is re-apportioned.
  const mem = new Array<number>(k).fill(0);
  const open = new Set<number>();
  for (let i = 0; i < k; i++) if (free[i]! > 0) open.add(i);
  let remaining = memMiB;
  while (remaining > 0 && open.size > 0) {
    const idx = [...open];
    // Only vCPU-less slots are left open: they share the rest evenly.
    if (idx.every((i) => weights[i] === 0)) for (const i of idx) weights[i] = 1;
    const share = apportion(remaining, idx.map((i) => weights[i]!));
    if (!idx.some((i, j) => share[j]! >= free[i]! - mem[i]!)) {
      idx.forEach((i, j) => (mem[i] = mem[i]! + share[j]!));
      remaining = 0;
      break;
    }
    for (const [j, i] of idx.entries()) {
      const room = free[i]! - mem[i]!;
      if (share[j]! >= room) {
        mem[i] = free[i]!;
        remaining -= room;
        open.delete(i);
      }
    }
  }
  return remaining === 0 ? { mem, proportional: false } : null;
}

/**
 * splitMemory() for two slots (every pair, and most listed guests), without the general loop's
 * arrays: the same largest-remainder shares, and when one slot cannot hold its share it gives all
 * it has and the other takes the rest (the general capped fill gives exactly that for two slots).
 */
function splitTwo(memMiB: number, c0: number, c1: number, f0: number, f1: number, spareOnly: boolean): MemorySplit {
  const even = (c0 === 0 || c1 === 0) && !spareOnly;
  const w0 = even ? 1 : c0;
  const w1 = even ? 1 : c1;
  const sum = w0 + w1;
  let i0 = 0;
  let i1 = 0;
  if (sum > 0) {
    i0 = Math.floor((memMiB * w0) / sum);
    i1 = Math.floor((memMiB * w1) / sum);
    // Largest remainder, ties to the earlier slot (apportion()).
    if (i0 + i1 < memMiB) {
      if ((memMiB * w1) % sum > (memMiB * w0) % sum) i1++;
      else i0++;
    }
  }
  if (i0 <= f0 && i1 <= f1) return { mem: [i0, i1], proportional: true };
  return i0 > f0 ? { mem: [f0, memMiB - f0], proportional: false } : { mem: [memMiB - f1, f1], proportional: false };
}
