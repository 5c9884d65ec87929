/**
 * Table-driven: the xl readers' leftovers of docs/xl-conformance.md (pci bdf=, cpus numbers and
 * empty affinities, nested lists, blanks in disk and pci values, vnuma vnodes). Sources: parse_bdf and
 * xlu_pci_parse_spec_string (tools/libs/util/libxlu_pci.c, xen-project/xen 9cd5bbf5); parse_range,
 * update_cpumap_range, parse_vcpu_affinity, parse_vnuma_config and the device loops of parse_config_data
 * (tools/xl/xl_parse.c, TSnake41/xen 2194e248); xlu_cfg_get_listitem (libxlu_cfg.c);
 * libxlu_disk_l.l. Each row: one line (line 2 of the file), the key, the normalised value, and the
 * findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { describe, expect, it } from 'vitest';
import { findingSpans, norm, xlTable } from './helpers.js';

const BDF = { domain: 0, bus: 1, device: 0, function: 0 };

xlTable('pci bdf=: parse_bdf(pci, val, NULL) never looks past the function', [
  // The positional "01:00.0xyz" stays refused (the address must end at '@', ',' or the end). bdf=:
  // the address is read, the rest ignored (XM0231: what xl uses), an @vslot included.
  // glibc's %x takes the function's "0x" (0, the x consumed), so the ignored rest is "yz".
  ['pci = ["bdf=01:00.0xyz"]', 'pci', [{ spec: 'bdf=01:00.0xyz', ...BDF }], ['XM0231@2:19-2:21', 'XM0231@2:21-2:23']],
  ['pci = ["bdf=01:00.7zz"]', 'pci', [{ spec: 'bdf=01:00.7zz', ...BDF, function: 7 }], ['XM0231@2:20-2:22']],
  ['pci = ["bdf=01:00.0@3"]', 'pci', [{ spec: 'bdf=01:00.0@3', ...BDF }], ['XM0231@2:20-2:22']],
  ['pci = ["bdf=01:00.*x"]', 'pci', [{ spec: 'bdf=01:00.*x', ...BDF, function: -1 }], ['XM0231@2:20-2:21']],
]);

xlTable('pci values keep their blanks: atoi and sscanf skip them, parse_bdf ignores them after the address', [
  ['pci = ["01:00.0,permissive= 1,vslot= 3 "]', 'pci', [{ spec: '01:00.0,permissive= 1,vslot= 3 ', ...BDF, permissive: true, vslot: 3 }], []],
  ['pci = ["bdf=01:00.0 "]', 'pci', [{ spec: 'bdf=01:00.0 ', ...BDF }], []],
  // parse_bdf counts hex digits and ':' from the value's first character (rdm_policy= keeps a blank
  // too, and stays refused; name= keeps it in the name: test/normalize/pci-cpus-xl.test.ts).
  ['pci = ["bdf= 01:00.0"]', 'pci', [{ spec: 'bdf= 01:00.0', ...BDF }], ['XM0215@2:9-2:21']],
]);

const cpu = (from: number, to = from, negate = false) => ({ negate, kind: 'cpu', from, to });

xlTable('cpus numbers: strtoul wraps "-N", libxl_bitmap_set takes an int', [
  // -2 is 18446744073709551614, the int -2: no CPU (alone, "-2" leaves the hard affinity empty:
  // XM0205, as before).
  ['cpus = "0,-2"', 'cpus', { text: '0,-2', items: [cpu(0)] }, ['XM0238@2:11-2:13']],
  // -0 is 0 (-1 is ULONG_MAX, "Invalid pcpu range", as before); 4294967297 is CPU 1.
  ['cpus = "-0"', 'cpus', { text: '-0', items: [cpu(0)] }, []],
  ['cpus = "4294967297"', 'cpus', { text: '4294967297', items: [cpu(1)] }, ['XM0238@2:9-2:19']],
  ['cpus_soft = "0-3,-2"', 'cpus_soft', { text: '0-3,-2', items: [cpu(0, 3)] }, ['XM0238@2:18-2:20']],
]);

xlTable('cpus that select no CPU: libxl refuses an empty hard affinity, warns about an empty soft one', [
  ['cpus = "^2"', 'cpus', { text: '^2', items: [cpu(2, 2, true)] }, ['XM0205@2:9-2:11']],
  ['cpus = "0-3,^1-2,^0,^3"', 'cpus', { text: '0-3,^1-2,^0,^3', items: [cpu(0, 3), cpu(1, 2, true), cpu(0, 0, true), cpu(3, 3, true)] }, ['XM0205@2:9-2:23']],
  ['cpus_soft = "^2"', 'cpus_soft', { text: '^2', items: [cpu(2, 2, true)] }, ['XM0239@2:14-2:16']],
  // Only removals select nothing whatever the host's nodes hold (update_cpumap_range starts from an empty map).
  ['cpus = "^node:1"', 'cpus', { text: '^node:1', items: [{ negate: true, kind: 'node', from: 1, to: 1 }] }, ['XM0205@2:9-2:16']],
  ['cpus_soft = "^nodes:0-1,^3"', 'cpus_soft', { text: '^nodes:0-1,^3', items: [{ negate: true, kind: 'node', from: 0, to: 1 }, cpu(3, 3, true)] }, ['XM0239@2:14-2:27']],
  // A node that adds CPUs may hold some the removals leave: not judged without the host.
  ['cpus = "node:1,^3"', 'cpus', { text: 'node:1,^3', items: [{ negate: false, kind: 'node', from: 1, to: 1 }, cpu(3, 3, true)] }, []],
  ['cpus_soft = ""', 'cpus_soft', { text: '', items: [] }, ['XM0239@2:13-2:15']],
]);

xlTable('nested lists: xlu_cfg_get_listitem gives no string, and xl stops reading the list there', [
  ['disk = ["/dev/a,raw,xvda,w", ["b"], "/dev/c,raw,xvdc,w"]', 'disk', [{ spec: '/dev/a,raw,xvda,w', target: '/dev/a', format: 'raw', vdev: 'xvda', access: 'rw' }], ['XM0102@2:30-2:35']],
  ['vtpm = [["backend=0"], "backend=0"]', 'vtpm', [], ['XM0102@2:9-2:22']],
  // cpus: entries from max_vcpus on are never read, a nested one included.
  ['cpus = ["0", ["1"]]', 'cpus', [{ text: '0', items: [cpu(0)] }], []],
  // String lists: dtdev's loop `(buf = xlu_cfg_get_listitem(dtdevs, i)) != NULL`; device_model_args
  // through xlu_cfg_get_list_as_string_list, whose NULL item ends the list.
  ['dtdev = [["/a", "/b"], "/c"]', 'dtdev', [], ['XM0102@2:10-2:22']],
  ['dtdev = ["/a", ["/b"], "/c"]', 'dtdev', ['/a'], ['XM0102@2:16-2:22']],
  ['device_model_args = ["-a", ["-b"], "-c"]', 'device_model_args', ['-a'], ['XM0102@2:28-2:34']],
]);

xlTable('disk: libxlu_disk_l.l skips blanks before an item and keeps them in a value', [
  ['disk = ["/dev/a,raw,xvda ,w"]', 'disk', [{ spec: '/dev/a,raw,xvda ,w', target: '/dev/a', format: 'raw', vdev: 'xvda', access: 'rw' }], ['XM0213@2:21-2:26']],
  ['disk = ["/dev/a,raw,xvda,w "]', 'disk', [{ spec: '/dev/a,raw,xvda,w ', target: '/dev/a', format: 'raw', vdev: 'xvda', access: 'rw' }], ['XM0213@2:26-2:28']],
  ['disk = ["vdev= xvda,target=/dev/a"]', 'disk', [{ spec: 'vdev= xvda,target=/dev/a', target: '/dev/a', vdev: 'xvda' }], ['XM0213@2:10-2:20']],
  // target= is the rest of the string (`target=.*`): its commas are the path's, not blanks kept before one.
  ['disk = ["vdev=xvda,target=/a,b"]', 'disk', [{ spec: 'vdev=xvda,target=/a,b', target: '/a,b', vdev: 'xvda' }], []],
  ['disk = ["vdev=xvda,target=/a, b"]', 'disk', [{ spec: 'vdev=xvda,target=/a, b', target: '/a, b', vdev: 'xvda' }], []],
  // STRIP(',') takes one comma off the end of the target.
  ['disk = ["vdev=xvda,target=/a,"]', 'disk', [{ spec: 'vdev=xvda,target=/a,', target: '/a', vdev: 'xvda' }], []],
  ['disk = ["vdev=xvda,target=/a,,"]', 'disk', [{ spec: 'vdev=xvda,target=/a,,', target: '/a,', vdev: 'xvda' }], []],
  ['disk = ["vdev=xvda,target=/a ,"]', 'disk', [{ spec: 'vdev=xvda,target=/a ,', target: '/a', vdev: 'xvda' }], ['XM0213@2:20-2:30']],
  // A blank at the end of it, or right after "=", is still part of the path.
  ['disk = ["vdev=xvda,target=/a,b "]', 'disk', [{ spec: 'vdev=xvda,target=/a,b ', target: '/a,b', vdev: 'xvda' }], ['XM0213@2:20-2:32']],
  ['disk = ["vdev=xvda,target= /a,b"]', 'disk', [{ spec: 'vdev=xvda,target= /a,b', target: '/a,b', vdev: 'xvda' }], ['XM0213@2:20-2:32']],
]);

const node = { pnode: 0, size: 1024, vcpus: [0], vdistances: [10] };

xlTable('vnuma items as parse_vnuma_config reads them', [
  // parse_ulong: the leading digits, whatever follows (exit only without a digit).
  ['vnuma = [["pnode=0", "size=1024x", "vcpus=0", "vdistances=10"]]', 'vnuma', [node], ['XM0231@2:28-2:33']],
  ['vnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10km"]]', 'vnuma', [node], ['XM0231@2:58-2:62']],
  // strtoul takes a "+": nothing to report.
  ['vnuma = [["pnode=0", "size=+1024", "vcpus=0", "vdistances=10"]]', 'vnuma', [node], []],
  // parse_range's verdict is ignored: "0-1x" is 0-1; split_string_into_string_list has no empty item.
  ['vnuma = [["pnode=0", "size=1024", "vcpus=0-1x", "vdistances=10,"]]', 'vnuma', [{ ...node, vcpus: [0, 1] }], ['XM0231@2:42-2:46']],
]);

describe('vnuma: parse_vnuma_config reads string items only', () => {
  it('skips a nested list in a vnode: a warning in xl; xm never read vnuma, so nothing is judged there', () => {
    const text = 'name = "t"\nvnuma = [["pnode=0", ["x"], "size=1024", "vcpus=0", "vdistances=10"]]\n';
    const xl = norm(text, 'xl');
    expect((xl.config as Record<string, unknown>)['vnuma']).toEqual([node]);
    expect(findingSpans(text, xl.diagnostics)).toEqual(['XM0216@2:22-2:27']);
    expect(xl.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // An xl-only option's value in an xm file is not judged (check's XM0553 notes the key), and a
    // value with findings is left out of the config.
    const xm = norm(text, 'xm');
    expect(xm.diagnostics).toEqual([]);
    expect((xm.config as Record<string, unknown>)['vnuma']).toBeUndefined();
  });
});

xlTable('named values keep their blanks in the strtok loops: libxl_*_from_string and libxl_uuid_from_string refuse them', [
  ['usbctrl = ["type=qusb ,version=2"]', 'usbctrl', [{ spec: 'type=qusb ,version=2', version: 2 }], ['XM0217@2:18-2:22']],
  ['usbdev = ["type= hostdev,hostbus=1,hostaddr=2"]', 'usbdev', [{ spec: 'type= hostdev,hostbus=1,hostaddr=2', hostbus: 1, hostaddr: 2 }], ['XM0217@2:18-2:25']],
  ['vkb = ["backend-type=linux "]', 'vkb', [{ spec: 'backend-type=linux ' }], ['XM0217@2:22-2:27']],
]);
