/** Table-driven: normalised values of each option family, in both dialects. */
import { describe, it, expect } from 'vitest';
import { norm } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

type Row = [dialect: Dialect, text: string, key: string, expected: unknown];

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const [dialect, text, key, expected] of rows) {
      it(`${dialect}: ${text.replace(/\n/g, '; ')}`, () => {
        const r = norm(`name = "t"\n${text}\n`, dialect);
        expect((r.config as Record<string, unknown>)[key]).toEqual(expected);
      });
    }
  });
}

table('numbers', [
  ['xl', 'memory = 1024', 'memory', 1024],
  ['xl', 'memory = "512"', 'memory', 512],
  ['xl', 'memory = 0x400', 'memory', 1024],
  ['xl', 'memory = 010', 'memory', 8],
  ['xl', 'memory = "12abc"', 'memory', undefined],
  ['xm', 'memory = 256*2', 'memory', 512],
  ['xm', 'vcpus = True', 'vcpus', 1],
  ['xl', 'vcpus = [2]', 'vcpus', [2]],
  ['xl', 'maxvcpus = 8', 'maxvcpus', 8],
  ['xl', 'shadow_memory = 0', 'shadow_memory', 0],
]);

table('booleans', [
  ['xl', 'hap = 1', 'hap', true],
  ['xl', 'hap = 0', 'hap', false],
  ['xl', 'oos = "0"', 'oos', false],
  ['xl', 'nestedhvm = 2', 'nestedhvm', true],
  ['xm', 'acpi = True', 'acpi', true],
  ['xm', 's3_integrity = 0', 's3_integrity', false],
  ['xl', 'vpmu = 1', 'vpmu', true],
]);

table('strings and enums', [
  ['xl', 'name2 = 1', 'name2', 1],
  ['xl', 'kernel = "/boot/vmlinuz"', 'kernel', '/boot/vmlinuz'],
  ['xl', 'uuid = 42', 'uuid', '42'],
  ['xl', 'on_crash = "coredump-restart"', 'on_crash', 'coredump-restart'],
  ['xl', 'on_crash = "reboot"', 'on_crash', 'reboot'],
  ['xl', 'passthrough = "sync_pt"', 'passthrough', 'sync_pt'],
  ['xl', 'tsc_mode = "native"', 'tsc_mode', 'native'],
  ['xl', 'tsc_mode = 1', 'tsc_mode', 1],
  ['xl', 'gfx_passthru = "igd"', 'gfx_passthru', 'igd'],
  ['xl', 'gfx_passthru = 1', 'gfx_passthru', true],
  ['xl', 'viridian = ["base", "!freq"]', 'viridian', ['base', '!freq']],
  ['xl', 'viridian = 1', 'viridian', true],
  // xl reads a single viridian value as a boolean number and ignores a word without a message (XM0108).
  ['xl', 'viridian = "base"', 'viridian', undefined],
  // xend: long("base") raises, xm create fails (XM0104; decision 090): left out.
  ['xm', 'viridian = "base"', 'viridian', undefined],
  ['xl', 'usbdevice = "tablet"', 'usbdevice', ['tablet']],
  ['xl', 'device_model_args = ["-a", "b"]', 'device_model_args', ['-a', 'b']],
  ['xl', 'irqs = [3, 4]', 'irqs', [3, 4]],
  // xl warns and ignores a single value (XM0258: xlu_cfg_get_list is EINVAL): left out.
  ['xl', 'irqs = 3', 'irqs', undefined],
  // xm iterated both (`for v in vals.irq`, `for v in vals.ioports`): a single value is no list
  // there either (the schema's XM0102), not one item (test/check/xm-list-values.test.ts).
  ['xm', 'irq = 3', 'irq', 3],
  ['xl', 'ioports = "2f8-2ff"', 'ioports', undefined],
  ['xm', 'ioports = "2f8-2ff"', 'ioports', '2f8-2ff'],
  ['xl', 'ioports = ["2f8-2ff"]', 'ioports', [{ spec: '2f8-2ff', first: 0x2f8, last: 0x2ff }]],
  ['xl', 'vsnd = [["card, short-name=A"], ["pcm, name=p"]]', 'vsnd', [[{ spec: 'card, short-name=A', element: 'card', 'short-name': 'A' }], [{ spec: 'pcm, name=p', element: 'pcm', name: 'p' }]]],
  ['xl', 'rdm = "strategy=host"', 'rdm', { spec: 'strategy=host', strategy: 'host' }],
  // xl drops an rdm string with a valid policy (XM0233; xlu_rdm_parse's inverted check, Xen 4.15+).
  ['xl', 'rdm = "strategy=host,policy=relaxed"', 'rdm', undefined],
  // uuid=x does not read (XM0217, see spec-fields.test.ts): it stays out.
  ['xl', 'vtpm = ["backend=tpm,uuid=x"]', 'vtpm', [{ spec: 'backend=tpm,uuid=x', backend: 'tpm' }]],
]);

table('libxl enum names in any case (libxl__enum_from_string: strcasecmp)', [
  ['xl', 'type = "hvm"\nhdtype = "AHCI"', 'hdtype', 'ahci'],
  ['xl', 'type = "hvm"\nvendor_device = "XenServer"', 'vendor_device', 'xenserver'],
  ['xl', 'type = "hvm"\ngfx_passthru = "IGD"', 'gfx_passthru', 'igd'],
  // strcmp in parse_config_data: vga keeps its case (and is refused, XM0104).
  ['xl', 'type = "hvm"\nvga = "STDVGA"', 'vga', 'STDVGA'],
]);

table('type and builder', [
  ['xl', 'type = "hvm"', 'type', 'hvm'],
  ['xl', 'type = "h"', 'type', 'hvm'],
  ['xl', 'type = ""', 'type', 'hvm'],
  ['xl', 'type = "p"', 'type', 'pv'],
  ['xl', 'type = "pv"', 'type', 'pv'],
  ['xl', 'type = "pvh"', 'type', 'pvh'],
  ['xl', 'type = "xen"', 'type', 'xen'],
  ['xm', 'type = "h"', 'type', 'h'],
  ['xl', 'builder = "generic"', 'builder', 'generic'],
  ['xm', 'builder = "linux"', 'builder', 'linux'],
]);

table('cpus', [
  ['xl', 'cpus = "0-3,^1"', 'cpus', { text: '0-3,^1', items: [{ negate: false, kind: 'cpu', from: 0, to: 3 }, { negate: true, kind: 'cpu', from: 1, to: 1 }] }],
  ['xl', 'cpus = ["2", "3-4"]', 'cpus', [{ text: '2', items: [{ negate: false, kind: 'cpu', from: 2, to: 2 }] }, { text: '3-4', items: [{ negate: false, kind: 'cpu', from: 3, to: 4 }] }]],
  ['xl', 'cpus_soft = "node:1"', 'cpus_soft', { text: 'node:1', items: [{ negate: false, kind: 'node', from: 1, to: 1 }] }],
  ['xl', 'cpus = "all"', 'cpus', { text: 'all', items: [{ negate: false, kind: 'all', from: -1, to: -1 }] }],
  ['xm', 'cpus = "3"', 'cpus', { text: '3', items: [{ negate: false, kind: 'cpu', from: 3, to: 3 }] }],
]);

table('NUMA keys (spec §3)', [
  ['xm', 'numa = "on"', 'numa', { mode: 'auto', node_count: 1 }],
  ['xm', 'numa = on', 'numa', { mode: 'auto', node_count: 1 }],
  ['xm', 'numa = 1', 'numa', { mode: 'auto', node_count: 1 }],
  ['xm', 'numa = True', 'numa', { mode: 'auto', node_count: 1 }],
  ['xm', 'numanodes = 2', 'numa', { mode: 'auto', node_count: 2 }],
  ['xm', 'numa = "on"\nnumanodes = 2', 'numa', { mode: 'auto', node_count: 2 }],
  ['xm', 'numanode = 0,1', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanode = [0, 1]', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanode = (0, 1)', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanode = "0,1"', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanode = "0-1"', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanode = 1', 'numa', { mode: 'nodes', nodes: [1], node_count: 1 }],
  ['xm', 'numa = "off"', 'numa', { mode: 'off' }],
  ['xm', 'numa = 0', 'numa', { mode: 'off' }],
  ['xm', 'numa = False', 'numa', { mode: 'off' }],
  ['xm', 'numanode = 0, 1, 0', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'numanodes = 0', 'numa', undefined],
  ['xl', 'numa = "on"', 'numa', { mode: 'auto', node_count: 1 }],
  ['xl', 'numanode = "0-1"', 'numa', { mode: 'nodes', nodes: [0, 1], node_count: 2 }],
  ['xm', 'memory = 1', 'numa', undefined],
]);

table('disks', [
  ['xm', 'disk = ["phy:/dev/vg/a,xvda,w"]', 'disk', [{ spec: 'phy:/dev/vg/a,xvda,w', driver: 'phy', backendtype: 'phy', target: '/dev/vg/a', vdev: 'xvda', access: 'rw' }]],
  ['xm', 'disk = [",hdc:cdrom,r"]', 'disk', [{ spec: ',hdc:cdrom,r', target: '', vdev: 'hdc', devtype: 'cdrom', access: 'ro' }]],
  ['xm', 'disk = ["tap:aio:/img,xvda,w!"]', 'disk', [{ spec: 'tap:aio:/img,xvda,w!', driver: 'tap:aio', format: 'raw', backendtype: 'tap', target: '/img', vdev: 'xvda', access: 'rw!' }]],
  ['xl', 'disk = ["phy:/dev/vg/a,xvda,w"]', 'disk', [{ spec: 'phy:/dev/vg/a,xvda,w', driver: 'phy', backendtype: 'phy', target: '/dev/vg/a', vdev: 'xvda', access: 'rw' }]],
  ['xl', 'disk = ["/img/a.qcow2,qcow2,xvda,ro"]', 'disk', [{ spec: '/img/a.qcow2,qcow2,xvda,ro', target: '/img/a.qcow2', format: 'qcow2', vdev: 'xvda', access: 'ro' }]],
  ['xl', 'disk = ["/img,,hda,,backendtype=phy"]', 'disk', [{ spec: '/img,,hda,,backendtype=phy', target: '/img', vdev: 'hda', backendtype: 'phy' }]],
  ['xl', 'disk = ["format=raw, vdev=xvdb, access=rw, target=/a,b"]', 'disk', [{ spec: 'format=raw, vdev=xvdb, access=rw, target=/a,b', format: 'raw', vdev: 'xvdb', access: 'rw', target: '/a,b' }]],
  ['xl', 'disk = ["format=raw,vdev=hdd,access=ro,devtype=cdrom"]', 'disk', [{ spec: 'format=raw,vdev=hdd,access=ro,devtype=cdrom', format: 'raw', vdev: 'hdd', access: 'ro', devtype: 'cdrom' }]],
  ['xl', 'disk = [",,hdc,,cdrom"]', 'disk', [{ spec: ',,hdc,,cdrom', target: '', vdev: 'hdc', devtype: 'cdrom' }]],
  ['xl', 'disk = [",hdc:cdrom,r"]', 'disk', [{ spec: ',hdc:cdrom,r', target: '', format: 'empty', vdev: 'hdc', devtype: 'cdrom', access: 'ro' }]],
]);

table('vif', [
  ['xl', 'vif = ["mac=00:16:3e:00:00:01,bridge=xenbr0,model=e1000,rate=10Mb/s@20ms,mtu=9000"]', 'vif', [{ spec: 'mac=00:16:3e:00:00:01,bridge=xenbr0,model=e1000,rate=10Mb/s@20ms,mtu=9000', mac: '00:16:3e:00:00:01', bridge: 'xenbr0', model: 'e1000', rate: '10Mb/s@20ms', mtu: 9000 }]],
  ['xm', 'vif = ["type=ioemu, bridge=xenbr0, ip=10.0.0.1 10.0.0.2"]', 'vif', [{ spec: 'type=ioemu, bridge=xenbr0, ip=10.0.0.1 10.0.0.2', type: 'ioemu', bridge: 'xenbr0', ip: '10.0.0.1 10.0.0.2' }]],
  ['xl', 'vif = [""]', 'vif', [{ spec: '' }]],
]);

table('pci', [
  ['xl', 'pci = ["0000:01:1a.1", "02:00.0,permissive=1", "03:00.*@5,rdm_policy=strict"]', 'pci', [
    { spec: '0000:01:1a.1', domain: 0, bus: 1, device: 0x1a, function: 1 },
    { spec: '02:00.0,permissive=1', domain: 0, bus: 2, device: 0, function: 0, permissive: true },
    { spec: '03:00.*@5,rdm_policy=strict', domain: 0, bus: 3, device: 0, function: -1, vslot: 5, rdm_policy: 'strict' },
  ]],
  ['xl', 'pci = ["bdf=0001:0c:1b.2,seize=1"]', 'pci', [{ spec: 'bdf=0001:0c:1b.2,seize=1', domain: 1, bus: 0xc, device: 0x1b, function: 2, seize: true }]],
  // libxl_rdm_reserve_policy_from_string matches in any case.
  ['xl', 'pci = ["01:00.0,rdm_policy=Relaxed"]', 'pci', [{ spec: '01:00.0,rdm_policy=Relaxed', domain: 0, bus: 1, device: 0, function: 0, rdm_policy: 'relaxed' }]],
]);

table('other devices', [
  ['xm', 'vfb = ["type=vnc,vncunused=0,vncdisplay=25,vnclisten=127.0.0.1"]', 'vfb', [{ spec: 'type=vnc,vncunused=0,vncdisplay=25,vnclisten=127.0.0.1', type: 'vnc', vncunused: false, vncdisplay: 25, vnclisten: '127.0.0.1' }]],
  ['xl', 'channel = ["connection=socket,path=/s,name=org.qemu.guest_agent.0"]', 'channel', [{ spec: 'connection=socket,path=/s,name=org.qemu.guest_agent.0', connection: 'socket', path: '/s', name: 'org.qemu.guest_agent.0' }]],
  // xl reads version/ports with atoi and hostbus/hostaddr with strtoul base 0 (libvirt reads all four as hex).
  ['xl', 'usbctrl = ["type=qusb,version=2,ports=15"]', 'usbctrl', [{ spec: 'type=qusb,version=2,ports=15', type: 'qusb', version: 2, ports: 15 }]],
  ['xl', 'usbdev = ["hostbus=10,hostaddr=0x1a"]', 'usbdev', [{ spec: 'hostbus=10,hostaddr=0x1a', hostbus: 10, hostaddr: 26 }]],
  ['xl', 'usbdev = ["hostbus=010,hostaddr=0"]', 'usbdev', [{ spec: 'hostbus=010,hostaddr=0', hostbus: 8, hostaddr: 0 }]],
  // xl's parse_virtio_list joins a `type=virtio…` value with the next comma item.
  ['xl', 'virtio = ["backend=0,type=virtio,device22,transport=mmio"]', 'virtio', [{ spec: 'backend=0,type=virtio,device22,transport=mmio', backend: '0', type: 'virtio,device22', transport: 'mmio' }]],
  // With no item after it, xl's strlen(NULL) crashes: the type is refused (XM0217, test/normalize/xl-split-helpers.test.ts).
  ['xl', 'virtio = ["type=virtio"]', 'virtio', [{ spec: 'type=virtio' }]],
  ['xl', 'serial = "pty"', 'serial', [{ spec: 'pty', type: 'pty' }]],
  ['xl', 'serial = ["tcp:127.0.0.1:7777,server,nowait", "/dev/ttyS0"]', 'serial', [{ spec: 'tcp:127.0.0.1:7777,server,nowait', type: 'tcp', host: '127.0.0.1', port: 7777, options: ['server', 'nowait'] }, { spec: '/dev/ttyS0', type: 'device', path: '/dev/ttyS0' }]],
  ['xm', 'serial = "file:/tmp/s.log"', 'serial', [{ spec: 'file:/tmp/s.log', type: 'file', path: '/tmp/s.log' }]],
]);

table('vnuma', [
  ['xl', 'vnuma = [["pnode=0", "size=2048", "vcpus=0-1,3", "vdistances=10,21"], [" pnode = 1 ", "size=512", "vcpus=2", "vdistances=21,10"]]', 'vnuma', [
    { pnode: 0, size: 2048, vcpus: [0, 1, 3], vdistances: [10, 21] },
    { pnode: 1, size: 512, vcpus: [2], vdistances: [21, 10] },
  ]],
]);

describe('general behaviour', () => {
  it('last assignment wins', () => expect(norm('name = "a"\nmemory = 1\nmemory = 2\n').config.memory).toBe(2));
  it('only what the file sets (no defaults)', () => expect(Object.keys(norm('name = "a"\n').config)).toEqual(['name']));
  it('unknown keys are kept as JSON for the schema to flag', () => expect((norm('name = "a"\nfoo = [1, "x"]\n').config as Record<string, unknown>).foo).toEqual([1, 'x']));
  it('xl += on a string key concatenates (value already combined)', () => expect(norm('name = "a"\nextra = "x"\nextra += " y"\n').config.extra).toBe('x y'));
  it('config is plain JSON', () => {
    const r = norm('name = "a"\ndisk = ["phy:/d,xvda,w"]\ncpus = "0-1"\nvnuma = [["pnode=0","size=1","vcpus=0","vdistances=10"]]\n');
    expect(JSON.parse(JSON.stringify(r.config))).toEqual(r.config);
  });
  it('never throws on odd input', () => {
    for (const t of ['', 'name = [[[[]]]]', 'disk = [[], 1, ""]', 'vnuma = "x"', 'numanode = []', 'cpus = [1, [2]]', 'pci = [",,,"]', 'vif = [",=,"]']) {
      expect(() => norm(t, 'xl')).not.toThrow();
      expect(() => norm(t, 'xm')).not.toThrow();
    }
  });
});
