/**
 * @fileoverview USB controllers and devices against the rest of the file, as libxl takes them when
 * xl creates the domain (libxl_usb.c; decision 111): what a usbctrl string alone decides is judged
 * by its parser (normalize/usb-xl.ts). Here: a `type=auto` controller (or one without a type) is
 * the device model's for an HVM guest and pv or qusb otherwise (libxl__device_usbctrl_setdefault),
 * so its version and ports are judged for the guest type; a usbdev `controller=` must name a usbctrl
 * entry (their ids are their indexes), and a `port=` must be one no earlier usbdev took and, on a
 * device-model controller, one it has. xl only (xm had no usbctrl or usbdev). Errors: XM0234.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NormalizedConfig, SpanMap } from '../../normalize/index.js';
import { ctrlPorts, ctrlRefusal, type CtrlKind } from '../../normalize/usb-xl.js';
import { guestKind } from './guest-type.js';
import { makeDiag, valueAt, type Rule } from './context.js';

type Usbctrl = NonNullable<NormalizedConfig['usbctrl']>[number];

/**
 * The kind libxl makes of usbctrl `i`; null when a written type, version or ports was refused by
 * the parser (already an error) or the kind depends on an unknown guest type.
 */
function controllerOf(c: Usbctrl, i: number, spans: SpanMap, guest: 'pv' | 'pvh' | 'hvm' | null): { kind: CtrlKind; auto: boolean } | null {
  for (const k of ['type', 'version', 'ports'] as const) if (spans.has(`/usbctrl/${i}/${k}`) && c[k] === undefined) return null;
  if (c.type === 'devicemodel') return { kind: 'devicemodel', auto: false };
  if (c.type === 'pv' || c.type === 'qusb') return { kind: 'pv', auto: false };
  if (guest === null) return null;
  return { kind: guest === 'hvm' ? 'devicemodel' : 'pv', auto: true };
}

/** A type=auto usbctrl whose version or ports libxl refuses for the guest type (XM0234). */
export const usbctrlForGuest: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || !Array.isArray(config.usbctrl) || unknown.has('usbctrl')) return [];
  const guest = guestKind(config, dialect, unknown);
  const out: Diagnostic[] = [];
  config.usbctrl.forEach((c, i) => {
    const ctrl = controllerOf(c, i, spans, guest);
    if (ctrl === null || !ctrl.auto) return;
    const why = ctrlRefusal(ctrl.kind, c.version ?? 0, c.ports ?? 0);
    if (why === null) return;
    const as = ctrl.kind === 'devicemodel' ? 'the device model\'s (type=auto on an HVM guest)' : 'a pv or qusb one (type=auto on a guest that is not HVM)';
    out.push(makeDiag('XM0234', valueAt(spans, `/usbctrl/${i}/${why.key}`), `usbctrl ${i}: the controller is ${as}, and ${why.why}: xl create fails`, { hint: `write type= for the controller meant, and a ${why.key} it takes` }));
  });
  return out;
};

/**
 * A usbdev controller= that names no usbctrl entry, a port= past a device-model controller's ports,
 * or a port an earlier usbdev took (XM0234). Controllers an earlier usbdev without controller= may add
 * (libxl makes one when no port is free) are not guessed at: after such a usbdev, indexes past the
 * list are not judged.
 */
export const usbdevPorts: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || !Array.isArray(config.usbdev) || unknown.has('usbdev') || unknown.has('usbctrl')) return [];
  const ctrls = Array.isArray(config.usbctrl) ? config.usbctrl : [];
  const guest = guestKind(config, dialect, unknown);
  const taken = new Set<string>();
  const out: Diagnostic[] = [];
  let auto = false;
  config.usbdev.forEach((d, j) => {
    const c = d.controller;
    // No controller written (or -1): libxl picks one and may add a controller of its own.
    if (c === undefined) {
      auto = true;
      return;
    }
    if (c >= ctrls.length) {
      if (!auto) out.push(makeDiag('XM0234', valueAt(spans, `/usbdev/${j}/controller`), `usbdev ${j}: controller ${c}, but the file has ${ctrls.length === 0 ? 'no usbctrl entry' : `usbctrl entries 0 to ${ctrls.length - 1}`}: libxl finds no controller with id ${c}, and xl create fails`, { hint: ctrls.length === 0 ? 'add a usbctrl entry, or leave controller= out to let libxl make one' : `write a controller from 0 to ${ctrls.length - 1} (the usbctrl entry's index), or leave controller= out` }));
      return;
    }
    const p = d.port ?? 0;
    if (p === 0) return;
    const ctrl = controllerOf(ctrls[c]!, c, spans, guest);
    const at = valueAt(spans, `/usbdev/${j}/port`);
    // Past a pv or qusb controller's ports libxl writes the device where no backend reads it (the
    // guest starts without it, not judged here); QEMU refuses a port its controller lacks.
    if (ctrl?.kind === 'devicemodel') {
      const n = ctrlPorts(ctrl.kind, ctrls[c]!.version ?? 0, ctrls[c]!.ports ?? 0);
      if (p > n) {
        out.push(makeDiag('XM0234', at, `usbdev ${j}: port ${p}, but controller ${c} (the device model's) has ${n} ports: QEMU refuses the device and xl create fails`, { hint: `write a port from 1 to ${n}, or leave port= out to let libxl pick a free one` }));
        return;
      }
    }
    const key = `${c}:${p}`;
    if (taken.has(key)) out.push(makeDiag('XM0234', at, `usbdev ${j}: controller ${c} port ${p} is taken by an earlier usbdev: libxl refuses it ("The controller port isn't available")`, { hint: 'write another port, or leave port= out to let libxl pick a free one' }));
    taken.add(key);
  });
  return out;
};

/**
 * A usbdev without a host bus or address from 1 up (not written, 0, or 256 kept in 8 bits as 0):
 * libxl__device_usbdev_add first asks is_usbdev_assignable, whose usbdev_busaddr_to_busid returns
 * no device for `bus < 1 || addr < 1` ("USB device is not assignable."), and xl create fails (XM0234).
 */
export const usbdevHost: Rule = ({ config, spans, dialect, unknown }) => {
  if (dialect !== 'xl' || !Array.isArray(config.usbdev) || unknown.has('usbdev')) return [];
  const out: Diagnostic[] = [];
  config.usbdev.forEach((d, j) => {
    // An unknown key makes xl exit (reported by the parser): a misspelt hostaddr= is not also missing.
    if (d.other !== undefined) return;
    // By the span: the value written as 0, or the whole string for what is not written (one finding for both).
    const why = new Map<string, string[]>();
    for (const k of ['hostbus', 'hostaddr'] as const) {
      const ptr = `/usbdev/${j}/${k}`;
      // A written value the parser refused is reported there.
      if (d[k] !== undefined ? d[k] !== 0 : spans.has(ptr)) continue;
      const at = d[k] === undefined ? `/usbdev/${j}` : ptr;
      why.set(at, [...(why.get(at) ?? []), d[k] === undefined ? `no ${k}=` : `${k} 0`]);
    }
    for (const [at, reasons] of why) {
      out.push(makeDiag('XM0234', valueAt(spans, at), `usbdev ${j}: ${reasons.join(' and ')}: libxl looks the host device up by bus and address from 1 and finds none ("USB device is not assignable."), so xl create fails`, { hint: 'write hostbus= and hostaddr= with the bus and device numbers lsusb shows' }));
    }
  });
  return out;
};
