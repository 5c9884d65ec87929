/**
 * @fileoverview Schemas of the structured values normalisation produces from spec strings and
 * nested lists: CPU lists, disks, NICs, PCI devices, framebuffers, channels, USB, character devices,
 * vNUMA nodes and the NUMA request. Every spec object keeps its source text in `spec`.
 */
import { Type, type Static } from '@sinclair/typebox';

const S = (max = 4096) => Type.String({ maxLength: max });
/**
 * A value libxl (xend for xm) writes to xenstore as it is: its limit is xenstore's, 4096 bytes with
 * the path, which the rule xenstoreValueBytes checks in the file's bytes (src/check/rules/
 * xenstore-bytes.ts); the schema keeps only the size bound every text has.
 */
const XS = S(65536);
const Opt = Type.Optional;
const Nat = Type.Integer({ minimum: 0 });

/** One CPU-list item (see src/normalize/cpulist.ts). */
export const CpuListItemSchema = Type.Object(
  {
    negate: Type.Boolean(),
    kind: Type.Unsafe<'all' | 'cpu' | 'node'>({ type: 'string', enum: ['all', 'cpu', 'node'] }),
    from: Type.Integer({ minimum: -1 }),
    to: Type.Integer({ minimum: -1 }),
  },
  { additionalProperties: false },
);

/** A parsed CPU list with its text. */
export const CpuListSchema = Type.Object({ text: S(65536), items: Type.Array(CpuListItemSchema, { maxItems: 65536 }) }, { additionalProperties: false });

/** A disk (xl-disk-configuration(5), or xm's positional `SRC,VDEV,MODE`). */
export const DiskSpecSchema = Type.Object(
  {
    spec: S(65536),
    target: Opt(S(65536)),
    format: Opt(Type.Unsafe<string>({ type: 'string', enum: ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'] })),
    vdev: Opt(S(256)),
    access: Opt(Type.Unsafe<'ro' | 'rw' | 'rw!'>({ type: 'string', enum: ['ro', 'rw', 'rw!'] })),
    devtype: Opt(Type.Unsafe<'disk' | 'cdrom'>({ type: 'string', enum: ['disk', 'cdrom'] })),
    backendtype: Opt(Type.Unsafe<string>({ type: 'string', enum: ['phy', 'tap', 'qdisk', 'standalone'] })),
    /** Legacy driver prefix as written (`phy`, `file`, `tap:aio`, …). */
    driver: Opt(S(64)),
    backend: Opt(S(256)),
    script: Opt(XS),
    specification: Opt(Type.Unsafe<'xen' | 'virtio'>({ type: 'string', enum: ['xen', 'virtio'] })),
    /** The bare flags discard / no-discard, direct-io-safe, trusted / untrusted. */
    discard: Opt(Type.Boolean()),
    direct_io_safe: Opt(Type.Boolean()),
    trusted: Opt(Type.Boolean()),
    /** `grant_usage=1`/`=0` (libxl's grant_usage defbool: grant mappings for a virtio disk). */
    grant_usage: Opt(Type.Boolean()),
    /** COLO replication (libxlu_disk_l.l; "unstable" settings): the `colo`/`no-colo` flag and its keys. */
    colo: Opt(Type.Boolean()),
    colo_host: Opt(XS),
    /** `colo-port=` as xl's atoi reads it (never 0: xl refuses 0). */
    colo_port: Opt(Type.Integer()),
    colo_export: Opt(XS),
    active_disk: Opt(XS),
    hidden_disk: Opt(XS),
    /**
     * xm: the backend domain (4th field; create.py: "If DOM is specified it defines the backend
     * driver domain to use for the disk", sent to xend as the vbd's `backend`). The guest is the
     * frontend; `xmcfg convert` writes this field as xl's `backend=`.
     */
    domain: Opt(S(256)),
  },
  { additionalProperties: false },
);

/** A network interface (xl-network-configuration(5), xm vif). */
export const VifSpecSchema = Type.Object(
  {
    spec: S(65536),
    mac: Opt(Type.String({ pattern: '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$' })),
    bridge: Opt(XS),
    gatewaydev: Opt(XS),
    type: Opt(S(64)),
    model: Opt(S(64)),
    vifname: Opt(S(64)),
    script: Opt(XS),
    ip: Opt(XS),
    backend: Opt(S(256)),
    rate: Opt(S(64)),
    devid: Opt(Nat),
    mtu: Opt(Type.Integer({ minimum: 68, maximum: 65535 })),
    trusted: Opt(Type.Boolean()),
    forwarddev: Opt(XS),
    accel: Opt(S()),
    /** Keys the parser does not know, kept as text. */
    other: Opt(Type.Record(Type.String(), S())),
  },
  { additionalProperties: false },
);

/** A PCI device to pass through (xl-pci-configuration(5), xm pci). */
export const PciSpecSchema = Type.Object(
  {
    spec: S(65536),
    domain: Opt(Type.Integer({ minimum: 0, maximum: 0xffff })),
    bus: Opt(Type.Integer({ minimum: 0, maximum: 0xff })),
    device: Opt(Type.Integer({ minimum: 0, maximum: 0x1f })),
    /** Function 0–7, or -1 for `*` (all functions). */
    function: Opt(Type.Integer({ minimum: -1, maximum: 7 })),
    /**
     * xm only: the functions of a multi-function spec (`01:00.0-3`, `01:00.0,2`, `01:00.1=0,0=1`),
     * each physical function with the virtual function xm gives it (decision 113); `function` is the
     * one given virtual function 0.
     */
    functions: Opt(Type.Array(Type.Object({ function: Type.Integer({ minimum: 0, maximum: 7 }), vfunction: Type.Integer({ minimum: 0, maximum: 7 }) }, { additionalProperties: false }), { maxItems: 8 })),
    vslot: Opt(Type.Integer({ minimum: 0, maximum: 0x1f })),
    permissive: Opt(Type.Boolean()),
    msitranslate: Opt(Type.Boolean()),
    seize: Opt(Type.Boolean()),
    power_mgmt: Opt(Type.Boolean()),
    rdm_policy: Opt(Type.Unsafe<'strict' | 'relaxed'>({ type: 'string', enum: ['strict', 'relaxed'] })),
    name: Opt(S(256)),
  },
  { additionalProperties: false },
);

/** A virtual framebuffer (`type` is xm's legacy key; xl does not read it). */
export const VfbSpecSchema = Type.Object(
  {
    spec: S(65536),
    type: Opt(Type.Unsafe<'vnc' | 'sdl'>({ type: 'string', enum: ['vnc', 'sdl'] })),
    vnc: Opt(Type.Boolean()),
    vnclisten: Opt(XS),
    vncdisplay: Opt(Nat),
    vncunused: Opt(Type.Boolean()),
    vncpasswd: Opt(XS),
    keymap: Opt(S(64)),
    sdl: Opt(Type.Boolean()),
    opengl: Opt(Type.Boolean()),
    display: Opt(XS),
    xauthority: Opt(XS),
    other: Opt(Type.Record(Type.String(), S())),
  },
  { additionalProperties: false },
);

/** A PV channel. */
export const ChannelSpecSchema = Type.Object(
  {
    spec: S(65536),
    name: Opt(S(1024)),
    connection: Opt(Type.Unsafe<'pty' | 'socket'>({ type: 'string', enum: ['pty', 'socket'] })),
    path: Opt(S()),
    backend: Opt(S(256)),
    other: Opt(Type.Record(Type.String(), S())),
  },
  { additionalProperties: false },
);

/** A USB host device to pass through. */
export const UsbdevSpecSchema = Type.Object(
  {
    spec: S(65536),
    type: Opt(Type.Unsafe<'hostdev'>({ type: 'string', enum: ['hostdev'] })),
    /** libxl keeps both in 8 bits (uint8): a larger number is read as its low 8 bits (XM0253). */
    hostbus: Opt(Type.Integer({ minimum: 0, maximum: 0xff })),
    hostaddr: Opt(Type.Integer({ minimum: 0, maximum: 0xff })),
    controller: Opt(Nat),
    port: Opt(Nat),
    other: Opt(Type.Record(Type.String(), S())),
  },
  { additionalProperties: false },
);

/** A USB controller. */
export const UsbctrlSpecSchema = Type.Object(
  {
    spec: S(65536),
    type: Opt(Type.Unsafe<'auto' | 'pv' | 'devicemodel' | 'qusb'>({ type: 'string', enum: ['auto', 'pv', 'devicemodel', 'qusb'] })),
    version: Opt(Type.Integer({ minimum: 0, maximum: 3 })),
    ports: Opt(Type.Integer({ minimum: 0, maximum: 31 })),
    other: Opt(Type.Record(Type.String(), S())),
  },
  { additionalProperties: false },
);

/** An emulated character device (`serial`): `pty`, `file:PATH`, `tcp:HOST:PORT,server`, a path, … */
export const ChardevSpecSchema = Type.Object(
  {
    spec: S(65536),
    type: S(64),
    path: Opt(S()),
    host: Opt(S(1024)),
    port: Opt(Type.Integer({ minimum: 0, maximum: 65535 })),
    options: Opt(Type.Array(S(256), { maxItems: 64 })),
  },
  { additionalProperties: false },
);

/** One virtual NUMA node of `vnuma`. */
export const VnumaNodeSchema = Type.Object(
  {
    pnode: Opt(Type.Integer({ minimum: 0 })),
    size: Opt(Type.Integer({ minimum: 1 })),
    vcpus: Opt(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 4096 })),
    vdistances: Opt(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 4096 })),
  },
  { additionalProperties: false },
);

/** The NUMA request of spec §3 (from `numa`, `numanodes`, `numanode`). */
export const NumaSchema = Type.Union([
  Type.Object({ mode: Type.Literal('auto'), node_count: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  Type.Object(
    { mode: Type.Literal('nodes'), nodes: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 4096 }), node_count: Type.Integer({ minimum: 1 }) },
    { additionalProperties: false },
  ),
  Type.Object({ mode: Type.Literal('off') }, { additionalProperties: false }),
]);

export type DiskSpec = Static<typeof DiskSpecSchema>;
export type VifSpec = Static<typeof VifSpecSchema>;
export type PciSpec = Static<typeof PciSpecSchema>;
export type VfbSpec = Static<typeof VfbSpecSchema>;
export type ChannelSpec = Static<typeof ChannelSpecSchema>;
export type UsbdevSpec = Static<typeof UsbdevSpecSchema>;
export type UsbctrlSpec = Static<typeof UsbctrlSpecSchema>;
export type ChardevSpec = Static<typeof ChardevSpecSchema>;
export type VnumaNode = Static<typeof VnumaNodeSchema>;
export type NumaRequest = Static<typeof NumaSchema>;
