/**
 * Table-driven: vif strings as xl reads them (parse_nic_config in tools/xl/xl_parse.c, and
 * xlu_vif_parse_rate in tools/libs/util/libxlu_vif.c; TSnake41/xen 2194e248, xen-project/xen
 * 3ae0d316). Each row: one option line (line 2 of the file), the dialect, the normalised value, and
 * the findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive). The xm dialect keeps its
 * own checks (six colon-separated hex pairs, any type=); only xl's reading changed.
 */
import { describe, it, expect } from 'vitest';
import { findingSpans, norm } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

type Row = [line: string, dialect: Dialect, value: unknown, findings: string[]];

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const [line, dialect, value, findings] of rows) {
      it(`${dialect}: ${line}`, () => {
        const text = `name = "t"\n${line}\n`;
        const r = norm(text, dialect);
        expect(r.config.vif).toEqual(value);
        expect(findingSpans(text, r.diagnostics)).toEqual(findings);
      });
    }
  });
}

table('vif mac= (parse_nic_config: six strtoul(oparg, &endptr, 16) reads, each at most 255, oparg = endptr + 1)', [
  // Any one character separates the bytes and a byte may be one digit: xl takes these silently.
  ['vif = ["mac=00-16-3e-12-34-56"]', 'xl', [{ spec: 'mac=00-16-3e-12-34-56', mac: '00:16:3e:12:34:56' }], []],
  // Text after the sixth byte is never read.
  ['vif = ["mac=0:16:3e:2:34:56:78,bridge=xenbr0"]', 'xl', [{ spec: 'mac=0:16:3e:2:34:56:78,bridge=xenbr0', mac: '00:16:3e:02:34:56', bridge: 'xenbr0' }], []],
  // A byte that does not read: "Invalid parameter `mac'.", return 1, which the vif loop ignores (a warning).
  ['vif = ["mac=00:16:3e:zz:00:01"]', 'xl', [{ spec: 'mac=00:16:3e:zz:00:01' }], ['XM0236@2:13-2:30']],
  // Five bytes: oparg = endptr + 1 steps past the item's end and strtoul reads what follows.
  ['vif = ["mac=00:16:3e:12:34"]', 'xl', [{ spec: 'mac=00:16:3e:12:34' }], ['XM0236@2:13-2:27']],
  // `unsigned int val = strtoul(…)` keeps the low 32 bits: 0x1000000009d is 0x9d (XM0231, what xl reads).
  // Found by comparing with parse_nic_config's loop compiled against glibc (docs/fuzzing.md).
  ['vif = ["mac=00:16:3e:1000000009d:34:56"]', 'xl', [{ spec: 'mac=00:16:3e:1000000009d:34:56', mac: '00:16:3e:9d:34:56' }], ['XM0231@2:13-2:39']],
  // Past 64 bits glibc's strtoul returns ULONG_MAX (ERANGE) whatever the sign: "-" + 2^64 is not 1 but invalid.
  ['vif = ["mac=00:16:3e:-10000000000000000:34:56"]', 'xl', [{ spec: 'mac=00:16:3e:-10000000000000000:34:56' }], ['XM0236@2:13-2:46']],
]);

table('vif rate= after a mac= byte past 64 bits (strtoul leaves errno ERANGE; xlu_vif_parse_rate tests errno without clearing it)', [
  // In the same spec: xl warns about the MAC, then exits with "rate overflow" on 10Mb/s.
  ['vif = ["mac=00:16:3e:10000000000000000:34:56,rate=10Mb/s"]', 'xl', [{ spec: 'mac=00:16:3e:10000000000000000:34:56,rate=10Mb/s' }], ['XM0236@2:13-2:45', 'XM0214@2:51-2:57']],
  // In a later vif of the list: nothing between the two resets errno.
  ['vif = ["mac=00:16:3e:10000000000000000:34:56", "rate=10Mb/s"]', 'xl', [{ spec: 'mac=00:16:3e:10000000000000000:34:56' }, { spec: 'rate=10Mb/s' }], ['XM0236@2:13-2:45', 'XM0214@2:54-2:60']],
  // A rate read before the MAC is not affected.
  ['vif = ["rate=10Mb/s,mac=00:16:3e:10000000000000000:34:56"]', 'xl', [{ spec: 'rate=10Mb/s,mac=00:16:3e:10000000000000000:34:56', rate: '10Mb/s' }], ['XM0236@2:25-2:57']],
  // 16 hex digits are ULONG_MAX without ERANGE: the MAC is invalid, the rate reads.
  ['vif = ["mac=00:16:3e:ffffffffffffffff:34:56,rate=10Mb/s"]', 'xl', [{ spec: 'mac=00:16:3e:ffffffffffffffff:34:56,rate=10Mb/s', rate: '10Mb/s' }], ['XM0236@2:13-2:44']],
]);

table('vif type=, accel=, netdev=, and a blank before "=" (parse_nic_config)', [
  // strcmp with "vif" and "ioemu": anything else is "Invalid parameter `type'." and is skipped.
  ['vif = ["type=netfront"]', 'xl', [{ spec: 'type=netfront' }], ['XM0236@2:14-2:22']],
  ['vif = ["type=VIF"]', 'xl', [{ spec: 'type=VIF' }], ['XM0236@2:14-2:17']],
  // strcmp with the value as strtok gives it: a blank after "vif" makes it another type.
  ['vif = ["type=vif ,bridge=b"]', 'xl', [{ spec: 'type=vif ,bridge=b', bridge: 'b' }], ['XM0236@2:14-2:17']],
  // "the accel parameter for vifs is currently not supported": a warning, the value is not used.
  ['vif = ["accel=x,bridge=b"]', 'xl', [{ spec: 'accel=x,bridge=b', bridge: 'b' }], ['XM0236@2:9-2:14']],
  // "the netdev parameter is deprecated, please use gatewaydev instead", then read as gatewaydev.
  ['vif = ["netdev=eth0"]', 'xl', [{ spec: 'netdev=eth0', other: { netdev: 'eth0' } }], ['XM0107@2:9-2:15']],
  // MATCH_OPTION compares "bridge=" with the item's start: "bridge =" is "unrecognized argument", skipped.
  ['vif = ["bridge = xenbr0"]', 'xl', [{ spec: 'bridge = xenbr0' }], ['XM0218@2:9-2:15']],
]);

table('vif mtu= (parse_ulong; libxl__device_nic_setdefault: 0 is 1500; set_mtu applies 68 and up)', [
  ['vif = ["mtu=0"]', 'xl', [{ spec: 'mtu=0' }], []],
  ['vif = ["mtu=50"]', 'xl', [{ spec: 'mtu=50' }], ['XM0236@2:13-2:15']],
  ['vif = ["mtu=70000"]', 'xl', [{ spec: 'mtu=70000' }], ['XM0236@2:13-2:18']],
]);

table('vif rate= (xlu_vif_parse_rate: regexes, strtoull base 0, overflow checks; every error exits)', [
  // A rate or interval of 0 is "rate overflow" / "replenishment interval overflow".
  ['vif = ["rate=0Mb/s"]', 'xl', [{ spec: 'rate=0Mb/s' }], ['XM0214@2:14-2:19']],
  ['vif = ["rate=10Mb/s@0"]', 'xl', [{ spec: 'rate=10Mb/s@0' }], ['XM0214@2:14-2:22']],
  // strtoull base 0 reads "08" as octal 0: "rate overflow".
  ['vif = ["rate=08Mb/s"]', 'xl', [{ spec: 'rate=08Mb/s' }], ['XM0214@2:14-2:20']],
  // More than UINT32_MAX before the unit is applied.
  ['vif = ["rate=5000000000Gb/s"]', 'xl', [{ spec: 'rate=5000000000Gb/s' }], ['XM0214@2:14-2:28']],
  // An interval above UINT32_MAX µs.
  ['vif = ["rate=10Mb/s@5000s"]', 'xl', [{ spec: 'rate=10Mb/s@5000s' }], ['XM0214@2:14-2:26']],
  // bytes_per_sec > UINT64_MAX / interval_usecs.
  ['vif = ["rate=4294967295GB/s@4294s"]', 'xl', [{ spec: 'rate=4294967295GB/s@4294s' }], ['XM0214@2:14-2:34']],
  // ^[0-9]+[mu]?s?$: "m" alone is ms (no unit, seconds, was already accepted).
  ['vif = ["rate=10Mb/s@20m"]', 'xl', [{ spec: 'rate=10Mb/s@20m', rate: '10Mb/s@20m' }], []],
  // strtok hands the item over up to the comma, blanks kept: "10Mb/s " fails the regex ("invalid rate").
  ['vif = ["rate=10Mb/s ,bridge=x"]', 'xl', [{ spec: 'rate=10Mb/s ,bridge=x', bridge: 'x' }], ['XM0214@2:14-2:20']],
  // A leading 0 is octal for strtoull base 0: 010 is 8 Mb/s (XM0231, what xl reads).
  ['vif = ["rate=010Mb/s"]', 'xl', [{ spec: 'rate=010Mb/s', rate: '010Mb/s' }], ['XM0231@2:14-2:21']],
]);
