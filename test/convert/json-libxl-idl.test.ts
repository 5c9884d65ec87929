/**
 * `convert --to json` against libxl's own definition (tools/libs/light/libxl_types.idl and the
 * JSON writer gentypes.py generates): field names, the keyed-union form and enum spellings a
 * consumer of libxl JSON (libxl_domain_config_from_json) reads back.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { toLibxlJson } from '../../src/convert/index.js';

type Obj = Record<string, any>;

const json = (text: string): Obj => toLibxlJson(checkText(text).config) as Obj;

describe('keyed unions (gentypes.py writes only "<key>.<case>", never the key itself)', () => {
  it('a pty channel is "connection.pty": {} (the parser sets connection from that key alone)', () => {
    const j = json('name = "t"\nkernel = "/k"\nchannel = [ "name=a,connection=pty", "name=b,connection=socket,path=/s" ]\n');
    expect(j.channels).toEqual([
      { devid: 0, name: 'a', 'connection.pty': {} },
      { devid: 1, name: 'b', 'connection.socket': { path: '/s' } },
    ]);
  });

  it('a usbdev is "type.hostdev" without a "type" field', () => {
    const j = json('name = "t"\ntype = "hvm"\nusbdev = [ "hostbus=1,hostaddr=3,controller=0,port=1" ]\n');
    expect(j.usbdevs).toEqual([{ ctrl: 0, port: 1, 'type.hostdev': { hostbus: 1, hostaddr: 3 } }]);
  });
});

describe('libxl_device_disk', () => {
  it('carries backend (from backendtype= only: the phy:/tap: prefixes set nothing), direct_io_safe, discard_enable, specification and trusted as xlu_disk_parse sets them', () => {
    const j = json(
      'name = "t"\nkernel = "/k"\n' +
        'disk = [ "format=raw,vdev=xvda,access=rw,backendtype=qdisk,direct-io-safe,discard,specification=virtio,untrusted,target=/dev/x",\n' +
        '         "phy:/dev/y,xvdb,w", "tap:qcow2:/z,xvdc,r", "vdev=xvdd,no-discard,trusted,target=/w,backendtype=phy" ]\n',
    );
    // Fields in libxl_types.idl's order; enums lower case, direct_io_safe a bool, the others defbools.
    expect(j.disks.map((d: Obj) => Object.keys(d))).toEqual([
      ['pdev_path', 'vdev', 'backend', 'format', 'readwrite', 'direct_io_safe', 'discard_enable', 'specification', 'trusted'],
      ['pdev_path', 'vdev', 'format', 'readwrite'],
      ['pdev_path', 'vdev', 'format'],
      ['pdev_path', 'vdev', 'format', 'readwrite', 'discard_enable', 'trusted'],
    ]);
    expect(j.disks[0]).toMatchObject({ backend: 'qdisk', direct_io_safe: true, discard_enable: 'True', specification: 'virtio', trusted: 'False' });
    expect(j.disks[3]).toMatchObject({ discard_enable: 'False', trusted: 'True' });
  });
});

describe('libxl_device_disk: COLO settings and grant_usage', () => {
  it('colo/no-colo → colo_enable, colo-host/-port/-export, active-disk, hidden-disk, grant_usage=0/1 → libxl\'s fields, in the IDL order (trusted before grant_usage)', () => {
    const j = json(
      'name = "t"\nkernel = "/k"\n' +
        'disk = [ "vdev=xvda,grant_usage=1,colo,colo-host=10.0.0.2,colo-port= 9000,colo-export=exp1,active-disk=/a.img,hidden-disk=/h.img,untrusted,target=/d.img",\n' +
        '         "vdev=xvdb,no-colo,grant_usage=0,target=/e" ]\n',
    );
    expect(j.disks.map((d: Obj) => Object.keys(d))).toEqual([
      ['pdev_path', 'vdev', 'format', 'readwrite', 'colo_enable', 'colo_host', 'colo_port', 'colo_export', 'active_disk', 'hidden_disk', 'trusted', 'grant_usage'],
      ['pdev_path', 'vdev', 'format', 'readwrite', 'colo_enable', 'grant_usage'],
    ]);
    // colo-port is read with atoi (leading blanks skipped), an integer field.
    expect(j.disks[0]).toMatchObject({ colo_enable: 'True', colo_host: '10.0.0.2', colo_port: 9000, colo_export: 'exp1', active_disk: '/a.img', hidden_disk: '/h.img', trusted: 'False', grant_usage: 'True' });
    expect(j.disks[1]).toMatchObject({ colo_enable: 'False', grant_usage: 'False' });
  });
});

describe('what xl sets from xl.conf, as xl create -n/-d prints it', () => {
  it('c_info.run_hotplug_scripts and b_info.claim_mode are "True" (xl.c\'s defaults, set on every domain), in the IDL order', () => {
    const j = json('name = "t"\nkernel = "/k"\npool = "p"\ndriver_domain = 1\nmax_event_channels = 1023\n');
    expect(Object.keys(j.c_info)).toEqual(['type', 'name', 'pool_name', 'run_hotplug_scripts', 'driver_domain']);
    expect(j.c_info.run_hotplug_scripts).toBe('True');
    const keys = Object.keys(j.b_info);
    expect(j.b_info.claim_mode).toBe('True');
    expect(keys.indexOf('claim_mode')).toBe(keys.indexOf('event_channels') - 1);
    expect(keys.indexOf('claim_mode')).toBeGreaterThan(keys.indexOf('sched_params'));
  });
});

describe('libxl_device_usbctrl', () => {
  it('type=auto is libxl_usbctrl_type\'s 0, left out as libxl leaves it out; the other types are printed', () => {
    const j = json('name = "t"\ntype = "hvm"\nusbctrl = [ "type=auto,version=2", "type=pv", "version=3" ]\n');
    expect(j.usbctrls).toEqual([{ devid: 0, version: 2 }, { type: 'pv', devid: 1 }, { devid: 2, version: 3 }]);
  });
});

describe('libxl_device_nic', () => {
  const nics = (vif: string): Obj[] => json(`name = "t"\nkernel = "/k"\nvif = [ ${vif} ]\n`).nics;

  it('the trusted and untrusted flags become the trusted defbool, as parse_nic_config sets it (untrusted read back as the default)', () => {
    expect(nics('"mac=00:16:3e:00:00:01,untrusted"')[0]).toEqual({ devid: 0, mac: '00:16:3e:00:00:01', trusted: 'False' });
    expect(nics('"trusted,bridge=br0"')[0]).toEqual({ devid: 0, bridge: 'br0', trusted: 'True' });
    expect(nics('"bridge=br0"')[0]).toEqual({ devid: 0, bridge: 'br0' });
  });

  it('rate= becomes rate_bytes_per_interval and rate_interval_usecs, as xlu_vif_parse_rate computes them', () => {
    // 10240KB/s = 10,240,000 bytes/s; over the default 50 ms interval, 512,000 bytes.
    expect(nics('"mac=00:16:3e:00:00:01,rate=10240KB/s"')[0]).toEqual({ devid: 0, mac: '00:16:3e:00:00:01', rate_bytes_per_interval: 512000, rate_interval_usecs: 50000 });
    // 100Mb/s is bits: 12,500,000 bytes/s; over 20 ms, 250,000 bytes.
    expect(nics('"rate=100Mb/s@20ms"')[0]).toMatchObject({ rate_bytes_per_interval: 250000, rate_interval_usecs: 20000 });
    // An interval without a unit is seconds; "u" is microseconds.
    expect(nics('"rate=1GB/s@1"')[0]).toMatchObject({ rate_bytes_per_interval: 1e9, rate_interval_usecs: 1000000 });
    // 1 byte/s over 500 µs rounds down to 0 bytes, libxl's default, which its JSON leaves out.
    const slow = nics('"rate=8b/s@500us"')[0]!;
    expect(slow).toMatchObject({ rate_interval_usecs: 500 });
    expect(slow).not.toHaveProperty('rate_bytes_per_interval');
  });

  it('gatewaydev= is carried over', () => {
    expect(nics('"bridge=xenbr0,gatewaydev=eth0"')[0]).toEqual({ devid: 0, bridge: 'xenbr0', gatewaydev: 'eth0' });
  });

  it('vlan=, netdev= (gatewaydev\'s old name: the one written last wins), forwarddev= and the COLO proxy keys become libxl\'s fields, in the IDL order', () => {
    const n = nics('"bridge=br0,vlan=10,netdev=eth1", "gatewaydev=a,netdev=b", "netdev=b,gatewaydev=a", "colo_checkpoint_port=9,colo_sock_sec_redirector0_ip=1.2.3.4,colo_compare_out=c,forwarddev=eth0,colo_sock_mirror_id=m1"');
    expect(n[0]).toEqual({ devid: 0, vlan: '10', bridge: 'br0', gatewaydev: 'eth1' });
    expect(n[1]!.gatewaydev).toBe('b');
    expect(n[2]!.gatewaydev).toBe('a');
    expect(Object.entries(n[3]!)).toEqual([
      ['devid', 3],
      ['coloft_forwarddev', 'eth0'],
      ['colo_sock_mirror_id', 'm1'],
      ['colo_compare_out', 'c'],
      ['colo_sock_sec_redirector0_ip', '1.2.3.4'],
      ['colo_checkpoint_port', '9'],
    ]);
  });
});

describe('libxl_device_pci', () => {
  it('func is a uint8 and vfunc_mask is set as xlu_pci_parse_bdf sets it: 1 for one function, ~0U (all) for "*"', () => {
    const j = json('name = "t"\nkernel = "/k"\npci = [ "0000:01:00.*@5", "02:00.1" ]\n');
    expect(j.pcidevs).toEqual([
      { bus: 1, vdevfn: 40, vfunc_mask: 4294967295 },
      { func: 1, bus: 2, vfunc_mask: 1 },
    ]);
  });

  it('is flat, as in every released libxl (the nested bdf of Dec 2020 was reverted before 4.15): address fields in the IDL order, 0 left out as libxl\'s JSON leaves it out', () => {
    const j = json('name = "t"\nkernel = "/k"\npci = [ "0001:02:03.4@0", "0000:00:02.0,name=gpu" ]\n');
    expect(j.pcidevs.map((p: Obj) => Object.keys(p))).toEqual([
      ['func', 'dev', 'bus', 'domain', 'vfunc_mask'],
      ['dev', 'vfunc_mask', 'name'],
    ]);
    expect(j.pcidevs[0]).toEqual({ func: 4, dev: 3, bus: 2, domain: 1, vfunc_mask: 1 });
    expect(j.pcidevs.some((p: Obj) => 'bdf' in p)).toBe(false);
  });
});

describe('libxl_ioport_range and libxl_iomem_range', () => {
  it('port 0 and page 0 are left out (0 integers), a gfn of 0 is printed (its default is LIBXL_INVALID_GFN)', () => {
    const j = json('name = "t"\nkernel = "/k"\nioports = [ "0-7", "2f8" ]\niomem = [ "0,1@0", "fe000,1" ]\n');
    expect(j.b_info.ioports).toEqual([{ number: 8 }, { first: 0x2f8, number: 1 }]);
    expect(j.b_info.iomem).toEqual([{ number: 1, gfn: 0 }, { start: 0xfe000, number: 1 }]);
  });
});

describe('libxl_vnode_info', () => {
  it('pnode is a uint32: node 0 is left out, as libxl\'s JSON leaves it out', () => {
    const j = json('name = "t"\ntype = "hvm"\nvcpus = 2\nmemory = 1024\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n');
    expect(j.b_info.vnuma_nodes).toEqual([
      { memkb: 524288, distances: [10, 20], vcpus: [0] },
      { memkb: 524288, distances: [20, 10], pnode: 1, vcpus: [1] },
    ]);
  });
});
