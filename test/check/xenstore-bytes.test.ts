/**
 * Device values libxl (xend) writes to xenstore as they are: a request holds at most 4096 bytes
 * with its path (XENSTORE_PAYLOAD_MAX, tools/libs/store/xs.c xs_talkv: E2BIG), so a value of more
 * than 4096 bytes fails the device and the domain's creation (XM0103, decision 063). Counted in the
 * bytes the file holds, not in characters: "€" is 3 bytes, an emoji 4 (2 UTF-16 units, 1 character).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

const PV = 'name = "web"\nkernel = "/boot/vmlinuz"\n';

/** The XM0103 findings of a file (text written as UTF-8, or bytes as they are), with their spans. */
function found(file: string | Buffer, dialect: 'xl' | 'xm' = 'xl'): string[] {
  const input = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  return check(input, { dialect }).diagnostics.filter((d) => d.code === 'XM0103').map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
}

/** A vif setting whose bridge is `bridge`, on line 3 (the bridge starts at column 16). */
const vif = (bridge: string): string => `${PV}vif = ["bridge=${bridge}"]\n`;

describe('device values written to xenstore: at most 4096 bytes', () => {
  it('counts UTF-8 bytes: 1,365 "€" and a letter are 4,096 bytes; 1,366 "€" are 4,098 (1,366 characters)', () => {
    expect(found(vif('€'.repeat(1365) + 'a'))).toEqual([]);
    expect(found(vif('€'.repeat(1366)))).toEqual(['XM0103@3:16-3:1382']);
  });

  it('an emoji is 4 bytes and 1 character (2 UTF-16 units): 1,025 of them are over', () => {
    expect(found(vif('😀'.repeat(1024)))).toEqual([]);
    // 1,025 emoji are 2,050 UTF-16 columns: the span ends at column 16 + 2,050.
    expect(found(vif('😀'.repeat(1025)))).toEqual(['XM0103@3:16-3:2066']);
  });

  it('ASCII: 4,096 characters pass, 4,097 are one finding (not the schema bound besides)', () => {
    expect(found(vif('a'.repeat(4096)))).toEqual([]);
    expect(found(vif('a'.repeat(4097)))).toEqual(['XM0103@3:16-3:4113']);
  });

  it('a file in a declared single-byte encoding: each character is one byte, as xl hands it on', () => {
    const latin1 = (n: number): Buffer => Buffer.from(`# -*- coding: latin-1 -*-\n${vif('\xe9'.repeat(n))}`, 'latin1');
    expect(found(latin1(4096))).toEqual([]);
    expect(found(latin1(4097))).toEqual(['XM0103@4:16-4:4113']);
    // The same letters saved as UTF-8 are 2 bytes each.
    expect(found(vif('é'.repeat(2049)))).toEqual(['XM0103@3:16-3:2065']);
  });

  it('disk targets ("params"), vfb and p9 fields, and xm files too', () => {
    const disk = `${PV}disk = ["format=raw, vdev=xvda, target=/d/${'€'.repeat(1366)}"]\n`;
    expect(found(disk)).toEqual(['XM0103@3:40-3:1409']);
    const vfb = `${PV}vfb = ["vnc=1,vncpasswd=${'€'.repeat(1366)}"]\n`;
    expect(found(vfb)).toEqual(['XM0103@3:25-3:1391']);
    // p9's tag (libxl_9pfs.c), a field of the table-read specs: it starts at column 12.
    const p9 = `${PV}p9 = ["tag=${'€'.repeat(1366)},path=/srv,security_model=none"]\n`;
    expect(found(p9)).toEqual(['XM0103@3:12-3:1378']);
    const xm = `# -*- coding: utf-8 -*-\n${PV}vif = ["bridge=${'€'.repeat(1366)}"]\n`;
    expect(found(xm, 'xm')).toEqual(['XM0103@4:16-4:1382']);
  });
});

describe('xm counts the bytes Python 2 holds, as xl counts the bytes it hands on (decision 076)', () => {
  /** An xm file whose vif bridge is 4,000 "a" then `tail` (bytes), line 4 with a utf-8 declaration. */
  const xmVif = (tail: Buffer): Buffer => Buffer.concat([Buffer.from(`# -*- coding: utf-8 -*-\n${PV}vif = ['bridge=${'a'.repeat(4000)}`), tail, Buffer.from("']\n")]);

  it('an escaped byte is one byte: 4,000 + 96 "\\xff" pass, 97 are over', () => {
    expect(found(xmVif(Buffer.from('\\xff'.repeat(96))), 'xm')).toEqual([]);
    // The escapes' value has no span of its own: the finding is at the literal.
    expect(found(xmVif(Buffer.from('\\xff'.repeat(97))), 'xm')).toEqual(['XM0103@4:8-4:4405']);
  });

  it('bytes that are not UTF-8 count one each, as in xl (and XM0261 says xend cannot receive them)', () => {
    const raw = (n: number): Buffer => xmVif(Buffer.alloc(n, 0xff));
    expect(found(raw(96), 'xm')).toEqual([]);
    expect(found(raw(97), 'xm')).toEqual(['XM0103@4:16-4:4113']);
    expect(check(raw(97), { dialect: 'xm' }).diagnostics.map((d) => d.code)).toContain('XM0261');
    expect(found(raw(97), 'xl')).toEqual(['XM0103@4:16-4:4113']);
  });
});

describe('vkb, vdispl and vsnd values written to xenstore as they are (xl)', () => {
  const over = '€'.repeat(1366); // 4,098 bytes, 1,366 characters: under the schema's character bounds
  it('vkb unique-id (libxl__set_xenstore_vkb: the backend\'s "unique-id")', () => {
    expect(found(`${PV}vkb = ["backend-type=qemu,unique-id=${over}"]\n`)).toEqual(['XM0103@3:37-3:1403']);
    expect(found(`${PV}vkb = ["backend-type=qemu,unique-id=${'€'.repeat(1365)}"]\n`)).toEqual([]);
    // 4,097 ASCII: one finding, the bytes' (the schema keeps only its 65,536-character bound).
    expect(found(`${PV}vkb = ["backend-type=qemu,unique-id=${'a'.repeat(4097)}"]\n`)).toEqual(['XM0103@3:37-3:4134']);
    expect(found(`${PV}vdispl = ["connectors=${'a'.repeat(4097)}:800x600"]\n`)).toEqual(['XM0103@3:23-3:4120']);
  });

  it('a vdispl connector\'s id (libxl__set_xenstore_vdispl: "N/unique-id"), at that connector', () => {
    expect(found(`${PV}vdispl = ["connectors=c0:1024x768;${over}:800x600"]\n`)).toEqual(['XM0103@3:35-3:1401']);
  });

  it('vsnd card names, pcm name and stream id (libxl__set_xenstore_vsnd)', () => {
    const vsnd = `${PV}vsnd = [["card, short-name=${over}", "pcm, name=${over}", "stream, unique-id=${over}, type=p"]]\n`;
    // short-name= starts at column 28; each item's value after the previous one's 1,366 columns.
    expect(found(vsnd)).toEqual(['XM0103@3:28-3:1394', 'XM0103@3:1408-3:2774', 'XM0103@3:2796-3:4162']);
    expect(found(`${PV}vsnd = [["card, long-name=${over}"]]\n`)).toEqual(['XM0103@3:27-3:1393']);
  });
});

describe("xmcfg's own text bounds count characters (code points), not UTF-16 units", () => {
  const vifname = (name: string): string => `${PV}vif = ["vifname=${name}"]\n`;
  it('vifname (64): 64 emoji (128 UTF-16 units) pass, 65 do not', () => {
    expect(found(vifname('😀'.repeat(64)))).toEqual([]);
    // vifname= is 8 characters: the value starts at column 17 and 65 emoji take 130 columns.
    expect(found(vifname('😀'.repeat(65)))).toEqual(['XM0103@3:17-3:147']);
  });
});
