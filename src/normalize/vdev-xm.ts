/**
 * @fileoverview xend's reading of an xm disk's vdev (decision 121): create.py passes the field on as
 * written, and xend's block controller (server/blkif.py getDeviceDetails, Xen 4.x) drops everything
 * up to the first colon when `ioemu:` occurs in it, cuts a `:cdrom`/`:disk` (any) suffix at the next
 * colon, and asks xen.util.blkif's blkdev_name_to_number for the device number: `sd`, `hd`, `xvd`
 * names (with or without `/dev/`), `0x` hex or decimal digits. No number (None) is xend's VmError
 * "Unable to find number for device", and an exception inside it (`sdiz`: past the SCSI major table;
 * `xvda` followed by a newline: int("\n")) fails the device the same way. Compared with the Python
 * run by Python 2.7.18 (docs/fuzzing.md, Differential checks).
 */

/** Python's `$` without MULTILINE: the end, or just before a final newline. */
const END = '\\n?$';
const SD1 = new RegExp(`^/dev/sd[a-z]([1-9]|1[0-5])?${END}`);
const SD2 = new RegExp(`^/dev/sd[a-i][a-z]([1-9]|1[0-5])?${END}`);
const HD = new RegExp(`^/dev/hd[a-t]([1-9]|[1-5][0-9]|6[0-3])?${END}`);
const XVD = new RegExp(`^/dev/xvd[a-p]([1-9]|1[0-5])?${END}`);
const XVD_EXT1 = new RegExp(`^/dev/xvd[q-z]([1-9]|1[0-5])?${END}`);
const XVD_EXT2 = new RegExp(`^/dev/xvd[a-i][a-z]([1-9]|1[0-5])?${END}`);
const HEX = new RegExp(`^0x[0-9a-fA-F]+${END}`);
const DEC = new RegExp(`^[0-9]+${END}`);

const SCSI_MAJORS = [8, 65, 66, 67, 68, 69, 70, 71, 128, 129, 130, 131, 132, 133, 134, 135];
const IDE_MAJORS = [3, 22, 33, 34, 56, 57, 88, 89, 90, 91];

/** `int(rest or 0)` on a partition the pattern matched: digits, maybe a final newline; null when int() raises (only "\n"). */
function partition(rest: string): number | null {
  if (rest === '') return 0;
  const digits = rest.endsWith('\n') ? rest.slice(0, -1) : rest;
  return digits === '' ? null : Number(digits);
}

/** A letter's index from `a`. */
function letter(n: string, at: number): number {
  return n.charCodeAt(at) - 97;
}

/** blkdev_name_to_number's number for a name (without its suffix), or null where xend has none or raises. */
export function xmBlkdevNumber(name: string): bigint | null {
  const n = name === '' || name.startsWith('/') ? name : `/dev/${name}`;
  let part: number | null;
  if (SD1.test(n)) {
    const c = letter(n, 7);
    part = partition(n.slice(8));
    return part === null ? null : BigInt(SCSI_MAJORS[Math.floor(c / 16)]! * 256 + (c % 16) * 16 + part);
  }
  if (SD2.test(n)) {
    const c = (letter(n, 7) + 1) * 26 + letter(n, 8);
    const major = SCSI_MAJORS[Math.floor(c / 16)];
    part = partition(n.slice(9));
    // `sdiw`..`sdiz` index past the 16 majors: IndexError.
    return major === undefined || part === null ? null : BigInt(major * 256 + (c % 16) * 16 + part);
  }
  if (HD.test(n)) {
    const c = letter(n, 7);
    part = partition(n.slice(8));
    return part === null ? null : BigInt(IDE_MAJORS[Math.floor(c / 2)]! * 256 + (c % 2) * 64 + part);
  }
  if (XVD.test(n)) {
    part = partition(n.slice(9));
    return part === null ? null : BigInt((202 << 8) + (letter(n, 8) << 4) + part);
  }
  if (XVD_EXT1.test(n)) {
    part = partition(n.slice(9));
    return part === null ? null : BigInt((1 << 28) + (letter(n, 8) << 8) + part);
  }
  if (XVD_EXT2.test(n)) {
    part = partition(n.slice(10));
    return part === null ? null : BigInt((1 << 28) + (((letter(n, 8) + 1) * 26 + letter(n, 9)) << 8) + part);
  }
  // string.atoi is int(), which takes the final newline as a blank.
  if (HEX.test(name)) return BigInt(name.trimEnd());
  if (DEC.test(name)) return BigInt(name.trimEnd());
  return null;
}

/** The name xend numbers in a vdev field: after `ioemu:` (when it occurs anywhere), before the next colon; offsets within the field. */
export function xmVdevName(field: string): { start: number; end: number; suffix: string | null } {
  let start = 0;
  if (field.includes('ioemu:')) start = field.indexOf(':') + 1;
  const colon = field.indexOf(':', start);
  return colon === -1 ? { start, end: field.length, suffix: null } : { start, end: colon, suffix: field.slice(colon + 1) };
}

/** xend's device number for a vdev field as create.py passes it (prefix and suffix included), or null: xend refuses the disk. */
export function xmVdev(field: string): bigint | null {
  const { start, end } = xmVdevName(field);
  return xmBlkdevNumber(field.slice(start, end));
}
