/**
 * @fileoverview `iomem` items as xl reads them: parse_config_data runs
 * `sscanf(buf, "%" SCNx64 ",%" SCNx64 "%n@%" SCNx64 "%n", …)` and exits unless it read two numbers
 * and `buf[used] == '\0'`. So each `%x` skips C blanks before its number (never after it: `"1 ,2"`
 * and `"1,2 "` are refused), takes a sign and a `0x` (glibc reads a bare `0x` as 0), and reads any
 * number of digits (leading zeros are free; past 64 bits it is UINT64_MAX, a minus wraps). A gfn of
 * UINT64_MAX is libxl's "no gfn" and is left out, as libxl then maps the range at its start.
 */
import { specResult, type SpecParse } from './spec-result.js';
import { cUlong, trimItem } from './spec-items.js';

const NO_GFN = 2n ** 64n - 1n;

type IomemValue = { spec: string; start?: number; number?: number; gfn?: number };

/** One `%x` conversion: where its number's text starts (after blanks) and ends, and its value (null past 2^53). */
interface ScannedHex {
  start: number;
  end: number;
  value: number | null;
  /** The 64-bit value itself. */
  big: bigint;
}

/**
 * glibc's `%x` (SCNx64) at `at`: C blanks, a sign, an optional `0x` (enough alone: it reads as 0),
 * hex digits. Null when nothing reads (xl's sscanf stops there).
 */
export function scanHex64(text: string, at: number): ScannedHex | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX])?([0-9a-fA-F]*)/.exec(text.slice(at))!;
  if (m[2] === undefined && m[3] === '') return null;
  const start = at + m[0].length - m[1]!.length - (m[2]?.length ?? 0) - m[3]!.length;
  // strtoull underneath: past 64 bits it saturates (a minus too); otherwise a minus wraps modulo 2^64.
  const v = cUlong(m[3]!, 16, m[1] === '-');
  return { start, end: at + m[0].length, value: v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null, big: v };
}

/**
 * Parse one xl `iomem` item `START,NUM_PAGES[@GFN]` exactly as the sscanf above; a value past 2^53
 * (a minus wraps there) is a problem too: xl reads it, but no host maps such a frame, so Xen
 * refuses the range and the guest is not created. Never throws.
 */
export function parseIomemXl(spec: string): SpecParse<IomemValue> {
  const r = specResult<IomemValue>(spec);
  const values: [keyof IomemValue, number][] = [];
  /** Report a problem over [s, e) (trimmed; the character before when empty, so it has a width). */
  const fail = (s: number, e: number, message: string): SpecParse<IomemValue> => {
    const t = trimItem(spec, s, e);
    const [a, b] = t.start < t.end ? [t.start, t.end] : s < e ? [s, e] : [Math.max(0, s - 1), Math.min(spec.length, Math.max(s, 1))];
    r.problems.push({ start: a, end: b, message });
    return r;
  };
  /** Read one field at `at`; false after reporting why it does not read. */
  const field = (name: 'start' | 'number' | 'gfn', at: number, stop: number): ScannedHex | null => {
    const n = scanHex64(spec, at);
    if (n === null) {
      fail(at, stop, `${name} "${spec.slice(at, stop).trim()}" is not a hexadecimal number`);
      return null;
    }
    // libxl_iomem_range_init sets gfn to LIBXL_INVALID_GFN (~0): a gfn read as UINT64_MAX (past
    // 64 bits, or -1) is no gfn at all for libxl, which then maps the range at its start.
    if (name === 'gfn' && n.big === NO_GFN) return n;
    r.fields[name] = [n.start, n.end];
    if (n.value === null) {
      fail(n.start, n.end, `${name} ${spec.slice(n.start, n.end)} is past 2^53 (as 64 bits): no host maps that frame`);
      return null;
    }
    values.push([name, n.value]);
    return n;
  };
  const comma = spec.indexOf(',');
  const start = field('start', 0, comma === -1 ? spec.length : comma);
  if (start === null) return r;
  if (spec[start.end] !== ',') return fail(0, spec.length, `"${spec}" is not START,NUM_PAGES[@GFN]: a comma must follow the start`);
  const at = spec.indexOf('@', start.end + 1);
  const number = field('number', start.end + 1, at === -1 ? spec.length : at);
  if (number === null) return r;
  let end = number.end;
  if (spec[end] === '@') {
    const gfn = field('gfn', end + 1, spec.length);
    if (gfn === null) return r;
    end = gfn.end;
  }
  if (end !== spec.length) return fail(end, spec.length, `text after the ${spec[number.end] === '@' ? 'gfn' : 'number'} (xl takes none)`);
  for (const [k, v] of values) (r.value as Record<string, unknown>)[k] = v;
  return r;
}
