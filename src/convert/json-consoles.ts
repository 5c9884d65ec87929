/**
 * @fileoverview `convert --to json`: the top-level console options (`vnc*`, `sdl`, `opengl`,
 * `display`, `xauthority`, `keymap`, `spice*`). xl reads them into `type.hvm`'s libxl_vnc_info,
 * libxl_sdl_info and libxl_spice_info for HVM guests; for a PV guest without a `vfb` list, a
 * true `vnc` makes xl add one framebuffer (and its keyboard) carrying the same settings.
 */
import { clean, defbool, num, str, type Obj } from './json-util.js';

/** libxl_vnc_info from the top-level options (display 0 is libxl's default and left out; a display given twice is the check's XM0220). */
export function vncInfo(c: Obj): Obj {
  return clean({ enable: defbool(c.vnc), listen: str(c.vnclisten), passwd: str(c.vncpasswd), display: num(c.vncdisplay) || undefined, findunused: defbool(c.vncunused) });
}

/** libxl_sdl_info from the top-level options. */
export function sdlInfo(c: Obj): Obj {
  return clean({ enable: defbool(c.sdl), opengl: defbool(c.opengl), display: str(c.display), xauthority: str(c.xauthority) });
}

/** libxl_spice_info from the `spice*` options (ports and channel counts of 0 are libxl's default). */
export function spiceInfo(c: Obj): Obj {
  return clean({
    enable: defbool(c.spice),
    port: num(c.spiceport) || undefined,
    tls_port: num(c.spicetls_port) || undefined,
    host: str(c.spicehost),
    disable_ticketing: defbool(c.spicedisable_ticketing),
    passwd: str(c.spicepasswd),
    agent_mouse: defbool(c.spiceagent_mouse),
    vdagent: defbool(c.spicevdagent),
    clipboard_sharing: defbool(c.spice_clipboard_sharing),
    usbredirection: num(c.spiceusbredirection) || undefined,
    image_compression: str(c.spice_image_compression),
    streaming_video: str(c.spice_streaming_video),
  });
}

/**
 * The framebuffer xl adds for a PV guest that sets `vnc` true and has no `vfb` entry: devid 0,
 * the top-level VNC and SDL settings and `keymap` (xl adds its keyboard too, as for any vfb).
 */
export function pvTopLevelVfb(c: Obj, type: string, vfbCount: number): Obj[] {
  if (type !== 'pv' || vfbCount > 0 || c.vnc !== true) return [];
  return [clean({ devid: 0, vnc: vncInfo(c), sdl: sdlInfo(c), keymap: str(c.keymap) })];
}
