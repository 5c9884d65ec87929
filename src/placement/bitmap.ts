/**
 * @fileoverview Bitmaps of any width (libxl_bitmap semantics, reference/xen-format.md §e): node
 * masks as `0x` hex (highest bit first) and id lists, CPU sets as xl's range text (`0-3,8`).
 */

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
