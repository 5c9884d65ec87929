/**
 * @fileoverview Disk specs. xl: xl-disk-configuration(5), i.e. positional `target, format, vdev,
 * access` (empty fields allowed) mixed with `key=value` items, `target=` last and swallowing the
 * rest; legacy prefixes (`phy:`, `file:`, `tap:aio:`, `raw:`, …) on the target skip the format slot.
 * xm: `[PREFIX:]SOURCE,VDEV[:cdrom],MODE[,DOMAIN]`.
 */
import type { Dialect } from '../syntax/value.js';
import type { DiskSpec } from './catalogue/spec-types.js';
import { splitItems, keyValue, trimItem, type SpecItem } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';
import type { FieldTable } from './catalogue/spec-tables.js';

const FORMAT_LIST = ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'];
const BACKEND_LIST = ['phy', 'tap', 'qdisk', 'standalone'];
const FORMATS = new Set(FORMAT_LIST);
const BACKENDS = new Set(BACKEND_LIST);

/**
 * The `key=value` keys of an xl disk spec (parseXl and namedParam below; xm disks have none), with
 * the values accessOf accepts; also what the language server completes. The flag keys xl accepts
 * and ignores here (discard, colo-*, …) read as text.
 */
export const DISK_FIELDS: FieldTable = {
  target: 'string',
  format: FORMAT_LIST,
  vdev: 'string',
  access: ['r', 'ro', 'w', 'rw', 'w!', '!'],
  devtype: ['disk', 'cdrom'],
  backendtype: BACKEND_LIST,
  backend: 'string',
  script: 'string',
  specification: 'string',
  discard: 'string',
  'direct-io-safe': 'string',
  trusted: 'string',
  'colo-host': 'string',
  'colo-port': 'string',
  'colo-export': 'string',
  'active-disk': 'string',
  'hidden-disk': 'string',
  grant_usage: ['0', '1'],
};
/** Legacy target prefixes: the driver (and, for format prefixes, the format). */
const DRIVER_PREFIXES = ['tap2:aio:', 'tap:aio:', 'tap:qcow2:', 'tap:qcow:', 'tap:vhd:', 'tap:raw:', 'tap2:', 'tap:', 'aio:', 'phy:', 'file:', 'raw:', 'qcow2:', 'qcow:', 'vhd:', 'qed:'];

function accessOf(text: string): DiskSpec['access'] | null {
  switch (text) {
    case 'r':
    case 'ro':
      return 'ro';
    case 'w':
    case 'rw':
      return 'rw';
    case 'w!':
    case '!':
      return 'rw!';
    default:
      return null;
  }
}

/** Strip a legacy prefix from a target, filling driver/format/backendtype. */
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

/** A vdev, with an optional `:cdrom` (or other legacy suffix) and `ioemu:` prefix. */
function applyVdev(r: SpecParse<DiskSpec>, it: SpecItem): void {
  let text = it.text;
  let start = it.start;
  if (text.startsWith('ioemu:')) {
    text = text.slice(6);
    start += 6;
  }
  const colon = text.indexOf(':');
  if (colon !== -1) {
    if (text.slice(colon + 1) === 'cdrom') r.value.devtype = 'cdrom';
    text = text.slice(0, colon);
  }
  r.value.vdev = text;
  r.fields.vdev = [start, start + text.length];
  if (!/^[a-z][a-z0-9]*$/.test(text)) r.problems.push({ start, end: start + text.length, message: `"${text}" is not a virtual device name (xvda, hda, sdb, …)` });
}

function setAccess(r: SpecParse<DiskSpec>, text: string, start: number, end: number): void {
  const a = accessOf(text);
  r.fields.access = [start, end];
  if (a) r.value.access = a;
  else r.problems.push({ start, end, message: `unknown value for access: "${text}" (r, ro, w, rw, w!)` });
}

/** Parse an xm disk spec. */
function parseXm(spec: string): SpecParse<DiskSpec> {
  const r = specResult<DiskSpec>(spec);
  const c1 = spec.indexOf(',');
  const c2 = c1 === -1 ? -1 : spec.indexOf(',', c1 + 1);
  if (c2 === -1) {
    r.problems.push({ start: 0, end: spec.length, message: 'an xm disk needs "SOURCE,VDEV,MODE" (xm silently dropped this entry)' });
    return r;
  }
  const src = trimItem(spec, 0, c1);
  const target = applyPrefix(r, src.text);
  r.value.target = target;
  r.fields.target = [src.end - target.length, src.end];
  applyVdev(r, trimItem(spec, c1 + 1, c2));
  const c3 = spec.indexOf(',', c2 + 1);
  const mode = trimItem(spec, c2 + 1, c3 === -1 ? spec.length : c3);
  setAccess(r, mode.text, mode.start, mode.end);
  if (c3 !== -1) {
    const dom = trimItem(spec, c3 + 1, spec.length);
    r.value.domain = dom.text;
    r.fields.domain = [dom.start, dom.end];
  }
  return r;
}

/** Parse an xl disk spec. */
function parseXl(spec: string): SpecParse<DiskSpec> {
  const r = specResult<DiskSpec>(spec);
  let positional = 0;
  let hadPrefix = false;
  const items = splitItems(spec);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const kv = keyValue(it);
    if (kv.value !== null && /^[a-z][-a-z0-9_]*$/.test(kv.key)) {
      if (kv.key === 'target') {
        // target= swallows the rest of the string, commas included.
        const rest = trimItem(spec, kv.valueStart, spec.length);
        r.value.target = rest.text;
        r.fields.target = [rest.start, rest.end];
        break;
      }
      namedParam(r, kv.key, kv.value, kv.valueStart, kv.valueEnd, kv.start, kv.end);
      continue;
    }
    if (it.text === 'cdrom') {
      r.value.devtype = 'cdrom';
      continue;
    }
    if (it.text === 'discard' || it.text === 'no-discard') {
      r.value.discard = it.text === 'discard';
      continue;
    }
    if (it.text === 'direct-io-safe') {
      r.value.direct_io_safe = true;
      continue;
    }
    if (it.text === 'trusted' || it.text === 'untrusted') {
      r.value.trusted = it.text === 'trusted';
      continue;
    }
    // Positional: target, then format (skipped after a legacy prefix), vdev, access.
    if (positional === 0) {
      const before = r.value.driver;
      const t = applyPrefix(r, it.text);
      hadPrefix = r.value.driver !== before;
      r.value.target = t;
      r.fields.target = [it.end - t.length, it.end];
      positional = hadPrefix ? 2 : 1;
    } else if (positional === 1) {
      positional = 2;
      if (it.text === '') continue;
      if (r.value.target === '' && /^(xvd|hd|sd)[a-z]/.test(it.text)) {
        // An empty target followed by a vdev: an empty CD-ROM drive.
        r.value.format = 'empty';
        applyVdev(r, it);
        positional = 3;
        continue;
      }
      setFormat(r, it.text, it.start, it.end);
    } else if (positional === 2) {
      positional = 3;
      if (it.text !== '') applyVdev(r, it);
    } else if (positional === 3) {
      positional = 4;
      if (it.text !== '') setAccess(r, it.text, it.start, it.end);
    } else if (it.text !== '' || i < items.length - 1) {
      r.problems.push({ start: it.start, end: it.end, message: 'too many positional parameters' });
    }
  }
  if (r.value.vdev === undefined) r.problems.push({ start: 0, end: spec.length, message: 'no vdev: every disk needs a virtual device name' });
  return r;
}

function setFormat(r: SpecParse<DiskSpec>, text: string, start: number, end: number): void {
  r.fields.format = [start, end];
  if (FORMATS.has(text)) r.value.format = text;
  else r.problems.push({ start, end, message: `unknown value for format: "${text}" (raw, qcow, qcow2, vhd, qed, empty; case-sensitive)` });
}

function namedParam(r: SpecParse<DiskSpec>, key: string, value: string, vs: number, ve: number, ks: number, ke: number): void {
  switch (key) {
    case 'format':
      setFormat(r, value, vs, ve);
      return;
    case 'vdev':
      applyVdev(r, { text: value, start: vs, end: ve });
      return;
    case 'access':
      setAccess(r, value, vs, ve);
      return;
    case 'devtype':
      r.fields.devtype = [vs, ve];
      if (value === 'cdrom' || value === 'disk') r.value.devtype = value;
      else r.problems.push({ start: vs, end: ve, message: `unknown value for devtype: "${value}" (disk, cdrom)` });
      return;
    case 'backendtype':
      r.fields.backendtype = [vs, ve];
      if (BACKENDS.has(value)) r.value.backendtype = value;
      else r.problems.push({ start: vs, end: ve, message: `unknown value for backendtype: "${value}" (phy, tap, qdisk, standalone)` });
      return;
    case 'backend':
    case 'script':
    case 'specification':
      r.value[key] = value;
      r.fields[key] = [vs, ve];
      return;
    case 'discard':
    case 'direct-io-safe':
    case 'trusted':
    case 'colo-host':
    case 'colo-port':
    case 'colo-export':
    case 'active-disk':
    case 'hidden-disk':
      return;
    case 'grant_usage':
      // libxlu_disk_l.l knows only `grant_usage=1` and `grant_usage=0`; other values are "bad disk syntax".
      if (value !== '0' && value !== '1') r.problems.push({ start: vs, end: ve, message: `grant_usage must be 0 or 1, got "${value}"` });
      return;
    default:
      // xl exits on it ("unknown parameter"): catalogue/unknown-spec-keys.ts, `disk`.
      r.problems.push({ start: ks, end: ke, message: `unknown disk parameter "${key}"`, unknownKey: true });
  }
}

/** Parse one disk spec string in the given dialect; never throws. */
export function parseDisk(spec: string, dialect: Dialect): SpecParse<DiskSpec> {
  return dialect === 'xm' ? parseXm(spec) : parseXl(spec);
}
