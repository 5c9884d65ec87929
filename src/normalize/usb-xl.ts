/**
 * @fileoverview What `xl create` makes of the numbers of a usbctrl or usbdev string (decision 111):
 * xl reads usbctrl `version=`/`ports=` and usbdev `controller=`/`port=` with glibc's atoi into an
 * int (parse_usbctrl_config, parse_usbdev_config), so a minus is a negative number and a number past
 * INT_MAX keeps its low 32 bits; libxl then judges the numbers the string ends with
 * (libxl__device_usbctrl_setdefault, libxl__device_usbdev_add and _setdefault in libxl_usb.c).
 * The atoi reader serves the vfb loop's flags and vncdisplay too (decision 120).
 */
import type { SpecParse } from './spec-result.js';
import { xlReadsNote } from './spec-result.js';
import { cAtoi, keyValue, splitItems } from './spec-items.js';

/** One item of a key the generic reader took: its value text and span, and whether it is the last of its key (the one xl keeps). */
export interface KeyItem<K extends string = string> {
  key: K;
  value: string;
  start: number;
  end: number;
  last: boolean;
}

/**
 * The items of `keys` in a spec the generic reader (parseKv) took as those keys: an item it did not
 * (a tab before the key, a blank before "=") carries an unknown-key finding, and xl exits at it;
 * none from where the reader stopped (`stoppedAt`).
 */
export function keyItems<K extends string>(spec: string, r: SpecParse<object>, keys: readonly K[]): KeyItem<K>[] {
  const out: KeyItem<K>[] = [];
  for (const it of splitItems(spec)) {
    // xl's loop ended before this item (vfb's `break` at an item without "="): it is never read.
    if (r.stoppedAt !== undefined && it.start >= r.stoppedAt) break;
    const kv = keyValue(it);
    const key = kv.key as K;
    if (kv.value === null || !keys.includes(key)) continue;
    const [start, end] = [kv.valueStart, kv.valueEnd];
    if (r.problems.some((p) => p.unknownKey === true && p.start < start && p.end > it.start)) continue;
    const last = r.fields[key];
    out.push({ key, value: kv.value, start, end, last: last !== undefined && last[0] === start && last[1] === end });
  }
  return out;
}

/**
 * Read every item of the atoi keys `keys` as xl does: the value of the last one of each key
 * (the one xl keeps) becomes atoi's int, and each item's finding is none for a plain decimal
 * number atoi reads as itself (`-1` included), else XM0231 with what atoi makes of it (`1e2` is 1,
 * 4294967297 is 1): the "must be a number" errors of the generic reader are replaced. With `flag`
 * the keys are libxl_defbools set from the int (the vfb loop's `libxl_defbool_set(&b, atoi(v))`):
 * any int but 0 is on, and only a plain decimal number without a minus goes without a note.
 */
export function readAtoiKeys(spec: string, r: SpecParse<object>, keys: readonly string[], flag = false): void {
  const value = r.value as Record<string, unknown>;
  for (const { key, value: text, start, end, last } of keyItems(spec, r, keys)) {
    r.problems = r.problems.filter((p) => p.start !== start || p.end !== end || p.unknownKey === true || p.xlWarns !== undefined);
    const n = cAtoi(text);
    if (last) value[key] = flag ? n !== 0 : n;
    if ((flag ? /^\d+$/ : /^-?\d+$/).test(text) && BigInt(text) === BigInt(n)) continue;
    const onOff = flag ? `, so ${key} is ${n === 0 ? 'off' : 'on'}` : '';
    // A whole number atoi reads as another (past INT_MAX), or one with a + (xl reads it as itself: the generic note).
    const wraps = /^[+-]?\d+$/.test(text) && BigInt(text.replace('+', '')) !== BigInt(n);
    const hint = flag ? `write ${key}=1 for on or ${key}=0 for off` : `write the number xl should use (${key}=${n} is what it uses now)`;
    r.problems.push({
      start,
      end,
      message: `${key} must be a decimal number, got "${text}"`,
      xlReads: wraps
        ? { message: `${key}=${text} is past the range of a C int: xl reads it with atoi as ${n} (the low 32 bits)${onOff}`, hint }
        : flag && /^-\d+$/.test(text)
          ? { message: `${key}=${text} has a minus: xl reads it with atoi as ${n}${onOff}`, hint }
          : xlReadsNote(key, text, 'atoi', n, flag),
    });
  }
}

/** Put an error in place of any other finding at the value of `key` (the last one written), and drop the value. */
function refuse(r: SpecParse<object>, key: string, message: string, hint: string): void {
  const [start, end] = r.fields[key]!;
  r.problems = r.problems.filter((p) => p.start !== start || p.end !== end);
  r.problems.push({ start, end, message, hint });
  delete (r.value as Record<string, unknown>)[key];
}

/** The usbctrl types libxl__device_usbctrl_setdefault judges: pv and qusb alike, devicemodel, and auto (either, by guest type). */
export type CtrlKind = 'pv' | 'devicemodel';

/** Why libxl__device_usbctrl_setdefault refuses version `v` and ports `p` for a controller of `kind`: the key at fault and its reason; null when it takes them. */
export function ctrlRefusal(kind: CtrlKind, v: number, p: number): { key: 'version' | 'ports'; why: string } | null {
  if (kind === 'pv') {
    // "USB version for paravirtualized devices must be 1 or 2"; "Number of ports … is limited to 31".
    if (v !== 0 && v !== 1 && v !== 2) return { key: 'version', why: 'libxl takes version 1 or 2 for a pv or qusb controller ("USB version for paravirtualized devices must be 1 or 2")' };
    if (p < 0 || p > 31) return { key: 'ports', why: 'libxl takes 1 to 31 ports for a pv or qusb controller ("Number of ports for USB controller is limited to 31")' };
    return null;
  }
  const version = v === 0 ? 2 : v;
  if (version < 1 || version > 3) return { key: 'version', why: 'libxl knows USB versions 1, 2 and 3 ("Illegal USB version")' };
  // QEMU's uhci has 2 ports and its ehci 6 ("… of version 1 is always 2"); its xhci up to 15.
  if (version === 1 && p !== 0 && p !== 2) return { key: 'ports', why: 'a version 1 (uhci) controller of the device model always has 2 ports' };
  if (version === 2 && p !== 0 && p !== 6) return { key: 'ports', why: 'a version 2 (ehci) controller of the device model always has 6 ports' };
  // libxl checks only the top for version 3; a negative count goes on to QEMU as the xhci's port count, which no controller has.
  if (version === 3 && (p < 0 || p > 15)) return { key: 'ports', why: 'a version 3 (xhci) controller of the device model has 1 to 15 ports' };
  return null;
}

/** The ports libxl gives a controller it takes (version and ports as written, 0 when not): pv and qusb 8 by default; the device model's version 1 has 2, 2 has 6, 3 8 by default. */
export function ctrlPorts(kind: CtrlKind, v: number, p: number): number {
  if (kind === 'pv') return p === 0 ? 8 : p;
  if (v === 1) return 2;
  if (v === 0 || v === 2) return 6;
  return p === 0 ? 8 : p;
}

/**
 * libxl's verdict on the version and ports a usbctrl string ends with. type=auto (or no type) is
 * devicemodel for an HVM guest and pv or qusb otherwise: without the guest type, refused only where
 * both are (version outside 0..3, ports outside 0..31, version 3 with more than 15 ports).
 */
export function usbctrlVerdict(r: SpecParse<{ type?: string; version?: number; ports?: number }>): void {
  const { type, version = 0, ports = 0 } = r.value;
  const kinds: CtrlKind[] = type === 'devicemodel' ? ['devicemodel'] : type === 'pv' || type === 'qusb' ? ['pv'] : ['pv', 'devicemodel'];
  const why = kinds.map((k) => ctrlRefusal(k, version, ports));
  if (why.some((w) => w === null)) return;
  // For auto, the device model's reason: version 3 is for it alone, so with 20 ports it is the ports.
  const w = why[why.length - 1]!;
  const key = w.key;
  if (r.fields[key] === undefined) return;
  // A type xl does not know makes it exit ("Invalid usb controller type"), reported at the type
  // alone: the value is only kept out of the spec (the schema's limits are the auto ones).
  if (r.fields['type'] !== undefined && type === undefined) {
    delete r.value[key];
    return;
  }
  const n = key === 'version' ? version : ports;
  const also = kinds.length === 2 ? `; type=auto (or no type) is one of pv and devicemodel by guest type, and neither takes version=${version} with ports=${ports}` : '';
  refuse(r, key, `${key} ${n}: ${w.why}${also}`, key === 'version' ? 'write version=1 or version=2 (pv, qusb), or 1 to 3 (devicemodel)' : 'write a ports= the controller has, or leave it out for libxl\'s default');
}

/**
 * libxl's verdict on the controller and port a usbdev string ends with (libxl__device_usbdev_add and
 * _setdefault): -1, libxl's "not set", picks a controller and port (and then refuses a port: "USB
 * controller must be specified if you specify port"); any other negative id names no controller
 * (libxl_devid_to_device_usbctrl finds none); a port outside 1..31 is one no controller has (QEMU
 * refuses it for a device-model controller, and a pv one never reads it). controller=-1 is left out
 * of the normalised spec, as not written.
 */
export function usbdevVerdict(r: SpecParse<{ controller?: number; port?: number }>): void {
  const { controller = -1, port = 0 } = r.value;
  if (controller < -1) {
    refuse(r, 'controller', `controller ${controller}: libxl has no USB controller with a negative id, so xl create fails`, 'write the index of a usbctrl entry (0 for the first), or leave controller= out to let libxl pick one');
  } else if (controller === -1) {
    delete r.value.controller;
    if (port !== 0 && r.fields['port'] !== undefined) refuse(r, 'port', `port ${port} without a controller: libxl refuses it ("USB controller must be specified if you specify port")`, 'write controller= too, or leave port= out to let libxl pick one');
  } else if (port !== 0 && (port < 0 || port > 31) && r.fields['port'] !== undefined) {
    refuse(r, 'port', `port ${port}: no USB controller has it (ports are numbered from 1, at most 31): QEMU refuses it for a device-model controller (xl create fails), and a pv or qusb controller never reads it, so the device is not attached`, 'write a port of the controller (1 up to its ports=), or leave port= out to let libxl pick a free one');
  }
}
