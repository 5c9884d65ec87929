/**
 * USB controllers and devices against the rest of the file, as libxl takes them when xl creates
 * the domain (src/check/rules/usb.ts, decision 111; libxl_usb.c, xen-project/xen 41aea82d):
 * - a usbctrl of type=auto (or none) is the device model's for an HVM guest (version 1: 2 ports,
 *   2: 6, 3: up to 15) and pv or qusb otherwise (version 1 or 2, up to 31 ports);
 * - a usbdev controller= must be a usbctrl entry's index (libxl_devid_to_device_usbctrl), unless an
 *   earlier usbdev without one may have made more; a port past a device-model controller's ports is
 *   refused by QEMU; a port an earlier usbdev took is "The controller port isn't available";
 * - is_usbdev_assignable finds no host device at bus or address 0 ("USB device is not assignable.").
 * Before: none of these was reported. Each row: the lines after HEAD, and every finding of the file
 * as `CODE@line:col-line:col`, located here from the row's own text (`[code, needle, nth]`: the
 * nth occurrence of the needle, counted from 1, after the "=" that precedes it).
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { findingSpans } from '../normalize/helpers.js';

const HEAD = 'name = "t"\nkernel = "/k"\nmemory = 512\n';

type Row = [title: string, lines: string, findings: [code: string, needle: string, nth?: number][]];

const ROWS: Row[] = [
  ['HVM: auto is the device model, whose version 2 has 6 ports', 'type = "hvm"\nusbctrl = [ "version=2,ports=8" ]\n', [['XM0234', 'ports=8']]],
  ['PV: auto is pv or qusb, which take version 1 or 2', 'type = "pv"\nusbctrl = [ "version=3" ]\n', [['XM0234', 'version=3']]],
  ['PVH: as PV', 'type = "pvh"\nusbctrl = [ "ports=31", "version=3,ports=4" ]\n', [['XM0234', 'version=3']]],
  ['HVM: version 3 with 8 ports is the xhci', 'type = "hvm"\nusbctrl = [ "version=3,ports=8" ]\n', []],
  ['PV: 20 ports for a pv controller', 'type = "pv"\nusbctrl = [ "ports=20" ]\n', []],
  ['controller 1 with one usbctrl entry', 'usbctrl = [ "type=pv" ]\nusbdev = [ "hostbus=1,hostaddr=2,controller=1" ]\n', [['XM0234', 'controller=1']]],
  ['controller 0 without usbctrl', 'usbdev = [ "hostbus=1,hostaddr=2,controller=0" ]\n', [['XM0234', 'controller=0']]],
  ['after a usbdev without controller= (libxl may add one), not judged', 'usbdev = [ "hostbus=1,hostaddr=2", "hostbus=1,hostaddr=3,controller=1" ]\n', []],
  ['HVM: port 7 of the device model\'s ehci (6 ports)', 'type = "hvm"\nusbctrl = [ "type=auto" ]\nusbdev = [ "hostbus=1,hostaddr=2,controller=0,port=7" ]\n', [['XM0234', 'port=7']]],
  ['PV: port 7 of a pv controller (8 ports)', 'type = "pv"\nusbctrl = [ "type=auto" ]\nusbdev = [ "hostbus=1,hostaddr=2,controller=0,port=7" ]\n', []],
  ['a port taken twice', 'usbctrl = [ "type=pv" ]\nusbdev = [ "hostbus=1,hostaddr=2,controller=0,port=1", "hostbus=1,hostaddr=3,controller=0,port=1" ]\n', [['XM0234', 'port=1', 2]]],
  ['no hostbus= and no hostaddr=', 'usbctrl = [ "type=pv" ]\nusbdev = [ "controller=0" ]\n', [['XM0234', '"controller=0"']]],
  ['hostbus 256 is bus 0 in 8 bits', 'usbdev = [ "hostbus=256,hostaddr=1" ]\n', [['XM0253', 'hostbus=256'], ['XM0234', 'hostbus=256']]],
  ['a type xl does not know (it exits): the ports are not judged for the guest too', 'type = "hvm"\nusbctrl = [ "type=bogus,ports=8" ]\n', [['XM0217', 'type=bogus']]],
  ['a misspelt hostaddr= is an unknown key (xl exits), not also a missing one', 'usbdev = [ "hostbus=1,hostadr=2" ]\n', [['XM0222', 'hostadr']]],
];

/** The span of the nth `needle` in `text` after HEAD: its value after "=" (its whole text when it has no "=" or is quoted). */
function spanOf(text: string, needle: string, nth = 1): { start: number; end: number } {
  let at = HEAD.length - 1;
  for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
  const eq = needle.startsWith('"') ? -1 : needle.indexOf('=');
  return eq === -1 ? { start: at, end: at + needle.length } : { start: at + eq + 1, end: at + needle.length };
}

describe('USB controllers and devices as libxl takes them (XM0234)', () => {
  it.each(ROWS)('%s', (_title, lines, findings) => {
    const text = HEAD + lines;
    const got = checkText(text, { dialect: 'xl' }).diagnostics;
    const want = findings.map(([code, needle, nth]) => ({ code, span: spanOf(text, needle, nth) }));
    expect(findingSpans(text, got).sort()).toEqual(findingSpans(text, want).sort());
  });

  it('leaves xm alone: it had no usbctrl or usbdev (XM0553 only)', () => {
    const text = `${HEAD}type = "hvm"\nusbctrl = [ "version=2,ports=8" ]\n`;
    expect(checkText(text, { dialect: 'xm' }).diagnostics.map((d) => d.code)).not.toContain('XM0234');
  });
});
