/**
 * @fileoverview libxl's reading of a disk's vdev, libxl__device_disk_dev_number (libxl_device.c):
 * `d<disk>p<part>` through sscanf "d%ip%i%n", then `xvd` + letters + partition, then a plain number
 * (strtoul base 0, up to INT_MAX), then `hd` (hda-hdd, partitions to 63) and `sd` (sda-sdp, to 15).
 * The result is the device number libxl writes to xenstore: two disks with the same number are the
 * same device (`51712` is `xvda`). libxl refuses only -1 ("Invalid or unsupported virtual disk
 * identifier"); the other negative results (`xvd`, `sd3`, `d-1p0`) are refused here too (decision 109).
 * Compared with the C compiled against glibc (docs/fuzzing.md, Differential checks).
 */
import { C_BLANKS, cStrtoul } from './spec-items.js';

/** What libxl makes of a vdev. */
export interface VdevReading {
  /** The device number (libxl__device_disk_dev_number(vdev, NULL, NULL)); negative: refused. */
  devid: number;
  /** Read as a plain number: libxl's device model finds no disk index in it, so an HVM guest gets no emulated disk. */
  numeric: boolean;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Where the C blanks (isspace) from `pos` end. */
function skipBlanks(text: string, pos: number): number {
  while (pos < text.length && C_BLANKS.includes(text[pos]!)) pos++;
  return pos;
}

/** The run of digits of `base` at `pos` (hex for 16, 0-7 for 8). */
function digitsAt(text: string, pos: number, base: number): string {
  const re = base === 16 ? /^[0-9a-fA-F]*/ : base === 8 ? /^[0-7]*/ : /^[0-9]*/;
  return re.exec(text.slice(pos))![0];
}

/**
 * glibc's sscanf "%i" into an int at `pos`: blanks and a sign skipped, `0x` hex (a bare "0x" is 0,
 * its x consumed: scanf cannot put two characters back), a leading 0 octal; strtol's long (clamped
 * past 64 bits) cut to its low 32 bits by the int store. Null when no digit is read.
 */
function scanInt(text: string, pos: number): { value: number; end: number } | null {
  let i = skipBlanks(text, pos);
  const negative = text[i] === '-';
  if (negative || text[i] === '+') i++;
  let base = 10;
  let lead = '';
  if (text[i] === '0') {
    lead = '0';
    i++;
    if (text[i] === 'x' || text[i] === 'X') {
      base = 16;
      i++;
    } else base = 8;
  }
  const digits = digitsAt(text, i, base);
  if (lead === '' && digits === '') return null;
  let n = digits === '' ? 0n : BigInt((base === 16 ? '0x' : base === 8 ? '0o' : '') + digits);
  if (negative) n = -n;
  n = n > LONG_MAX ? LONG_MAX : n < LONG_MIN ? LONG_MIN : n;
  return { value: Number(BigInt.asIntN(32, n)), end: i + digits.length };
}

/** sscanf(vdev, "d%ip%i%n", &disk, &partition, &chrused): both numbers and the whole text read, or null. */
function dForm(text: string): { disk: number; partition: number } | null {
  if (text[0] !== 'd') return null;
  const disk = scanInt(text, 1);
  if (disk === null || text[disk.end] !== 'p') return null;
  const partition = scanInt(text, disk.end + 1);
  if (partition === null || partition.end !== text.length) return null;
  return { disk: disk.value, partition: partition.value };
}

/**
 * device_virtdisk_matches: `type`, then letters a-z as a bijective base-26 index (-1 with no letter)
 * up to `maxIndex`, then nothing (partition 0) or a partition strtoul base 10 reads to the end of the
 * text (blanks and a sign allowed, no leading 0), kept in a long up to `maxPartition` and stored in
 * an int (its low 32 bits: `xvda-4294967291` is partition 5).
 */
function virtdisk(text: string, type: string, maxIndex: number, maxPartition: number): { disk: number; partition: number } | null {
  if (!text.startsWith(type)) return null;
  let index = -1;
  let p = type.length;
  for (; p < text.length && text[p]! >= 'a' && text[p]! <= 'z'; p++) {
    index = (index + 1) * 26 + (text.charCodeAt(p) - 97);
    if (index > maxIndex) return null;
  }
  if (p === text.length) return { disk: index, partition: 0 };
  if (text[p] === '0') return null;
  const r = cStrtoul(text, p, 10);
  if (r === null || r.end !== text.length) return null;
  const pl = BigInt.asIntN(64, r.value);
  if (pl > BigInt(maxPartition)) return null;
  return { disk: index, partition: Number(BigInt.asIntN(32, pl)) };
}

/** strtoul(text, &ep, 0) read to the end without ERANGE and at most INT_MAX (an empty text is 0), else null. */
function plainNumber(text: string): number | null {
  const r = cStrtoul(text, 0, 0);
  // No digit: strtoul points back at the text's start, which is its end only for "".
  if (r === null) return text === '' ? 0 : null;
  if (r.end !== text.length || r.erange) return null;
  return r.value <= 2147483647n ? Number(r.value) : null;
}

/** libxl__device_disk_dev_number(vdev, NULL, NULL), and whether the number was read as a plain number. */
export function xlVdev(vdev: string): VdevReading {
  const d = dForm(vdev);
  const x = d !== null && d.disk < 1 << 20 && d.partition < 256 ? d : virtdisk(vdev, 'xvd', (1 << 20) - 1, 255);
  if (x !== null) {
    // 32-bit int arithmetic as in C: a negative disk or partition gives a negative number.
    const devid = x.disk <= 15 && x.partition <= 15 ? (202 << 8) | (x.disk << 4) | x.partition : (1 << 28) | (x.disk << 8) | x.partition;
    return { devid, numeric: false };
  }
  const n = plainNumber(vdev);
  if (n !== null) return { devid: n, numeric: true };
  const hd = virtdisk(vdev, 'hd', 3, 63);
  if (hd !== null) return { devid: ((hd.disk < 2 ? 3 : 22) << 8) | ((hd.disk & 1) << 6) | hd.partition, numeric: false };
  const sd = virtdisk(vdev, 'sd', 15, 15);
  if (sd !== null) return { devid: (8 << 8) | (sd.disk << 4) | sd.partition, numeric: false };
  return { devid: -1, numeric: false };
}
