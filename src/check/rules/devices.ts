/**
 * @fileoverview Device lists that parse one by one but cannot be created together: two disks with
 * the same virtual device name (the second one's xenstore entry already exists), and PCI or
 * device-tree passthrough while `passthrough = "disabled"` (libxl refuses the domain).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiag, valueAt, type Rule } from './context.js';

/**
 * Two disks with the same vdev (XM0262). The vdev is the disk's device id (libxl__device_disk_dev_number;
 * xend's blkif the same), so the second disk's backend path is the first one's: libxl stops with
 * "device already exists in xenstore" (libxl__device_disk_add) and the domain is destroyed; xend
 * refused it as "Device … is already connected". One finding per repeated disk, at its vdev.
 */
export const duplicateDiskVdev: Rule = ({ config, spans, unknown }) => {
  const disks = config.disk;
  if (!Array.isArray(disks) || unknown.has('disk')) return [];
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  disks.forEach((d, i) => {
    const vdev = d?.vdev;
    if (typeof vdev !== 'string' || vdev === '') return;
    const seen = first.get(vdev);
    if (seen === undefined) {
      first.set(vdev, i);
      return;
    }
    out.push(
      makeDiag('XM0262', vdevAt(spans, i), `disk ${i + 1} uses vdev ${vdev} like disk ${seen + 1}: the second disk's device already exists, and creating the domain fails`, {
        related: [{ message: `disk ${seen + 1} uses ${vdev} here`, span: vdevAt(spans, seen) }],
        hint: 'give every disk its own vdev (xvda, xvdb, …)',
      }),
    );
  });
  return out;
};

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
