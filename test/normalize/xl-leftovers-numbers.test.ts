/**
 * Table-driven: the second round of xl leftovers in docs/xl-conformance.md ("Leftovers: long CPU
 * ranges, negative nodes, blanks at the end of values, vnuma vcpus"; decision 024). Sources:
 * parse_range, update_cpumap_range and parse_vnuma_config (tools/xl/xl_parse.c, TSnake41/xen
 * 2194e248); libxl_bitmap_set and libxl_node_to_cpumap (tools/libs/light/libxl_utils.c). Each row:
 * one line (line 2 of the file), the key, the normalised value, and the findings as
 * `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { describe, expect, it } from 'vitest';
import { parseCpuList } from '../../src/normalize/cpulist.js';
import { norm, xlTable } from './helpers.js';

const cpu = (from: number, to = from, negate = false) => ({ negate, kind: 'cpu', from, to });
const node = (from: number, to = from, negate = false) => ({ negate, kind: 'node', from, to });
const INT_MAX = 2147483647;

xlTable('CPU ranges ending from 2^31 up: xl loops to the end, libxl_bitmap_set takes an int', [
  // 0..2^31-1 as themselves, 2^31..2^32-1 negative (nothing), 2^32 is CPU 0 again: every CPU.
  ['cpus = "0-4294967296"', 'cpus', { text: '0-4294967296', items: [cpu(0, INT_MAX)] }, ['XM0238@2:9-2:21']],
  // Only negative ints: no CPU; alone that is an empty hard affinity (XM0205), with others a warning.
  ['cpus = "2147483648-2147483650"', 'cpus', { text: '2147483648-2147483650', items: [] }, ['XM0205@2:9-2:30']],
  ['cpus = "0-3,2147483648-2147483650"', 'cpus', { text: '0-3,2147483648-2147483650', items: [cpu(0, 3)] }, ['XM0238@2:13-2:34']],
  // 4294967295..4294967298: -1 (nothing), then CPUs 0-2.
  ['cpus = "4294967295-4294967298"', 'cpus', { text: '4294967295-4294967298', items: [cpu(0, 2)] }, ['XM0238@2:9-2:30']],
  ['cpus = "0-7,^4294967296-4294967297"', 'cpus', { text: '0-7,^4294967296-4294967297', items: [cpu(0, 7), cpu(0, 1, true)] }, ['XM0238@2:13-2:35']],
  // "-0-5" is 0-5 (strtoul reads -0 as 0).
  ['cpus = "-0-5"', 'cpus', { text: '-0-5', items: [cpu(0, 5)] }, []],
  // The loop would run 2^40 + 1 times or more: xl does not finish (as "0--2" before).
  ['cpus = "0-1099511627776"', 'cpus', { text: '0-1099511627776', items: [] }, ['XM0205@2:9-2:24']],
  ['cpus = "0-1099511627775"', 'cpus', { text: '0-1099511627775', items: [cpu(0, INT_MAX)] }, ['XM0238@2:9-2:24']],
  ['cpus = "0-18446744073709551614"', 'cpus', { text: '0-18446744073709551614', items: [] }, ['XM0205@2:9-2:31']],
  // 5..2^32: CPUs 5 to 2^31 - 1, then 2^32 is CPU 0 (4,294,967,292 numbers: short of a full turn).
  ['cpus_soft = "0-3,5-4294967296"', 'cpus_soft', { text: '0-3,5-4294967296', items: [cpu(0, 3), cpu(0), cpu(5, INT_MAX)] }, ['XM0238@2:18-2:30']],
]);

xlTable('node numbers: libxl_node_to_cpumap takes an int node, and sets no node for a negative one', [
  // -2 is the int -2: libxl_bitmap_set(&nodemap, -2) sets nothing, so the node has no CPU.
  ['cpus = "0,node:-2"', 'cpus', { text: '0,node:-2', items: [cpu(0)] }, ['XM0238@2:11-2:18']],
  ['cpus_soft = "nodes:-2"', 'cpus_soft', { text: 'nodes:-2', items: [] }, ['XM0239@2:14-2:22']],
  ['cpus = "node:4294967297"', 'cpus', { text: 'node:4294967297', items: [node(1)] }, ['XM0238@2:9-2:24']],
  ['cpus = "node:-0"', 'cpus', { text: 'node:-0', items: [node(0)] }, []],
]);

describe('long CPU ranges are judged from their ends', () => {
  it('takes a node range of 2^30 nodes, and refuses one more (each node costs a topology query)', () => {
    const at = (t: string) => parseCpuList(t, { xl: true });
    expect(at('nodes:0-1073741823')).toMatchObject({ errors: [], list: { items: [node(0, 1073741823)] } });
    expect(at('nodes:0-1073741824').errors.map((e) => [e.start, e.end])).toEqual([[0, 18]]);
  });

  it('reads ranges ending at 2^64 - 2 in one step (no loop over the range)', () => {
    // 10,000 items, each a range xl would loop over 2^64 - 1 times; the parse is arithmetic on the ends.
    const text = Array.from({ length: 10000 }, () => '0-18446744073709551614').join(',');
    const r = parseCpuList(text, { xl: true });
    expect(r.errors.length).toBe(10000);
    const wrapped = parseCpuList('4294967296-18446744073709551614', { xl: true });
    expect(wrapped.errors.map((e) => [e.start, e.end])).toEqual([[0, 31]]);
    const near = parseCpuList('18446744073709551613-18446744073709551614,^1', { xl: true });
    // 2^64 - 3 and 2^64 - 2 are the ints -3 and -2: nothing; then ^1 removes from nothing.
    expect(near).toMatchObject({ errors: [], empty: true, list: { items: [cpu(1, 1, true)] } });
    expect(near.wrapped.map((w) => [w.start, w.end])).toEqual([[0, 41]]);
  });
});

const vnode = { pnode: 0, size: 1024, vdistances: [10] };
const vnuma = (vcpus: string) => `vnuma = [["pnode=0", "size=1024", "vcpus=${vcpus}", "vdistances=10"]]`;

xlTable('vnuma vcpus: parse_range leaves an end of ULONG_MAX, and `for (; s <= e; s++)` never ends', [
  // -1 and 20-digit numbers read as ULONG_MAX: xl hangs (XM0216 at the item, no vcpus kept).
  [vnuma('0,-1'), 'vnuma', [vnode], ['XM0216@2:44-2:46']],
  [vnuma('0,0--1'), 'vnuma', [vnode], ['XM0216@2:44-2:48']],
  [vnuma('0,18446744073709551615'), 'vnuma', [vnode], ['XM0216@2:44-2:64']],
  // "5-x": the failed strtoul sets the end to 0 before parse_range gives up: 5..0 adds no vCPU.
  [vnuma('0,5-x'), 'vnuma', [{ ...vnode, vcpus: [0] }], ['XM0231@2:44-2:47']],
]);

xlTable('blanks at the end of a free-text value: xl hands it over up to the comma, and libxl passes it on', [
  // XM0243 at the blanks; the value is kept (trimmed, as the JSON view always showed it).
  ['vif = ["bridge=xenbr0 ,mac=00:16:3e:00:00:01"]', 'vif', [{ spec: 'bridge=xenbr0 ,mac=00:16:3e:00:00:01', bridge: 'xenbr0', mac: '00:16:3e:00:00:01' }], ['XM0243@2:22-2:23']],
  ['vif = ["model=e1000  "]', 'vif', [{ spec: 'model=e1000  ', model: 'e1000' }], ['XM0243@2:20-2:22']],
  ['vfb = ["vnc=1,vnclisten=127.0.0.1 "]', 'vfb', [{ spec: 'vnc=1,vnclisten=127.0.0.1 ', vnc: true, vnclisten: '127.0.0.1' }], ['XM0243@2:34-2:35']],
  // A backend domain name with a blank is no domain: libxl refuses (the family's error code).
  ['vif = ["backend=0 ,bridge=xenbr0"]', 'vif', [{ spec: 'backend=0 ,bridge=xenbr0', backend: '0', bridge: 'xenbr0' }], ['XM0214@2:18-2:19']],
  ['vtpm = ["backend=dom0 "]', 'vtpm', [{ spec: 'backend=dom0 ', backend: 'dom0' }], ['XM0217@2:22-2:23']],
  // ip= is split at blanks by the hotplug script (not reported); blanks after a comma are skipped.
  ['vif = ["ip=10.0.0.1 , bridge=xenbr0 "]', 'vif', [{ spec: 'ip=10.0.0.1 , bridge=xenbr0 ', ip: '10.0.0.1', bridge: 'xenbr0' }], ['XM0243@2:36-2:37']],
]);

describe('blanks at the end of a value in xm', () => {
  it('are judged for xl only (the check follows xl\'s reader)', () => {
    const text = 'name = "t"\nvif = ["bridge=xenbr0 ,mac=00:16:3e:00:00:01"]\nvfb = ["vnc=1,vnclisten=127.0.0.1 "]\n';
    expect(norm(text, 'xl').codes).toEqual(['XM0243', 'XM0243']);
    expect(norm(text, 'xm').codes).toEqual([]);
  });
});
