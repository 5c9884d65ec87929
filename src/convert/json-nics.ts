/**
 * @fileoverview `convert --to json`: the libxl_device_nic fields that need more than a copy: the
 * `vlan`, `gatewaydev`/`netdev` and COLO keys the normaliser keeps under `other`, and the rate limit:
 * xl turns `rate=N[GMK](B|b)/s[@INTERVAL]` into bytes per replenishment interval and the interval in
 * microseconds (libxlu_vif.c, xlu_vif_parse_rate, which normalize/vif-xl.ts reads as xl does).
 */
import { xlRate } from '../normalize/vif-xl.js';
import { COLO_NIC_KEYS } from '../normalize/catalogue/libxl-names.js';

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
  for (const k of COLO_NIC_KEYS) {
    const s = other(v, k);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
