/** The JSON Schema, the option docs and the mapping of Ajv errors to spans and messages. */
import { describe, it, expect } from 'vitest';
import { Ajv } from 'ajv';
import { schemaJson, optionKeys, optionDoc, validateConfig, AJV_OPTIONS, XMCFG_KEYWORD, suggest } from '../../src/schema/index.js';
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
import type { Dialect } from '../../src/syntax/value.js';

function check(text: string, dialect: Dialect = 'xl') {
  const parsed = parse(text, { dialect });
  const n = normalize(parsed.settings, { dialect });
  const diags = validateConfig(n.config, n.spans, { dialect });
  return diags.map((d) => {
    const p = parsed.lineIndex.position(d.span.start);
    return { code: d.code, severity: d.severity, at: `${p.line}:${p.column}`, text: text.slice(d.span.start, d.span.end), message: d.message, hint: d.hint };
  });
}

describe('schemaJson', () => {
  it('compiles under Ajv strict with the x-xmcfg keyword', () => {
    const ajv = new Ajv({ ...AJV_OPTIONS });
    ajv.addKeyword({ ...XMCFG_KEYWORD });
    expect(() => ajv.compile(schemaJson())).not.toThrow();
  });
  it('declares its draft ($schema, draft-07) and its $id, and is valid against that meta-schema', () => {
    const s = schemaJson();
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(s.$id).toBe('https://xmcfg.dev/schema/config.json');
    // An independent, non-strict Ajv: what a consumer of `xmcfg schema` would use.
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(s)).toBe(true);
    expect(ajv.compile(s)({ name: 'a', memory: 512 })).toBe(true);
  });
  it('is refused by Ajv strict without the keyword (so the keyword is really there)', () => {
    expect(() => new Ajv({ ...AJV_OPTIONS }).compile(schemaJson())).toThrow(/x-xmcfg/);
  });
  it('is plain JSON with per-option docs', () => {
    const s = schemaJson() as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
    expect(s.required).toEqual(['name']);
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.memory).toMatchObject({ type: 'integer', minimum: 1, 'x-xmcfg': { unit: 'MiB', dialects: ['xl', 'xm'] } });
    // xl's default (libxl: 32 MiB) is not xm's (128): the schema states none.
    expect(s.properties.memory.default).toBeUndefined();
    // pci_msitranslate: xl's parse_config_data starts from `int pci_msitranslate = 0;`, xm's create.py from 1.
    expect(s.properties.pci_msitranslate!.default).toBeUndefined();
    // on_crash: xl "destroy", xend's XendConfig._defaults 'actions_after_crash': 'restart'.
    expect(s.properties.on_crash!.default).toBeUndefined();
    expect(s.properties.on_crash!.enum).toContain('coredump-restart');
  });
});

describe('option catalogue coverage', () => {
  // Every option of the xl.cfg(5) table and of xm's create.py table in the reference, plus the NUMA keys.
  const XL = 'name type builder pool vcpus maxvcpus cpus cpus_soft cpu_weight cap memory maxmem vnuma on_poweroff on_reboot on_watchdog on_crash on_soft_reset kernel ramdisk cmdline root extra firmware pvshim pvshim_path pvshim_cmdline pvshim_extra uuid seclabel init_seclabel max_grant_frames max_maptrack_frames max_grant_version nomigrate driver_domain device_tree passthrough xend_suspend_evtchn_compat vmtrace_buf_kb vpmu xenstore_feature_mask xenstore_quota disk vif vtpm p9 pvcalls vfb channel usbctrl usbdev vdispl vkb virtio vsnd rdm pci pci_permissive pci_msitranslate pci_seize pci_power_mgmt gfx_passthru rdm_mem_boundary dtdev ioports iomem irqs max_event_channels dm_restrict device_model_user tee bootloader bootloader_args bootloader_restrict bootloader_user e820_host boot hdtype hap oos shadow_memory bios bios_path_override pae acpi acpi_s3 acpi_s4 acpi_laptop_slate apic nx hpet altp2m altp2mhvm altp2m_count nestedhvm cpuid acpi_firmware smbios_firmware smbios ms_vm_genid tsc_mode localtime rtc_timeoffset vpt_align timer_mode mmio_hole xen_platform_pci xen_platform_pci_bar_uc viridian hvm_pirq videoram stdvga vga vnc vnclisten vncdisplay vncunused vncpasswd keymap sdl nographic spice spicehost spiceport spicetls_port spicedisable_ticketing spicepasswd spiceagent_mouse spicevdagent spice_clipboard_sharing spiceusbredirection spice_image_compression spice_streaming_video serial soundhw vkb_device usb usbversion usbdevice vendor_device device_model_version device_model_override stubdomain_kernel stubdomain_cmdline stubdomain_ramdisk stubdomain_memory device_model_stubdomain_override device_model_stubdomain_seclabel device_model_args device_model_args_pv device_model_args_hvm gic_version vuart sve llc_colors nr_spis trap_unmapped_accesses arm_sci mca_caps msr_relaxed period slice latency extratime opengl device_model vif2 vncviewer firmware_override';
  const XM = 'name memory maxmem shadow_memory memory_sharing vcpus vcpu_avail cpu cpus cpu_weight cpu_cap pool builder kernel ramdisk loader bootloader bootargs bootentry root extra features ip gateway netmask hostname interface dhcp nfs_server nfs_root disk vif vif2 nics vscsi vusb pci ioports irq vfb access_control cpuid cpuid_check on_poweroff on_reboot on_crash restart on_xend_start on_xend_stop uuid description target device_model fda fdb parallel serial monitor monitor_path keymap usbdevice guest_os_type boot soundhw vnc vncdisplay vnclisten vncunused vncpasswd vncviewer vncconsole videoram sdl opengl display xauthority gfx_passthru pae acpi apic hpet viridian timer_mode tsc_mode vpt_align rtc_timeoffset localtime stdvga isa usb nographic nomigrate vhpt xen_platform_pci superpages pci_msitranslate pci_power_mgmt machine_address_size suppress_spurious_page_faults hap nestedhvm s3_integrity oos blkif netif';
  const keys = new Set(optionKeys());
  for (const k of new Set([...XL.split(' '), ...XM.split(' '), 'numa', 'numanodes', 'numanode'])) {
    it(k, () => {
      expect(keys.has(k)).toBe(true);
      const d = optionDoc(k)!;
      expect(d.description.length).toBeGreaterThan(5);
      expect(d.dialects.length).toBeGreaterThan(0);
    });
  }
  it('xm-only options are marked xm, xl-only xl', () => {
    expect(optionDoc('cpu_cap')!.dialects).toEqual(['xm']);
    expect(optionDoc('cpus_soft')!.dialects).toEqual(['xl']);
    expect(optionDoc('memory')!.dialects).toEqual(['xl', 'xm']);
  });
});

describe('optionDoc', () => {
  it('memory', () => expect(optionDoc('memory')).toMatchObject({ key: 'memory', type: 'integer', unit: 'MiB', minimum: 1 }));
  it('on_crash lists allowed values', () => expect(optionDoc('on_crash')!.allowed).toEqual(['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart', 'soft-reset']));
  it('deprecation', () => expect(optionDoc('builder')!.deprecatedBy).toBe('type'));
  it('the guest types xl reads an option for (xl_parse.c, parse_config_data), and only where it restricts them', () => {
    // switch (b_info->type) { case LIBXL_DOMAIN_TYPE_HVM: … } and if (c_info->type == LIBXL_DOMAIN_TYPE_HVM) { … }
    const hvm = [
      'firmware_override', 'bios_path_override', 'bios', 'pae', 'acpi_s3', 'acpi_s4', 'acpi_laptop_slate', 'nx', 'hpet', 'vpt_align', 'apic', 'hvm_pirq', 'viridian',
      'mmio_hole', 'altp2mhvm', 'smbios_firmware', 'acpi_firmware', 'smbios', 'ms_vm_genid', 'rdm_mem_boundary', 'mca_caps',
      'vga', 'stdvga', 'hdtype', 'spice', 'spiceport', 'spicetls_port', 'spicehost', 'spicedisable_ticketing', 'spicepasswd', 'spiceagent_mouse',
      'spicevdagent', 'spice_clipboard_sharing', 'spiceusbredirection', 'spice_image_compression', 'spice_streaming_video', 'nographic', 'gfx_passthru',
      'serial', 'boot', 'usb', 'usbversion', 'usbdevice', 'vkb_device', 'soundhw', 'xen_platform_pci', 'xen_platform_pci_bar_uc', 'vendor_device',
    ];
    const expected: Record<string, string[]> = Object.fromEntries(hvm.map((k) => [k, ['hvm']]));
    // if (b_info->type == LIBXL_DOMAIN_TYPE_PVH) { pvshim… }; if (c_info->type == LIBXL_DOMAIN_TYPE_PV) { e820_host }
    for (const k of ['pvshim', 'pvshim_path', 'pvshim_cmdline', 'pvshim_extra']) expected[k] = ['pvh'];
    expected.e820_host = ['pv'];
    // HVM in the HVM block; PV for the top-level VNC framebuffer; never PVH.
    expected.keymap = ['pv', 'hvm'];
    const marked = Object.fromEntries(optionKeys().flatMap((k) => (optionDoc(k)!.readFor ? [[k, [...optionDoc(k)!.readFor!]]] : [])));
    expect(marked).toEqual(expected);
    // Read for every type: acpi, firmware, kernel, nestedhvm, timer_mode (xl exits on PV: XM0221), vnc.
    for (const k of ['acpi', 'firmware', 'kernel', 'nestedhvm', 'timer_mode', 'vnc', 'videoram', 'altp2m']) expect(optionDoc(k)!.readFor).toBeUndefined();
  });
  it('folded NUMA keys', () => expect(optionDoc('numanode')).toMatchObject({ key: 'numanode', dialects: ['xm'], example: [0, 1] }));
  it('unknown', () => expect(optionDoc('memroy')).toBeUndefined());
  it('keys are sorted and unique', () => {
    const k = optionKeys();
    expect([...k].sort()).toEqual(k);
    expect(new Set(k).size).toBe(k.length);
  });
});

describe('validateConfig', () => {
  it('enum: names the key and the allowed values, at the value', () => {
    const [d] = check('name = "a"\non_crash = "reboot"\n');
    expect(d).toMatchObject({ code: 'XM0104', severity: 'error', at: '2:12', text: '"reboot"' });
    expect(d!.message).toBe('on_crash must be one of destroy, restart, rename-restart, preserve, coredump-destroy, coredump-restart, soft-reset; got "reboot"');
  });
  it('type: never just "must be integer"', () => {
    const [d] = check('name = "a"\nmemory = ["1"]\n');
    expect(d).toMatchObject({ code: 'XM0102', at: '2:10', text: '["1"]' });
    expect(d!.message).toBe('memory must be an integer (MiB); got a list');
  });
  it('range with unit', () => {
    const [d] = check('name = "a"\nmmio_hole = 128\n');
    expect(d).toMatchObject({ code: 'XM0103', at: '2:13', message: 'mmio_hole must be ≥ 256 MiB; got 128' });
  });
  it('unknown key: warning at the key with did-you-mean and a fix', () => {
    const parsed = parse('name = "a"\nmaxcpus = 4\n', { dialect: 'xl' });
    const n = normalize(parsed.settings, { dialect: 'xl' });
    const [d] = validateConfig(n.config, n.spans, { dialect: 'xl' });
    expect(d).toMatchObject({ code: 'XM0101', severity: 'warning', span: { start: 11, end: 18 }, hint: 'did you mean "maxvcpus"?' });
    expect(d!.fixes![0]!.edits).toEqual([{ span: { start: 11, end: 18 }, text: 'maxvcpus' }]);
  });
  it('an option early xm versions had is no typo: no did-you-mean and no rename fix (memmap is not keymap)', () => {
    const parsed = parse('name = "a"\nmemmap = "x"\nne2000 = 1\n', { dialect: 'xm' });
    const n = normalize(parsed.settings, { dialect: 'xm' });
    const ds = validateConfig(n.config, n.spans, { dialect: 'xm' }).filter((d) => d.code === 'XM0101');
    expect(ds.map((d) => [d.span.start, d.fixes])).toEqual([
      [11, undefined],
      [24, undefined],
    ]);
    for (const d of ds) expect(d.hint).toMatch(/^remove it/);
  });
  it('unknown key without a close match', () => expect(check('name = "a"\nzzzzzz = 1\n')[0]).toMatchObject({ code: 'XM0101', hint: 'xl silently ignores keys it does not know' }));
  it('missing name: error at file start in xl', () => expect(check('memory = 1\n')).toEqual([expect.objectContaining({ code: 'XM0105', severity: 'error', at: '1:1' })]));
  it('missing name: info in xm', () => expect(check('memory = 1\n', 'xm')).toEqual([expect.objectContaining({ code: 'XM0106', severity: 'info', at: '1:1' })]));
  it('pattern', () => expect(check('name = "a"\nuuid = "1234"\n')[0]).toMatchObject({ code: 'XM0110', at: '2:8' }));
  it('type error inside a list points at the item', () => expect(check('name = "a"\nusbdevice = ["tablet", 3]\n', 'xm')[0]).toMatchObject({ code: 'XM0102', text: '3', message: 'usbdevice[1] must be a string; got 3' }));
  it('type prefix outside pv/pvh/hvm', () => expect(check('name = "a"\ntype = "xen"\n')[0]).toMatchObject({ code: 'XM0104', text: '"xen"', message: 'type must be one of pv, pvh, hvm; got "xen"' }));
  it('deprecated in xl, not in xm', () => {
    expect(check('name = "a"\nbuilder = "hvm"\n')).toEqual([expect.objectContaining({ code: 'XM0107', text: 'builder', severity: 'warning' })]);
    expect(check('name = "a"\nbuilder = "hvm"\n', 'xm')).toEqual([]);
  });
  it('union types: the branch of the right type speaks', () => expect(check('name = "a"\ngfx_passthru = "amd"\n')).toEqual([expect.objectContaining({ code: 'XM0104', message: 'gfx_passthru must be one of default, igd; got "amd"' })]));
  it('union types: no branch of the right type → one message from the option doc', () =>
    expect(validateConfig({ name: 'a', gfx_passthru: [1] }, new Map([['/gfx_passthru', { key: { start: 1, end: 2 }, value: { start: 3, end: 4 } }]]))).toEqual([
      expect.objectContaining({ code: 'XM0102', span: { start: 3, end: 4 }, message: 'gfx_passthru must be boolean or string; got a list' }),
    ]));
  // In xl most list-only options given one value are XM0258 from normalize and left out (xl warns
  // and ignores them); device_model_args is one xl exits on, so the schema still judges it.
  it('xl list-only option given a string', () => expect(check('name = "a"\ndevice_model_args = "-x"\n')).toEqual([expect.objectContaining({ code: 'XM0102', text: '"-x"', message: 'device_model_args must be a list of strings; got "-x"' })]));
  it('xm list-only option given a string', () => expect(check('name = "a"\nioports = "2f8-2ff"\n', 'xm')).toEqual([expect.objectContaining({ code: 'XM0102', text: '"2f8-2ff"', message: 'ioports must be a list of strings; got "2f8-2ff"' })]));
  it('clean config', () => expect(check('name = "a"\nmemory = 512\nvcpus = 2\non_crash = "restart"\n')).toEqual([]));
  it('never throws on junk', () => {
    expect(() => validateConfig(null, new Map())).not.toThrow();
    expect(() => validateConfig({ name: 1, disk: [{}], numa: { mode: 'x' } }, new Map())).not.toThrow();
    expect(validateConfig({ name: 1 }, new Map())[0]).toMatchObject({ code: 'XM0102', span: { start: 0, end: 0 } });
  });
});

describe('suggest', () => {
  it.each([
    ['memroy', 'memory'],
    ['maxcpus', 'maxvcpus'],
    ['on_crsh', 'on_crash'],
    ['vcpu', 'vcpus'],
    ['numanode', 'numanode'],
  ])('%s → %s', (w, s) => expect(suggest(w, optionKeys())).toBe(s));
  it('nothing close', () => expect(suggest('qqqqqqqq', optionKeys())).toBeUndefined());
  it.each([
    ['bootlaoder', 'bootloader'],
    ['cpu_wieght', 'cpu_weight'],
    ['numa_nodes', 'numanodes'],
    ['pool0', 'pool'],
    ['disks', 'disk'],
  ])('%s → %s (longer words allow more edits)', (w, s) => expect(suggest(w, optionKeys())).toBe(s));
  // Half of a short word changed is another word, not a typo: no guess (and no "Rename to" fix).
  it.each(['x', 'foo1', 'test', 'base', 'myip'])('%s → nothing', (w) => expect(suggest(w, optionKeys())).toBeUndefined());
});
