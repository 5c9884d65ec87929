/**
 * @fileoverview Catalogue: devices (disks, NICs, PCI, framebuffers, channels, USB, serial and the
 * other PV device spec lists) and low-level resources.
 */
import { Type } from '@sinclair/typebox';
import { special, specList, specString, strOrList, strList, intList, bool, str, int, oneOf, HVM_ONLY, PV_ONLY } from './helpers.js';
import { VENDOR_DEVICE_DOCS } from './value-docs.js';
import { tableSpecSchema, VsndItemSchema, IoportRangeSchema, IomemRangeSchema } from './spec-fields.js';
import { SPEC_FIELDS, type SpecOption } from './spec-tables.js';
import { XENSTORE_FIELDS } from './xenstore-fields.js';
import { DiskSpecSchema, VifSpecSchema, PciSpecSchema, VfbSpecSchema, ChannelSpecSchema, UsbdevSpecSchema, UsbctrlSpecSchema, ChardevSpecSchema } from './spec-types.js';

/** The item schema of a typed generic-form spec option. */
const typed = (option: SpecOption) => tableSpecSchema(SPEC_FIELDS[option], XENSTORE_FIELDS[option]);

const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { maxItems: 1024 });

export const deviceOptions = {
  disk: special(list(DiskSpecSchema), 'disk', 'list of disk specs', {
    d: 'Block devices: xl-disk-configuration(5) strings ("format=raw,vdev=xvda,access=rw,target=/dev/vg/a" or positional "/dev/vg/a,raw,xvda,rw"), or xm "phy:/dev/vg/a,xvda,w".',
    ex: ['phy:/dev/vg/guest,xvda,w'],
  }),
  vif: special(list(VifSpecSchema), 'vif', 'list of NIC specs', {
    d: 'Network interfaces: "mac=…,bridge=…,model=…,script=…,ip=…,rate=…,vifname=…,type=…" per NIC.',
    ex: ['mac=00:16:3e:00:00:01,bridge=xenbr0'],
  }),
  pci: special(list(PciSpecSchema), 'pci', 'list of PCI specs', {
    d: 'PCI devices to pass through: "[DDDD:]BB:DD.F[@VSLOT][,permissive=1,msitranslate=1,seize=1,power_mgmt=1,rdm_policy=strict]".',
    ex: ['0000:01:00.0,permissive=1'],
  }),
  vfb: special(list(VfbSpecSchema), 'vfb', 'list of framebuffer specs', {
    d: 'Virtual framebuffers: "vnc=1,vnclisten=…,vncdisplay=N,vncunused=1,vncpasswd=…,keymap=…,sdl=1,display=…,xauthority=…" (xm also "type=vnc|sdl").',
    ex: ['vnc=1,vnclisten=127.0.0.1'],
  }),
  channel: special(list(ChannelSpecSchema), 'channel', 'list of channel specs', {
    d: 'PV channels: "name=…,connection=pty|socket[,path=…][,backend=…]".',
    dl: 'xl',
    ex: ['connection=pty,name=org.qemu.guest_agent.0'],
  }),
  usbctrl: special(list(UsbctrlSpecSchema), 'usbctrl', 'list of USB controller specs', { d: 'USB controllers: "type=auto|pv|devicemodel|qusb,version=1-3,ports=1-31" (0, or leaving a key out, takes libxl\'s default: version 2; 8 ports for pv and qusb, 6 for the device model\'s version 2). type=auto is the device model\'s for an HVM guest, pv or qusb otherwise.', dl: 'xl' }),
  usbdev: special(list(UsbdevSpecSchema), 'usbdev', 'list of USB device specs', { d: 'USB host devices: "hostbus=N,hostaddr=N[,controller=N,port=N]" (controller is the usbctrl entry\'s index; left out, libxl picks a controller and port).', dl: 'xl' }),
  serial: special(list(ChardevSpecSchema), 'serial', 'character device or list of them', {
    xmReadFor: HVM_ONLY,
    readFor: HVM_ONLY,
    d: 'Emulated serial ports (HVM): "pty", "none", "file:PATH", "tcp:HOST:PORT[,server,nowait]", "unix:PATH", a device path, … A list gives several ports (xl).',
    ex: 'pty',
  }),
  vtpm: specList({ d: 'Virtual TPMs: "backend=…,uuid=…".', dl: 'both' }, typed('vtpm')),
  p9: specList({ d: '9pfs shares: "tag=…,path=…,security_model=…,backend=…[,type=qemu|xen_9pfsd,max-space=N,max-files=N,max-open-files=N,auto-delete=0|1]".', dl: 'xl' }, typed('p9')),
  pvcalls: specList({ d: 'PV calls backends: "backend=…".', dl: 'xl' }, typed('pvcalls')),
  vdispl: specList({ d: 'Virtual displays: "backend=…,be-alloc=0|1,connectors=ID:WxH;…".', dl: 'xl' }, typed('vdispl')),
  vkb: specList({ d: 'Virtual keyboards: "backend=…,backend-type=qemu|linux,unique-id=…,feature-*=0|1,width=N,height=N,multi-touch-*=N".', dl: 'xl' }, typed('vkb')),
  virtio: specList({ d: 'virtio devices (Arm): "backend=…,type=virtio,NAME,transport=mmio,grant_usage=0|1".', dl: 'xl' }, typed('virtio')),
  vsnd: special(list(Type.Array(VsndItemSchema, { maxItems: 256 })), 'vsnd', 'list of lists of strings', {
    d: 'Virtual sound cards: each card a list of "card|pcm|stream, key=value, …" items.',
    dl: 'xl',
  }),
  vif2: specList({ d: 'Netchannel2 interfaces (xm; xl warns and ignores).', dl: 'xm' }),
  nics: int({ d: 'Number of NICs (deprecated).', dl: 'xm', min: 0, dep: 'vif' }),
  vscsi: strOrList({ d: 'PV SCSI devices "PDEV,VDEV[,DOM]".', dl: 'xm' }),
  vusb: strOrList({ d: 'PV USB devices.', dl: 'xm' }),
  rdm: specString({ d: 'Reserved-device-memory handling: "strategy=host" (xl.cfg(5) also shows ",policy=strict|relaxed", but since Xen 4.15 xl drops a string with a valid policy: XM0233; set rdm_policy per pci device instead, whose default is strict while the global one is relaxed).', dl: 'xl' }, SPEC_FIELDS.rdm),
  pci_permissive: bool({ d: 'Default permissive mode for all PCI devices.', dl: 'xl' }),
  // xl_parse.c parse_config_data: `int pci_msitranslate = 0;` (Xen 4.0's xl started from 1, as xm's create.py did).
  pci_msitranslate: bool({ xmReadFor: HVM_ONLY, d: 'Default MSI translation for all PCI devices. Default: off in xl, on in xm.' }),
  pci_seize: bool({ d: 'Seize PCI devices from their dom0 driver.', dl: 'xl' }),
  pci_power_mgmt: bool({ xmReadFor: HVM_ONLY, d: 'Default PCI power management.', def: false }),
  rdm_mem_boundary: int({ readFor: HVM_ONLY, d: 'RDM conflict boundary.', dl: 'xl', unit: 'MiB', min: 0 }),
  dtdev: strList({ d: 'Host device-tree nodes to pass through (Arm).', dl: 'xl' }),
  ioports: special(Type.Array(IoportRangeSchema, { maxItems: 4096 }), 'ioports', 'list of strings', { d: 'I/O port ranges "2f8-2ff" (hex), read as {first, last}. A list in both tools: xm iterated a single string character by character ("3f8" was ports 3, f and 8).', ex: ['2f8-2ff'] }),
  iomem: special(Type.Array(IomemRangeSchema, { maxItems: 4096 }), 'iomem', 'list of strings', { d: 'I/O memory "START,NUM_PAGES[@GFN]" (hex), read as {start, number, gfn}.', dl: 'xl' }),
  irqs: intList({ d: 'Physical IRQs to pass through (decimal, below 4294967295).', dl: 'xl', read: 'irqs' }),
  irq: intList({ d: 'Physical IRQs to pass through: a list of numbers (xm iterated the value and passed each item through repr(), so a single number failed and a string item reached xend quoted, which it refused).', dl: 'xm' }),
  cpuid: strOrList({ d: 'CPUID policy: "host,name=v,…" (libxl) or a list of leaf strings "LEAF[,SUBLEAF]:eXx=<32 characters>,…" (xend).', ex: 'host,tm=0,sse3=1', read: 'cpuid' }),
  cpuid_check: strOrList({ d: 'CPUID check list (xm): leaf strings as for cpuid, read only when cpuid is set.', dl: 'xm', read: 'cpuid' }),
  usb: bool({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Emulated USB (HVM).' }),
  // libxl_dm.c: `if (b_info->u.hvm.usbversion) { switch (…) { case 1 … 3; default: "usbversion parameter
  // is invalid, must be between 1 and 3" } }`: 0 is "no USB controller", like leaving it out.
  usbversion: int({ readFor: HVM_ONLY, d: 'Emulated USB controller version (0 = none).', dl: 'xl', min: 0, max: 3 }),
  usbdevice: strOrList({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Emulated USB devices: "tablet", "mouse", "keyboard", "host:…".', ex: 'tablet' }),
  blkif: bool({ d: 'The domain is a block backend.', dl: 'xm' }),
  netif: bool({ d: 'The domain is a network backend.', dl: 'xm' }),
  tpmif: strOrList({ d: 'TPM interface (removed after Xen 4.2).', dl: 'xm', dep: 'vtpm' }),
  e820_host: bool({ readFor: PV_ONLY, d: 'PV: expose the host memory map.', dl: 'xl' }),
  parallel: str({ d: 'Emulated parallel port (HVM).', dl: 'xm', ex: 'none' }),
  soundhw: str({ xmReadFor: HVM_ONLY, readFor: HVM_ONLY, d: 'Emulated sound hardware: "all" or a comma list of models.', ex: 'sb16,es1370' }),
  vkb_device: bool({ readFor: HVM_ONLY, d: 'Emulated keyboard device.', dl: 'xl' }),
  // xl: libxl_vendor_device_from_string (any case).
  vendor_device: oneOf(['none', 'xenserver'] as const, { vals: VENDOR_DEVICE_DOCS, readFor: HVM_ONLY, d: 'Xen platform vendor device.', dl: 'xl', anyCase: true }),
  interface: str({ d: 'Kernel IP autoconfig: interface.', dl: 'xm', def: 'eth0' }),
  ip: str({ d: 'Kernel IP autoconfig: address.', dl: 'xm' }),
  gateway: str({ d: 'Kernel IP autoconfig: gateway.', dl: 'xm' }),
  netmask: str({ d: 'Kernel IP autoconfig: netmask.', dl: 'xm' }),
  hostname: str({ d: 'Kernel IP autoconfig: host name.', dl: 'xm' }),
  dhcp: str({ d: 'Kernel IP autoconfig: "dhcp" or "off".', dl: 'xm', def: 'off' }),
  nfs_server: str({ d: 'NFS root server address.', dl: 'xm' }),
  nfs_root: str({ d: 'NFS root path.', dl: 'xm' }),
};
