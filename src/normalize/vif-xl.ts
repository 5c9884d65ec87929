/**
 * @fileoverview How xl itself reads a vif's `mac=` and `rate=` values: parse_nic_config in
 * tools/xl/xl_parse.c (the MAC, six strtoul base-16 reads) and xlu_vif_parse_rate in
 * tools/libs/util/libxlu_vif.c (two POSIX regexes, then strtoull base 0 and overflow checks). Kept
 * apart from vif.ts because xl's readers accept and refuse other texts than the documented forms.
 */
import { cStrtoul } from './spec-items.js';

/**
 * errno as xl's vif loop carries it from item to item and from one vif to the next (strtok, strdup,
 * realloc and memset in between leave it alone): only ERANGE, which a `mac=` byte sets and a later
 * `rate=` tests, matters.
 */
export interface XlErrno {
  erange: boolean;
}

/** What xl's MAC loop makes of a `mac=` value. */
export type XlMac =
  /**
   * Six bytes read: `mac` is them as aa:bb:cc:dd:ee:ff, `extra` the text after the sixth (ignored);
   * `wrapped`: a byte read above 255 whose low 32 bits (the `unsigned int`) are 255 or less.
   */
  | { kind: 'ok'; mac: string; extra: string; wrapped: boolean }
  /**
   * A byte that is not hex or above 255: xl prints "Invalid parameter `mac'." and goes on. `erange`:
   * that byte overflowed strtoul, which leaves errno at ERANGE for every later `rate=` ({@link xlRate}).
   */
  | { kind: 'invalid'; read: number; erange: boolean }
  /** Fewer than six bytes: xl's `oparg = endptr + 1` steps past the end of the item and reads whatever follows it. */
  | { kind: 'short'; read: number };

/**
 * parse_nic_config's `mac=`: `for (i = 0; i < 6; i++) { val = strtoul(oparg, &endptr, 16); if
 * ((oparg == endptr) || (val > 255)) { … "Invalid parameter `mac'." … return 1; } … oparg = endptr + 1; }`,
 * so any one character separates the bytes, a byte may be one digit, and text after the sixth is ignored.
 * `val` is an `unsigned int`: strtoul's 64-bit result keeps its low 32 bits, so `1000000009d` is 0x9d.
 */
export function xlMac(value: string): XlMac {
  const bytes: number[] = [];
  let pos = 0;
  let wrapped = false;
  for (let i = 0; i < 6; i++) {
    if (pos > value.length) return { kind: 'short', read: i };
    const r = cStrtoul(value, pos, 16);
    const val = r === null ? 0n : BigInt.asUintN(32, r.value);
    if (r === null || val > 255n) return { kind: 'invalid', read: i, erange: r !== null && r.erange };
    if (val !== r.value) wrapped = true;
    bytes.push(Number(val));
    pos = r.end + 1;
  }
  return { kind: 'ok', mac: bytes.map((b) => b.toString(16).padStart(2, '0')).join(':'), extra: value.slice(pos - 1), wrapped };
}

/** What xlu_vif_parse_rate makes of a `rate=` value: the numbers it uses, or its error message (xl exits). */
export type XlRate =
  | { ok: true; bytesPerSec: bigint; intervalUs: bigint; octal: string[] }
  /** `staleErange`: the value itself passes, but errno was already ERANGE (see {@link xlRate}). */
  | { ok: false; message: string; staleErange?: true };

const UINT32_MAX = 0xffffffffn;
const UINT64_MAX = (1n << 64n) - 1n;

/** strtoull base 0 of a text the regexes let through (digits first): the number and the text after it. */
function leadingNumber(text: string): { n: bigint; rest: string; octal: boolean } {
  const r = cStrtoul(text, 0, 0);
  return r === null ? { n: 0n, rest: text, octal: false } : { n: r.value, rest: text.slice(r.end), octal: text.length > 1 && text[0] === '0' };
}

/**
 * xlu_vif_parse_rate: the part before `@` must match `^[0-9]+[GMK]?[Bb]/s$` ("invalid rate"), the
 * part after it `^[0-9]+[mu]?s?$` ("invalid replenishment interval"; no unit is seconds, `m` is ms,
 * `u` µs); both numbers are read with strtoull base 0 (a leading 0 is octal, so "08" reads 0), and 0
 * or more than UINT32_MAX is "rate overflow" / "replenishment interval overflow", as is an interval
 * above UINT32_MAX µs or a rate times interval past 64 bits. Every error makes xl exit.
 * Both checks also test `errno == ERANGE` without setting errno to 0 first: with `staleErange` (an
 * earlier strtoul of the vif list overflowed, {@link xlMac}) every value the rate regex lets through
 * is "rate overflow".
 */
export function xlRate(value: string, staleErange = false): XlRate {
  const at = value.indexOf('@');
  const bytes = at === -1 ? value : value.slice(0, at);
  const interval = at === -1 ? null : value.slice(at + 1);
  const octal: string[] = [];
  if (bytes === '') return { ok: false, message: 'no rate specified' };
  if (!/^[0-9]+[GMK]?[Bb]\/s$/.test(bytes)) return { ok: false, message: 'invalid rate' };
  if (staleErange) return { ok: false, message: 'rate overflow', staleErange: true };
  const b = leadingNumber(bytes);
  if (b.n === 0n || b.n > UINT32_MAX) return { ok: false, message: 'rate overflow' };
  if (b.octal) octal.push(bytes.slice(0, bytes.length - b.rest.length));
  const unit = b.rest[0];
  let perSec = unit === 'G' ? b.n * 1000000000n : unit === 'M' ? b.n * 1000000n : unit === 'K' ? b.n * 1000n : b.n;
  if (b.rest[0] === 'b' || b.rest[1] === 'b') perSec /= 8n;
  let us = 50000n;
  if (interval !== null) {
    if (!/^[0-9]+[mu]?s?$/.test(interval)) return { ok: false, message: 'invalid replenishment interval' };
    const t = leadingNumber(interval);
    if (t.n === 0n || t.n > UINT32_MAX) return { ok: false, message: 'replenishment interval overflow' };
    if (t.octal) octal.push(interval.slice(0, interval.length - t.rest.length));
    us = t.rest === '' || t.rest[0] === 's' ? t.n * 1000000n : t.rest[0] === 'm' ? t.n * 1000n : t.n;
    if (us > UINT32_MAX) return { ok: false, message: 'replenishment interval overflow' };
  }
  if (perSec > UINT64_MAX / us) return { ok: false, message: 'rate overflow' };
  return { ok: true, bytesPerSec: perSec, intervalUs: us, octal };
}
