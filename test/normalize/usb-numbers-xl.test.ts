/**
 * Table-driven: the numbers of xl's usbdev and usbctrl strings as `xl create` takes them (decision
 * 111). parse_usbdev_config and parse_usbctrl_config (tools/xl/xl_parse.c, xen-project/xen 00535c8a)
 * read controller=, port=, version= and ports= with glibc's atoi into an int: a minus is a negative
 * number, and past INT_MAX strtol's long keeps its low 32 bits (4294967297 is 1, 2147483648 is
 * -2147483648, 99999999999999999999 is LONG_MAX, so -1). libxl then judges what the string ends
 * with (tools/libs/light/libxl_usb.c 41aea82d): controller -1 is "not set" (it picks one) and then a
 * port is refused; another negative controller is no controller; pv and qusb controllers take
 * version 1 or 2 and 1 to 31 ports, the device model's version 1 has 2 ports, 2 has 6, 3 up to 15.
 * The comment above each row is what xl_parse.c's code, compiled with gcc, read (docs/fuzzing.md,
 * "Differential checks"). Before: a minus was XM0217 "must be a decimal number", 2147483648 was
 * kept as it is, and a port without a controller or version=3 for pv passed.
 * Each row: one line (line 2 of the file), the key, the normalised value, and the findings as
 * `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { xlTable } from './helpers.js';

xlTable('usbdev controller= and port= in xl: atoi, then libxl', [
  // xl: controller -1, libxl's "not set": it picks a controller and port
  ['usbdev = [ "hostbus=1,hostaddr=2,controller=-1" ]', 'usbdev', [{ spec: 'hostbus=1,hostaddr=2,controller=-1', hostbus: 1, hostaddr: 2 }], []],
  // xl: -1
  ['usbdev = [ "controller=-00001" ]', 'usbdev', [{ spec: 'controller=-00001' }], []],
  // xl: -1 (strtol's LONG_MAX, cut to an int)
  ['usbdev = [ "controller=99999999999999999999" ]', 'usbdev', [{ spec: 'controller=99999999999999999999' }], ['XM0231@2:24-2:44']],
  // xl: -1
  ['usbdev = [ "controller=4294967295" ]', 'usbdev', [{ spec: 'controller=4294967295' }], ['XM0231@2:24-2:34']],
  // xl: controller 1, port 1
  ['usbdev = [ "controller=4294967297,port=1" ]', 'usbdev', [{ spec: 'controller=4294967297,port=1', controller: 1, port: 1 }], ['XM0231@2:24-2:34']],
  // xl: controller 1, port 1
  ['usbdev = [ "controller=1,port=4294967297" ]', 'usbdev', [{ spec: 'controller=1,port=4294967297', controller: 1, port: 1 }], ['XM0231@2:31-2:41']],
  // xl: controller 0, port 2
  ['usbdev = [ "controller=-0x10,port=2" ]', 'usbdev', [{ spec: 'controller=-0x10,port=2', controller: 0, port: 2 }], ['XM0231@2:24-2:29']],
  // xl: controller 1, port 31
  ['usbdev = [ "controller=1e2,port=31" ]', 'usbdev', [{ spec: 'controller=1e2,port=31', controller: 1, port: 31 }], ['XM0231@2:24-2:27']],
  // xl: controller 2, port 0 (libxl picks a free port)
  ['usbdev = [ "controller=2,port=-0" ]', 'usbdev', [{ spec: 'controller=2,port=-0', controller: 2, port: 0 }], []],
  // xl: controller 1, port 1 (the last controller= is kept)
  ['usbdev = [ "controller=-1,controller=1,port=1" ]', 'usbdev', [{ spec: 'controller=-1,controller=1,port=1', controller: 1, port: 1 }], []],
  // xl: hostbus 3 (the -1 read first is overwritten)
  ['usbdev = [ "hostbus=-1,hostbus=3" ]', 'usbdev', [{ spec: 'hostbus=-1,hostbus=3', hostbus: 3 }], []],
  // xl: controller -1, port 2; libxl: "USB controller must be specified if you specify port"
  ['usbdev = [ "hostbus=1,hostaddr=2,controller=-1,port=2" ]', 'usbdev', [{ spec: 'hostbus=1,hostaddr=2,controller=-1,port=2', hostbus: 1, hostaddr: 2 }], ['XM0217@2:53-2:54']],
  // xl: controller -1 (not written), port 3; libxl refuses the port
  ['usbdev = [ "hostbus=1,hostaddr=2,port=3" ]', 'usbdev', [{ spec: 'hostbus=1,hostaddr=2,port=3', hostbus: 1, hostaddr: 2 }], ['XM0217@2:39-2:40']],
  // xl: controller -2; libxl: no controller has that id
  ['usbdev = [ "controller=-2" ]', 'usbdev', [{ spec: 'controller=-2' }], ['XM0217@2:24-2:26']],
  // xl: controller -2147483648 (low 32 bits); libxl: no controller has that id
  ['usbdev = [ "controller=2147483648" ]', 'usbdev', [{ spec: 'controller=2147483648' }], ['XM0217@2:24-2:34']],
  // xl: controller 0, port -1: a port no controller has
  ['usbdev = [ "controller=0,port=-1" ]', 'usbdev', [{ spec: 'controller=0,port=-1', controller: 0 }], ['XM0217@2:31-2:33']],
  // xl: controller 0, port 32: a port no controller has
  ['usbdev = [ "controller=0,port=32" ]', 'usbdev', [{ spec: 'controller=0,port=32', controller: 0 }], ['XM0217@2:31-2:33']],
]);

xlTable('usbctrl version= and ports= in xl: atoi, then libxl__device_usbctrl_setdefault', [
  // xl: version 2 (low 32 bits)
  ['usbctrl = [ "version=4294967298" ]', 'usbctrl', [{ spec: 'version=4294967298', version: 2 }], ['XM0231@2:22-2:32']],
  // xl: ports 8
  ['usbctrl = [ "ports=4294967304" ]', 'usbctrl', [{ spec: 'ports=4294967304', ports: 8 }], ['XM0231@2:20-2:30']],
  // xl: pv, ports 1
  ['usbctrl = [ "type=PV,ports=1x" ]', 'usbctrl', [{ spec: 'type=PV,ports=1x', type: 'pv', ports: 1 }], ['XM0231@2:28-2:30']],
  // xl: ports 0 (libxl's default)
  ['usbctrl = [ "ports=-0" ]', 'usbctrl', [{ spec: 'ports=-0', ports: 0 }], []],
  // xl: version 2 (the last is kept)
  ['usbctrl = [ "version=9,version=2" ]', 'usbctrl', [{ spec: 'version=9,version=2', version: 2 }], []],
  // xl: qusb, 31 ports
  ['usbctrl = [ "type=qusb,ports=31" ]', 'usbctrl', [{ spec: 'type=qusb,ports=31', type: 'qusb', ports: 31 }], []],
  // xl: devicemodel, version 3, 15 ports
  ['usbctrl = [ "type=devicemodel,version=3,ports=15" ]', 'usbctrl', [{ spec: 'type=devicemodel,version=3,ports=15', type: 'devicemodel', version: 3, ports: 15 }], []],
  // xl: devicemodel (any case), version 2, 6 ports
  ['usbctrl = [ "type=DeviceModel,version=2,ports=6" ]', 'usbctrl', [{ spec: 'type=DeviceModel,version=2,ports=6', type: 'devicemodel', version: 2, ports: 6 }], []],
  // xl: version -1; libxl refuses it for every type
  ['usbctrl = [ "version=-1" ]', 'usbctrl', [{ spec: 'version=-1' }], ['XM0217@2:22-2:24']],
  // xl: version 9 (the last); libxl refuses it
  ['usbctrl = [ "version=2,version=9" ]', 'usbctrl', [{ spec: 'version=2,version=9' }], ['XM0217@2:32-2:33']],
  // xl: pv, version 3; libxl: "USB version for paravirtualized devices must be 1 or 2"
  ['usbctrl = [ "type=pv,version=3" ]', 'usbctrl', [{ spec: 'type=pv,version=3', type: 'pv' }], ['XM0217@2:30-2:31']],
  // xl: devicemodel, version 1, 4 ports; libxl: "… of version 1 is always 2"
  ['usbctrl = [ "type=devicemodel,version=1,ports=4" ]', 'usbctrl', [{ spec: 'type=devicemodel,version=1,ports=4', type: 'devicemodel', version: 1 }], ['XM0217@2:47-2:48']],
  // xl: devicemodel, version 0 (2), 8 ports; libxl: "… of version 2 is always 6"
  ['usbctrl = [ "type=devicemodel,ports=8" ]', 'usbctrl', [{ spec: 'type=devicemodel,ports=8', type: 'devicemodel' }], ['XM0217@2:37-2:38']],
  // xl: devicemodel, version 3, 16 ports; libxl: "… of version 3 is limited to 15"
  ['usbctrl = [ "type=devicemodel,version=3,ports=16" ]', 'usbctrl', [{ spec: 'type=devicemodel,version=3,ports=16', type: 'devicemodel', version: 3 }], ['XM0217@2:47-2:49']],
  // xl: auto, version 3, 20 ports: pv refuses version 3, devicemodel 20 ports
  ['usbctrl = [ "version=3,ports=20" ]', 'usbctrl', [{ spec: 'version=3,ports=20', version: 3 }], ['XM0217@2:30-2:32']],
  // xl: auto, version 3, ports -1
  ['usbctrl = [ "version=3,ports=-1" ]', 'usbctrl', [{ spec: 'version=3,ports=-1', version: 3 }], ['XM0217@2:30-2:32']],
  // xl: exits at the type ("Invalid usb controller type 'bogus'"); the ports are not judged too
  ['usbctrl = [ "type=bogus,ports=32" ]', 'usbctrl', [{ spec: 'type=bogus,ports=32' }], ['XM0217@2:19-2:24']],
  // xl: auto, 32 ports: more than any controller has
  ['usbctrl = [ "ports=32" ]', 'usbctrl', [{ spec: 'ports=32' }], ['XM0217@2:20-2:22']],
]);
