/**
 * Table-driven: disk vdev names and numbers as libxl reads them, libxl__device_disk_dev_number of
 * Xen's tools/libs/light/libxl_device.c (with device_virtdisk_matches) compiled against glibc and run
 * on random vdevs (docs/fuzzing.md, "Differential checks"). Each row is what the compiled C returned:
 * the device number without and with the disk/partition pointers the HVM device model passes (-1 for
 * a plain number there). A negative number is refused (XM0213, decision 109); a plain number on an
 * HVM guest gets no emulated disk (XM0268); two names of one number are one device (XM0262).
 */
import { describe, expect, it } from 'vitest';
import { xlVdev } from '../../src/normalize/vdev-xl.js';
import { checkText } from '../../src/check/check.js';
import { findingSpans, norm, xlTable } from './helpers.js';

/** [vdev, libxl__device_disk_dev_number(vdev, NULL, NULL), the same with &disk, &partition]. */
const C_ROWS: Array<[vdev: string, devid: number, withDisk: number]> = [
  ['xvda', 51712, 51712],
  ['xvdz', 268441856, 268441856],
  ['xvdaa', 268442112, 268442112],
  ['xvdzz', 268614912, 268614912],
  ['xvda1', 51713, 51713],
  ['xvda15', 51727, 51727],
  ['xvda16', 268435472, 268435472],
  ['xvda255', 268435711, 268435711],
  ['xvda256', -1, -1],
  ['xvda0', -1, -1],
  ['xvda01', -1, -1],
  ['xvdp15', 51967, 51967],
  ['xvdq', 268439552, 268439552],
  ['xvdq1', 268439553, 268439553],
  ['xvd', -16, -16],
  ['xvd1', -15, -15],
  ['xvd15', -1, -1],
  ['xvdA', -1, -1],
  ['Xvda', -1, -1],
  ['xvda-1', -1, -1],
  ['xvda-2', -2, -2],
  ['xvda+1', 51713, 51713],
  ['xvda 1', 51713, 51713],
  ['xvda-0', 51712, 51712],
  ['xvda-4294967291', 51717, 51717],
  ['xvda1 ', -1, -1],
  ['xvda99999999999999999999', -1, -1],
  ['xvdbgqcu', 536870400, 536870400],
  ['xvdbgqct', 536870144, 536870144],
  ['xvdbgqct255', 536870399, 536870399],
  ['hda', 768, 768],
  ['hdd', 5696, 5696],
  ['hde', -1, -1],
  ['hdc63', 5695, 5695],
  ['hdc64', -1, -1],
  ['hd', 832, 832],
  ['hd5', 837, 837],
  ['hdb0', -1, -1],
  ['sda', 2048, 2048],
  ['sdp', 2288, 2288],
  ['sdq', -1, -1],
  ['sdp15', 2303, 2303],
  ['sdp16', -1, -1],
  ['sd', -16, -16],
  ['sd15', -1, -1],
  ['d0p0', 51712, 51712],
  ['d0p1', 51713, 51713],
  ['d15p15', 51967, 51967],
  ['d16p0', 268439552, 268439552],
  ['d0p16', 268435472, 268435472],
  ['d1048575p255', 536870911, 536870911],
  ['d1048576p0', -1, -1],
  ['d0p256', -1, -1],
  ['d 1p 2', 51730, 51730],
  ['d+1p-0', 51728, 51728],
  ['d-1p0', -16, -16],
  ['d0p-1', -1, -1],
  ['d0x10p0', 268439552, 268439552],
  ['d010p0', 51840, 51840],
  ['d08p0', -1, -1],
  ['d0xp1', 51713, 51713],
  ['d1 p2', -1, -1],
  ['d1p2 ', -1, -1],
  ['d4294967296p0', 51712, 51712],
  ['D0p0', -1, -1],
  ['51712', 51712, -1],
  ['51713', 51713, -1],
  ['768', 768, -1],
  ['0', 0, -1],
  ['1', 1, -1],
  ['0xca00', 51712, -1],
  ['0XCA00', 51712, -1],
  ['0146000', 52224, -1],
  ['+51712', 51712, -1],
  ['-0', 0, -1],
  ['-1', -1, -1],
  [' 51712', 51712, -1],
  ['51712 ', -1, -1],
  ['2147483647', 2147483647, -1],
  ['2147483648', -1, -1],
  ['-18446744073709551615', 1, -1],
  ['18446744073709551616', -1, -1],
  ['0x', -1, -1],
  ['08', -1, -1],
  ['1e2', -1, -1],
  ['ca00', -1, -1],
  ['cdrom', -1, -1],
];

describe('xlVdev: the device number libxl computes', () => {
  for (const [vdev, devid, withDisk] of C_ROWS) {
    it(JSON.stringify(vdev), () => {
      expect(xlVdev(vdev)).toEqual({ devid, numeric: devid >= 0 && withDisk === -1 });
    });
  }
});

describe('a positional vdev: XM0213 exactly where libxl gives a negative number', () => {
  // Edge blanks (the lexer skips those before an item, keeps those after) and the cdrom flag are below.
  for (const [vdev, devid] of C_ROWS.filter(([v]) => v.trim() === v && v !== 'cdrom')) {
    it(JSON.stringify(vdev), () => {
      const text = `name = "t"\ndisk = ["/x.img,raw,${vdev},rw"]\n`;
      const r = norm(text);
      expect((r.config.disk as Array<{ vdev?: string }>)[0]!.vdev).toBe(vdev);
      // The vdev starts at column 21 of line 2.
      expect(findingSpans(text, r.diagnostics)).toEqual(devid < 0 ? [`XM0213@2:21-2:${21 + vdev.length}`] : []);
    });
  }
});

xlTable('vdev= with blanks, a devtype suffix, a flag word', [
  // vdev=[^,]*: the blank after "=" is the vdev's, and strtoul skips it: device 51712.
  ['disk = ["vdev= 51712,target=/x"]', 'disk', [{ spec: 'vdev= 51712,target=/x', vdev: '51712', target: '/x' }], []],
  ['disk = ["vdev= 0xca00,target=/x"]', 'disk', [{ spec: 'vdev= 0xca00,target=/x', vdev: '0xca00', target: '/x' }], []],
  // A name is not read after a blank, nor a number before one.
  ['disk = ["vdev= xvda,target=/x"]', 'disk', [{ spec: 'vdev= xvda,target=/x', vdev: 'xvda', target: '/x' }], ['XM0213@2:10-2:20']],
  ['disk = ["vdev=51712 ,target=/x"]', 'disk', [{ spec: 'vdev=51712 ,target=/x', vdev: '51712', target: '/x' }], ['XM0213@2:10-2:21']],
  // A blank inside is strtoul's before the partition: xvda1.
  ['disk = ["vdev=xvda 1,target=/x"]', 'disk', [{ spec: 'vdev=xvda 1,target=/x', vdev: 'xvda 1', target: '/x' }], []],
  // libxl judges the vdev after the lexer, which reads the access after it.
  ['disk = ["/x,raw,hde,r"]', 'disk', [{ spec: '/x,raw,hde,r', target: '/x', format: 'raw', vdev: 'hde', access: 'ro' }], ['XM0213@2:17-2:20']],
  ['disk = ["vdev=cdrom,target=/x"]', 'disk', [{ spec: 'vdev=cdrom,target=/x', vdev: 'cdrom', target: '/x' }], ['XM0213@2:15-2:20']],
  // VDEV:cdrom: the name before the colon is the vdev.
  ['disk = ["/x,raw,hde:cdrom"]', 'disk', [{ spec: '/x,raw,hde:cdrom', target: '/x', format: 'raw', vdev: 'hde', devtype: 'cdrom' }], ['XM0213@2:17-2:20']],
  ['disk = [",,hdc:cdrom"]', 'disk', [{ spec: ',,hdc:cdrom', target: '', vdev: 'hdc', devtype: 'cdrom' }], []],
  ['disk = ["/x,raw,51712:cdrom"]', 'disk', [{ spec: '/x,raw,51712:cdrom', target: '/x', format: 'raw', vdev: '51712', devtype: 'cdrom' }], []],
]);

/** The findings of `codes` in `text` checked as xl. */
function findings(text: string, codes: readonly string[], dialect: 'xl' | 'xm' = 'xl'): string[] {
  const r = checkText(text, { dialect });
  return findingSpans(text, r.diagnostics.filter((d) => codes.includes(d.code)));
}

describe('XM0262 compares libxl device numbers; XM0268 a number on an HVM guest', () => {
  const rows: Array<[dialect: 'xl' | 'xm', text: string, expected: string[]]> = [
    // 51712 is xvda (202 << 8), d0p1 is xvda1, 0x300 is hda, d16p0 is xvdq: one device each.
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,51712,rw", "/b,raw,xvda,rw"]\n', ['XM0262@2:36-2:40']],
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,d0p1,rw", "vdev=xvda1,target=/b"]\n', ['XM0262@2:33-2:38']],
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,hda,rw", "/b,raw,0x300,rw"]\n', ['XM0262@2:34-2:39']],
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,xvdq,rw", "/b,raw,d16p0,rw"]\n', ['XM0262@2:35-2:40']],
    // Different devices: xvda and xvda1, hda and 768 + 1.
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,xvda,rw", "/b,raw,xvda1,rw", "/c,raw,769,rw"]\n', []],
    // xm: xend's numbers (xm-disk-vdev.test.ts).
    ['xm', 'name = "t"\nkernel = "/k"\ndisk = ["phy:/a,51712,w", "phy:/b,xvda,w"]\n', ['XM0262@3:35-3:39']],
    ['xm', 'name = "t"\nkernel = "/k"\ndisk = ["phy:/a,xvda,w", "phy:/b,xvda,w"]\n', ['XM0262@3:34-3:38']],
    // A number on an HVM guest: a warning at the vdev (xl only; PV and PVH have no emulated disk).
    ['xl', 'type = "hvm"\ndisk = ["/a,raw,51712,rw", "/b,raw,xvdb,rw"]\n', ['XM0268@2:17-2:22']],
    ['xl', 'builder = "hvm"\ndisk = ["vdev= 0xca10,target=/a"]\n', ['XM0268@2:16-2:22']],
    ['xl', 'type = "pvh"\nkernel = "/k"\ndisk = ["/a,raw,51712,rw"]\n', []],
    ['xl', 'kernel = "/k"\ndisk = ["/a,raw,51712,rw"]\n', []],
    ['xm', 'name = "t"\nbuilder = "hvm"\ndisk = ["phy:/a,51712,w"]\n', []],
  ];
  for (const [dialect, text, expected] of rows) {
    it(`${dialect}: ${JSON.stringify(text)}`, () => {
      expect(findings(text, ['XM0262', 'XM0268'], dialect)).toEqual(expected);
    });
  }
});
