/**
 * @fileoverview Device settings the toolstack writes to xenstore as they are, longer than a xenstore
 * request can carry (XM0103). libxl's set_xenstore_config of each device (libxl_disk.c
 * device_disk_add: "params" from the target, "script", "colo-host", …; libxl_nic.c
 * libxl__set_xenstore_nic: "bridge", "script", "ip", "gatewaydev", "forwarddev"; libxl_console.c
 * libxl__set_xenstore_vfb: "vnclisten", "vncpasswd", "display", "xauthority"; libxl_9pfs.c: "tag",
 * "path", "security_model"; vkb's and vdispl's "unique-id", vsnd's names and stream ids:
 * normalize/catalogue/xenstore-fields.ts), as xend's device
 * controllers did, writes each value with its path in one request, and xs_talkv (tools/libs/store/
 * xs.c) refuses a request of more than XENSTORE_PAYLOAD_MAX = 4096 bytes (E2BIG): the device and
 * so the domain's creation fail. A value of more than 4096 bytes never fits, whatever the path
 * (domain and device ids): that is the limit reported, counted in the bytes the file holds
 * (decision 063), not in characters as the schema's own size bounds are.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { labelOf } from '../../schema/messages.js';
import { fileBytes, makeDiag, valueAt, xmValueBytes, type Rule } from './context.js';
import { XENSTORE_FIELDS, XENSTORE_PAYLOAD_MAX, xenstoreItems } from '../../normalize/catalogue/xenstore-fields.js';

/** Device values of more than XENSTORE_PAYLOAD_MAX bytes (XM0103), at each value. */
export const xenstoreValueBytes: Rule = ({ config, spans, effective, dialect, sourceCodec, rawUtf8 }) => {
  const out: Diagnostic[] = [];
  const tool = dialect === 'xl' ? 'libxl' : 'xend';
  for (const [path, fields] of Object.entries(XENSTORE_FIELDS)) {
    for (const { item, ptr: itemPtr } of xenstoreItems(config, path)) {
      for (const [field, key] of Object.entries(fields)) {
        const value = item[field];
        // Most values are short: only one that could pass 4096 bytes (3 a UTF-16 unit at most) is counted.
        if (typeof value !== 'string' || value.length * 3 <= XENSTORE_PAYLOAD_MAX) continue;
        const ptr = `${itemPtr}/${field}`;
        const at = valueAt(spans, ptr);
        // xl hands on the file's bytes; xm the bytes Python 2 holds: one a character of a byte string
        // (escaped, or read from bytes that are not UTF-8), UTF-8 for text written in the file (decision 076).
        const bytes = dialect === 'xl' ? fileBytes(value, at, sourceCodec, rawUtf8) : xmValueBytes(value, at, effective, sourceCodec);
        if (bytes <= XENSTORE_PAYLOAD_MAX) continue;
        out.push(
          makeDiag('XM0103', at, `${labelOf(ptr)} has ${bytes} bytes, more than ${XENSTORE_PAYLOAD_MAX}: ${tool} writes it to xenstore as the device's "${key}", and a xenstore request holds at most ${XENSTORE_PAYLOAD_MAX} bytes with its path (XENSTORE_PAYLOAD_MAX; xs_write fails with E2BIG), so the device is not created and neither is the domain`, {
            hint: `shorten it to well under ${XENSTORE_PAYLOAD_MAX} bytes (the path takes some 40)`,
          }),
        );
      }
    }
  }
  return out;
};
