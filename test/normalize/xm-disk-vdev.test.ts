/**
 * Table-driven: xm disk vdevs as xend reads them (decision 121). Each number is what a scratch copy of
 * Xen 4.x's xen.util.blkif blkdev_name_to_number, behind server/blkif.py getDeviceDetails' handling of
 * `ioemu:` and the `:cdrom` suffix, returned under Python 2.7.18 (docs/fuzzing.md, "Differential
 * checks"); null is xend's "Unable to find number for device" (None, or an exception inside it). A
 * refused vdev is XM0213 at its name; two vdevs of one number are one device (XM0262).
 */
import { describe, expect, it } from 'vitest';
import { xmVdev } from '../../src/normalize/vdev-xm.js';
import { checkText } from '../../src/check/check.js';
import { findingSpans, norm } from './helpers.js';

/** [the vdev field as create.py passes it, the device number xend gives it or null]. */
const PY_ROWS: Array<[field: string, devid: string | null]> = [
  ['xvda', '51712'],
  ['51712', '51712'],
  ['0xca00', '51712'],
  ['0XCA00', null],
  ['ca00', null],
  ['hda', '768'],
  ['768', '768'],
  ['0x300', '768'],
  ['/dev/xvda', '51712'],
  ['/dev/hda', '768'],
  ['/xvda', null],
  ['xvda1', '51713'],
  ['xvda15', '51727'],
  ['xvda16', null],
  ['xvda0', null],
  ['xvdp15', '51967'],
  ['xvdq', '268439552'],
  ['xvdz1', '268441857'],
  ['xvdaa', '268442112'],
  ['xvdiz15', '268501775'],
  ['xvdjz', null],
  ['xvd', null],
  ['xvdA', null],
  ['Xvda', null],
  ['hdt', '23360'],
  ['hdt63', '23423'],
  ['hdu', null],
  ['hda64', null],
  ['hda0', null],
  ['hd', null],
  ['sda', '2048'],
  ['sdz15', '16799'],
  ['sdaa', '16800'],
  ['sdiv', '34800'],
  ['sdiw', null],
  ['sdiz', null],
  ['sdja', null],
  ['sd', null],
  ['vda', null],
  ['cdrom', null],
  ['0', '0'],
  ['+768', null],
  ['-1', null],
  ['1e2', null],
  ['99999999999999999999', '99999999999999999999'],
  ['0x', null],
  ['', null],
  ['hda:cdrom', '768'],
  ['hdc:disk', '5632'],
  ['ioemu:hdc', '5632'],
  ['ioemu:hdc:cdrom', '5632'],
  ['xvda:', '51712'],
  ['hde:cdrom', '8448'],
  ['/dev/ioemu:hda', '768'],
  ['x:ioemu:hda', null],
  [' xvda', null],
  ['xvda ', null],
  ['xvda\n', null],
  ['xvda1\n', '51713'],
  ['768\n', '768'],
  ['\txvda', null],
];

describe('xmVdev: the device number xend computes', () => {
  for (const [field, devid] of PY_ROWS) {
    it(JSON.stringify(field), () => {
      expect(xmVdev(field)?.toString() ?? null).toBe(devid);
    });
  }
});

describe('an xm vdev: XM0213 exactly where xend finds no number, at the name', () => {
  for (const [field, devid] of PY_ROWS) {
    it(JSON.stringify(field), () => {
      const escaped = field.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
      const text = `name = "t"\nkernel = "/k"\ndisk = ["phy:/x,${escaped},w"]\n`;
      const r = norm(text, 'xm');
      const found = r.diagnostics.filter((d) => d.code === 'XM0213');
      if (devid !== null) {
        expect(found).toEqual([]);
        return;
      }
      // The field starts at offset 41 of the file; the finding covers the name (after `ioemu:`,
      // before the suffix), blanks included, or the whole field when that name is empty.
      const ioemu = field.includes('ioemu:') ? field.indexOf(':') + 1 : 0;
      const colon = field.indexOf(':', ioemu);
      const nameEnd = colon === -1 ? escaped.length : colon;
      // A string with an escape is reported at the whole string (offsets inside it are not the file's);
      // an empty field, as every empty span, at the characters around it.
      const [s, e] = escaped !== field ? [-8, escaped.length + 3] : ioemu === nameEnd ? [-1, 1] : [ioemu, nameEnd];
      expect(findingSpans(text, found)).toEqual(findingSpans(text, [{ code: 'XM0213', span: { start: 41 + s, end: 41 + e } }]));
    });
  }
  it('spans by hand: " xvda" at its blank, "x:ioemu:hda" at "ioemu", ":cdrom" at the field', () => {
    const spans = (field: string) => findingSpans(`name = "t"\ndisk = ["phy:/x,${field},w"]\n`, norm(`name = "t"\ndisk = ["phy:/x,${field},w"]\n`, 'xm').diagnostics.filter((d) => d.code === 'XM0213'));
    expect(spans(' xvda')).toEqual(['XM0213@2:17-2:22']);
    expect(spans('x:ioemu:hda')).toEqual(['XM0213@2:19-2:24']);
    expect(spans(':cdrom')).toEqual(['XM0213@2:17-2:23']);
    expect(spans('sdiz:cdrom')).toEqual(['XM0213@2:17-2:21']);
  });
});

describe('XM0262 in xm compares xend device numbers', () => {
  const rows: Array<[text: string, expected: string[]]> = [
    // 51712 is xvda, 768 and 0x300 are hda, /dev/xvdq is xvdq; a :cdrom suffix and ioemu: are not the name.
    ['disk = ["phy:/a,51712,w", "phy:/b,xvda,w"]', ['XM0262@3:35-3:39']],
    ['disk = ["phy:/a,hda,w", "phy:/b,768,w", "phy:/c,0x300,w"]', ['XM0262@3:33-3:36', 'XM0262@3:49-3:54']],
    ['disk = ["phy:/a,hdc:cdrom,r", "phy:/b,ioemu:hdc,w"]', ['XM0262@3:45-3:48']],
    ['disk = ["phy:/a,xvdq,w", "phy:/b,/dev/xvdq,w"]', ['XM0262@3:34-3:43']],
    // Different devices: xvda and xvda1, hda and 769.
    ['disk = ["phy:/a,xvda,w", "phy:/b,xvda1,w", "phy:/c,769,w"]', []],
    // Refused names keep their XM0213 and are compared as written.
    ['disk = ["phy:/a,vda,w", "phy:/b,vda,w"]', ['XM0262@3:33-3:36']],
  ];
  for (const [line, expected] of rows) {
    it(line, () => {
      const text = `name = "t"\nkernel = "/k"\n${line}\n`;
      const r = checkText(text, { dialect: 'xm' });
      expect(findingSpans(text, r.diagnostics.filter((d) => d.code === 'XM0262'))).toEqual(expected);
    });
  }
});
