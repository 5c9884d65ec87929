/**
 * Data-driven: the option catalogue against the keys the tools read (decision 117). The xl rows
 * are every top-level key parse_config_data and its helpers read in tools/xl/xl_parse.c of
 * xen-project/xen 00535c8a (the newest full copy the source index holds; the older ad011ad0 reads
 * the same keys less six), with how the value is read, then the keys later Xen versions added (from
 * TSnake41/xen 2194e248, a 2025 tree, and the xl_parse.c hunks of reviewed patches). The xm rows are the
 * options create.py (fc63162a) declares with `gopts.var`, with the function that converts a
 * command-line value, and the variables it reads without declaring them. Facts recorded in this
 * project's words; `check --dialect xl` behaviour for single keys is covered by the tests of each
 * reader (xl-getters, xl-single-value, option-audit).
 */
import { describe, expect, it } from 'vitest';
import { OPTION_KEYS, optionSchema, type Conv } from '../../src/normalize/catalogue/index.js';
import type { GuestKind } from '../../src/normalize/catalogue/helpers.js';
import { check } from '../../src/index.js';

/**
 * How xl reads a key. number: xlu_cfg_get_long (bounded or not); flag: the same long used as a
 * true/false (a defbool's `!!l`, or `l ?` in C); string: xlu_cfg_get_string or replace_string (any
 * atom; a NUMBER token is its text); list: xlu_cfg_get_list or get_list_as_string_list, warnings on (a
 * single value is "should be a list" and ignored, or an exit); string|list, number|string, flag|list:
 * the first getter, then the second on the value the first refused.
 */
type XlRead = 'number' | 'flag' | 'string' | 'list' | 'string|list' | 'number|string' | 'flag|list';

/** The catalogue readers that take what each getter takes. */
const XL_COMPATIBLE: Record<XlRead, readonly Conv[]> = {
  number: ['int'],
  flag: ['bool'],
  string: ['string', 'enum', 'guestType', 'specString'],
  list: ['specList', 'strList', 'intList', 'disk', 'vif', 'pci', 'vfb', 'channel', 'usbdev', 'usbctrl', 'vnuma', 'vsnd', 'ioports', 'iomem', 'irqs', 'smbios', 'llcColors'],
  'string|list': ['strOrList', 'cpus', 'cpuid', 'serial'],
  'number|string': ['enumOrInt', 'boolOrString'],
  'flag|list': ['boolOrStrList', 'viridian'],
};

const H: readonly GuestKind[] = ['hvm'];

/** [key, how xl reads it, the guest types it reads it for (absent: every type)]. */
type XlKey = [key: string, read: XlRead, readFor?: readonly GuestKind[]];

/** xl_parse.c at 00535c8a, file order. */
const XL_KEYS: XlKey[] = [
  ['vnc', 'flag'], ['vnclisten', 'string'], ['vncpasswd', 'string'], ['vncdisplay', 'number'], ['vncunused', 'flag'],
  ['sdl', 'flag'], ['opengl', 'flag'], ['display', 'string'], ['xauthority', 'string'],
  ['cmdline', 'string'], ['root', 'string'], ['extra', 'string'],
  ['vnuma', 'list'], ['vsnd', 'list'], ['vkb', 'list'],
  ['init_seclabel', 'string'], ['seclabel', 'string'], ['type', 'string'], ['builder', 'string'], ['hap', 'flag'], ['name', 'string'], ['uuid', 'string'], ['oos', 'flag'], ['pool', 'string'],
  ['pvshim', 'flag', ['pvh']], ['pvshim_path', 'string', ['pvh']], ['pvshim_cmdline', 'string', ['pvh']], ['pvshim_extra', 'string', ['pvh']],
  ['cpu_weight', 'number'], ['cap', 'number'], ['period', 'number'], ['slice', 'number'], ['latency', 'number'], ['extratime', 'number'],
  ['memory', 'number'], ['maxmem', 'number'], ['vcpus', 'number'], ['maxvcpus', 'number'], ['vuart', 'string'],
  ['cpus', 'string|list'], ['cpus_soft', 'string|list'], ['max_grant_frames', 'number'], ['max_maptrack_frames', 'number'],
  ['on_poweroff', 'string'], ['on_reboot', 'string'], ['on_watchdog', 'string'], ['on_crash', 'string'], ['on_soft_reset', 'string'],
  ['e820_host', 'flag', ['pv']], ['pci_msitranslate', 'flag'], ['pci_power_mgmt', 'flag'], ['pci_permissive', 'flag'], ['pci_seize', 'flag'],
  ['rdm', 'string'], ['pci', 'list'], ['dtdev', 'list'], ['passthrough', 'string'], ['shadow_memory', 'number'], ['nomigrate', 'flag'],
  ['tsc_mode', 'number|string'], ['rtc_timeoffset', 'number'], ['localtime', 'flag'], ['videoram', 'number'], ['max_event_channels', 'number'],
  ['kernel', 'string'], ['ramdisk', 'string'], ['device_tree', 'string'], ['driver_domain', 'flag'], ['acpi', 'flag'], ['bootloader', 'string'],
  ['bootloader_args', 'string|list'], ['timer_mode', 'number|string'], ['nestedhvm', 'flag'],
  ['firmware_override', 'string', H], ['bios_path_override', 'string', H], ['bios', 'string', H], ['pae', 'flag', H], ['acpi_s3', 'flag', H],
  ['acpi_s4', 'flag', H], ['acpi_laptop_slate', 'flag', H], ['nx', 'flag', H], ['hpet', 'flag', H], ['vpt_align', 'flag', H], ['apic', 'flag', H],
  ['viridian', 'flag|list', H], ['mmio_hole', 'number', H], ['altp2mhvm', 'flag', H], ['smbios_firmware', 'string', H], ['acpi_firmware', 'string', H],
  ['ms_vm_genid', 'string', H], ['rdm_mem_boundary', 'number', H], ['mca_caps', 'list', H], ['firmware', 'string'],
  ['altp2m', 'number|string'], ['vmtrace_buf_kb', 'number'], ['ioports', 'list'], ['irqs', 'list'], ['iomem', 'list'], ['disk', 'list'],
  ['p9', 'list'], ['vtpm', 'list'], ['vdispl', 'list'], ['pvcalls', 'list'], ['channel', 'list'], ['vif', 'list'], ['vfb', 'list'],
  ['usbctrl', 'list'], ['usbdev', 'list'], ['cpuid', 'string|list'], ['device_model_override', 'string'], ['device_model_version', 'string'],
  ['device_model_stubdomain_override', 'flag'], ['device_model_stubdomain_seclabel', 'string'], ['device_model_user', 'string'],
  ['stubdomain_kernel', 'string'], ['stubdomain_ramdisk', 'string'], ['stubdomain_memory', 'number'],
  ['device_model_args', 'list'], ['device_model_args_pv', 'list'], ['device_model_args_hvm', 'list'],
  // keymap: for a PV guest with vnc and no vfb, and for an HVM guest.
  ['keymap', 'string', ['pv', 'hvm']], ['dm_restrict', 'flag'],
  ['vga', 'string', H], ['stdvga', 'flag', H], ['hdtype', 'string', H], ['spice', 'flag', H], ['spiceport', 'number', H], ['spicetls_port', 'number', H],
  ['spicehost', 'string', H], ['spicedisable_ticketing', 'flag', H], ['spicepasswd', 'string', H], ['spiceagent_mouse', 'flag', H],
  ['spicevdagent', 'flag', H], ['spice_clipboard_sharing', 'flag', H], ['spiceusbredirection', 'number', H], ['spice_image_compression', 'string', H],
  ['spice_streaming_video', 'string', H], ['nographic', 'flag', H], ['gfx_passthru', 'number|string', H], ['serial', 'string|list', H], ['boot', 'string', H],
  ['usb', 'flag', H], ['usbversion', 'number', H], ['usbdevice', 'string|list', H], ['vkb_device', 'flag', H], ['soundhw', 'string', H],
  ['xen_platform_pci', 'flag', H], ['vendor_device', 'string', H], ['gic_version', 'string'], ['tee', 'string'],
  ['xend_suspend_evtchn_compat', 'flag'], ['msr_relaxed', 'flag'],
];

/** Keys read after 00535c8a: the getter of their patch, or of 2194e248 where the index holds no patch (†). */
const XL_LATER_KEYS: XlKey[] = [
  ['smbios', 'list', H], ['hvm_pirq', 'flag', H], ['xen_platform_pci_bar_uc', 'flag', H], ['altp2m_count', 'number'], ['stubdomain_cmdline', 'string'],
  ['llc_colors', 'list'], ['sve', 'string'], ['nr_spis', 'number'], ['trap_unmapped_accesses', 'flag'], ['arm_sci', 'string'], ['virtio', 'list'],
  ['vpmu', 'flag'], ['xenstore_feature_mask', 'number'], ['xenstore_quota', 'list'],
  // †
  ['max_grant_version', 'number'], ['bootloader_restrict', 'flag'], ['bootloader_user', 'string'],
];

/** Keys xl reads only to warn that it ignores them: xm options of the catalogue (XM0552). */
const XL_WARNS_ONLY = ['device_model', 'vif2', 'vncviewer'];

/** `sve`: xl reads a string and libxl_sve_type_from_string takes "hw", "disabled" and the lengths as text, so a NUMBER token's text is a name. */
const STRING_READ_AS_NAMES = new Set(['sve']);

describe('every key xl reads is a catalogue option of the xl dialect, typed as xl reads it', () => {
  for (const [key, read, readFor] of [...XL_KEYS, ...XL_LATER_KEYS]) {
    it(`${key}: ${read}${readFor ? ` (${readFor.join(', ')} only)` : ''}`, () => {
      const meta = optionSchema(key)?.['x-xmcfg'];
      expect(meta, `${key} is not in the catalogue`).toBeDefined();
      expect(meta!.dialects).toContain('xl');
      const conv = STRING_READ_AS_NAMES.has(key) ? 'enum' : meta!.conv;
      expect(XL_COMPATIBLE[read]).toContain(conv);
      // A key xl reads as a list alone is no "string or list" in the docs and hover.
      if (read === 'list') expect(meta!.type).not.toMatch(/^string or/);
      expect(meta!.readFor).toEqual(readFor);
    });
  }
  it('the keys xl reads only to warn are the catalogue\'s xm options', () => {
    for (const key of XL_WARNS_ONLY) expect(optionSchema(key)?.['x-xmcfg'].dialects).toEqual(['xm']);
  });
  it('the catalogue has no xl option xl does not read', () => {
    const read = new Set([...XL_KEYS, ...XL_LATER_KEYS].map(([k]) => k));
    expect(OPTION_KEYS.filter((k) => optionSchema(k)!['x-xmcfg'].dialects.includes('xl') && !read.has(k))).toEqual([]);
  });
});

/**
 * What the getters mean for values (libxlu keeps every atom as text): a NUMBER token is a string to
 * `_get_string`, a quoted number a number to `_get_long`, and a single value given to a key read
 * only as a list is "should be a list" (XM0258, ignored; XM0102 where xl then exits). For each key,
 * values of the kinds its getters take draw no type finding from `check --dialect xl`, on a guest
 * of a type xl reads the key for.
 */
const TYPE_FINDINGS = new Set(['XM0102', 'XM0258', 'XM0108', 'XM0109']);
const TAKES: Record<XlRead, readonly string[]> = {
  number: ['1', '"1"'],
  flag: ['1', '"1"'],
  string: ['1', '"x"'],
  list: ['["1"]'],
  'string|list': ['1', '"1"', '["1"]'],
  'number|string': ['1', '"1"'],
  'flag|list': ['1', '"1"', '["base"]'],
};
/** vsnd is a list of lists (one per card): its items are lists themselves. */
const TAKES_FOR: Readonly<Record<string, readonly string[]>> = { vsnd: ['[["card"]]'] };

/** The lines before the key: a guest type xl reads it for (PV needs a kernel). */
function guestLines(readFor: readonly GuestKind[] | undefined): string {
  if (readFor?.includes('hvm')) return 'type = "hvm"\n';
  return readFor?.includes('pvh') ? 'type = "pvh"\nkernel = "/k"\n' : 'kernel = "/k"\n';
}

describe('values of the kinds xl\'s getters take draw no type finding; single values for list keys do', () => {
  for (const [key, read, readFor] of [...XL_KEYS, ...XL_LATER_KEYS]) {
    it(`${key}: ${read}`, () => {
      const typeFindings = (value: string) => {
        const r = check(`name = "t"\n${guestLines(readFor)}${key} = ${value}\n`, { dialect: 'xl' });
        return r.diagnostics.filter((d) => TYPE_FINDINGS.has(d.code)).map((d) => `${value}: ${d.code}`);
      };
      expect((TAKES_FOR[key] ?? TAKES[read]).flatMap(typeFindings)).toEqual([]);
      if (read === 'list') for (const single of ['"1"', '1']) expect(typeFindings(single).length, `${key} = ${single}`).toBe(1);
    });
  }
});

/**
 * How create.py converts a command-line value (a file's value was copied as it was, so the
 * catalogue's type is what xend read): int (set_int, set_long), bool (set_bool), value (set_value),
 * append (append_value: a list), var (no gopts.var: a variable of the file create.py reads by name).
 */
type XmRead = 'int' | 'bool' | 'value' | 'append' | 'var';

const XM_COMPATIBLE: Record<Exclude<XmRead, 'var'>, readonly Conv[]> = {
  int: ['int', 'bool', 'enumOrInt', 'viridian'],
  bool: ['bool'],
  value: ['string', 'enum', 'bool', 'int', 'cpus', 'serial', 'strOrList', 'boolOrString'],
  append: ['specList', 'strOrList', 'intList', 'disk', 'vif', 'pci', 'vfb', 'ioports', 'irqs', 'cpuid'],
};

/** create.py at fc63162a: its gopts.var options, then the variables it reads undeclared. */
const XM_KEYS: [key: string, read: XmRead][] = [
  ...(['vncpasswd', 'name', 'bootloader', 'bootargs', 'bootentry', 'kernel', 'ramdisk', 'loader', 'features', 'builder', 'cpus', 'restart', 'on_poweroff', 'on_reboot', 'on_crash', 'root', 'extra', 'ip', 'gateway', 'netmask', 'hostname', 'interface', 'dhcp', 'nfs_server', 'nfs_root', 'device_model', 'fda', 'fdb', 'serial', 'keymap', 'usbdevice', 'description', 'guest_os_type', 'boot', 'soundhw', 'vnc', 'vncdisplay', 'vnclisten', 'sdl', 'gfx_passthru', 'opengl', 'display', 'xauthority', 'uuid', 'on_xend_start', 'on_xend_stop'] as const).map((k) => [k, 'value'] as [string, XmRead]),
  ...(['memory', 'maxmem', 'shadow_memory', 'cpu', 'rtc_timeoffset', 'pae', 'hpet', 'timer_mode', 'tsc_mode', 'nomigrate', 'vpt_align', 'viridian', 'acpi', 'apic', 'vcpus', 'vcpu_avail', 'vhpt', 'cpu_cap', 'cpu_weight', 'nics', 'videoram', 'target', 'hap', 's3_integrity', 'oos', 'machine_address_size', 'pci_msitranslate', 'pci_power_mgmt', 'xen_platform_pci', 'superpages'] as const).map((k) => [k, 'int'] as [string, XmRead]),
  ...(['vncviewer', 'vncconsole', 'blkif', 'netif', 'monitor', 'localtime', 'usb', 'stdvga', 'isa', 'nographic', 'vncunused', 'suppress_spurious_page_faults'] as const).map((k) => [k, 'bool'] as [string, XmRead]),
  ...(['tpmif', 'disk', 'pci', 'vscsi', 'vusb', 'ioports', 'irq', 'vfb', 'vif', 'vif2', 'vtpm', 'access_control', 'cpuid', 'cpuid_check'] as const).map((k) => [k, 'append'] as [string, XmRead]),
  // make_config's vcpu_conf (getattr), configure_hvm's args.
  ['maxvcpus', 'var'],
  ['xen_extended_power_mgmt', 'var'],
];

describe('every option create.py reads is a catalogue option of the xm dialect', () => {
  for (const [key, read] of XM_KEYS) {
    it(`${key}: ${read}`, () => {
      const meta = optionSchema(key)?.['x-xmcfg'];
      expect(meta, `${key} is not in the catalogue`).toBeDefined();
      expect(meta!.dialects).toContain('xm');
      if (read !== 'var') expect(XM_COMPATIBLE[read]).toContain(meta!.conv);
    });
  }
  // vtpm (append_value, preprocess_vtpm, configure_vtpm) is in the rows: create.py fc63162a declares
  // it, so it is an option of both dialects and no XM0553 in xm (decision 121).
  it('vtpm is an option of both dialects', () => {
    expect(optionSchema('vtpm')?.['x-xmcfg'].dialects).toEqual(['xl', 'xm']);
  });
});

describe('xen_extended_power_mgmt: an xm option (configure_hvm\'s args), read for HVM guests only', () => {
  // Each row: the lines after `name = "t"` (line 1), the normalised value, the findings of `check`.
  const rows: [dialect: 'xl' | 'xm', lines: string, value: unknown, findings: string[]][] = [
    ['xm', 'builder = "hvm"\nxen_extended_power_mgmt = 2', 2, []],
    // PV: create.py hands configure_hvm's args to xend only for builder = "hvm" (XM0244, at the key).
    ['xm', 'kernel = "/k"\nxen_extended_power_mgmt = 1', 1, ['XM0244@3:1-3:24']],
    // xl has no such option: an xm option xl does not know (XM0551), not an unknown key (XM0101).
    ['xl', 'kernel = "/k"\nxen_extended_power_mgmt = 1', 1, ['XM0551@3:1-3:24']],
  ];
  for (const [dialect, lines, value, findings] of rows) {
    it(`${dialect}: ${JSON.stringify(lines)}`, () => {
      const text = `name = "t"\n${lines}\n`;
      const r = check(text, { dialect });
      expect((r.config as Record<string, unknown>).xen_extended_power_mgmt).toEqual(value);
      expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(findings);
    });
  }
});
