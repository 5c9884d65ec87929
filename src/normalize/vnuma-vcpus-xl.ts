/**
 * @fileoverview A vnode's `vcpus=` as xl reads it (parse_vnuma_config, tools/xl/xl_parse.c):
 * split_string_into_string_list(value, ",") (no empty item), then for each item
 * `parse_range(cpu_spec_list[j], &s, &e);` with its verdict ignored, and
 * `for (; s <= e; s++) { libxl_bitmap_set(&vcpu_parsed[i], s); max_vcpus++; }`: every number of
 * the range counts as a vCPU, and sets the bit libxl_bitmap_set's `int bit` makes of it (the low 32
 * bits, signed; a negative int sets nothing). Ranges are judged from their two ends, never looped
 * over past what a guest can have.
 */
import type { Span } from '../diagnostics/span.js';
import type { Value } from '../syntax/value.js';
import type { NormalizeContext } from './context.js';
import { subSpan } from './values.js';
import { splitItems } from './spec-items.js';
import { strtoul, ULONG_MAX } from './cpulist-xl.js';

const TWO_32 = 1n << 32n;
const TWO_31 = 1n << 31n;
/** More vCPUs than this in one vnuma value is no guest (Xen's limits are 128 for HVM and PVH, 8192 for PV). */
const MAX_LISTED = 65536;

/** strtoul(text + pos, &endptr, 10): C blanks, a sign, decimal digits (saturating at ULONG_MAX, `-N` is 2^64 - N); null without a digit. */
function strtoul10(text: string, pos: number): { n: bigint; end: number } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(text.slice(pos));
  if (m === null) return null;
  return { n: strtoul(m[1] === '-', m[2]!), end: pos + m[0].length };
}

/** The `int bit` libxl_bitmap_set(bitmap, bit) gets for the unsigned long `k`: its low 32 bits, signed. */
function asInt(k: bigint): bigint {
  const low = k % TWO_32;
  return low >= TWO_31 ? low - TWO_32 : low;
}

/** What xlVcpus found: the vCPU bits xl sets, or an XM0216 error, or a number xl counts but sets no bit for (XM0209). */
export type XlVcpus = { values: number[] } | { error: string; span?: Span } | { unset: string; span: Span };

/**
 * The range one item stands for, as parse_range leaves `s` and `e` (its verdict is ignored): null
 * without a leading number (both ends 0), or `hang` for an end that
 * reads as ULONG_MAX (`s <= e` stays true for ever), else the two ends and where the text xl read ends.
 */
function itemRange(text: string): { a: bigint; b: bigint; end: number; noEnd?: true } | { hang: string } | null {
  const a = strtoul10(text, 0);
  if (a === null) return null;
  if (a.n === ULONG_MAX) return { hang: `starts at ${text.slice(0, a.end).trim()}, which strtoul reads as ULONG_MAX: parse_range leaves both ends there, and \`for (; s <= e; s++)\` never ends (xl hangs)` };
  if (text[a.end] !== '-') return { a: a.n, b: a.n, end: a.end };
  const b = strtoul10(text, a.end + 1);
  // "5-x": `*b = strtoul(nstr, …)` is 0 before parse_range gives up, so s..e is 5..0.
  if (b === null) return { a: a.n, b: 0n, end: a.end + 1, noEnd: true };
  if (b.n === ULONG_MAX) return { hang: `ends at ${text.slice(a.end + 1, b.end).trim()}, which strtoul reads as ULONG_MAX: \`for (; s <= e; s++)\` never ends (xl hangs)` };
  return { a: a.n, b: b.n, end: b.end };
}

/**
 * vnode vcpus= as xl reads it. A number or range followed by other text still counts (XM0231, what
 * xl takes); "5-x" is 5..0, no vCPU. A number from 2^31 up is the vCPU its low 32 bits name as an
 * int (XM0250: 4294967296 is vCPU 0); one whose int is negative (-2, 2147483648) is counted but
 * sets no bit, so the vnodes always hold fewer vCPUs than xl counts and creation fails (`unset`,
 * XM0209). An item without a leading number is vCPU 0 and a backwards range no vCPU (XM0231: the
 * ends parse_range leaves). More than 65,536 vCPUs, or an end read as ULONG_MAX (xl hangs), is XM0216.
 */
export function xlVcpus(ctx: NormalizeContext, value: string, item: Value, at: number): XlVcpus {
  const values: number[] = [];
  for (const it of splitItems(value)) {
    if (it.text === '') continue;
    const span = subSpan(item, at + it.start, at + it.end);
    const r = itemRange(it.text);
    if (r === null) {
      // strtoul finds no digit and returns 0: parse_range has set *a = *b = 0 before it gives up.
      ctx.report('XM0231', span, `vnuma: vcpus item "${it.text}" is no number: parse_range reads it as 0 (strtoul finds no digit), and xl, which ignores its verdict, takes vCPU 0`, { hint: 'write 0, or the vCPU meant' });
      values.push(0);
      continue;
    }
    if ('hang' in r) return { error: `item "${it.text}" ${r.hang}`, span };
    if (r.noEnd) {
      // The failed strtoul of the end: s..e is a..0.
      const takes = r.a === 0n ? 'vCPU 0' : 'no vCPU';
      ctx.report('XM0231', span, `vnuma: vcpus item "${it.text}" is not N or N-M: parse_range reads the end after "-" as 0 (strtoul finds no digit), and xl, which ignores its verdict, takes ${r.a}-0: ${takes}`, { hint: r.a === 0n ? 'write 0' : `write the range's end, or ${r.a} alone` });
      if (r.a === 0n) values.push(0);
      continue;
    }
    if (r.b < r.a) {
      // parse_range refuses it after setting both ends, and `for (; s <= e; s++)` runs no time.
      ctx.report('XM0231', span, `vnuma: vcpus range "${it.text}" runs backwards: parse_range refuses it, but xl ignores its verdict and \`for (; s <= e; s++)\` runs no time: no vCPU`, { hint: `write ${r.b}-${r.a}` });
      continue;
    }
    if (r.b - r.a >= BigInt(MAX_LISTED) || values.length > MAX_LISTED) return { error: `range "${it.text}" is too large: xl counts each of its ${r.b - r.a + 1n} numbers as a vCPU`, span };
    const read = r.a === r.b ? `${r.a}` : `${r.a}-${r.b}`;
    if (r.end < it.text.length) {
      ctx.report('XM0231', span, `vnuma: vcpus item "${it.text}" is not N or N-M: parse_range stops at "${it.text.slice(r.end)}" and xl, which ignores its verdict, takes ${read}`, { hint: `write ${read}` });
    }
    let other: bigint | null = null;
    for (let k = r.a; k <= r.b; k++) {
      const bit = asInt(k);
      if (bit < 0n) {
        const as = r.a === r.b ? `reads as ${k}, which libxl_bitmap_set's int bit makes ${bit}` : `runs through ${k}, which libxl_bitmap_set's int bit makes ${bit}`;
        return { unset: `vcpus item "${it.text}" ${as}: xl counts a vCPU for it (max_vcpus++) but sets no bit, so the vnodes hold fewer vCPUs than xl counts: xl exits "vnuma vcpus and maxvcpus= mismatch", or libxl refuses "Vcpu N is not assigned to any vnode"`, span };
      }
      if (bit !== k && other === null) other = k;
      values.push(Number(bit));
    }
    if (other !== null) {
      ctx.report('XM0250', span, `vnuma: vcpus item "${it.text}" names vCPU ${other}, which libxl_bitmap_set's int bit makes vCPU ${asInt(other)} (the low 32 bits): xl assigns that vCPU`, { hint: `write the vCPU number itself (below 2147483648)` });
    }
  }
  return { values };
}
