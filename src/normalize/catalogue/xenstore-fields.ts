/**
 * @fileoverview The device fields the toolstack writes to xenstore as they are, whose length limit is
 * xenstore's in bytes (decision 063): the schema gives them only its 65,536-character size bound,
 * and the rule src/check/rules/xenstore-bytes.ts checks the bytes. Sources: libxl_disk.c
 * device_disk_add ("params" from the target, "script", the COLO keys), libxl_nic.c
 * libxl__set_xenstore_nic, libxl_console.c libxl__set_xenstore_vfb, libxl_9pfs.c
 * libxl__set_xenstore_p9, libxl_vkb.c libxl__set_xenstore_vkb, libxl_vdispl.c
 * libxl__set_xenstore_vdispl, libxl_vsnd.c libxl__set_xenstore_vsnd; xend's device controllers
 * wrote the same keys for xm (vkb, vdispl and vsnd are xl's only).
 */

/** xenstore's XENSTORE_PAYLOAD_MAX (xen/include/public/io/xs_wire.h): a request's path, its NUL and the value. */
export const XENSTORE_PAYLOAD_MAX = 4096;

/**
 * By the list whose items hold them, each field written to xenstore as it is and the xenstore key it
 * becomes. The list is named by its path in the normalised config: an option, then `*` for each
 * element of a list and a field name for a field (`vsnd/*`: the items of each sound card).
 */
export const XENSTORE_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  disk: { target: 'params', script: 'script', colo_host: 'colo-host', colo_export: 'colo-export', active_disk: 'active-disk', hidden_disk: 'hidden-disk' },
  vif: { bridge: 'bridge', script: 'script', ip: 'ip', gatewaydev: 'gatewaydev', forwarddev: 'forwarddev' },
  vfb: { vnclisten: 'vnclisten', vncpasswd: 'vncpasswd', display: 'display', xauthority: 'xauthority' },
  p9: { tag: 'tag', path: 'path', security_model: 'security_model' },
  // The backend's "unique-id"; the feature flags and sizes are written from numbers.
  vkb: { 'unique-id': 'unique-id' },
  // Each connector's "N/unique-id" (in the frontend's read-only part); its resolution is written from numbers.
  'vdispl/*/connectors': { unique_id: 'unique-id' },
  // The card's "short-name" and "long-name", a pcm's "N/name", a stream's "N/M/unique-id"; the
  // sample rates and formats are written from the numbers and names xl read, not from the text.
  'vsnd/*': { 'short-name': 'short-name', 'long-name': 'long-name', name: 'name', 'unique-id': 'unique-id' },
};

/** Each path of XENSTORE_FIELDS split into its steps once, with the items' `*` at the end. */
const STEPS: ReadonlyMap<string, readonly string[]> = new Map(Object.keys(XENSTORE_FIELDS).map((path) => [path, [...path.split('/'), '*']]));

/** true for a value that is an object and not an array (a device item or a config). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The objects of the list at `path` (a key of XENSTORE_FIELDS) in `config`, each with its JSON pointer.
 * Plain loops over pre-split steps: the rule asks for every path of every file checked, and most
 * configs hold none of these lists (an array per step per path cost ~15 ms per 2,000 files).
 */
export function xenstoreItems(config: unknown, path: string): { item: Record<string, unknown>; ptr: string }[] {
  const out: { item: Record<string, unknown>; ptr: string }[] = [];
  const steps = STEPS.get(path) ?? [...path.split('/'), '*'];
  visit(config, '', steps, 0, out);
  return out;
}

/** Walk `steps` from index `i` below `value` (at `ptr`), collecting the objects the last step reaches. */
function visit(value: unknown, ptr: string, steps: readonly string[], i: number, out: { item: Record<string, unknown>; ptr: string }[]): void {
  if (i === steps.length) {
    if (isRecord(value)) out.push({ item: value, ptr });
    return;
  }
  const step = steps[i] as string;
  if (step === '*') {
    if (!Array.isArray(value)) return;
    for (let k = 0; k < value.length; k++) visit(value[k], `${ptr}/${k}`, steps, i + 1, out);
  } else if (isRecord(value)) {
    const next = value[step];
    if (next !== undefined) visit(next, `${ptr}/${step}`, steps, i + 1, out);
  }
}
