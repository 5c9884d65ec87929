/**
 * @fileoverview Device lists that parse one by one but cannot be created together: two disks with
 * the same virtual device name (the second one's xenstore entry already exists), and PCI or
 * device-tree passthrough while `passthrough = "disabled"` (libxl refuses the domain).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiag, valueAt, type Rule } from './context.js';
import { xlVdev } from '../../normalize/vdev-xl.js';
import { xmVdev } from '../../normalize/vdev-xm.js';
import { guestKind } from './guest-type.js';

/**
 * Two disks with the same vdev (XM0262). The vdev is the disk's device id (libxl__device_disk_dev_number;
 * xend's blkif the same), so the second disk's backend path is the first one's: libxl stops with
 * "device already exists in xenstore" (libxl__device_disk_add) and the domain is destroyed; xend
 * refused it as "Device … is already connected". In xl two names of one device number collide too
 * (`51712` and `xvda`, `d0p1` and `xvda1`: vdev-xl.ts), and in xm those of xend's blkif
 * (`768` and `hda`, `0x300` and `/dev/hda`: vdev-xm.ts). One finding per repeated disk, at its vdev.
 */
export const duplicateDiskVdev: Rule = ({ config, spans, unknown, dialect }) => {
  const disks = config.disk;
  if (!Array.isArray(disks) || unknown.has('disk')) return [];
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  disks.forEach((d, i) => {
    const vdev = d?.vdev;
    if (typeof vdev !== 'string' || vdev === '') return;
    // A name libxl or xend refuses already has its XM0213; it is compared as written.
    const devid = deviceNumber(vdev, dialect);
    const key = devid === null ? `=${vdev}` : `#${devid}`;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, i);
      return;
    }
    const other = disks[seen]!.vdev;
    const same = other === vdev ? `uses vdev ${vdev} like disk ${seen + 1}` : `has vdev ${vdev}, device ${devid} as is disk ${seen + 1}'s ${other}`;
    out.push(
      makeDiag('XM0262', vdevAt(spans, i), `disk ${i + 1} ${same}: the second disk's device already exists, and creating the domain fails`, {
        related: [{ message: `disk ${seen + 1} uses ${other} here`, span: vdevAt(spans, seen) }],
        hint: 'give every disk its own vdev (xvda, xvdb, …)',
      }),
    );
  });
  return out;
};

/** The device number a vdev names (libxl's for xl, xend's blkif for xm: decision 121), or null when refused. */
function deviceNumber(vdev: string, dialect: string): bigint | null {
  if (dialect !== 'xl') return xmVdev(vdev);
  const { devid } = xlVdev(vdev);
  return devid >= 0 ? BigInt(devid) : null;
}

/**
 * A vdev written as a number on an HVM guest (XM0268): libxl's device model finds no disk index in it
 * (libxl__device_disk_dev_number returns -1 when asked for one), so QEMU gets no drive for the disk
 * and only PV drivers see it (decision 109). xl only; PV and PVH guests have no emulated disks.
 */
export const numericVdevOnHvm: Rule = ({ config, spans, unknown, dialect }) => {
  const disks = config.disk;
  if (dialect !== 'xl' || !Array.isArray(disks) || unknown.has('disk') || guestKind(config, dialect, unknown) !== 'hvm') return [];
  const out: Diagnostic[] = [];
  disks.forEach((d, i) => {
    const vdev = d?.vdev;
    if (typeof vdev !== 'string' || vdev === '') return;
    const { devid, numeric } = xlVdev(vdev);
    if (!numeric) return;
    const name = xvdName(devid);
    out.push(
      makeDiag('XM0268', vdevAt(spans, i), `disk ${i + 1}'s vdev ${vdev} is a device number: libxl finds no disk index in it for the device model, so this HVM guest gets no emulated disk for it, only a PV one`, {
        hint: name === null ? 'name the disk (xvda, hda, sda, …) so that QEMU emulates it' : `write ${name}, the name of device ${devid}, so that QEMU emulates it`,
      }),
    );
  });
  return out;
};

/** The xvd name of a device number in xvd's encodings (libxl__devid_to_vdev), or null for another major. */
function xvdName(devid: number): string | null {
  const extended = devid >= 1 << 28 && devid < 1 << 29;
  if (!extended && devid >> 8 !== 202) return null;
  const minor = extended ? devid - (1 << 28) : devid & 0xff;
  const parts = extended ? 256 : 16;
  let letters = '';
  for (let n = Math.floor(minor / parts); ; n = Math.floor(n / 26) - 1) {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    if (n < 26) break;
  }
  return `xvd${letters}${minor % parts === 0 ? '' : minor % parts}`;
}

/** The span of disk `i`'s vdev, or of the disk entry when the vdev has none of its own. */
function vdevAt(spans: Parameters<Rule>[0]['spans'], i: number): ReturnType<typeof valueAt> {
  return spans.get(`/disk/${i}/vdev`)?.value ?? valueAt(spans, `/disk/${i}`);
}

/**
 * passthrough = "disabled" with pci or dtdev entries (XM0263): libxl's domain-config defaults
 * (libxl__domain_config_setdefault) refuse it, "passthrough disabled but devices are specified",
 * and xl create fails. passthrough is xl's (xm never read it: XM0553), so only xl is judged.
 */
export const passthroughDisabledWithDevices: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || config.passthrough !== 'disabled') return [];
  const by = (['pci', 'dtdev'] as const).find((k) => Array.isArray(config[k]) && config[k].length > 0 && !unknown.has(k));
  if (by === undefined) return [];
  return [
    makeDiag('XM0263', valueAt(spans, '/passthrough'), `passthrough = "disabled" while ${by} passes devices through: libxl refuses it ("passthrough disabled but devices are specified")`, {
      related: [{ message: `${by} lists devices to pass through here`, span: valueAt(spans, `/${by}`) }],
      hint: `remove passthrough (the default enables it for ${by}), or remove ${by}`,
    }),
  ];
};
