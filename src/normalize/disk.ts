/**
 * @fileoverview Disk specs: xm's `[PREFIX:]SOURCE,VDEV[:cdrom],MODE[,DOMAIN[,PROTOCOL]]` read here, xl's
 * key/positional form by disk-xl.ts; what either may say is in disk-fields.ts.
 */
import type { Dialect } from '../syntax/value.js';
import type { DiskSpec } from './catalogue/spec-types.js';
import { trimItem, type SpecItem } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';
import { DISK_FIELDS, FORMATS, setAccess } from './disk-fields.js';
import { parseXl } from './disk-xl.js';
import { xmVdev, xmVdevName } from './vdev-xm.js';

export { DISK_FIELDS, DISK_FLAGS } from './disk-fields.js';

/** xm's target prefixes: the driver (and, for format prefixes, the format). xl's are XL_PREFIXES in disk-xl.ts. */
const DRIVER_PREFIXES = ['tap2:aio:', 'tap:aio:', 'tap:qcow2:', 'tap:qcow:', 'tap:vhd:', 'tap:raw:', 'tap2:', 'tap:', 'aio:', 'phy:', 'file:', 'raw:', 'qcow2:', 'qcow:', 'vhd:', 'qed:'];

/** Strip an xm prefix from a target, filling driver/format/backendtype. */
function applyPrefix(r: SpecParse<DiskSpec>, target: string): string {
  for (const p of DRIVER_PREFIXES) {
    if (!target.startsWith(p)) continue;
    const name = p.slice(0, -1);
    r.value.driver = name;
    const parts = name.split(':');
    const fmt = parts[parts.length - 1]!;
    if (FORMATS.has(fmt)) r.value.format = fmt;
    else if (fmt === 'aio') r.value.format = 'raw';
    if (parts[0] === 'phy') r.value.backendtype = 'phy';
    else if (parts[0] === 'tap' || parts[0] === 'tap2') r.value.backendtype = 'tap';
    return target.slice(p.length);
  }
  return target;
}

/**
 * An xm vdev as xend reads it (vdev-xm.ts): `ioemu:` and a `:cdrom` (or other) suffix dropped, the
 * name numbered by blkdev_name_to_number on the field as create.py passes it, blanks included (`" xvda"`
 * is `/dev/ xvda` to xend). The value keeps the name without blanks.
 */
function applyVdev(r: SpecParse<DiskSpec>, spec: string, from: number, to: number): void {
  const field = spec.slice(from, to);
  const { start, end, suffix } = xmVdevName(field);
  if (suffix === 'cdrom') r.value.devtype = 'cdrom';
  const name = trimItem(spec, from + start, from + end);
  r.value.vdev = name.text;
  r.fields.vdev = [name.start, name.end];
  if (xmVdev(field) !== null) return;
  // At the name as xend reads it, its blanks included; at the whole field when that name is empty.
  const [s, e] = start === end ? [from, to] : [from + start, from + end];
  const shown = field.slice(start, end);
  r.problems.push({ start: s, end: e, message: `xend finds no device number for "${shown}" ("Unable to find number for device"): not an sd, hd or xvd name, nor a 0x hex or decimal number`, hint: 'name the device as the guest sees it: xvda, hda, sdb, … or give its number (51712)' });
}

/** The first `key=` item of a spec whose key is one of xl's disk keys (`vdev=xvda`), or null. */
function xlKeyItem(spec: string): string | null {
  for (const item of spec.split(',')) {
    const eq = item.indexOf('=');
    if (eq > 0 && Object.hasOwn(DISK_FIELDS, item.slice(0, eq).trim())) return item.trim();
  }
  return null;
}

/** Parse an xm disk spec. */
function parseXm(spec: string): SpecParse<DiskSpec> {
  const r = specResult<DiskSpec>(spec);
  // xl's key=value form (libvirt's xl writer): xm takes its fields by position, so reading it field
  // by field would report "vdev=xvda" as a bad device name and "access=rw" as a bad mode. One
  // finding says what it is instead.
  const xlItem = xlKeyItem(spec);
  if (xlItem !== null) {
    r.problems.push({
      start: 0,
      end: spec.length,
      message: `"${xlItem}" is xl's key=value disk syntax; xm reads a disk as "PREFIX:SOURCE,VDEV,MODE"`,
      hint: 'write it as xm\'s "PREFIX:SOURCE,VDEV,MODE" (such as "phy:/dev/vg0/guest,xvda,w"), or check the file as xl',
    });
    return r;
  }
  const c1 = spec.indexOf(',');
  const c2 = c1 === -1 ? -1 : spec.indexOf(',', c1 + 1);
  if (c2 === -1) {
    // create.py's preprocess_disk refused fewer than 3 fields too: `err('Invalid disk specifier: ' +
    // v)`, so xm create stopped (it did not drop the entry).
    const missing = c1 === -1 ? 'VDEV and MODE are missing' : 'MODE is missing';
    r.problems.push({
      start: 0,
      end: spec.length,
      message: `an xm disk is "uname,dev,mode" (SOURCE,VDEV,MODE), 3 comma-separated fields; this one has ${c1 === -1 ? 1 : 2}, ${missing} (xm create exits: "Invalid disk specifier")`,
      hint: 'write it as "PREFIX:SOURCE,VDEV,MODE", such as "phy:/dev/vg0/guest,xvda,w" (MODE r or w)',
    });
    return r;
  }
  const src = trimItem(spec, 0, c1);
  const target = applyPrefix(r, src.text);
  r.value.target = target;
  r.fields.target = [src.end - target.length, src.end];
  applyVdev(r, spec, c1 + 1, c2);
  const c3 = spec.indexOf(',', c2 + 1);
  const mode = trimItem(spec, c2 + 1, c3 === -1 ? spec.length : c3);
  setAccess(r, mode.text, mode.start, mode.end, 'xm');
  if (c3 !== -1) {
    // create.py's preprocess_disk takes 3, 4 or 5 fields (SOURCE, VDEV, MODE, the backend domain,
    // the ring protocol such as x86_32-abi) and refuses more: "Invalid disk specifier".
    const c4 = spec.indexOf(',', c3 + 1);
    const dom = trimItem(spec, c3 + 1, c4 === -1 ? spec.length : c4);
    r.value.domain = dom.text;
    r.fields.domain = [dom.start, dom.end];
    if (c4 !== -1 && spec.indexOf(',', c4 + 1) !== -1) r.problems.push({ start: 0, end: spec.length, message: 'an xm disk has at most 5 fields, "SOURCE,VDEV,MODE,DOMAIN,PROTOCOL" (xm: "Invalid disk specifier")' });
  }
  return r;
}

/** Parse one disk spec string in the given dialect; never throws. */
export function parseDisk(spec: string, dialect: Dialect): SpecParse<DiskSpec> {
  return dialect === 'xm' ? parseXm(spec) : parseXl(spec);
}
