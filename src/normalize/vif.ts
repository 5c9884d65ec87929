/**
 * @fileoverview NIC specs (`vif`): comma-separated `key=value` items and xl's two flags
 * (xl-network-configuration(5), read by parse_nic_config in tools/xl/xl_parse.c; xm's vif keys,
 * checked by create.py's configure_vifs, are listed in catalogue/unknown-spec-keys.ts).
 */
import { plural, quoteText } from '../diagnostics/diagnostic.js';
import type { Dialect } from '../syntax/value.js';
import type { VifSpec } from './catalogue/spec-types.js';
import { blankBeforeEquals, splitItems, keyValue, pyKeyValue, decimal } from './spec-items.js';
import { misspelt, specResult, type SpecParse, type SpecProblem } from './spec-result.js';
import { xmKnownKeys } from './catalogue/unknown-spec-keys.js';
import { XL_NUMBER_READERS, type FieldTable } from './catalogue/spec-tables.js';
import { COLO_NIC_KEYS } from './catalogue/libxl-names.js';
import { xlLenient, xmEmptyItemProblem } from './spec-kv.js';
import { xlMac, xlRate, type XlErrno } from './vif-xl.js';
import { trailingBlankProblem } from './trailing-blanks.js';

const STRING_LIST = ['bridge', 'gatewaydev', 'type', 'model', 'vifname', 'script', 'ip', 'backend', 'forwarddev', 'accel'];
const STRING_KEYS = new Set(STRING_LIST);

/**
 * Keys parse_nic_config knows that have no typed field here (kept under `other`): `netdev` (the
 * deprecated name of gatewaydev), `vlan` (Xen 4.19) and the COLO proxy keys.
 */
const OTHER_LIST = [
  'netdev',
  'vlan',
  ...COLO_NIC_KEYS,
];
const OTHER_KNOWN = new Set(OTHER_LIST);

/** xl's vif flags, written without `=` (`!strcmp("trusted", token)`): they set `trusted`. */
const FLAGS: Readonly<Record<string, boolean>> = { trusted: true, untrusted: false };

/**
 * Keys parse_nic_config prints a warning about and goes on (xl dialect): `accel` ("the accel
 * parameter for vifs is currently not supported", ignored), `netdev` (deprecated, read as
 * gatewaydev) and `type` other than xl's two names (checked in {@link parseVif}).
 */
const XL_WARNS = new Map<string, NonNullable<SpecProblem['xlWarns']>>([
  ['accel', { code: 'XM0236', message: 'xl ignores accel= with a warning ("the accel parameter for vifs is currently not supported")', hint: 'drop accel=' }],
  ['netdev', { code: 'XM0107', message: 'netdev= is deprecated: xl warns "the netdev parameter is deprecated, please use gatewaydev instead" and reads it as gatewaydev', hint: 'write gatewaydev= instead of netdev=' }],
]);

/** An mtu the hotplug script does not apply: set_mtu in xen-network-common.sh skips one below 68 and runs `ip link set … mtu N || :`. */
const MTU_UNSET = {
  code: 'XM0236',
  message: 'xl and libxl take this mtu, but the vif hotplug script does not apply it (set_mtu: below 68 it is skipped, above 65535 `ip link set … mtu` fails and the failure is ignored), so the interface keeps its default MTU',
  hint: 'write an mtu from 68 to 65535, or leave mtu= out for the default (1500)',
};

/** A vif `type=` other than "vif" or "ioemu" (exact case): xl warns and leaves the type to libxl. */
const BAD_TYPE = {
  code: 'XM0236',
  message: 'xl knows type=vif and type=ioemu only (exact case): it warns "Invalid parameter `type\'." and leaves the type to libxl (ioemu for an HVM guest, vif otherwise)',
  hint: 'write type=vif or type=ioemu, or leave type= out',
};

/** The text of a value as xl's strtok hands it over: from `start` to the next comma, blanks kept. */
function rawValue(spec: string, start: number): string {
  const comma = spec.indexOf(',', start);
  return spec.slice(start, comma === -1 ? spec.length : comma);
}

/** The XM0236 note of a `mac=` xl's loop does not read whole (`erange`: the byte overflowed strtoul). */
function macWarning(kind: 'invalid' | 'short', read: number, erange: boolean): NonNullable<SpecProblem['xlWarns']> {
  const kept = read === 0 ? 'no byte of it, so libxl makes a random MAC' : `its first ${plural(read, 'byte')} and zeros after`;
  const stale = erange ? '; the byte overflows strtoul, and the errno ERANGE it leaves makes every later rate= of the vif list fail' : '';
  return kind === 'invalid'
    ? { code: 'XM0236', message: `xl warns "Invalid parameter \`mac'." and goes on with ${kept}${stale}`, hint: 'write six hex bytes, e.g. mac=00:16:3e:12:34:56' }
    : { code: 'XM0236', message: `the MAC has ${read} of 6 bytes: xl reads the rest past the end of the item (the next vif item, or memory after the string)`, hint: 'write six hex bytes, e.g. mac=00:16:3e:12:34:56' };
}

/** The XM0231 note of a rate whose number starts with 0: strtoull base 0 reads it as octal. */
function octalRate(value: string, octal: string[], perSec: bigint, us: bigint): NonNullable<SpecProblem['xlReads']> {
  return {
    message: `rate=${value}: xl reads ${octal.join(' and ')} as octal (strtoull base 0), so the rate is ${perSec} bytes/s per ${us} µs`,
    hint: 'write the number without leading zeros',
  };
}

/** Every `key=value` key parseVif knows (the typed ones below, the plain strings, the known others); also what the language server completes. */
export const VIF_FIELDS: FieldTable = {
  mac: 'string',
  rate: 'string',
  mtu: 'decimal',
  devid: 'decimal',
  ...Object.fromEntries([...STRING_LIST, ...OTHER_LIST].map((k) => [k, 'string'] as const)),
};
/** The keys a misspelt one is compared with (`modle=` → model). */
const VIF_KEYS = Object.keys(VIF_FIELDS);
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
/** N[GMK]?(B|b)/s with an optional @interval (us/ms/s suffix). */
const RATE = /^\d{1,15}[GMK]?[Bb]\/s(@\d{1,15}(us|ms|s)?)?$/;

/**
 * Parse one vif spec string; never throws. An item without `=` other than xl's flags is, for xl,
 * an unrecognised argument it warns about and skips (an unknown key here); xm's create.py refused
 * every item without `=` ("should be a pair, separated by an equals sign"), xl's flags included.
 * `errno` is xl's, shared by the specs of one vif list (a `mac=` overflow fails every later `rate=`).
 */
export function parseVif(spec: string, dialect: Dialect = 'xl', errno: XlErrno = { erange: false }): SpecParse<VifSpec> {
  const r = specResult<VifSpec>(spec);
  if (spec.trim() === '') return r;
  for (const it of splitItems(spec)) {
    if (it.text === '') {
      // xl's strtok skips an empty item; xm's comma_sep_kv_to_dict refused it like any item without "=".
      if (dialect === 'xm') r.problems.push(xmEmptyItemProblem(spec, it));
      continue;
    }
    // xm strips key and value with Python's str.strip(), which also takes \n, \r, \v and \f.
    const kv = dialect === 'xm' ? pyKeyValue(it) : keyValue(it);
    if (kv.value === null) {
      const flag = Object.hasOwn(FLAGS, it.text) ? FLAGS[it.text] : undefined;
      if (dialect === 'xm') {
        const xlOnly = flag === undefined ? '' : ` (${it.text} is an xl flag)`;
        r.problems.push({ start: it.start, end: it.end, message: `"${it.text}" is not key=value${xlOnly}; xm: "${it.text} should be a pair, separated by an equals sign."` });
      } else if (flag !== undefined) {
        r.value.trusted = flag;
        r.fields['trusted'] = [it.start, it.end];
      } else r.problems.push({ start: it.start, end: it.end, message: `unknown vif parameter "${it.text}" (not key=value, nor the flag trusted or untrusted)`, unknownKey: true });
      continue;
    }
    const { key, value, valueStart: vs, valueEnd: ve } = kv;
    // MATCH_OPTION compares "key=" with the item's start: a blank before "=" makes it no key xl knows.
    if (dialect === 'xl' && blankBeforeEquals(it.text)) {
      r.problems.push({ start: it.start, end: it.start + key.length, message: `"${key} =" is no vif key for xl: write ${key}= with no blank before "="`, unknownKey: true });
      continue;
    }
    // xl strips only the blanks before an item (`while (*p == ' ') p++;`): the value runs to the comma, blanks included.
    const raw = dialect === 'xl' ? rawValue(spec, it.start + it.text.indexOf('=') + 1) : value;
    if (dialect === 'xl' && XL_WARNS.has(key)) {
      // netdev= is kept as before (xl uses it); accel= has no effect and is left out.
      if (key === 'netdev') {
        r.fields[`other/${key}`] = [vs, ve];
        (r.value.other ??= {})[key] = value;
      }
      r.problems.push({ start: it.start, end: it.start + key.length, message: key, xlWarns: XL_WARNS.get(key)! });
      // netdev= is gatewaydev= under its old name (`replace_string(&nic->gatewaydev, oparg)`): its blanks stay too.
      const blank = key === 'netdev' ? trailingBlankProblem(spec, key, value, ve) : null;
      if (blank !== null) r.problems.push(blank);
      continue;
    }
    if (key === 'mac' && dialect === 'xl') {
      r.fields['mac'] = [vs, ve];
      // The usual aa:bb:cc:dd:ee:ff reads the same in xl's byte loop: run that loop (BigInt strtoul
      // reads) only for other texts, as it made checking 2,000 files ~11% slower (bench/ab.mjs --cpu).
      const m = raw === value && MAC.test(value) ? null : xlMac(raw);
      if (m === null) r.value.mac = value;
      else if (m.kind === 'ok') {
        r.value.mac = MAC.test(value) ? value : m.mac;
        if (m.wrapped) r.problems.push({ start: vs, end: ve, message: `MAC byte above 255`, xlReads: { message: `mac=${value}: xl keeps the low 32 bits of each byte strtoul reads (an unsigned int), so the MAC is ${m.mac}`, hint: 'write six hex bytes, e.g. mac=00:16:3e:12:34:56' } });
      }
      else {
        const erange = m.kind === 'invalid' && m.erange;
        if (erange) errno.erange = true;
        r.problems.push({ start: vs, end: ve, message: `malformed MAC address "${quoteText(value)}"`, xlWarns: macWarning(m.kind, m.read, erange) });
      }
    } else if (key === 'rate' && dialect === 'xl') {
      r.fields['rate'] = [vs, ve];
      const rate = xlRate(raw, errno.erange);
      if (!rate.ok && rate.staleErange) r.problems.push({ start: vs, end: ve, message: `rate "${raw}": xl exits ("rate overflow"): a mac= byte before it overflowed strtoul, and xlu_vif_parse_rate tests errno == ERANGE without clearing errno` });
      else if (!rate.ok) r.problems.push({ start: vs, end: ve, message: `invalid rate "${raw}": xl exits ("${rate.message}"; N[GMK](B|b)/s[@N[s|ms|us]], N from 1)` });
      else {
        r.value.rate = value;
        if (rate.octal.length > 0) r.problems.push({ start: vs, end: ve, message: `rate ${value} is read as octal`, xlReads: octalRate(value, rate.octal, rate.bytesPerSec, rate.intervalUs) });
      }
    } else if (key === 'mac') {
      r.fields['mac'] = [vs, ve];
      if (MAC.test(value)) r.value.mac = value;
      else r.problems.push({ start: vs, end: ve, message: `malformed MAC address "${quoteText(value)}" (six hex pairs, e.g. 00:16:3e:12:34:56)` });
    } else if (key === 'rate') {
      r.fields['rate'] = [vs, ve];
      if (RATE.test(value)) r.value.rate = value;
      else r.problems.push({ start: vs, end: ve, message: `invalid rate "${value}" (N[GMK](B|b)/s[@interval], e.g. 10Mb/s@20ms)` });
    } else if (key === 'mtu' || key === 'devid') {
      r.fields[key] = [vs, ve];
      // In xl, parse_ulong takes the leading digits of "1500x" (XL_NUMBER_READERS.vif): XM0231, then the value read.
      const lenient = decimal(value) === null && dialect === 'xl' ? xlLenient(XL_NUMBER_READERS.vif![key], 'decimal', key, value) : null;
      if (lenient !== null) r.problems.push({ start: vs, end: ve, message: `${key} must be a decimal number, got "${value}"`, xlReads: lenient.note });
      const n = lenient !== null ? (lenient.value as number) : decimal(value);
      if (n === null) r.problems.push({ start: vs, end: ve, message: `${key} must be a decimal number, got "${value}"` });
      // xl: 0 is libxl's "default" (1500, libxl__device_nic_setdefault), no finding and no value.
      else if (key === 'mtu' && n === 0 && dialect === 'xl') continue;
      else if (key === 'mtu' && (n < 68 || n > 65535)) r.problems.push({ start: vs, end: ve, message: `mtu ${n} is outside 68..65535`, xlWarns: MTU_UNSET });
      else r.value[key] = n;
    } else if (key === 'type' && dialect === 'xl' && raw !== 'vif' && raw !== 'ioemu') {
      // parse_nic_config: strcmp with "vif" and "ioemu", else "Invalid parameter `type'." and return 1, which the vif loop ignores.
      r.fields['type'] = [vs, ve];
      r.problems.push({ start: vs, end: ve, message: `type ${value}`, xlWarns: BAD_TYPE });
    } else if (STRING_KEYS.has(key)) {
      r.fields[key] = [vs, ve];
      (r.value as Record<string, unknown>)[key] = value;
      // xl hands the value over up to the comma: blanks at its end stay (XM0243; backend=: XM0214, also blanks after "=").
      const blank = dialect === 'xl' ? trailingBlankProblem(spec, key, value, ve, vs) : null;
      if (blank !== null) r.problems.push(blank);
    } else {
      (r.value.other ??= {})[key] = value;
      r.fields[`other/${key}`] = [vs, ve];
      if (OTHER_KNOWN.has(key)) {
        // vlan= and the COLO keys go through replace_string as the typed strings do: blanks stay (XM0243).
        const blank = dialect === 'xl' ? trailingBlankProblem(spec, key, value, ve) : null;
        if (blank !== null) r.problems.push(blank);
        continue;
      }
      const message = Object.hasOwn(FLAGS, key) ? `"${key}" is a flag in xl, not a key: write "${key}" alone` : `unknown vif parameter "${key}"`;
      const spelt = Object.hasOwn(FLAGS, key) ? {} : misspelt(key, dialect === 'xm' ? (xmKnownKeys('vif') ?? VIF_KEYS) : VIF_KEYS);
      r.problems.push({ start: kv.start, end: kv.start + key.length, message, unknownKey: true, ...spelt });
    }
  }
  return r;
}
