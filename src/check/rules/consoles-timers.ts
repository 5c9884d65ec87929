/**
 * @fileoverview Cross-field rules on scalar options xl refuses in combination: `timer_mode` on a PV
 * guest (xl exits), and a VNC display given both as `vncdisplay` and as the port part of
 * `vnclisten` (libxl refuses to start the device model).
 */
import { guestKind, guestTypeRelated, whyPv } from './guest-type.js';
import { makeDiag, valueAt, type Rule } from './context.js';

/**
 * timer_mode on a PV guest (XM0221): xl exits with '"timer_mode" option is not supported for PV
 * guests'. That test is xl's (xl_parse.c); xm set timer_mode as an HVM platform flag and never
 * refused it, so in xm there is no finding (as for the other libxl refusals tested with the dialect).
 */
export const timerModeOnPv: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || config.timer_mode === undefined || guestKind(config, dialect, unknown) !== 'pv') return [];
  return [
    makeDiag('XM0221', valueAt(spans, '/timer_mode'), `timer_mode on a PV guest (${whyPv(config)}): xl refuses it ("not supported for PV guests")`, {
      hint: 'drop timer_mode, or set type = "hvm" or "pvh"',
      related: guestTypeRelated(config, spans),
    }),
  ];
};

/**
 * vncdisplay set (non-zero) while vnclisten holds a display too, `HOST:DISPLAY` (XM0220), where xl
 * uses the top-level VNC options: an HVM guest with VNC not turned off, or a PV guest that asks for
 * VNC and has no vfb entries (xl then adds one framebuffer with them). The refusal is libxl's
 * (libxl_dm.c); xend handed qemu-dm `-vnc DISPLAY` and `-vnclisten LISTEN` as they were (image.py,
 * parseDeviceModelArgs) and refused neither, and built no framebuffer from them for a PV guest, so
 * in xm there is no finding, as for timer_mode above.
 */
export const vncDisplayTwice: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl') return [];
  const display = config.vncdisplay;
  const listen = config.vnclisten;
  if (!display || typeof listen !== 'string' || !listen.includes(':')) return [];
  const kind = guestKind(config, dialect, unknown);
  // HVM takes vnc's default (on) and PV the absence of vfb: neither may stand in for an unknown value.
  const used =
    kind === 'hvm'
      ? config.vnc !== false && !unknown.has('vnc')
      : kind === 'pv' && config.vnc === true && !(Array.isArray(config.vfb) && config.vfb.length > 0) && !unknown.has('vfb');
  if (!used) return [];
  return [
    makeDiag('XM0220', valueAt(spans, '/vncdisplay'), `vncdisplay ${display} and the display in vnclisten "${listen}": libxl refuses a VNC display given twice`, {
      related: [{ message: 'vnclisten names a display here', span: valueAt(spans, '/vnclisten') }],
      hint: 'keep one: vnclisten = "HOST" with vncdisplay, or vnclisten = "HOST:DISPLAY" alone',
    }),
  ];
};
