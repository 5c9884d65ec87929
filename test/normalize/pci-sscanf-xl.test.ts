/**
 * Table-driven: the pci address, virtual slot and flag readings of xl against parse_bdf,
 * parse_vslot and xlu_pci_parse_spec_string (tools/libs/util/libxlu_pci.c, xen-project/xen
 * 9cd5bbf5, the parser of Xen 4.16 and later; decision 090). parse_bdf counts colons over hex digits
 * and ':' only, then sscanf "%x" reads each field: blanks skipped, a sign taken, 32 bits kept.
 * Each row: one line (line 2 of the file), the key, the normalised value, and the findings as
 * `CODE@line:col-line:col` (UTF-16 columns, end exclusive). xm rows: pci.py's regex, hex digits only.
 */
import { xlTable } from './helpers.js';

const A = (spec: string, extra: Record<string, unknown> = {}) => [{ spec, domain: 0, bus: 1, device: 0x1f, function: 0, ...extra }];

xlTable('pci address in xl: sscanf "%x" skips blanks and takes a sign (XM0231 at the field)', [
  ['pci = ["01: 1f.0"]', 'pci', A('01: 1f.0'), ['XM0231@2:12-2:15']],
  ['pci = ["01:+1f.0"]', 'pci', A('01:+1f.0'), ['XM0231@2:12-2:15']],
  ['pci = ["01:1f. 3"]', 'pci', A('01:1f. 3', { function: 3 }), ['XM0231@2:15-2:17']],
  ['pci = ["01:-0.0"]', 'pci', A('01:-0.0', { device: 0 }), ['XM0231@2:12-2:14']],
  // strtoul's value is cut to the unsigned int: 0x100000001 is bus 1.
  ['pci = ["100000001:1f.0"]', 'pci', A('100000001:1f.0'), ['XM0231@2:9-2:18']],
  ['pci = ["bdf=01: 1f.0"]', 'pci', A('bdf=01: 1f.0'), ['XM0231@2:16-2:19']],
  // glibc's %x consumes a "0x" with no hex digit after it and reads 0 (found by a differential fuzz
  // of xlBdf against glibc's sscanf, docs/fuzzing.md): xl takes these addresses.
  ['pci = ["01:0x.0"]', 'pci', A('01:0x.0', { device: 0 }), ['XM0231@2:12-2:14']],
  ['pci = ["01:1f.0x"]', 'pci', A('01:1f.0x'), ['XM0231@2:15-2:17']],
  ['pci = ["01:1f.0x@0x"]', 'pci', A('01:1f.0x@0x', { vslot: 0 }), ['XM0231@2:15-2:17', 'XM0231@2:18-2:20']],
]);

xlTable('pci address in xl: what parse_bdf refuses, at the field', [
  // The colon count stops at "+": no field before a counted colon may hold anything but hex digits.
  ['pci = ["+1:1f.0"]', 'pci', [{ spec: '+1:1f.0' }], ['XM0215@2:9-2:11']],
  // -1 is 0xffffffff, past the device limit 1f; a function past 7.
  ['pci = ["01:-1.0"]', 'pci', [{ spec: '01:-1.0' }], ['XM0215@2:12-2:14']],
  ['pci = ["01:1f.-1"]', 'pci', [{ spec: '01:1f.-1' }], ['XM0215@2:15-2:17']],
  ['pci = ["0000:01:1f.8"]', 'pci', [{ spec: '0000:01:1f.8' }], ['XM0215@2:20-2:21']],
  // A blank before the "." leaves sscanf's %n unset: no reliable reading.
  ['pci = ["01:1f .0"]', 'pci', [{ spec: '01:1f .0' }], ['XM0215@2:12-2:15']],
  ['pci = ["12345:01:1f.0"]', 'pci', [{ spec: '12345:01:1f.0' }], ['XM0215@2:9-2:14']],
  // glibc's %x reads the function "0x" as 0 (the x consumed); "yz" is then no '@', ',' or end.
  ['pci = ["01:1f.0xyz"]', 'pci', [{ spec: '01:1f.0xyz' }], ['XM0231@2:15-2:17', 'XM0215@2:17-2:19']],
]);

xlTable('pci virtual slot in xl: parse_vslot (sscanf "%x"; vslot= ignores what follows)', [
  ['pci = ["01:1f.0@ 3"]', 'pci', A('01:1f.0@ 3', { vslot: 3 }), ['XM0231@2:17-2:19']],
  // After @VSLOT only ',' or the end.
  ['pci = ["01:1f.0@3zz"]', 'pci', A('01:1f.0@3zz'), ['XM0215@2:17-2:20']],
  ['pci = ["01:1f.0,vslot=3zz"]', 'pci', A('01:1f.0,vslot=3zz', { vslot: 3 }), ['XM0231@2:24-2:26']],
  ['pci = ["01:1f.0,vslot=+3"]', 'pci', A('01:1f.0,vslot=+3', { vslot: 3 }), ['XM0231@2:23-2:25']],
  ['pci = ["01:1f.0,vslot=20"]', 'pci', A('01:1f.0,vslot=20'), ['XM0215@2:23-2:25']],
]);

xlTable('pci flags in xl: atoi into libxl_device_pci\'s C bools (a negative number is on)', [
  ['pci = ["01:1f.0,msitranslate=-1"]', 'pci', A('01:1f.0,msitranslate=-1', { msitranslate: true }), ['XM0231@2:30-2:32']],
  ['pci = ["01:1f.0,seize=-0"]', 'pci', A('01:1f.0,seize=-0', { seize: false }), ['XM0231@2:23-2:25']],
]);

xlTable(
  'pci address in xm: pci.py takes hex digits only, refused at the field',
  [
    ['pci = ["01: 1f.0"]', 'pci', [{ spec: '01: 1f.0' }], ['XM0215@2:12-2:15']],
    ['pci = ["01:+1f.0"]', 'pci', [{ spec: '01:+1f.0' }], ['XM0215@2:12-2:15']],
    ['pci = ["01:1f.8"]', 'pci', [{ spec: '01:1f.8' }], ['XM0215@2:15-2:16']],
  ],
  'xm',
);
