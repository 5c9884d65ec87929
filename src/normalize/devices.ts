/**
 * @fileoverview The smaller `key=value,…` device specs: vfb, channel, usbctrl, usbdev, the typed
 * generic form of vtpm, p9, pvcalls, vdispl, vkb, virtio, rdm and arm_sci, and the untyped one of vif2.
 */
import type { Dialect } from '../syntax/value.js';
import type { VfbSpec, ChannelSpec, UsbdevSpec, UsbctrlSpec } from './catalogue/spec-types.js';
import { SPEC_FIELDS, type FieldTable } from './catalogue/spec-tables.js';
import { splitItems, keyValue, cStrtoul0 } from './spec-items.js';
import { specResult, type SpecParse } from './spec-result.js';
import { parseKv } from './spec-kv.js';
import { parseArmSci, parseVdispl, parseVkb, parseVtpm } from './spec-checks.js';
import { parseRdmXl } from './rdm-xl.js';
import { keyItems, readAtoiKeys, usbctrlVerdict, usbdevVerdict } from './usb-xl.js';

/** The keys of each USB spec xl reads with atoi (parse_usbctrl_config, parse_usbdev_config). */
const USB_ATOI = { usbctrl: ['version', 'ports'], usbdev: ['controller', 'port'] } as const;

/**
 * vfb keys: the ones the vfb loop of xl's parse_config_data compares (it has no `type` and no
 * `backend`, and skips other keys silently); also what the language server completes.
 */
export const VFB_FIELDS: FieldTable = {
  vnc: 'bool',
  vnclisten: 'string',
  vncdisplay: 'decimal',
  vncunused: 'bool',
  vncpasswd: 'string',
  keymap: 'string',
  sdl: 'bool',
  opengl: 'bool',
  display: 'string',
  xauthority: 'string',
};

/** xm's vfb keys that are typed here: xl's, and the legacy `type=vnc|sdl` create.py turned into vnc=1 / sdl=1. */
const XM_VFB_FIELDS: FieldTable = { type: ['vnc', 'sdl'], ...VFB_FIELDS };

/** channel keys (the channel loop of parse_config_data: backend, name, path, connection). */
export const CHANNEL_FIELDS: FieldTable = { name: 'string', connection: ['pty', 'socket'], path: 'string', backend: 'string' };

/** usbctrl keys (parse_usbctrl_config: type, version, ports; the type read by libxl_usbctrl_type_from_string, in any case). */
export const USBCTRL_FIELDS: FieldTable = { type: { anyCase: ['auto', 'pv', 'devicemodel', 'qusb'] }, version: 'decimal', ports: 'decimal' };

/** usbdev keys (parse_usbdev_config: type, hostbus, hostaddr, controller, port). */
export const USBDEV_FIELDS: FieldTable = { type: { anyCase: ['hostdev'] }, hostbus: 'c-integer', hostaddr: 'c-integer', controller: 'decimal', port: 'decimal' };

/** Parse one vfb spec; never throws. */
export function parseVfb(spec: string, dialect: Dialect = 'xl'): SpecParse<VfbSpec> {
  // xl's vfb loop ends at an item without "=" (XM0232); xm's comma_sep_kv_to_dict refused it.
  const r = parseKv<VfbSpec>(spec, dialect === 'xm' ? XM_VFB_FIELDS : VFB_FIELDS, 'vfb', { dialect, stopAtBare: true });
  if (dialect !== 'xm') {
    // The vfb loop reads these with atoi (libxl_defbool_set(&b, atoi(v)), vnc.display = atoi(v)):
    // a minus, junk or a number past INT_MAX is what atoi makes of it, not a refusal (decision 120).
    readAtoiKeys(spec, r, VFB_ATOI_FLAGS, true);
    readAtoiKeys(spec, r, ['vncdisplay']);
    negativeVncDisplay(r);
    legacyVfbType(spec, r);
  }
  const f = r.value;
  // libxl refuses a VNC display given twice: as vncdisplay and as the port part of vnclisten.
  // libxl turns VNC on when vnc= is not given (libxl__device_vfb_setdefault). xend refused neither:
  // it handed qemu-dm `-vnc LISTEN:DISPLAY` as written (image.py), so xm has no such finding (XM0220 neither).
  if (dialect !== 'xm' && (f.vnc ?? true) && f.vncdisplay && f.vnclisten?.includes(':')) {
    const [a, b] = r.fields.vncdisplay!;
    r.problems.push({ start: a, end: b, message: `vncdisplay=${f.vncdisplay} and a display in vnclisten=${f.vnclisten}: libxl refuses both` });
  }
  return r;
}

/** The vfb keys xl's loop reads as libxl_defbools set from atoi. */
const VFB_ATOI_FLAGS = ['vnc', 'vncunused', 'sdl', 'opengl'] as const;

/**
 * A vncdisplay atoi reads as negative: libxl writes it into QEMU's `-vnc HOST:%d` as it is
 * (libxl_dm.c), which is no display number (they start at 0, port 5900), so it stays an error and
 * is left out.
 */
function negativeVncDisplay(r: SpecParse<VfbSpec>): void {
  const n = r.value.vncdisplay;
  const at = r.fields.vncdisplay;
  if (n === undefined || n >= 0 || at === undefined) return;
  r.problems = r.problems.filter((p) => p.start !== at[0] || p.end !== at[1]);
  r.problems.push({ start: at[0], end: at[1], message: `vncdisplay is ${n} as xl reads it with atoi: libxl hands QEMU "-vnc HOST:${n}"`, hint: 'a display number is 0 or more (port 5900 + N)' });
  delete r.value.vncdisplay;
}

/**
 * xm's `type=vnc|sdl` in xl, whose vfb loop has no `type`: with type=vnc xl still gives the VNC
 * display asked for (libxl__device_vfb_setdefault turns VNC on when vnc= is not written), so
 * nothing is reported; with type=sdl (or type=vnc next to vnc=0) the guest gets something else
 * than in xm, and the finding says what to write.
 */
function legacyVfbType(spec: string, r: SpecParse<VfbSpec>): void {
  const i = r.problems.findIndex((p) => p.unknownKey === true && spec.slice(p.start, p.end) === 'type');
  const type = r.value.other?.type;
  if (i === -1 || (type !== 'vnc' && type !== 'sdl')) return;
  const p = r.problems[i]!;
  if (type === 'vnc') {
    if (r.value.vnc !== false) r.problems.splice(i, 1);
    else r.problems[i] = { ...p, message: 'xl has no type=: type=vnc does not turn VNC on as it did in xm, and vnc=0 keeps it off', hint: 'drop type=vnc, and vnc=0 if the guest should have VNC' };
    return;
  }
  r.problems[i] = { ...p, message: 'xl has no type=: type=sdl is skipped, and the guest gets a VNC display (on by default), not SDL', hint: 'write sdl=1,vnc=0 in place of type=sdl' };
}

/** Parse one channel spec; never throws. */
export function parseChannel(spec: string): SpecParse<ChannelSpec> {
  const r = parseKv<ChannelSpec>(spec, CHANNEL_FIELDS, 'channel');
  // xl stops at an item it cannot parse; unknown keys it only warns about ("ignoring").
  const stopped = r.problems.some((p) => p.unknownKey !== true);
  if (r.value.connection === 'socket' && r.value.path === undefined) r.problems.push({ start: 0, end: spec.length, message: 'connection=socket needs path=…' });
  // A spec xl crashes on or exits at ("key=" with nothing after it) never gets this far.
  if (r.value.name === undefined && !stopped) r.problems.push({ start: 0, end: spec.length, message: 'a channel needs name=…' });
  // parse_config_data exits on a channel whose connection stayed unknown ("channel has unknown
  // 'connection'"), once the items are read; a bad connection= value is reported at the value.
  if (!stopped && r.fields['connection'] === undefined) r.problems.push({ start: 0, end: spec.length, message: 'a channel needs connection=pty or connection=socket' });
  return r;
}

/**
 * Parse one usbctrl spec; never throws. version= and ports= are read with atoi (usb-xl.ts), and
 * libxl__device_usbctrl_setdefault's limits for the type are applied to the last of each.
 */
export function parseUsbctrl(spec: string): SpecParse<UsbctrlSpec> {
  const r = parseKv<UsbctrlSpec>(spec, USBCTRL_FIELDS, 'usbctrl');
  readAtoiKeys(spec, r, USB_ATOI.usbctrl);
  usbctrlVerdict(r);
  return r;
}

/**
 * Parse one usbdev spec; never throws. hostbus/hostaddr are C integers (xl reads them with
 * strtoul base 0: `0x10` is 16, `010` is 8, `10` is 10); libvirt's converter reads them as hex.
 * controller/port are atoi's ints (usb-xl.ts).
 */
export function parseUsbdev(spec: string): SpecParse<UsbdevSpec> {
  const r = parseKv<UsbdevSpec>(spec, USBDEV_FIELDS, 'usbdev');
  // controller= and port= are atoi's ints, judged as libxl does (usb-xl.ts).
  readAtoiKeys(spec, r, USB_ATOI.usbdev);
  usbdevVerdict(r);
  // libxl_device_usbdev's hostbus and hostaddr are uint8: xl's strtoul result keeps its low 8 bits.
  for (const { key: k, value: text, start, end, last } of keyItems(spec, r, ['hostbus', 'hostaddr'])) {
    // A minus or a number past 2^53 is refused by the reader, but strtoul still gives a number
    // (a minus wraps modulo 2^64, past ULONG_MAX it is ULONG_MAX) whose low 8 bits xl uses.
    const refused = r.problems.some((p) => p.start === start && p.end === end && p.xlWarns === undefined && p.xlReads === undefined);
    const wide = refused ? strtoulAny(text) : null;
    if (wide !== null) r.problems = r.problems.filter((p) => p.start !== start || p.end !== end);
    // An earlier one of a repeated key: xl reads it, then keeps the last.
    if (!last) continue;
    if (wide !== null && wide <= 0xffn) r.value[k] = Number(wide);
    const v = wide ?? r.value[k];
    if (v === undefined || v <= 0xff) continue;
    r.value[k] = Number(BigInt(v) & 0xffn);
    r.problems.push({
      start,
      end,
      message: `${k} ${v} is above 255`,
      xlWarns: { code: 'XM0253', message: `${k}=${v}: libxl keeps the ${k === 'hostbus' ? 'bus number' : 'device address'} in 8 bits, so xl uses ${r.value[k]}`, hint: `write the ${k === 'hostbus' ? 'bus' : 'device'} number lsusb shows (0-255)` },
    });
  }
  return r;
}

/** glibc's strtoul(text, NULL, 0) on a 64-bit host, exactly (a bigint); null for text the c-integer reader takes anyway. */
function strtoulAny(text: string): bigint | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX](?=[0-9a-fA-F])|0?)([0-9a-fA-F]*)/.exec(text)!;
  const digits = (m[2]!.length === 2 ? /^[0-9a-fA-F]*/ : m[2] === '0' ? /^[0-7]*/ : /^\d*/).exec(m[3]!)![0];
  if (m[1] !== '-' && digits.length < 16) return null;
  return cStrtoul0(text);
}

/** Parse a generic `key=value,…` spec into `{spec, key: value, …}`; items without `=` are problems. */
export function parseGenericSpec(spec: string): SpecParse<{ spec: string } & Record<string, string>> {
  const r = specResult<{ spec: string } & Record<string, string>>(spec);
  for (const it of splitItems(spec)) {
    if (it.text === '') continue;
    const kv = keyValue(it);
    if (kv.value === null || kv.key === 'spec') {
      r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value` });
      continue;
    }
    (r.value as Record<string, string>)[kv.key] = kv.value;
    r.fields[kv.key] = [kv.valueStart, kv.valueEnd];
  }
  return r;
}

/**
 * The parser of a generic-form spec option: the option's field table from catalogue/spec-tables.ts
 * (virtio with xl's joined `type=virtio,NAME`, as parse_virtio_config reads it; pvcalls ending at an
 * item without "=" in xl, as its loop does), else the untyped generic form (vif2, which xl ignores).
 */
export function specParserFor(option: string, dialect: Dialect = 'xl'): (spec: string) => SpecParse<{ spec: string }> {
  const id = `${option}/${dialect}`;
  let parse = PARSERS.get(option) ?? PARSERS.get(id);
  if (parse === undefined) {
    if (option === 'vtpm') parse = (spec) => parseVtpm(spec, dialect);
    else if (option === 'vdispl') parse = (spec) => parseVdispl(spec, dialect);
    else if (option === 'rdm' && dialect === 'xl') parse = parseRdmXl;
    else if (!Object.hasOwn(SPEC_FIELDS, option)) return parseGenericSpec;
    else {
      const table: FieldTable = SPEC_FIELDS[option as keyof typeof SPEC_FIELDS];
      const opts = { virtioType: option === 'virtio', stopAtBare: option === 'pvcalls', dialect };
      parse = (spec) => parseKv(spec, table, option, opts);
    }
    PARSERS.set(id, parse);
  }
  return parse;
}

/**
 * One parser per typed option and dialect, built on first use (not one closure per setting); vkb
 * and arm_sci (xl-only options) have whole-spec checks, vtpm and vdispl (spec-checks.ts) xl's required backend and connector.
 */
const PARSERS = new Map<string, (spec: string) => SpecParse<{ spec: string }>>([
  ['vkb', parseVkb],
  ['arm_sci', parseArmSci],
]);
