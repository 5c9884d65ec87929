/**
 * Test helper: generated xm configs, one or more per option family xm had (create.py's table,
 * reference/xen-format.md §b), each on a PV and on an HVM guest, for the differential convert test:
 * positional disk specs (prefixes, `w!`, backend domain, protocol, empty CD-ROM), vif keys, pci
 * (`@vslot`, msitranslate, power_mgmt), vfb, the on_* actions, cpus strings and lists, the RFC NUMA
 * keys, builders (linux, hvm, netbsd, vmx), HVM platform flags, PV boot keys, and the Python that xm
 * files used: list concatenation, `%` formatting, `+=`, string concatenation, `--define` options
 * and script variables.
 */

/** One generated case: a name for the test row, the xm text, and `--define`s. */
export interface XmCase {
  name: string;
  text: string;
  defines?: Record<string, string | number>;
}

/** The guest kinds each family is tried on: the first lines of the file. */
const GUESTS: Record<string, string> = {
  pv: 'name = "gen"\nkernel = "/boot/vmlinuz"\nramdisk = "/boot/initrd.img"\nmemory = 512\n',
  // No kernel nor bootloader, but a disk: xend's pygrub (XM0242).
  'pv-implicit': 'name = "gen"\nmemory = 256\ndisk = [ "phy:/dev/vg/gen,xvda,w" ]\n',
  hvm: 'name = "gen"\nbuilder = "hvm"\nkernel = "/usr/lib/xen/boot/hvmloader"\nmemory = 1024\n',
  'hvm-no-memory': 'name = "gen"\nbuilder = "hvm"\n',
};

/** The option families: what a file adds to a guest's first lines. */
const FAMILIES: Record<string, string> = {
  'disk-prefixes': "disk = [ 'phy:/dev/vg/root,xvda,w', 'file:/srv/a.img,xvdb,r', 'tap:aio:/srv/b.img,xvdc,w', 'tap2:vhd:/srv/c.vhd,xvdd,w' ]\n",
  'disk-shared-write': "disk = [ 'phy:/dev/sdb,hda,w!' ]\n",
  'disk-backend-domain': "disk = [ 'phy:/dev/vg/x,xvde,w,1', 'phy:/dev/vg/y,xvdf,r,,x86_32-abi' ]\n",
  'disk-cdrom': "disk = [ 'file:/srv/root.img,hda,w', 'file:/srv/inst.iso,hdc:cdrom,r', ',hdd:cdrom,r' ]\n",
  'disk-blanks': "disk = [ ' phy:/dev/vg/root , xvda , w ' ]\n",
  'vif-plain': "vif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n",
  'vif-keys': "vif = [ 'mac=00:16:3e:00:00:02,bridge=br1,script=vif-bridge,vifname=gen0,rate=10Mb/s,ip=10.0.0.2' ]\n",
  'vif-ioemu': "vif = [ 'type=ioemu,model=e1000,bridge=xenbr0' ]\n",
  'vif-netfront': "vif = [ 'type=netfront,bridge=xenbr0' ]\n",
  'vif-empty': "vif = [ '' ]\n",
  'pci-plain': "pci = [ '01:00.0' ]\n",
  'pci-options': "pci = [ '0000:02:00.1@3,msitranslate=0,power_mgmt=1' ]\npci_power_mgmt = 1\n",
  'pci-global': "pci = [ '03:00.0', '04:00.0' ]\npci_msitranslate = 0\n",
  'vfb-vnc': "vfb = [ 'type=vnc,vncdisplay=3,vnclisten=0.0.0.0,keymap=de' ]\n",
  'vfb-sdl': "vfb = [ 'type=sdl,display=:0.0,xauthority=/root/.Xauthority' ]\n",
  'vnc-keys': 'vnc = 1\nvncdisplay = 4\nvncunused = 0\nvnclisten = "127.0.0.1"\nvncpasswd = "pw"\n',
  'vnc-off': 'vnc = 0\nsdl = 0\n',
  'sdl-only': 'sdl = 1\n',
  nographic: 'nographic = 1\n',
  // xend's nographic won over vnc, sdl and a vfb (image.py); xl's vnc and sdl win over its nographic.
  'nographic-vnc': 'nographic = 1\nvnc = 1\nvncdisplay = 2\nvncunused = 0\n',
  'nographic-sdl': 'nographic = 1\nsdl = 1\n',
  'nographic-vfb': "nographic = 1\nvfb = [ 'type=vnc,vncdisplay=3' ]\n",
  'nographic-off': 'nographic = 0\nvnc = 1\n',
  // xend showed an HVM guest's vfb whatever vnc said; xl reads only vnc for an HVM guest.
  'vnc-off-vfb': "vnc = 0\nvfb = [ 'type=vnc,vncunused=1' ]\n",
  // xend read an HVM guest's first vfb (decision 041): its VNC settings over the top-level ones, its
  // keymap, its type=sdl (SDL alone), a second vfb not at all; a vfb without type= asked for no display.
  'vfb-over-top': "vnc = 1\nvncdisplay = 4\nvnclisten = '127.0.0.2'\nvncunused = 0\nkeymap = 'en-us'\nvfb = [ 'type=vnc,vncdisplay=1,vnclisten=0.0.0.0,vncpasswd=x,keymap=de' ]\n",
  'vfb-sdl-top-vnc': "vnc = 1\nvncdisplay = 4\nsdl = 0\nvfb = [ 'type=sdl,display=:1,opengl=0,keymap=fr' ]\n",
  'vfb-two': "vfb = [ 'type=sdl,xauthority=/root/.Xauthority', 'type=vnc,vncdisplay=2' ]\n",
  'vfb-no-type': "vfb = [ 'vncdisplay=5,vncunused=0' ]\n",
  'on-actions': 'on_poweroff = "destroy"\non_reboot = "restart"\non_crash = "preserve"\n',
  'on-coredump': 'on_crash = "coredump-destroy"\non_reboot = "rename-restart"\n',
  'cpus-string': 'vcpus = 4\ncpus = "0-3,^2"\n',
  'cpus-list': 'vcpus = 2\ncpus = [ "0", "1-2" ]\n',
  'cpu-weight-cap': 'cpu_weight = 512\ncpu_cap = 50\n',
  'numa-keys': 'numa = "on"\nnumanodes = 2\n',
  'maxmem-vcpus': 'maxmem = 2048\nvcpus = 2\nvcpu_avail = 1\n',
  'hvm-platform': 'acpi = 1\napic = 1\npae = 1\nhpet = 1\nviridian = 1\nstdvga = 1\nlocaltime = 1\nrtc_timeoffset = 3600\nvideoram = 8\n',
  'hvm-devices': 'boot = "dc"\nserial = "pty"\nusb = 1\nusbdevice = "tablet"\nsoundhw = "es1370"\nkeymap = "en-us"\n',
  'hvm-timers': 'timer_mode = 1\ntsc_mode = 0\nvpt_align = 1\nhap = 1\nnestedhvm = 0\n',
  'hvm-xm-only': 'device_model = "/usr/lib/xen/bin/qemu-dm"\nmonitor = 1\nparallel = "none"\n',
  'pv-boot': 'root = "/dev/xvda1 ro"\nextra = "console=hvc0"\n',
  'pv-bootloader': 'bootloader = "/usr/bin/pygrub"\nbootargs = "--entry=xvda1:/boot/vmlinuz --args=\'quiet\'"\n',
  'builder-linux': 'builder = "linux"\n',
  'list-concat': "disk = [ 'phy:/dev/vg/a,xvda,w' ] + [ 'phy:/dev/vg/b,xvdb,w' ]\nvif = [ 'bridge=xenbr0' ] * 2\n",
  'percent-format': "vmid = 7\nname = 'gen%d' % vmid\ndisk = [ 'phy:/dev/vg/gen%d,xvda,w' % vmid ]\nvif = [ 'mac=00:16:3e:00:00:%02x' % vmid ]\n",
  'plus-equals': 'extra = "console=hvc0"\nextra += " quiet"\nvcpus = 1\nvcpus += 1\n',
  'string-concat': 'root = "/dev/" + "xvda1"\nextra = "a" "b"\n',
  'uuid-description': 'uuid = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"\ndescription = "generated"\n',
  'python-values': 'acpi = True\nvcpus = 2L\nextra = None\n',
  'ioports-irq': "ioports = [ '2f8-2ff' ]\nirq = [ 3 ]\n",
  'cpuid': "cpuid = [ '1:edx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' ]\n",
  'pool-shadow': 'pool = "Pool-0"\nshadow_memory = 8\n',
};

/** Cases that need a `--define` or a file of their own. */
const SPECIAL: XmCase[] = [
  { name: 'define-option', text: `${GUESTS.pv}vcpus = 1\n`, defines: { memory: 768, vcpus: 2 } },
  { name: 'define-variable', text: "name = 'gen%d' % vmid\nkernel = '/boot/vmlinuz'\ndisk = [ 'phy:/dev/vg/gen%d,xvda,w' % vmid ]\n", defines: { vmid: 5 } },
  { name: 'define-new-option', text: GUESTS.pv, defines: { on_crash: 'preserve' } },
  { name: 'builder-netbsd', text: 'name = "gen"\nbuilder = "netbsd"\nkernel = "/boot/netbsd-XEN3_DOMU"\n' },
  { name: 'builder-vmx', text: 'name = "gen"\nbuilder = "vmx"\nkernel = "/usr/lib/xen/boot/vmxloader"\nvcpus = 1\n' },
  { name: 'nameless', text: 'kernel = "/boot/vmlinuz"\nmemory = 128\n' },
  // xend's nographic won over xm create's vnc=1 / sdl=1 as over the file's (decision 041).
  { name: 'nographic-define', text: `${GUESTS.hvm}nographic = 1\nvnc = 1\n`, defines: { vnc: 1, sdl: 1 } },
  { name: 'nographic-define-only', text: `${GUESTS.hvm}nographic = 1\n`, defines: { vnc: 1, sdl: 1 } },
  { name: 'vfb-define', text: `${GUESTS.hvm}vfb = [ 'type=vnc,vncdisplay=1' ]\n`, defines: { vncdisplay: 7, keymap: 'en-us' } },
  { name: 'hvm-firmware-kernel', text: 'name = "gen"\nbuilder = "hvm"\nkernel = "/opt/firmware/hvmloader-custom"\n' },
];

/** Every generated case: each family on each guest kind, then the special ones. */
export function xmCases(): XmCase[] {
  const out: XmCase[] = [];
  for (const [family, lines] of Object.entries(FAMILIES)) {
    for (const [guest, head] of Object.entries(GUESTS)) out.push({ name: `${family} on ${guest}`, text: head + lines });
  }
  // All families of one kind in one file: the later families' keys override the earlier ones' as xm read them.
  for (const [guest, head] of Object.entries(GUESTS)) {
    const keysOnce = new Set<string>();
    let body = head;
    for (const lines of Object.values(FAMILIES)) {
      const keys = [...lines.matchAll(/^([a-z_]+) *\+?=/gm)].map((m) => m[1]!);
      if (keys.some((k) => keysOnce.has(k))) continue;
      for (const k of keys) keysOnce.add(k);
      body += lines;
    }
    out.push({ name: `every family on ${guest}`, text: body });
  }
  return [...out, ...SPECIAL];
}
