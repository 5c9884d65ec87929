/**
 * @fileoverview How xl turns the numbers of one CPU-list item into CPUs or nodes: parse_range
 * (tools/xl/xl_parse.c) reads them with strtoul, and update_cpumap_range runs
 * `while (ida <= idb) { … libxl_bitmap_set(cpumap, ida) / libxl_node_to_cpumap(ctx, ida, …); ida++; }`,
 * both of which take an `int`. Everything here is arithmetic on the range's ends (BigInt only for
 * long or signed numbers): nothing loops over a range, whatever its length.
 */
import { cUlong } from './spec-items.js';

/** What one xl CPU-list item's numbers select, once strtoul and the int conversion have had their say. */
export type XlRangeRead =
  /** Numbers below 2^31: the item as written (`from`/`to` as read, so "+1" and "-0" are plain). */
  | { kind: 'plain'; from: number; to: number }
  /**
   * A number from 2^31 up: `parts` are the CPUs (or nodes) xl's int conversion leaves, at most two
   * stretches of 0..2^31-1 (none: the item adds or removes nothing); `what` says so in words.
   */
  | { kind: 'wrapped'; parts: Array<[number, number]>; what: string }
  /** parse_range refuses it ("Invalid pcpu range"), or xl's loop does not finish: `why` in words. */
  | { kind: 'error'; why: string };

/** C's ULONG_MAX on the 64-bit hosts xl runs on: where strtoul saturates. */
export const ULONG_MAX = (1n << 64n) - 1n;
const INT_LIMIT = 1n << 31n;
const WORD = 1n << 32n;

/**
 * The longest range xl's loop is taken to finish, in numbers. A CPU costs one libxl_bitmap_set
 * call: 3.6 ns each measured with a C copy of the loop (gcc -O2, 2^32 + 1 numbers in 15.3 s), so
 * 2^40 numbers are an hour (18 minutes at 1 ns). A node costs a libxl_node_to_cpumap call, which
 * allocates a node map and asks Xen for the CPU topology (hypercalls, at least about a microsecond):
 * 2^30 of them are 18 minutes or more.
 */
export const XL_LOOP_LIMIT = { cpu: 1n << 40n, node: 1n << 30n } as const;

/**
 * The CPUs a `node:`/`nodes:` item can give, as numbers below this: update_cpumap_range fills a
 * temporary `node_cpumap` allocated with libxl_node_bitmap_alloc(ctx, &node_cpumap, 0), a bitmap
 * of the host's node count as libxl gets it (physinfo max_node_id + 1, which Xen's sysctl reports as
 * MAX_NUMNODES: CONFIG_NR_NUMA_NODES, 64 on a default x86 build), and libxl_node_to_cpumap sets the
 * node's CPUs in it; libxl_bitmap_set ignores a bit past the map's size, so a node's CPUs numbered
 * 64 or more never reach the affinity. A hypervisor built with another CONFIG_NR_NUMA_NODES moves
 * the line (decision 106). `nodes:all` is not cut: it sets every bit of the CPU-sized map.
 */
export const XL_NODE_MAP_BITS = 64;

/**
 * strtoul's reading of an optional `-` and decimal digits: past ULONG_MAX it saturates (ERANGE,
 * whatever the sign), `-N` is 2^64 - N. ULONG_MAX itself still fits, so glibc negates it:
 * "-18446744073709551615" is 1.
 */
export function strtoul(negative: boolean, digits: string): bigint {
  return cUlong(digits, 10, negative);
}

/** The numbers of [a, b] (each below ULONG_MAX) as ints, kept from 0 to 2^31 - 1: at most two stretches, ascending. */
function intParts(a: bigint, b: bigint): Array<[number, number]> {
  if (b - a + 1n >= WORD) return [[0, Number(INT_LIMIT - 1n)]];
  const lo = a % WORD;
  const hi = b % WORD;
  const spans: Array<[bigint, bigint]> = lo <= hi ? [[lo, hi]] : [[0n, hi], [lo, WORD - 1n]];
  return spans.filter(([x]) => x < INT_LIMIT).map(([x, y]) => [Number(x), Number(y < INT_LIMIT ? y : INT_LIMIT - 1n)]);
}

/** "CPU 1", "CPUs 0-7", "no CPU", "every CPU" (a node item: nodes). */
function describe(parts: ReadonlyArray<[number, number]>, unit: 'CPU' | 'node'): string {
  if (parts.length === 0) return `no ${unit}`;
  if (parts.length === 1 && parts[0]![0] === 0 && parts[0]![1] === Number(INT_LIMIT - 1n)) return `every ${unit}`;
  const one = parts.length === 1 && parts[0]![0] === parts[0]![1];
  return `${unit}${one ? '' : 's'} ${parts.map(([x, y]) => (x === y ? `${x}` : `${x}-${y}`)).join(' and ')}`;
}

/**
 * One item's numbers as xl reads them: `lo`/`hi` are the digits (hi undefined for a single number),
 * `negLo`/`negHi` whether a `-` came before them (strtoul takes it), `node` whether the item names
 * nodes. Never loops over the range.
 */
export function readXlRange(negLo: boolean, lo: string, negHi: boolean, hi: string | undefined, node: boolean): XlRangeRead {
  // The common item: short unsigned numbers, no int conversion to speak of (this runs for every item).
  if (!negLo && !negHi && lo.length < 10 && (hi === undefined || hi.length < 10)) {
    const from = Number(lo);
    const to = hi === undefined ? from : Number(hi);
    return to < from ? { kind: 'error', why: 'runs backwards' } : { kind: 'plain', from, to };
  }
  const a = strtoul(negLo, lo);
  // parse_range: `if (endptr == str || *a == ULONG_MAX) return 1;`, and the same for the end.
  if (a === ULONG_MAX) return { kind: 'error', why: `starts at ${negLo ? '-' : ''}${lo}, which strtoul reads as ULONG_MAX` };
  const b = hi === undefined ? a : strtoul(negHi, hi);
  if (b === ULONG_MAX) return { kind: 'error', why: `ends at ${negHi ? '-' : ''}${hi}, which strtoul reads as ULONG_MAX` };
  // `*b < *a`: compared as read, so "-2-5" (2^64 - 2 to 5) runs backwards.
  if (b < a) return { kind: 'error', why: `runs backwards (xl reads it as ${a}-${b})` };
  const count = b - a + 1n;
  const unit = node ? 'node' : 'CPU';
  if (count > XL_LOOP_LIMIT[node ? 'node' : 'cpu']) {
    const call = node ? 'libxl_node_to_cpumap' : 'libxl_bitmap_set';
    return { kind: 'error', why: `is ${count} ${unit}s long (xl reads it as ${a}-${b}): update_cpumap_range calls ${call} for each of them, and xl does not finish` };
  }
  if (b < INT_LIMIT) return { kind: 'plain', from: Number(a), to: Number(b) };
  const parts = intParts(a, b);
  const call = node ? 'libxl_node_to_cpumap (an int node)' : 'libxl_bitmap_set (an int bit)';
  const read = hi === undefined ? `${unit} ${negLo ? '-' : ''}${lo}${negLo ? ` (${a})` : ''}` : `${unit}s ${a}-${b}`;
  // A number from 2^31 is a negative int (no bit, no node); 2^32 + k is k again.
  const how = hi === undefined ? '' : ` (from 2147483648 up a number is a negative int, no ${unit}; 4294967296 + k is ${unit} k)`;
  return { kind: 'wrapped', parts, what: `${call} takes ${read} as ${describe(parts, unit)}${how}` };
}
