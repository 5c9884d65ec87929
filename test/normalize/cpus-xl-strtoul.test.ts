/**
 * Table-driven: the ULONG_MAX edge of strtoul in xl's cpus / cpus_soft (parse_range in
 * tools/xl/xl_parse.c, xen-project/xen 00535c8a) and vnuma vcpus=. glibc saturates only a number
 * past ULONG_MAX; ULONG_MAX itself fits, so "-18446744073709551615" is negated to 1 (a CPU, read
 * without complaint), where "18446744073709551615" and "-18446744073709551616" are ULONG_MAX
 * (parse_range refuses them). Found by the session-24 differential comparison (docs/fuzzing.md).
 */
import { xlTable } from './helpers.js';

const cpu = (from: number, to = from, negate = false) => ({ negate, kind: 'cpu', from, to });

xlTable('cpus: strtoul negates ULONG_MAX itself ("-18446744073709551615" is CPU 1)', [
  ['cpus = "-18446744073709551615"', 'cpus', { text: '-18446744073709551615', items: [cpu(1)] }, []],
  ['cpus = " -18446744073709551615,12"', 'cpus', { text: ' -18446744073709551615,12', items: [cpu(1), cpu(12)] }, []],
  ['cpus = "0--18446744073709551615"', 'cpus', { text: '0--18446744073709551615', items: [cpu(0, 1)] }, []],
  ['cpus_soft = "0-3,^-18446744073709551615"', 'cpus_soft', { text: '0-3,^-18446744073709551615', items: [cpu(0, 3), cpu(1, 1, true)] }, []],
  ['cpus = "node:-18446744073709551615"', 'cpus', { text: 'node:-18446744073709551615', items: [{ negate: false, kind: 'node', from: 1, to: 1 }] }, []],
  // One past ULONG_MAX overflows (ERANGE, ULONG_MAX whatever the sign): "Invalid pcpu range".
  ['cpus = "-18446744073709551616"', 'cpus', { text: '-18446744073709551616', items: [] }, ['XM0205@2:9-2:30']],
  ['cpus = "1--18446744073709551616"', 'cpus', { text: '1--18446744073709551616', items: [] }, ['XM0205@2:9-2:32']],
]);

const vnode = (vcpus: string) => `maxvcpus = 2; vnuma = [["pnode=0", "size=512", "vcpus=${vcpus}", "vdistances=10"]]`;
const node0 = (vcpus?: number[]) => [{ pnode: 0, size: 512, ...(vcpus ? { vcpus } : {}), vdistances: [10] }];

xlTable('vnuma vcpus=: the same strtoul (parse_range, then `for (; s <= e; s++)`)', [
  // vCPU 1, not an end that reads as ULONG_MAX (where the loop would never end, XM0216).
  [vnode('0,-18446744073709551615'), 'vnuma', node0([0, 1]), []],
  [vnode('0,18446744073709551615'), 'vnuma', node0(), ['XM0216@2:57-2:77']],
]);
