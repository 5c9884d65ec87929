/**
 * @fileoverview What `xm create FILE NAME=VALUE` did with a command-line value (xmcfg's `--define`
 * in an xm file). xm's Opts.parse (tools/python/xen/xm/opts.py) handed `NAME=VALUE` to the option
 * NAME when create.py defines one with gopts.var, converted by that option's function; the option
 * is then "specified", and Opts.load skips the file's own assignment of it (`if
 * self.specified(k): continue`): the command line wins. Such an option is not a name the file can
 * read (load pre-binds only gopts.vars). Any other NAME became a script variable the file reads
 * and may rebind (create.py parseCommandLine: `gopts.setvar(var.strip(), val.strip())`).
 */
import type { Span } from '../diagnostics/span.js';
import type { Value } from './value.js';

/**
 * The conversion functions of create.py's option table: set_int (int()), set_long (long()),
 * set_bool (only yes/y/no/n), set_value (the text as it is) and append_value (one more list item).
 */
export type XmConversion = 'int' | 'long' | 'bool' | 'string' | 'list';

const INT = ['memory', 'maxmem', 'shadow_memory', 'cpu', 'rtc_timeoffset', 'pae', 'hpet', 'timer_mode', 'tsc_mode', 'nomigrate', 'vpt_align', 'viridian', 'acpi', 'apic', 'vcpus', 'vhpt', 'cpu_cap', 'cpu_weight', 'nics', 'videoram', 'target', 'hap', 's3_integrity', 'oos', 'machine_address_size', 'pci_msitranslate', 'pci_power_mgmt', 'xen_platform_pci', 'superpages', 'nestedhvm'];
const BOOL = ['vncviewer', 'vncconsole', 'blkif', 'netif', 'monitor', 'localtime', 'usb', 'stdvga', 'isa', 'nographic', 'vncunused', 'suppress_spurious_page_faults', 'memory_sharing'];
const LIST = ['tpmif', 'disk', 'pci', 'vscsi', 'vusb', 'ioports', 'irq', 'vfb', 'vif', 'vif2', 'vtpm', 'access_control', 'cpuid', 'cpuid_check'];
const STRING = ['vncpasswd', 'name', 'bootloader', 'bootargs', 'bootentry', 'kernel', 'ramdisk', 'loader', 'features', 'builder', 'cpus', 'restart', 'on_poweroff', 'on_reboot', 'on_crash', 'root', 'extra', 'ip', 'gateway', 'netmask', 'hostname', 'interface', 'dhcp', 'nfs_server', 'nfs_root', 'device_model', 'fda', 'fdb', 'serial', 'keymap', 'usbdevice', 'description', 'guest_os_type', 'boot', 'soundhw', 'vnc', 'vncdisplay', 'vnclisten', 'sdl', 'gfx_passthru', 'opengl', 'display', 'xauthority', 'uuid', 'on_xend_start', 'on_xend_stop', 'pool', 'parallel', 'monitor_path'];

/**
 * create.py's gopts.var options (Xen 4.x; RELEASE-4.4.4 adds memory_sharing, pool, nestedhvm,
 * parallel and monitor_path, reference xen-format.md §b) with their conversion.
 */
const CONVERSIONS: ReadonlyMap<string, XmConversion> = new Map<string, XmConversion>([
  ...INT.map((n) => [n, 'int'] as const),
  ['vcpu_avail', 'long'],
  ...BOOL.map((n) => [n, 'bool'] as const),
  ...LIST.map((n) => [n, 'list'] as const),
  ...STRING.map((n) => [n, 'string'] as const),
]);

/** How xm converted a command-line value of this option, or undefined when NAME is no option (a script variable). */
export function xmOptionConversion(name: string): XmConversion | undefined {
  return CONVERSIONS.get(name);
}

/** The option value xm made of a command-line value, or why it refused it ("Error: Invalid value: …"). */
export type XmOptionValue = { ok: true; value: Value } | { ok: false; why: string };

const AT: Span = { start: 0, end: 0 };

/** Convert a command-line value as create.py's option function did; never throws. */
export function convertXmOption(conversion: XmConversion, raw: string | number): XmOptionValue {
  const text = String(raw);
  switch (conversion) {
    case 'string':
      return { ok: true, value: { kind: 'string', value: text, span: AT } };
    case 'list':
      return { ok: true, value: { kind: 'list', items: [{ kind: 'string', value: text, span: AT }], tuple: false, span: AT } };
    case 'bool':
      // set_bool compares the text as given: `Yes` or `1` is "Invalid value".
      if (text === 'yes' || text === 'y') return { ok: true, value: intValue(1) };
      if (text === 'no' || text === 'n') return { ok: true, value: intValue(0) };
      return { ok: false, why: 'set_bool takes only yes, y, no or n' };
    case 'int':
    case 'long': {
      // Python 2 int()/long() of a string: blanks around it, a sign, decimal digits (base 10, so no
      // 0x), and for long() a trailing L.
      const m = (conversion === 'long' ? /^\s*([+-]?)([0-9]+)[lL]?\s*$/ : /^\s*([+-]?)([0-9]+)\s*$/).exec(text);
      if (m === null) return { ok: false, why: `${conversion === 'int' ? 'set_int' : 'set_long'} reads it with ${conversion}(), base 10` };
      const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
      if (!Number.isSafeInteger(n)) return { ok: false, why: 'the number is 2^53 or more in magnitude, which xmcfg does not read exactly' };
      return { ok: true, value: intValue(n) };
    }
  }
}

/**
 * An int value. A long from set_long is an int here too: xm set the option to it directly, so it
 * was used, while a long the file assigns is dropped by Opts.load's type filter.
 */
function intValue(n: number): Value {
  return { kind: 'number', text: String(n), value: n, pyType: 'int', span: AT };
}
