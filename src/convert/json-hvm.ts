/**
 * @fileoverview `convert --to json`: the type-specific part of b_info, `type.hvm`, `type.pv` or
 * `type.pvh`, with the fields of libxl_types.idl's keyed union in its order. HVM: firmware and
 * BIOS, platform features (pae, nx, hpet, …), Viridian enlightenments, SMBIOS strings, VGA and the
 * consoles, graphics passthrough, the emulated devices, RDM and MCA capabilities. PV: `e820_host`
 * (which xl turns on itself when PCI devices are passed through). PVH: the PV shim. libxl prints
 * nested structs always, so `vga`, `vnc`, `sdl`, `spice` and `rdm` appear even when empty.
 */
import { BIOS_TYPES, VIRIDIAN_GROUPS } from '../normalize/catalogue/libxl-names.js';
import { oneOrList, rdm, rdmBoundaryKb } from './json-resources.js';
import { sdlInfo, spiceInfo, vncInfo } from './json-consoles.js';
import { clean, defbool, enumName, libxlEnum, memKb, str, type Obj } from './json-util.js';

/** LIBXL_BUILDINFO_HVM_VIRIDIAN_ENABLE_DISABLE_WIDTH: "all" sets every bit of a bitmap this wide. */
const VIRIDIAN_WIDTH = 64;
const VGA_KINDS: Record<string, string> = { stdvga: 'std', cirrus: 'cirrus', none: 'none', qxl: 'qxl' };
/** XEN_HVM_MCA_CAP_LMCE, the one capability xl knows. */
const MCA_CAP_BITS: Record<string, number> = { lmce: 1 };

/** The `type.<type>` part of b_info. */
export function typePart(c: Obj, type: 'pv' | 'pvh' | 'hvm', pciCount: number): Obj {
  if (type === 'hvm') return hvmPart(c);
  if (type === 'pvh') return clean({ pvshim: defbool(c.pvshim), pvshim_path: str(c.pvshim_path), pvshim_cmdline: str(c.pvshim_cmdline), pvshim_extra: str(c.pvshim_extra) });
  // xl turns e820_host on for a PV guest with PCI devices, whatever the option says.
  return clean({ e820_host: pciCount > 0 ? 'True' : defbool(c.e820_host) });
}

/** libxl's `type.hvm` (fields in libxl_types.idl's order). */
function hvmPart(c: Obj): Obj {
  const { bios, firmware } = firmwareOf(c);
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
    ...viridian(c.viridian),
    hpet: defbool(c.hpet),
    vpt_align: defbool(c.vpt_align),
    mmio_hole_memkb: memKb(c.mmio_hole),
    altp2m: defbool(c.altp2mhvm),
    system_firmware: str(c.bios_path_override),
    smbios_firmware: str(c.smbios_firmware),
    smbios: smbios(c.smbios),
    acpi_firmware: str(c.acpi_firmware),
    // IDE is libxl's default.
    hdtype: c.hdtype === 'ahci' ? 'ahci' : undefined,
    nographic: defbool(c.nographic),
    vga: clean({ kind: typeof c.vga === 'string' ? VGA_KINDS[c.vga] : typeof c.stdvga === 'boolean' ? (c.stdvga ? 'std' : 'cirrus') : undefined }),
    vnc: vncInfo(c),
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
    mca_caps: mcaCaps(c.mca_caps),
    pirq: defbool(c.hvm_pirq),
  });
}

/**
 * `bios`, `firmware_override` and `firmware` as xl combines them: `firmware` names a BIOS
 * (rombios, seabios, ovmf; a prefix of "uefi" means ovmf, of "bios" the default), else it is a path.
 */
function firmwareOf(c: Obj): { bios?: string; firmware?: string } {
  let bios = libxlEnum(c.bios, BIOS_TYPES, 'unknown');
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
 * `viridian`: a boolean sets the defbool; a list of groups (checked by the normaliser, in libxl's
 * spelling) fills the enable/disable bitmaps left to right ("!name" disables, "all" enables every
 * bit, "defaults" sets the defbool).
 */
function viridian(v: unknown): Obj {
  if (typeof v === 'boolean') return { viridian: defbool(v) };
  if (!Array.isArray(v)) return {};
  let on: string | undefined;
  const enable = new Set<number>();
  const disable = new Set<number>();
  for (const item of v) {
    if (typeof item !== 'string') continue;
    if (item === 'all') for (let b = 0; b < VIRIDIAN_WIDTH; b++) enable.add(b);
    else if (item === 'defaults') on = 'True';
    else {
      const off = item.startsWith('!');
      const index = VIRIDIAN_GROUPS.indexOf((off ? item.slice(1) : item) as (typeof VIRIDIAN_GROUPS)[number]);
      if (index === -1) continue;
      (off ? disable : enable).add(index);
      (off ? enable : disable).delete(index);
    }
  }
  const sorted = (s: Set<number>) => (s.size ? [...s].sort((a, b) => a - b) : undefined);
  return { viridian: on, viridian_enable: sorted(enable), viridian_disable: sorted(disable) };
}

/** `smbios = ["KEY=VALUE", …]` (checked and written `key=value` by the normaliser) → libxl_smbios `[{key, value}]`. */
function smbios(v: unknown): Obj[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Obj[] = [];
  for (const item of v) {
    const eq = typeof item === 'string' ? item.indexOf('=') : -1;
    if (eq !== -1) out.push({ key: (item as string).slice(0, eq), value: (item as string).slice(eq + 1) });
  }
  return out.length ? out : undefined;
}

/** `gfx_passthru`: a boolean, or a kind ("default", "igd") that also turns it on. */
function gfxPassthru(v: unknown): { on?: string; kind?: string } {
  if (typeof v === 'boolean') return { on: defbool(v) };
  if (v === 'default') return { on: 'True' };
  if (v === 'igd') return { on: 'True', kind: 'igd' };
  return {};
}

/** `mca_caps` names (checked by the schema) → the uint64 bit mask libxl holds. */
function mcaCaps(v: unknown): number | undefined {
  if (!Array.isArray(v)) return undefined;
  let mask = 0;
  for (const item of v) mask |= typeof item === 'string' ? (MCA_CAP_BITS[item] ?? 0) : 0;
  return mask || undefined;
}
