/**
 * @fileoverview `convert --to json`: the type-specific part of b_info, `type.hvm`, `type.pv` or
 * `type.pvh`, with the fields of libxl_types.idl's keyed union in its order. HVM: firmware and
 * BIOS, platform features (pae, nx, hpet, …), Viridian enlightenments, SMBIOS strings, VGA and the
 * consoles, graphics passthrough, the emulated devices, RDM and MCA capabilities. PV: `e820_host`
 * (which xl turns on itself when PCI devices are passed through). PVH: the PV shim. libxl prints
 * nested structs always, so `vga`, `vnc`, `sdl`, `spice` and `rdm` appear even when empty.
 */
import { note, type JsonNote } from './json-notes.js';
import { oneOrList, rdm, rdmBoundaryKb } from './json-resources.js';
import { sdlInfo, spiceInfo, vncInfo } from './json-consoles.js';
import { clean, defbool, enumName, memKb, str, type Obj } from './json-util.js';

const BIOS_TYPES = ['unknown', 'rombios', 'seabios', 'ovmf'] as const;
const VIRIDIAN = ['base', 'freq', 'time_ref_count', 'reference_tsc', 'hcall_remote_tlb_flush', 'apic_assist', 'crash_ctl', 'synic', 'stimer', 'hcall_ipi', 'ex_processor_masks', 'no_vp_limit', 'cpu_hotplug'] as const;
/** LIBXL_BUILDINFO_HVM_VIRIDIAN_ENABLE_DISABLE_WIDTH: "all" sets every bit of a bitmap this wide. */
const VIRIDIAN_WIDTH = 64;
const SMBIOS_KEYS = ['bios_vendor', 'bios_version', 'system_manufacturer', 'system_product_name', 'system_version', 'system_serial_number', 'baseboard_manufacturer', 'baseboard_product_name', 'baseboard_version', 'baseboard_serial_number', 'baseboard_asset_tag', 'baseboard_location_in_chassis', 'enclosure_manufacturer', 'enclosure_serial_number', 'enclosure_asset_tag', 'battery_manufacturer', 'battery_device_name', 'oem'] as const;
/** xl accepts at most 99 `oem` strings. */
const MAX_OEM = 99;
const VGA_KINDS: Record<string, string> = { stdvga: 'std', cirrus: 'cirrus', none: 'none', qxl: 'qxl' };
/** XEN_HVM_MCA_CAP_LMCE, the one capability xl knows. */
const MCA_CAPS: Record<string, number> = { lmce: 1 };

/** The `type.<type>` part of b_info. */
export function typePart(c: Obj, type: 'pv' | 'pvh' | 'hvm', pciCount: number, notes: JsonNote[]): Obj {
  if (type === 'hvm') return hvmPart(c, notes);
  if (type === 'pvh') return clean({ pvshim: defbool(c.pvshim), pvshim_path: str(c.pvshim_path), pvshim_cmdline: str(c.pvshim_cmdline), pvshim_extra: str(c.pvshim_extra) });
  // xl turns e820_host on for a PV guest with PCI devices, whatever the option says.
  return clean({ e820_host: pciCount > 0 ? 'True' : defbool(c.e820_host) });
}

/** libxl's `type.hvm` (fields in libxl_types.idl's order). */
function hvmPart(c: Obj, notes: JsonNote[]): Obj {
  const { bios, firmware } = firmwareOf(c, notes);
  const serial = oneOrList(c.serial, 'serial');
  const usbdevice = oneOrList(c.usbdevice, 'usbdevice');
  const passthru = gfxPassthru(c.gfx_passthru);
  return clean({
    firmware,
    bios,
    pae: defbool(c.pae),
    acpi_s3: defbool(c.acpi_s3),
    acpi_s4: defbool(c.acpi_s4),
    acpi_laptop_slate: defbool(c.acpi_laptop_slate),
    nx: defbool(c.nx),
    ...viridian(c.viridian, notes),
    hpet: defbool(c.hpet),
    vpt_align: defbool(c.vpt_align),
    mmio_hole_memkb: memKb(c.mmio_hole),
    altp2m: defbool(c.altp2mhvm),
    system_firmware: str(c.bios_path_override),
    smbios_firmware: str(c.smbios_firmware),
    smbios: smbios(c.smbios, notes),
    acpi_firmware: str(c.acpi_firmware),
    // IDE is libxl's default.
    hdtype: c.hdtype === 'ahci' ? 'ahci' : undefined,
    nographic: defbool(c.nographic),
    vga: clean({ kind: typeof c.vga === 'string' ? VGA_KINDS[c.vga] : typeof c.stdvga === 'boolean' ? (c.stdvga ? 'std' : 'cirrus') : undefined }),
    vnc: vncInfo(c, notes),
    keymap: str(c.keymap),
    sdl: sdlInfo(c),
    spice: spiceInfo(c),
    gfx_passthru: passthru.on,
    gfx_passthru_kind: passthru.kind,
    serial: serial.serial,
    boot: str(c.boot),
    usb: defbool(c.usb),
    usbversion: c.usbversion,
    usbdevice: usbdevice.usbdevice,
    vkb_device: defbool(c.vkb_device),
    soundhw: str(c.soundhw),
    xen_platform_pci: defbool(c.xen_platform_pci),
    xen_platform_pci_bar_uc: defbool(c.xen_platform_pci_bar_uc),
    usbdevice_list: usbdevice.usbdevice_list,
    // none is libxl's default.
    vendor_device: c.vendor_device === 'xenserver' ? 'xenserver' : undefined,
    serial_list: serial.serial_list,
    rdm: rdm(c) ?? {},
    rdm_mem_boundary_memkb: rdmBoundaryKb(c),
    mca_caps: mcaCaps(c.mca_caps, notes),
    pirq: defbool(c.hvm_pirq),
  });
}

/**
 * `bios`, `firmware_override` and `firmware` as xl combines them: `firmware` names a BIOS
 * (rombios, seabios, ovmf; a prefix of "uefi" means ovmf, of "bios" the default), else it is a path.
 */
function firmwareOf(c: Obj, notes: JsonNote[]): { bios?: string; firmware?: string } {
  let bios = c.bios === undefined ? undefined : enumName(c.bios, BIOS_TYPES, 'unknown');
  if (bios === null) {
    notes.push(note('bad-value', String(c.bios), 'bios'));
    bios = undefined;
  }
  let firmware = str(c.firmware_override);
  const fw = str(c.firmware);
  if (fw !== undefined) {
    const named = enumName(fw, BIOS_TYPES, 'unknown');
    if (named !== null) bios = named;
    else if ('uefi'.startsWith(fw)) bios = 'ovmf';
    else if (!'bios'.startsWith(fw)) firmware = fw;
  }
  return { bios, firmware };
}

/**
 * `viridian`: a boolean sets the defbool; a list of groups fills the enable/disable bitmaps left
 * to right ("!name" disables, "all" enables every bit, "defaults" sets the defbool).
 */
function viridian(v: unknown, notes: JsonNote[]): Obj {
  if (typeof v === 'boolean') return { viridian: defbool(v) };
  if (!Array.isArray(v)) return {};
  let on: string | undefined;
  const enable = new Set<number>();
  const disable = new Set<number>();
  v.forEach((item, i) => {
    if (typeof item !== 'string') return;
    if (item === 'all') for (let b = 0; b < VIRIDIAN_WIDTH; b++) enable.add(b);
    else if (item === 'defaults') on = 'True';
    else {
      const off = item.startsWith('!');
      const bit = enumName(off ? item.slice(1) : item, VIRIDIAN);
      if (typeof bit !== 'string') return void notes.push(note('bad-value', item, 'viridian', i));
      const index = VIRIDIAN.indexOf(bit as (typeof VIRIDIAN)[number]);
      (off ? disable : enable).add(index);
      (off ? enable : disable).delete(index);
    }
  });
  const sorted = (s: Set<number>) => (s.size ? [...s].sort((a, b) => a - b) : undefined);
  return { viridian: on, viridian_enable: sorted(enable), viridian_disable: sorted(disable) };
}

/** `smbios = ["KEY=VALUE", …]` → libxl_smbios `[{key, value}]` (at most 99 `oem` entries). */
function smbios(v: unknown, notes: JsonNote[]): Obj[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Obj[] = [];
  let oem = 0;
  v.forEach((item, i) => {
    if (typeof item !== 'string') return;
    const eq = item.indexOf('=');
    const key = eq === -1 ? null : enumName(item.slice(0, eq).trim(), SMBIOS_KEYS);
    if (typeof key !== 'string' || (key === 'oem' && ++oem > MAX_OEM)) return void notes.push(note('bad-value', item, 'smbios', i));
    out.push({ key, value: item.slice(eq + 1).trim() });
  });
  return out.length ? out : undefined;
}

/** `gfx_passthru`: a boolean, or a kind ("default", "igd") that also turns it on. */
function gfxPassthru(v: unknown): { on?: string; kind?: string } {
  if (typeof v === 'boolean') return { on: defbool(v) };
  if (v === 'default') return { on: 'True' };
  if (v === 'igd') return { on: 'True', kind: 'igd' };
  return {};
}

/** `mca_caps` names → the uint64 bit mask libxl holds. */
function mcaCaps(v: unknown, notes: JsonNote[]): number | undefined {
  if (!Array.isArray(v)) return undefined;
  let mask = 0;
  v.forEach((item, i) => {
    const bit = typeof item === 'string' ? MCA_CAPS[item] : undefined;
    if (bit === undefined) notes.push(note('bad-value', String(item), 'mca_caps', i));
    else mask |= bit;
  });
  return mask || undefined;
}
