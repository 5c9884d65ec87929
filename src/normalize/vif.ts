/**
 * @fileoverview NIC specs (`vif`): comma-separated `key=value` items (xl-network-configuration(5);
 * xm's vif keys are a subset plus `accel`).
 */
import type { VifSpec } from './catalogue/spec-types.js';
import { splitItems, keyValue, decimal } from './spec-items.js';
import { specResult, specBool, type SpecParse } from './spec-result.js';
import type { FieldTable } from './catalogue/spec-tables.js';

const STRING_LIST = ['bridge', 'gatewaydev', 'type', 'model', 'vifname', 'script', 'ip', 'backend', 'forwarddev', 'accel'];
const STRING_KEYS = new Set(STRING_LIST);
/** Keys xl knows that have no typed field here (kept under `other`). */
const OTHER_LIST = ['queues', 'colo_forwarddev', 'colo_sock_mirror_id', 'colo_sock_mirror_ip', 'colo_sock_mirror_port', 'netdev', 'ipaddr'];
const OTHER_KNOWN = new Set(OTHER_LIST);

/** Every key parseVif knows (the typed ones below, the plain strings, the known others); also what the language server completes. */
export const VIF_FIELDS: FieldTable = {
  mac: 'string',
  rate: 'string',
  mtu: 'decimal',
  devid: 'decimal',
  trusted: 'bool',
  untrusted: 'bool',
  ...Object.fromEntries([...STRING_LIST, ...OTHER_LIST].map((k) => [k, 'string'] as const)),
};
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
/** N[GMK]?(B|b)/s with an optional @interval (us/ms/s suffix). */
const RATE = /^\d{1,15}[GMK]?[Bb]\/s(@\d{1,15}(us|ms|s)?)?$/;

/** Parse one vif spec string; never throws. */
export function parseVif(spec: string): SpecParse<VifSpec> {
  const r = specResult<VifSpec>(spec);
  if (spec.trim() === '') return r;
  for (const it of splitItems(spec)) {
    if (it.text === '') continue;
    const kv = keyValue(it);
    if (kv.value === null) {
      r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value` });
      continue;
    }
    const { key, value, valueStart: vs, valueEnd: ve } = kv;
    if (key === 'mac') {
      r.fields['mac'] = [vs, ve];
      if (MAC.test(value)) r.value.mac = value;
      else r.problems.push({ start: vs, end: ve, message: `malformed MAC address "${value}" (six hex pairs, e.g. 00:16:3e:12:34:56)` });
    } else if (key === 'rate') {
      r.fields['rate'] = [vs, ve];
      if (RATE.test(value)) r.value.rate = value;
      else r.problems.push({ start: vs, end: ve, message: `invalid rate "${value}" (N[GMK](B|b)/s[@interval], e.g. 10Mb/s@20ms)` });
    } else if (key === 'mtu' || key === 'devid') {
      r.fields[key] = [vs, ve];
      const n = decimal(value);
      if (n === null) r.problems.push({ start: vs, end: ve, message: `${key} must be a decimal number, got "${value}"` });
      else if (key === 'mtu' && (n < 68 || n > 65535)) r.problems.push({ start: vs, end: ve, message: `mtu ${n} is outside 68..65535` });
      else r.value[key] = n;
    } else if (key === 'trusted' || key === 'untrusted') {
      r.fields['trusted'] = [vs, ve];
      const b = specBool(value);
      if (b === null) r.problems.push({ start: vs, end: ve, message: `${key} must be 0 or 1, got "${value}"` });
      else r.value.trusted = key === 'trusted' ? b : !b;
    } else if (STRING_KEYS.has(key)) {
      r.fields[key] = [vs, ve];
      (r.value as Record<string, unknown>)[key] = value;
    } else {
      (r.value.other ??= {})[key] = value;
      r.fields[`other/${key}`] = [vs, ve];
      if (!OTHER_KNOWN.has(key)) r.problems.push({ start: it.start, end: it.start + key.length, message: `unknown vif parameter "${key}"`, unknownKey: true });
    }
  }
  return r;
}
