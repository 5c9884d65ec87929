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
