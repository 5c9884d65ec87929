/**
 * @fileoverview The smaller `key=value,…` device specs: vfb, channel, usbctrl, usbdev, and the
 * generic form used for vtpm, p9, pvcalls, vdispl, vkb, virtio, vif2 and rdm.
 */
import type { VfbSpec, ChannelSpec, UsbdevSpec, UsbctrlSpec } from './catalogue/spec-types.js';
import { splitItems, keyValue, decimal, cInteger, type KeyValueItem } from './spec-items.js';
import { specResult, specBool, type SpecParse } from './spec-result.js';

type Field = 'string' | 'bool' | 'decimal' | 'c-integer' | readonly string[];

/** Parse `key=value,…` against a field table; unknown keys go to `other` with a warning. */
function parseKv<T extends { spec: string; other?: Record<string, string> }>(spec: string, table: Record<string, Field>, what: string): SpecParse<T> {
  const r = specResult<T>(spec);
  const out = r.value as Record<string, unknown>;
  for (const it of splitItems(spec)) {
    if (it.text === '') continue;
    const kv: KeyValueItem = keyValue(it);
    if (kv.value === null) {
      r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value` });
      continue;
    }
    const { key, value, valueStart: vs, valueEnd: ve } = kv;
    const f = table[key];
    r.fields[f === undefined ? `other/${key}` : key] = [vs, ve];
    if (f === undefined) {
      ((out.other as Record<string, string> | undefined) ?? (out.other = {}) as Record<string, string>)[key] = value;
      r.problems.push({ start: it.start, end: it.start + key.length, message: `unknown ${what} parameter "${key}"`, unknownKey: true });
    } else if (f === 'string') out[key] = value;
    else if (f === 'bool') {
      const b = specBool(value);
      if (b === null) r.problems.push({ start: vs, end: ve, message: `${key} must be 0 or 1, got "${value}"` });
      else out[key] = b;
    } else if (f === 'decimal' || f === 'c-integer') {
      const n = f === 'c-integer' ? cInteger(value) : decimal(value);
      if (n === null) r.problems.push({ start: vs, end: ve, message: `${key} must be a ${f === 'decimal' ? 'decimal ' : ''}number, got "${value}"` });
      else out[key] = n;
    } else if (f.includes(value)) out[key] = value;
    else r.problems.push({ start: vs, end: ve, message: `${key} must be one of ${f.join(', ')}; got "${value}"` });
  }
  return r;
}

const VFB: Record<string, Field> = {
  type: ['vnc', 'sdl'],
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
  backend: 'string',
};

/** Parse one vfb spec; never throws. */
export function parseVfb(spec: string): SpecParse<VfbSpec> {
  return parseKv<VfbSpec>(spec, VFB, 'vfb');
}

/** Parse one channel spec; never throws. */
export function parseChannel(spec: string): SpecParse<ChannelSpec> {
  const r = parseKv<ChannelSpec>(spec, { name: 'string', connection: ['pty', 'socket'], path: 'string', backend: 'string', devid: 'decimal' }, 'channel');
  if (r.value.connection === 'socket' && r.value.path === undefined) r.problems.push({ start: 0, end: spec.length, message: 'connection=socket needs path=…' });
  if (r.value.name === undefined) r.problems.push({ start: 0, end: spec.length, message: 'a channel needs name=…' });
  return r;
}

/** Parse one usbctrl spec; never throws. */
export function parseUsbctrl(spec: string): SpecParse<UsbctrlSpec> {
  const r = parseKv<UsbctrlSpec>(spec, { type: ['auto', 'pv', 'devicemodel', 'qusb'], version: 'decimal', ports: 'decimal', devid: 'decimal' }, 'usbctrl');
  const rangeCheck = (k: 'version' | 'ports', lo: number, hi: number) => {
    const v = r.value[k];
    if (v !== undefined && (v < lo || v > hi)) {
      const [s, e] = r.fields[k]!;
      r.problems.push({ start: s, end: e, message: `${k} ${v} is outside ${lo}..${hi}` });
      delete r.value[k];
    }
  };
  rangeCheck('version', 1, 3);
  rangeCheck('ports', 1, 31);
  return r;
}

/**
 * Parse one usbdev spec; never throws. hostbus/hostaddr are C integers (xl reads them with
 * strtoul base 0: `0x10` is 16, `010` is 8, `10` is 10); libvirt's converter reads them as hex.
 */
export function parseUsbdev(spec: string): SpecParse<UsbdevSpec> {
  return parseKv<UsbdevSpec>(spec, { type: ['hostdev'], hostbus: 'c-integer', hostaddr: 'c-integer', controller: 'decimal', port: 'decimal' }, 'usbdev');
}

/** Parse a generic `key=value,…` spec into `{spec, key: value, …}`; items without `=` are problems. */
export function parseGenericSpec(spec: string): SpecParse<{ spec: string } & Record<string, string>> {
  return parseGeneric(spec, false);
}

/**
 * Parse one virtio spec: the generic form, except that xl's parse_virtio_list takes a `type=`
 * value starting with "virtio" together with the next comma item (`type=virtio,device22`), because
 * virtio device types contain a comma.
 */
export function parseVirtioSpec(spec: string): SpecParse<{ spec: string } & Record<string, string>> {
  return parseGeneric(spec, true);
}

function parseGeneric(spec: string, virtioType: boolean): SpecParse<{ spec: string } & Record<string, string>> {
  const r = specResult<{ spec: string } & Record<string, string>>(spec);
  const items = splitItems(spec);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.text === '') continue;
    const kv = keyValue(it);
    if (kv.value === null || kv.key === 'spec') {
      r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value` });
      continue;
    }
    let { value, valueEnd } = kv;
    const next = items[i + 1];
    if (virtioType && kv.key === 'type' && value.startsWith('virtio') && next !== undefined) {
      value = spec.slice(kv.valueStart, next.end);
      valueEnd = next.end;
      i++;
    }
    (r.value as Record<string, string>)[kv.key] = value;
    r.fields[kv.key] = [kv.valueStart, valueEnd];
  }
  return r;
}
