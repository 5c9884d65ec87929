/**
 * @fileoverview `convert --to json`: the libxl-style domain config that `xl create -n` prints
 * (reference xen-format.md §g): `c_info`, `b_info`, device arrays, then the `on_*` actions.
 * Defaults are omitted as xl omits them, memory is in KiB, defbools are "True"/"False", enum
 * names are libxl's (`rename-restart` → `restart_rename`), bitmaps are index arrays. This module
 * works out vCPUs, affinity, memory and vNUMA and assembles the rest: the scalar options of
 * c_info and b_info (json-scalars.ts), the type-specific part (json-hvm.ts, json-consoles.ts),
 * every device of the option catalogue that xl reads (json-devices.ts, json-resources.ts,
 * json-vsnd.ts), and the `on_*` actions. Only what can be
 * known without a host is filled in: CPU lists with `node:` items or `all` stay out. Every value
 * arrives typed and judged by the check (normaliser, schema and rules): this view judges nothing.
 */
import type { NormalizedConfig } from '../normalize/catalogue/index.js';
import type { CpuList } from '../normalize/cpulist.js';
import { GENERIC_DEVICE_OPTIONS, dtdevs, genericDevices, vkbDevices } from './json-devices.js';
import { iomem, ioports, irqs, libxlBool, pciDefaults } from './json-resources.js';
import { vsnds } from './json-vsnd.js';
import { nicColo, nicGatewaydev, nicRate, nicVlan } from './json-nics.js';
import { buildInfo, createInfo } from './json-scalars.js';
import { typePart } from './json-hvm.js';
import { pvTopLevelVfb } from './json-consoles.js';
import { clean, defbool, nonZero, type Obj } from './json-util.js';

/** CPU ids of a CPU list, or null when it needs a host (node items, `all`). */
export function cpuIds(list: CpuList): number[] | null {
  const set = new Set<number>();
  for (const it of list.items) {
    if (it.kind !== 'cpu') return null;
    for (let c = it.from; c <= it.to && c - it.from <= 65536; c++) {
      if (it.negate) set.delete(c);
      else set.add(c);
    }
  }
  return [...set].sort((a, b) => a - b);
}

function affinity(v: unknown, maxVcpus: number): number[][] | undefined {
  if (!v) return undefined;
  const lists = Array.isArray(v) ? (v as CpuList[]) : Array.from({ length: maxVcpus }, () => v as CpuList);
  const out: number[][] = [];
  for (const l of lists.slice(0, maxVcpus)) {
    const ids = cpuIds(l);
    if (!ids) return undefined;
    out.push(ids);
  }
  return out;
}

const ACTION: Record<string, string> = {
  destroy: 'destroy',
  restart: 'restart',
  'rename-restart': 'restart_rename',
  preserve: 'preserve',
  'coredump-destroy': 'coredump_destroy',
  'coredump-restart': 'coredump_restart',
  'soft-reset': 'soft_reset',
};

/** The type libxl builds: `type`, else the legacy `builder` (hvm or PV). */
function guestType(c: Obj): 'pv' | 'pvh' | 'hvm' {
  if (c.type === 'pv' || c.type === 'pvh' || c.type === 'hvm') return c.type;
  return c.builder === 'hvm' ? 'hvm' : 'pv';
}

/**
 * libxl_device_disk's `backend`: only `backendtype=` sets it (libxlu_disk_l.l); the `phy:`/`tap:`
 * prefixes, which the normaliser also reads as a backend type, set nothing, and libxl picks one later.
 */
function diskBackend(d: Obj): string | undefined {
  if (typeof d.backendtype !== 'string') return undefined;
  if (d.driver === undefined) return d.backendtype;
  // With a prefix, an explicit key (before target=, which swallows the rest) still counts.
  const spec = typeof d.spec === 'string' ? d.spec.split(/(?:^|,)[ \t\n]*target=/)[0]! : '';
  return /(?:^|,)[ \t\n]*backendtype=/.test(spec) ? d.backendtype : undefined;
}

/** libxl's `vnuma_nodes` (libxl_vnode_info: memkb, distances, pnode, vcpus as an index array). */
function vnumaNodes(v: unknown): Obj[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return (v as Obj[]).map((n) =>
    clean({
      memkb: typeof n.size === 'number' ? n.size * 1024 : undefined,
      distances: n.vdistances,
      // A uint32: libxl's JSON leaves node 0 out.
      pnode: nonZero(n.pnode),
      vcpus: n.vcpus,
    }),
  );
}

/** Build the libxl domain config object of a normalised config. */
export function toLibxlJson(config: NormalizedConfig): Obj {
  const c = config as unknown as Obj;
  const type = guestType(c);
  const vcpus = typeof c.vcpus === 'number' ? Math.max(1, c.vcpus) : 1;
  // xl: `if (b_info->max_vcpus == 0) b_info->max_vcpus = vcpus;`
  const maxVcpus = typeof c.maxvcpus === 'number' && c.maxvcpus !== 0 ? c.maxvcpus : vcpus;
  const mem = typeof c.memory === 'number' ? c.memory : undefined;
  const maxmem = typeof c.maxmem === 'number' ? c.maxmem : mem;
  const out: Obj = {};
  out.c_info = createInfo(c, type);
  const pcis = (c.pci as Obj[] | undefined) ?? [];
  const [ioportList, irqList, iomemList] = [ioports(c), irqs(c), iomem(c)];
  out.b_info = buildInfo(
    c,
    type,
    {
      max_vcpus: maxVcpus,
      avail_vcpus: Array.from({ length: Math.min(vcpus, maxVcpus) }, (_, i) => i),
      vcpu_hard_affinity: affinity(c.cpus, maxVcpus),
      vcpu_soft_affinity: affinity(c.cpus_soft, maxVcpus),
      max_memkb: maxmem !== undefined ? maxmem * 1024 : undefined,
      target_memkb: mem !== undefined ? mem * 1024 : undefined,
      vnuma_nodes: vnumaNodes(c.vnuma),
      ioports: ioportList,
      irqs: irqList,
      iomem: iomemList,
      typePart: typePart(c, type, pcis.length),
    },
  );
  // xlu_disk_parse makes every CD-ROM removable and read-only whatever its access says;
  // readwrite 0 is libxl's default, which its JSON leaves out.
  const disks = ((c.disk as Obj[] | undefined) ?? []).map((d) => {
    const cdrom = d.devtype === 'cdrom';
    return clean({
      backend_domname: d.backend,
      pdev_path: d.target,
      vdev: d.vdev,
      backend: diskBackend(d),
      format: d.format ?? 'raw',
      script: d.script,
      removable: cdrom ? 1 : undefined,
      readwrite: !cdrom && d.access !== 'ro' ? 1 : undefined,
      is_cdrom: cdrom ? 1 : undefined,
      direct_io_safe: d.direct_io_safe === true ? true : undefined,
      discard_enable: defbool(d.discard),
      specification: d.specification,
      // The COLO settings libxlu_disk_l.l reads (colo_restore_enable is libxl's own), then grant_usage.
      colo_enable: defbool(d.colo),
      colo_host: d.colo_host,
      colo_port: nonZero(d.colo_port),
      colo_export: d.colo_export,
      active_disk: d.active_disk,
      hidden_disk: d.hidden_disk,
      trusted: defbool(d.trusted),
      grant_usage: defbool(d.grant_usage),
    });
  });
  const nics = ((c.vif as Obj[] | undefined) ?? []).map((v, i) =>
    clean({
      backend_domname: v.backend,
      devid: typeof v.devid === 'number' ? v.devid : i,
      mtu: v.mtu,
      vlan: nicVlan(v),
      model: v.model,
      mac: v.mac,
      ip: v.ip,
      bridge: v.bridge,
      ifname: v.vifname,
      script: v.script,
      nictype: v.type === 'ioemu' ? 'vif_ioemu' : v.type === 'vif' ? 'vif' : undefined,
      ...nicRate(v.rate),
      gatewaydev: nicGatewaydev(v),
      ...nicColo(v),
      // xl's parse_nic_config sets the defbool from the bare trusted/untrusted flags.
      trusted: defbool(v.trusted),
    }),
  );
  // xl copies the pci_* defaults into each device, then its spec overrides them.
  const pciDefault = pciDefaults(c);
  const pcidevs = pcis.map((p) =>
    clean({
      // libxl_device_pci is flat (func, dev, bus, domain, …, name) in every released libxl: the
      // nested `bdf` struct of Dec 2020 (929f2311) was reverted before Xen 4.15. The address fields
      // are plain integers, which libxl's JSON leaves out at 0 (domain 0000, bus 00, …).
      // The normaliser reads "*" (every function) as -1; xl leaves func 0 and sets vfunc_mask to ~0U.
      func: p.function === -1 ? undefined : nonZero(p.function),
      dev: nonZero(p.device),
      bus: nonZero(p.bus),
      domain: nonZero(p.domain),
      vdevfn: typeof p.vslot === 'number' ? nonZero(p.vslot << 3) : undefined,
      vfunc_mask: p.function === -1 ? 0xffffffff : 1,
      msitranslate: libxlBool(p.msitranslate ?? pciDefault.msitranslate),
      power_mgmt: libxlBool(p.power_mgmt ?? pciDefault.power_mgmt),
      permissive: libxlBool(p.permissive ?? pciDefault.permissive),
      seize: libxlBool(p.seize ?? pciDefault.seize),
      rdm_policy: p.rdm_policy,
      name: p.name,
    }),
  );
  const vfbs: Obj[] = ((c.vfb as Obj[] | undefined) ?? []).map((f, i) =>
    clean({
      backend_domname: f.backend,
      devid: i,
      vnc: clean({ enable: defbool(f.vnc ?? (f.type === 'vnc' ? true : undefined)), listen: f.vnclisten, passwd: f.vncpasswd, display: f.vncdisplay || undefined, findunused: defbool(f.vncunused) }),
      sdl: clean({ enable: defbool(f.sdl ?? (f.type === 'sdl' ? true : undefined)), opengl: defbool(f.opengl), display: f.display, xauthority: f.xauthority }),
      keymap: f.keymap,
    }),
  );
  // A PV guest without vfb entries gets one from the top-level vnc options.
  vfbs.push(...pvTopLevelVfb(c, type, vfbs.length));
  // libxl's keyed unions are printed as `<key>.<case>` alone, an object even for a case with no
  // fields (gentypes.py); its parser sets the key from that name, so a bare `connection` would be read as unknown.
  const channels = ((c.channel as Obj[] | undefined) ?? []).map((ch, i) =>
    clean({
      backend_domname: ch.backend,
      devid: typeof ch.devid === 'number' ? ch.devid : i,
      name: ch.name,
      [`connection.${String(ch.connection)}`]: typeof ch.connection === 'string' ? (ch.connection === 'socket' ? clean({ path: ch.path }) : {}) : undefined,
    }),
  );
  // USB: libxl_device_usbctrl, and libxl_device_usbdev (hostdev is its only kind) with its keyed union.
  // libxl_usbctrl_type has no init_val: AUTO (0) is its default, which libxl's JSON leaves out.
  const usbctrls = ((c.usbctrl as Obj[] | undefined) ?? []).map((u, i) => clean({ type: u.type === 'auto' ? undefined : u.type, devid: typeof u.devid === 'number' ? u.devid : i, version: u.version || undefined, ports: u.ports || undefined }));
  const usbdevs = ((c.usbdev as Obj[] | undefined) ?? []).map((u) => clean({ ctrl: u.controller, port: u.port, 'type.hostdev': clean({ hostbus: u.hostbus, hostaddr: u.hostaddr }) }));
  // xl adds one PV keyboard per framebuffer; the `vkb` list's keyboards are numbered after them.
  const vkbs = [...vfbs.map((_, i) => ({ devid: i })), ...vkbDevices(c, vfbs.length)];
  const generic = Object.fromEntries(GENERIC_DEVICE_OPTIONS.map((o) => [o, genericDevices(c, o)]));
  // Device arrays in libxl_domain_config's order; empty ones are left out, as xl leaves them out.
  const arrays: [string, Obj[]][] = [
    ['disks', disks],
    ['nics', nics],
    ['pcidevs', pcidevs],
    ['dtdevs', dtdevs(c)],
    ['vfbs', vfbs],
    ['vkbs', vkbs],
    ['virtios', generic.virtio!],
    ['vtpms', generic.vtpm!],
    ['p9s', generic.p9!],
    ['pvcallsifs', generic.pvcalls!],
    ['vdispls', generic.vdispl!],
    ['vsnds', vsnds(c)],
    ['channels', channels],
    ['usbctrls', usbctrls],
    ['usbdevs', usbdevs],
  ];
  for (const [key, list] of arrays) if (list.length) out[key] = list;
  const actions: [string, string][] = [
    ['on_poweroff', 'destroy'],
    ['on_reboot', 'restart'],
    ['on_watchdog', 'destroy'],
    ['on_crash', 'destroy'],
    ['on_soft_reset', 'soft-reset'],
  ];
  for (const [key, def] of actions) {
    const v = ACTION[String(c[key] ?? def)];
    if (v && v !== 'destroy') out[key] = v;
  }
  return out;
}
