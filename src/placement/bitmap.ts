/**
 * @fileoverview Bitmaps of any width (libxl_bitmap semantics, reference/xen-format.md §e): node
 * masks as `0x` hex (highest bit first) and id lists, CPU sets as xl's range text (`0-3,8`).
 */
import { parseCpuList } from '../normalize/cpulist.js';

/** Hex mask of a set of ids, any width (BigInt, so ids above 63 are exact). `0x0` when empty. */
export function maskOf(ids: Iterable<number>): string {
  let m = 0n;
  for (const id of ids) m |= 1n << BigInt(id);
  return `0x${m.toString(16)}`;
}

/** Ids set in a hex mask (inverse of maskOf); null when the text is not a hex mask. */
export function idsOfMask(mask: string): number[] | null {
  if (!/^0x[0-9a-fA-F]{1,16384}$/.test(mask)) return null;
  let m = BigInt(mask);
  const out: number[] = [];
  for (let i = 0; m > 0n; i++, m >>= 1n) if (m & 1n) out.push(i);
  return out;
}

/** xl's range text of a CPU set: sorted, consecutive runs as `a-b` (`none` when empty). */
export function rangesOf(ids: readonly number[]): string {
  if (ids.length === 0) return 'none';
  const s = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = s[0]!;
  let prev = start;
  for (let i = 1; i <= s.length; i++) {
    const c = s[i];
    if (c !== undefined && c === prev + 1) {
      prev = c;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}-${prev}`);
    if (c !== undefined) start = prev = c;
  }
  return parts.join(',');
}

/**
 * The ids of a range text (`0-3,8`), the inverse of rangesOf and the form of the kernel's cpulist
 * files: items `N` or `N-M` (decimal, N <= M) separated by commas, expanded in the order given, each
 * id once (its first place); [] for '' (a CPU-less node's cpulist). Null when the text is not one
 * (an empty item, a range that runs backwards, `^`, `all`, `node:`, `none`), names an id past 2^53,
 * or holds more than `limit` distinct ids: 200 copies of "0-1000000" once grew an array past V8's
 * limit. Repeated ids count once (`0-40000,0-40000` is 40,001 ids, as two `--to-node 0-40000` are),
 * but the ids walked, repeats included, stop at 64 times `limit`, so the work stays bounded. One
 * reader for sysfs CPU lists and `--to-node`.
 */
export function idsOfRanges(text: string, limit: number): number[] | null {
  const t = text.trim();
  if (t === '') return [];
  const { list, errors } = parseCpuList(t);
  if (errors.length > 0) return null;
  const out: number[] = [];
  const seen = new Set<number>();
  let walked = 0;
  for (const it of list.items) {
    // Past 2^53 `c++` no longer moves (1e17 + 1 === 1e17): the loop below would never end.
    if (it.kind !== 'cpu' || it.negate || !Number.isSafeInteger(it.to) || it.to - it.from >= limit) return null;
    walked += it.to - it.from + 1;
    if (walked > 64 * limit) return null;
    for (let c = it.from; c <= it.to; c++) {
      if (seen.has(c)) continue;
      if (out.length === limit) return null;
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}
