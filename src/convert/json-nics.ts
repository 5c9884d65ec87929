/**
 * @fileoverview `convert --to json`: the libxl_device_nic fields that need more than a copy: the
 * `vlan`, `gatewaydev`/`netdev` and COLO keys the normaliser keeps under `other`, and the rate limit:
 * xl turns `rate=N[GMK](B|b)/s[@INTERVAL]` into bytes per replenishment interval and the interval in
 * microseconds (libxlu_vif.c, xlu_vif_parse_rate, which normalize/vif-xl.ts reads as xl does).
 */
import { xlRate } from '../normalize/vif-xl.js';

/**
 * `rate_bytes_per_interval` and `rate_interval_usecs` of a `rate=` value, read as xl reads it
 * (normalize/vif-xl.ts's xlu_vif_parse_rate; interval 50 ms unless given); no fields where xl refuses the value. A
 * byte count of 0 is libxl's default and left out, as its JSON leaves it out.
 */
export function nicRate(rate: unknown): { rate_bytes_per_interval?: number; rate_interval_usecs?: number } {
  if (typeof rate !== 'string') return {};
  const r = xlRate(rate);
  if (!r.ok) return {};
  const bytes = (r.bytesPerSec * r.intervalUs) / 1_000_000n;
  return { rate_bytes_per_interval: bytes === 0n ? undefined : Number(bytes), rate_interval_usecs: Number(r.intervalUs) };
}

/** The socket and filter names of the COLO proxy fields, in libxl_device_nic's order (libxl_types.idl). */
const COLO_NIC_FIELDS: readonly string[] = [
  ...['mirror', 'compare_pri_in', 'compare_sec_in', 'compare_notify', 'redirector0', 'redirector1', 'redirector2'].flatMap((s) => ['id', 'ip', 'port'].map((p) => `colo_sock_${s}_${p}`)),
  'colo_filter_mirror_queue',
  'colo_filter_mirror_outdev',
  ...['redirector0', 'redirector1'].flatMap((f) => ['queue', 'indev', 'outdev'].map((p) => `colo_filter_${f}_${p}`)),
  'colo_compare_pri_in',
  'colo_compare_sec_in',
  'colo_compare_out',
  'colo_compare_notify_dev',
  ...['sec_redirector0', 'sec_redirector1'].flatMap((s) => ['id', 'ip', 'port'].map((p) => `colo_sock_${s}_${p}`)),
  ...['sec_redirector0', 'sec_redirector1'].flatMap((f) => ['queue', 'indev', 'outdev'].map((p) => `colo_filter_${f}_${p}`)),
  'colo_filter_sec_rewriter0_queue',
  'colo_checkpoint_host',
  'colo_checkpoint_port',
];

type Obj = Record<string, unknown>;

/** A key parse_nic_config reads that the normaliser keeps under `other` (vlan, netdev, the COLO keys). */
const other = (v: Obj, key: string): string | undefined => {
  const o = v.other;
  const s = typeof o === 'object' && o !== null ? (o as Obj)[key] : undefined;
  return typeof s === 'string' ? s : undefined;
};

/**
 * `gatewaydev=`, or its deprecated name `netdev=`: parse_nic_config writes both into `gatewaydev`
 * (replace_string), so the one written last wins.
 */
export function nicGatewaydev(v: Obj): string | undefined {
  const gw = typeof v.gatewaydev === 'string' ? v.gatewaydev : undefined;
  const netdev = other(v, 'netdev');
  if (gw === undefined || netdev === undefined) return gw ?? netdev;
  const spec = typeof v.spec === 'string' ? v.spec : '';
  const at = (k: string) => Math.max(...[...spec.matchAll(new RegExp(`(?:^|,)[ \\t\\n]*${k}=`, 'g'))].map((m) => m.index ?? -1), -1);
  return at('netdev') > at('gatewaydev') ? netdev : gw;
}

/** `vlan=` (Xen 4.19, libxl_device_nic's `vlan` string). */
export const nicVlan = (v: Obj): string | undefined => other(v, 'vlan');

/** `forwarddev=` (libxl's `coloft_forwarddev`) and the COLO proxy keys, which libxl names as xl does, in libxl's order. */
export function nicColo(v: Obj): Obj {
  const out: Obj = {};
  if (typeof v.forwarddev === 'string') out.coloft_forwarddev = v.forwarddev;
  for (const k of COLO_NIC_FIELDS) {
    const s = other(v, k);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
