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
