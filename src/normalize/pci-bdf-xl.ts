/**
 * @fileoverview xl's reading of a PCI address and virtual slot, as parse_bdf and parse_vslot do it
 * (tools/libs/util/libxlu_pci.c, xen-project/xen 9cd5bbf5: the parser of Xen 4.16 and later, which
 * the reference's 4.22 tree still has). parse_bdf counts the colons over the leading run of hex
 * digits and ':', then reads the fields with sscanf "%x:%x.%n" or "%x:%x:%x.%n" and the function
 * with "%x%n". sscanf's %x skips C blanks, takes a sign and an optional 0x, and stores the
 * unsigned long strtoul makes of it in an unsigned int: so `01: 1f.0` and `01:+1f.0` are 01:1f.0 for
 * xl, `01:-0.0` is 01:00.0, and `01:-1.0` (0xffffffff) is past the device limit. The fields before
 * the last counted colon hold hex digits only (the count stops at anything else).
 */
import { C_BLANKS, ulongOf } from './spec-items.js';

/** A field's reading: the value xl stores, where the reading ended, and whether a blank or sign was skipped. */
export interface HexScan {
  value: number;
  end: number;
  /** A blank or a sign before the digits, or digits past 32 bits: xl reads it, but not as the plain hex it looks like. */
  odd: boolean;
}

const HEX = /[0-9a-fA-F]/;

/**
 * sscanf "%x" at `pos` of `text` (glibc): blanks, a sign, an optional 0x, then the hex digits (a
 * bare "0x" is 0, its x consumed). The value is strtoul's (ULONG_MAX past it; a minus negates modulo 2^64) cut to the
 * unsigned int's 32 bits. Null when no digit follows (sscanf assigns nothing).
 */
export function scanHex(text: string, pos: number): HexScan | null {
  let i = pos;
  while (i < text.length && C_BLANKS.includes(text[i]!)) i++;
  const blanks = i > pos;
  const sign = text[i] === '+' || text[i] === '-' ? text[i] : '';
  if (sign) i++;
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    // glibc's %x takes the "0x" before it looks for a digit and cannot put two characters back: "0x"
    // with no hex digit after it is read as 0, the x consumed (`01:0x.0` is 01:00.0 for xl).
    if (!HEX.test(text[i + 2] ?? '')) return { value: 0, end: i + 2, odd: true };
    i += 2;
  }
  const start = i;
  while (i < text.length && HEX.test(text[i]!)) i++;
  if (i === start) return null;
  const digits = BigInt('0x' + text.slice(start, i));
  const n = ulongOf(digits, sign === '-');
  const wide = digits > 0xffffffffn;
  return { value: Number(n & 0xffffffffn), end: i, odd: blanks || sign !== '' || wide };
}

/** Where a refused address went wrong: the offsets of the field (inside the text) and why. */
export interface BdfRefusal {
  ok: false;
  start: number;
  end: number;
  message: string;
}

/** An address xl reads: the fields (function -1 for `*`), where the reading ended, and the fields read with a blank or sign. */
export interface BdfReading {
  ok: true;
  domain: number;
  bus: number;
  device: number;
  function: number;
  end: number;
  /** [start, end) of each field read with a blank or a sign skipped. */
  odd: [number, number][];
}

/** The end of a field that starts at `from`: the next one of `stops`, or the text's end. */
function fieldEnd(text: string, from: number, stops: string): number {
  let i = from;
  while (i < text.length && !stops.includes(text[i]!)) i++;
  return i;
}

/**
 * parse_bdf on `text`: the address xl reads from its start, or the field it refuses. Reading stops
 * after the function (the caller judges what follows: the positional form wants '@', ',' or the end;
 * bdf= ignores it). A device not followed at once by '.' leaves sscanf's %n unset, which is no reliable
 * reading: refused here.
 */
export function xlBdf(text: string): BdfReading | BdfRefusal {
  const colonAt: number[] = [];
  let run = 0;
  while (run < text.length && (HEX.test(text[run]!) || text[run] === ':')) {
    if (text[run] === ':') colonAt.push(run);
    run++;
  }
  const refuse = (start: number, end: number, message: string): BdfRefusal => ({ ok: false, start, end, message });
  if (colonAt.length !== 1 && colonAt.length !== 2) {
    // The count stops at the first character that is neither: that field is the one to fix.
    const firstColon = text.indexOf(':');
    if (colonAt.length === 0 && firstColon !== -1) return refuse(0, firstColon, `bad PCI address "${text}": "${text.slice(0, firstColon)}" is not hex digits, so xl finds no "BB:" before it ([DDDD:]BB:DD.F)`);
    return refuse(0, text.length, `malformed PCI address "${text}" ([DDDD:]BB:DD.F)`);
  }
  const heads: [number, number][] = colonAt.map((c, k) => [k === 0 ? 0 : colonAt[k - 1]! + 1, c]);
  // Hex digits only (the count ran over them); %x keeps the low 32 bits of a long run, as for the device.
  const scans = heads.map(([s, e]) => (s < e ? scanHex(text, s)! : null));
  const names = heads.length === 2 ? ['domain', 'bus'] : ['bus'];
  const odd: [number, number][] = [];
  for (let k = 0; k < heads.length; k++) {
    const [s, e] = heads[k]!;
    const scan = scans[k]!;
    if (scan === null) return refuse(s, e + 1, `empty PCI ${names[k]} in "${text}" ([DDDD:]BB:DD.F)`);
    if (scan.odd) odd.push([s, e]);
  }
  const [domain, bus] = scans.length === 2 ? [scans[0]!.value, scans[1]!.value] : [0, scans[0]!.value];
  const devStart = colonAt[colonAt.length - 1]! + 1;
  const devEnd = fieldEnd(text, devStart, '.@,');
  // A colon after the count stopped: sscanf reads fewer fields than the colons say and then finds
  // ':' where it wants '.', leaving %n unset (082: `0000:0x01:1f.0`). The field that stopped it is
  // the one to fix.
  const lateColon = text.indexOf(':', devStart);
  if (lateColon !== -1 && lateColon < devEnd) {
    return refuse(devStart, lateColon, `bad PCI address "${text}": "${text.slice(devStart, lateColon)}" is not hex digits, so xl miscounts the fields before the "." ([DDDD:]BB:DD.F)`);
  }
  const dev = scanHex(text, devStart);
  if (dev === null || dev.end !== devEnd || text[devEnd] !== '.') {
    const why = text[devEnd] !== '.' ? 'no ".FUNCTION" after it' : dev === null ? 'not a hex number' : `"${text.slice(dev.end, devEnd)}" before the "."`;
    return refuse(devStart, devEnd, `bad PCI device "${text.slice(devStart, devEnd)}" in "${text}": ${why} ([DDDD:]BB:DD.F)`);
  }
  if (domain > 0xffff) return refuse(heads[0]![0], heads[0]![1], `bad PCI domain "${text.slice(...heads[0]!)}" (hex 0-ffff)`);
  const busAt = heads[heads.length - 1]!;
  if (bus > 0xff) return refuse(busAt[0], busAt[1], `bad PCI bus "${text.slice(...busAt)}" (hex 0-ff)`);
  if (dev.value > 0x1f) return refuse(devStart, devEnd, `bad PCI device "${text.slice(devStart, devEnd)}" (hex 0-1f${dev.odd ? `; xl reads it as ${dev.value.toString(16)}` : ''})`);
  const fnStart = devEnd + 1;
  if (dev.odd) odd.push([devStart, devEnd]);
  if (text[fnStart] === '*') return { ok: true, domain, bus, device: dev.value, function: -1, end: fnStart + 1, odd };
  const fn = scanHex(text, fnStart);
  const fnEnd = fn === null ? fieldEnd(text, fnStart, '@,') : fn.end;
  if (fn === null || fn.value > 7) return refuse(fnStart, fnEnd, `bad PCI function "${text.slice(fnStart, fnEnd)}" (0-7 or *)`);
  if (fn.odd) odd.push([fnStart, fnEnd]);
  return { ok: true, domain, bus, device: dev.value, function: fn.value, end: fnEnd, odd };
}
