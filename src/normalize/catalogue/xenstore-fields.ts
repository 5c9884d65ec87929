/**
 * @fileoverview The device fields the toolstack writes to xenstore as they are, whose length limit is
 * xenstore's in bytes (decision 063): the schema gives them only its 65,536-character size bound,
 * and the rule src/check/rules/xenstore-bytes.ts checks the bytes. Sources: libxl_disk.c
 * device_disk_add ("params" from the target, "script", the COLO keys), libxl_nic.c
 * libxl__set_xenstore_nic, libxl_console.c libxl__set_xenstore_vfb, libxl_9pfs.c
 * libxl__set_xenstore_p9; xend's device controllers wrote the same keys for xm.
 */

/** xenstore's XENSTORE_PAYLOAD_MAX (xen/include/public/io/xs_wire.h): a request's path, its NUL and the value. */
export const XENSTORE_PAYLOAD_MAX = 4096;

/** By option, each field written to xenstore as it is and the xenstore key it becomes. */
export const XENSTORE_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  disk: { target: 'params', script: 'script', colo_host: 'colo-host', colo_export: 'colo-export', active_disk: 'active-disk', hidden_disk: 'hidden-disk' },
  vif: { bridge: 'bridge', script: 'script', ip: 'ip', gatewaydev: 'gatewaydev', forwarddev: 'forwarddev' },
  vfb: { vnclisten: 'vnclisten', vncpasswd: 'vncpasswd', display: 'display', xauthority: 'xauthority' },
  p9: { tag: 'tag', path: 'path', security_model: 'security_model' },
};
