/**
 * @fileoverview XM02xx codes of the cross-field checks: options that contradict or leave out each
 * other, options a guest type ignores, and values refused or read another way when the domain is
 * created. How the tools read (or refuse) the spec strings inside an option is ./spec-strings.ts.
 */
import { defineCodes } from '../registry.js';

/** Findings about options taken together, and values the tools refuse or read otherwise. */
export const crossCodes = defineCodes({
  XM0201: {
    severity: 'warning',
    title: 'duplicate key',
    explanation:
      'The key is assigned more than once with =. xl and Python use the last assignment, but libvirt\'s reader uses the first, so the file means different things to different tools; the earlier assignment is dead code. Keep one assignment (use += to extend a list or string on purpose).',
    bad: 'memory = 512\nmemory = 1024',
    good: 'memory = 1024',
  },
  XM0202: {
    severity: 'error',
    title: 'maxmem below memory',
    explanation: 'maxmem is the balloon ceiling and must be at least the initial memory. With maxmem < memory the guest cannot be built as intended. Raise maxmem or lower memory.',
    bad: 'memory = 2048\nmaxmem = 1024',
    good: 'memory = 1024\nmaxmem = 2048',
  },
  XM0203: {
    severity: 'error',
    title: 'vcpus above maxvcpus',
    explanation: 'vcpus is the number of vCPUs online at start and cannot exceed maxvcpus, the number that may ever exist; xl exits with "maxvcpus < vcpus". xm does not refuse it: create.py sends maxvcpus as the count and marks the first vcpus of them online, so the guest starts with maxvcpus vCPUs (a warning in xm).',
    bad: 'vcpus = 4\nmaxvcpus = 2',
    good: 'vcpus = 2\nmaxvcpus = 4',
  },
  XM0204: {
    severity: 'warning',
    title: 'more per-vCPU CPU lists than vCPUs',
    explanation: 'cpus (or cpus_soft) given as a list holds one CPU list per vCPU. Entries beyond maxvcpus (or, without it, the vCPUs vnuma lists, else vcpus) are ignored by xl; xm required the list length to equal vcpus.',
    bad: 'vcpus = 2\ncpus = ["0", "1", "2"]',
    good: 'vcpus = 3\ncpus = ["0", "1", "2"]',
  },
  XM0206: {
    severity: 'error',
    title: 'type contradicts builder',
    explanation: 'type and the deprecated builder both set the guest type and disagree (builder "hvm" is HVM; "generic" and xm\'s "linux" are PV). xl refuses the combination. Keep only type.',
    bad: 'type = "pv"\nbuilder = "hvm"',
    good: 'type = "hvm"',
  },
  XM0207: {
    severity: 'error',
    title: 'vNUMA on a PV guest',
    explanation: 'libxl refuses vnuma for PV guests ("PV vNUMA is not yet supported"). Use type = "hvm" or "pvh", or drop vnuma.',
    bad: 'type = "pv"\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10"]]',
    good: 'type = "pvh"\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10"]]',
  },
  XM0208: {
    severity: 'error',
    title: 'vNUMA sizes do not add up to maxmem',
    explanation: 'The sizes of the vnodes become the guest\'s maxmem; an explicit maxmem that differs makes xl exit with "maxmem and vnuma memory size mismatch". Without maxmem, memory is the balloon target: below the sizes\' total it is fine, above it the guest\'s memory is above its maxmem. xl only: xm never read vnuma (XM0553).',
    bad: 'memory = 4096\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10"]]',
    good: 'memory = 1024\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10"]]',
  },
  XM0209: {
    severity: 'error',
    title: 'vNUMA vCPUs not covered exactly once',
    explanation: 'Every vCPU 0..maxvcpus-1 must belong to exactly one vnode (libxl), and with maxvcpus given the number of listed vCPUs must equal it ("vnuma vcpus and maxvcpus= mismatch"). Without maxvcpus the listed vCPUs become maxvcpus, and vcpus (the vCPUs online at start) may not be more ("maxvcpus < vcpus"). A vcpus= number xl counts but libxl_bitmap_set ignores (-2, 2147483648: a negative int) always leaves a vCPU uncovered, and is reported at the number. xl only: xm never read vnuma (XM0553).',
    bad: 'vcpus = 2\nvnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10,20"], ["pnode=1", "size=512", "vcpus=0", "vdistances=20,10"]]',
    good: 'vcpus = 2\nvnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10,20"], ["pnode=1", "size=512", "vcpus=1", "vdistances=20,10"]]',
  },
  XM0210: {
    severity: 'error',
    title: 'wrong number of vdistances',
    explanation: 'vdistances lists the distance from this vnode to every vnode, in order, so it needs exactly one value per vnode. xl does not check the count (too many values write past its array).',
    bad: 'vnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10,20,30"], ["pnode=1", "size=512", "vcpus=1", "vdistances=20,10"]]',
    good: 'vnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10,20"], ["pnode=1", "size=512", "vcpus=1", "vdistances=20,10"]]',
  },
  XM0211: {
    severity: 'error',
    title: 'remote vNUMA distance below the local one',
    explanation: 'A vnode\'s distance to itself (its own position in vdistances) must not exceed its distance to any other vnode; libxl refuses "Distance from i to j smaller than i\'s local distance".',
    bad: 'vnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=20,10"], ["pnode=1", "size=512", "vcpus=1", "vdistances=20,10"]]',
    good: 'vnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10,20"], ["pnode=1", "size=512", "vcpus=1", "vdistances=20,10"]]',
  },
  XM0212: {
    severity: 'error',
    title: 'passthrough with populate-on-demand',
    explanation: 'An HVM/PVH guest with memory < maxmem starts with populate-on-demand, which libxl refuses together with PCI passthrough (or, in xl, passthrough enabled: xm had no passthrough option). Set memory equal to maxmem, or drop the passthrough.',
    bad: 'type = "hvm"\nmemory = 1024\nmaxmem = 2048\npci = ["01:00.0"]',
    good: 'type = "hvm"\nmemory = 2048\nmaxmem = 2048\npci = ["01:00.0"]',
  },
  XM0219: {
    severity: 'warning',
    title: 'root / extra ignored because cmdline is set',
    explanation: 'xl builds the kernel command line from cmdline when it is set and ignores root and extra (with a warning). Move their text into cmdline, or drop cmdline.',
    bad: 'cmdline = "console=hvc0"\nroot = "/dev/xvda1 ro"',
    good: 'cmdline = "root=/dev/xvda1 ro console=hvc0"',
  },
  XM0220: {
    severity: 'error',
    title: 'VNC display given twice',
    explanation:
      'vnclisten may carry the display as HOST:DISPLAY; libxl refuses to start the device model when vncdisplay (non-zero) is set as well ("vncdisplay set, vnclisten contains display"). It applies where the top-level VNC options are used: an HVM guest, or a PV guest with vnc = 1 and no vfb entries (a vfb spec is checked the same way, XM0217). Give the display once. Reported for xl: xend passed qemu-dm the display and the listen address as they were and refused neither.',
    bad: 'type = "hvm"\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3',
    good: 'type = "hvm"\nvnclisten = "0.0.0.0"\nvncdisplay = 3',
  },
  XM0221: {
    severity: 'error',
    title: 'timer_mode on a PV guest',
    explanation:
      'timer_mode sets how the virtual timers of an HVM or PVH guest catch up on missed ticks. xl exits for a PV guest (timer_mode "is not supported for PV guests"), whether the mode is a name or a number; without type, xl builds a PV guest. Drop timer_mode or set type = "hvm" or "pvh".',
    bad: 'type = "pv"\ntimer_mode = "no_delay_for_missed_ticks"',
    good: 'type = "pvh"\ntimer_mode = "no_delay_for_missed_ticks"',
  },
  XM0223: {
    severity: 'warning',
    title: 'HVM kernel is hvmloader',
    explanation:
      'xm configs named the HVM firmware loader in kernel ("/usr/lib/xen/boot/hvmloader"). For an HVM guest whose kernel file is called hvmloader, xl warns ("you seem to be using \\"kernel\\" directive to override HVM guest firmware. Ignore that.") and drops the setting: the guest boots the default firmware. Remove kernel; to load a different firmware use firmware_override (or firmware = "/path").',
    bad: 'type = "hvm"\nkernel = "/usr/lib/xen/boot/hvmloader"',
    good: 'type = "hvm"',
  },
  XM0224: {
    severity: 'warning',
    title: 'device model override without a version',
    explanation:
      'device_model_override names the device-model binary, but without device_model_version libxl drives it as its default kind of device model (qemu-xen), whatever the binary is; xl warns "device model override given without specific DM version". Say which kind of qemu the binary is with device_model_version.',
    bad: 'type = "hvm"\ndevice_model_override = "/usr/lib/xen/bin/qemu-system-i386"',
    good: 'type = "hvm"\ndevice_model_override = "/usr/lib/xen/bin/qemu-system-i386"\ndevice_model_version = "qemu-xen"',
  },
  XM0225: {
    severity: 'warning',
    title: 'bios_path_override without bios',
    explanation:
      'bios_path_override replaces the firmware image of an HVM guest, but which firmware it replaces is chosen by bios; without bios libxl picks its default for the device model (seabios for qemu-xen, rombios for qemu-xen-traditional), which may not be the kind of firmware the file holds. xl warns "bios_path_override given without specific bios name". Set bios to the kind of firmware the file holds.',
    bad: 'type = "hvm"\nbios_path_override = "/usr/share/qemu/ovmf-x86_64-xen.bin"',
    good: 'type = "hvm"\nbios = "ovmf"\nbios_path_override = "/usr/share/qemu/ovmf-x86_64-xen.bin"',
  },
  XM0226: {
    severity: 'error',
    title: 'kernel and firmware on a PV or PVH guest',
    explanation:
      'For a PV or PVH guest, firmware = "pvgrub32" or "pvgrub64" is a shorthand for a kernel (the PV-GRUB image in Xen\'s firmware folder), so it cannot be combined with kernel: xl exits with "both kernel and firmware specified". Keep one of them.',
    bad: 'type = "pvh"\nkernel = "/boot/vmlinuz"\nfirmware = "pvgrub64"',
    good: 'type = "pvh"\nfirmware = "pvgrub64"',
  },
  XM0227: {
    severity: 'error',
    title: 'PV or PVH guest with nothing to boot',
    explanation:
      'A PV or PVH guest is started from a kernel given by kernel, by firmware (pvgrub32 / pvgrub64) or by a bootloader run in dom0 (bootloader = "pygrub"). With none of them xl exits with "Neither kernel nor bootloader specified". Without type (or builder), xl builds a PV guest.',
    bad: 'name = "web01"\nmemory = 1024',
    good: 'name = "web01"\nmemory = 1024\nbootloader = "pygrub"\ndisk = ["phy:/dev/vg0/web01,xvda,w"]',
  },
  XM0230: {
    severity: 'warning',
    title: 'option xl ignores for this guest type',
    explanation:
      'xl reads some options only for one guest type: the HVM ones (vga, stdvga, hdtype, bios, boot, serial, usb, usbdevice, soundhw, viridian, pae, apic, hpet, acpi_s3, spice…, …) only for type = "hvm", e820_host only for PV, the pvshim options only for PVH, keymap never for PVH. For a guest of another type xl never looks at the setting: it has no effect, and a bad value in it cannot stop xl create, so its value is not judged. Remove the setting, or set the guest type it was written for. Reported in xl only, when the guest type is known; xm has its own list (XM0244).',
    bad: 'kernel = "/boot/vmlinuz"\nvga = "stdvga"',
    good: 'type = "hvm"\nvga = "stdvga"',
  },
  XM0234: {
    severity: 'error',
    title: 'value refused when the domain is created',
    explanation:
      'xl reads the value and passes it on, but libxl or the hypervisor refuses it when it builds the domain, so xl create fails after reading the file. altp2m_count is the number of altp2m views: Xen (x86 arch_sanitise_domain_config) refuses a count above 0 when altp2m is off ("altp2m.nr must be zero when altp2m is off"), 0 when it is on ("altp2m must be requested with altp2m.nr > 0"), and more than 512 (MAX_NR_ALTP2M); leave it out for libxl\'s default (10 with altp2m on, else 0). vcpus (the vCPUs online at start) above 1024: libxl keeps them in a bitmap it refuses past 128 bytes ("avail_vcpus bitmap contains too many VCPUS"). cap above 100 per vCPU (maxvcpus, else vcpus): libxl refuses it when it sets the credit or credit2 scheduler\'s parameters ("Cpu cap out of range"; credit2 is Xen\'s default scheduler). videoram of an HVM guest below what its VGA needs: with qemu-xen (libxl\'s default device model) 8 MiB for cirrus, 16 for stdvga, 128 for qxl; with qemu-xen-traditional 8 for stdvga, and qxl not at all ("videoram must be at least N MB", "qemu upstream required for qxl vga"). usbversion, or spiceusbredirection with spice on, next to usb = 1 or usbdevice ("usbversion and/or usbredirection cannot be enabled with usb and/or usbdevice parameters"), and more than 4 of those redirection channels ("usbredirection parameter is invalid, it must be between 1 and 4"). nestedhvm or altp2m with hap = 0, altp2m on a PV guest (no HAP), altp2m with nestedhvm or with populate-on-demand (memory below maxmem) (x86 arch_sanitise_domain_config, libxl_create.c). vmtrace_buf_kb on a PV guest, or not a power of two from 4 to 65536 KiB once rounded up to whole pages. tsc_mode "native_paravirt" (3), removed in Xen 4.13 (libxl_x86.c: "TSC Mode native_paravirt (a.k.a PVRDTSCP) has been removed"). On Arm (gic_version written), more vCPUs than the virtual GIC takes: 8 with "v2", 128 with "v3". The name "Domain-0" is dom0\'s, and domain names are unique (libxl__domain_rename: "Domain with name \\"Domain-0\\" already exists."; xend: "VM name \'Domain-0\' already exists"). In xl, a "/" in the name or a name of more than 248 bytes keeps xl create\'s monitoring process from creating its log /var/log/xen/xl-NAME.log (a file name has at most 255 bytes): xl create exits with status 3 after the guest has started, and nothing carries out its on_poweroff, on_reboot or on_crash; for an HVM guest whose device model runs in dom0, libxl cannot open /var/log/xen/qemu-dm-NAME.log either (a "/", or more than 243 bytes) and destroys the domain. An HVM guest\'s qemu-xen gets the name as `-name NAME`, which QEMU reads as an option list: a "," starts another option (",," is a comma) and an "=" before any "," names one, so `web,prod` is "Invalid parameter \'prod\'", the device model does not start and libxl destroys the domain (qemu-xen-traditional takes the name as a plain string). In xm, xend refused a name with any character but letters, digits and _ - . : / + ("Invalid VM Name"). USB controllers and devices (xl; libxl_usb.c): a usbctrl of type=auto, or without a type, is the device model\'s for an HVM guest (version 1 has 2 ports, 2 has 6, 3 up to 15) and pv or qusb otherwise (version 1 or 2), and libxl refuses other counts ("Number of ports for USB controller of version 2 is always 6", "USB version for paravirtualized devices must be 1 or 2"); a usbdev controller= that is no usbctrl entry\'s index (libxl finds no controller with that id); a port past a device-model controller\'s ports (QEMU refuses it), or one an earlier usbdev took ("The controller port isn\'t available"); a usbdev without hostbus= or hostaddr=, or with 0, which libxl never finds on the host ("USB device is not assignable."). A pci name= (xl) that no assignable device can have: libxl looks the device up by the exact name (blanks included: xl keeps them), and xl pci-assignable-add, which names devices, refuses a name of more than 64 bytes or with a blank or another byte that is not printable ASCII, so libxl finds no device and the guest is not created.',
    bad: 'type = "hvm"\naltp2m_count = 20',
    good: 'type = "hvm"\naltp2m = "external"\naltp2m_count = 20',
  },
  XM0235: {
    severity: 'warning',
    title: 'domain name xl commands cannot address',
    explanation:
      'xl creates the guest, but its commands (xl destroy, shutdown, console, vcpu-pin, …) find a domain by what they are given with libxl_domain_qualifier_to_domid: a word of digits only is read as a domain id, never as a name, so `xl destroy 12` acts on domain 12, and an empty word has no non-digit and is read as domain 0 (Domain-0); libxl also checks only non-empty names for uniqueness (libxl__domain_rename), so several guests can have the empty name. A name that starts with "-" is read as an option by xl\'s getopt (`xl destroy -web` is "option `w\' not supported"), and blanks at either end or control characters are invisible in `xl list` and must be typed exactly. Give the guest a name with a letter in it that starts with a letter, digit or "_" and has no blanks at its ends. Reported for xl files.',
    bad: 'name = "42"\nkernel = "/boot/vmlinuz"',
    good: 'name = "vm42"\nkernel = "/boot/vmlinuz"',
  },
  XM0237: {
    severity: 'error',
    title: 'xm: per-vCPU cpus lists other than vcpus',
    explanation:
      'In xm, cpus given as a list holds exactly one CPU list per vCPU: xend (XendConfig) refuses any other length with "vcpus and the item number of cpus are not same", shorter or longer, and `xm create` fails. xl takes a shorter list (the other vCPUs are not pinned) and ignores extra entries (XM0204). Reported for xm, when vcpus is known and maxvcpus is not written.',
    bad: 'vcpus = 4\ncpus = ["0", "1"]',
    good: 'vcpus = 4\ncpus = ["0", "1", "2", "3"]',
  },
  XM0239: {
    severity: 'warning',
    title: 'soft affinity that selects no CPU',
    explanation:
      'cpus_soft reads, but selects no CPU on any host: an empty string or only commas, only removals ("^2"), or numbers xl reads as no CPU (XM0238). libxl sets the empty soft affinity, Xen keeps it, and libxl__set_vcpuaffinity warns "All cpus in soft affinity of vcpu N are unreachable. Only hard affinity will be considered for scheduling": the guest is created and the setting has no effect. (The same list in cpus, the hard affinity, makes creation fail: XM0205.) Name the CPUs the vCPUs should prefer, or leave cpus_soft out. Reported for xl; xm never read cpus_soft.',
    bad: 'cpus_soft = "^2"',
    good: 'cpus_soft = "0-3,^2"',
  },
  XM0240: {
    severity: 'error',
    title: 'a --define value xm refused for its option',
    explanation:
      'In an xm file, `--define NAME=VALUE` for an option of create.py\'s table stands for `xm create FILE NAME=VALUE`, which converted VALUE with the option\'s function: int() (base 10) for memory, vcpus, acpi and the other numbers, long() for vcpu_avail, only yes, y, no or n for the yes/no options (localtime, stdvga, usb, …). Anything else made xm print "Error: Invalid value: VALUE" and create nothing. Reported at the file\'s first statement (the value is not in the file), and the file\'s own value is read instead. Give a value the option takes.',
    bad: '# xmcfg check --define memory=0x400 FILE\nmemory = 512',
    good: '# xmcfg check --define memory=1024 FILE\nmemory = 512',
  },
  XM0241: {
    severity: 'error',
    title: 'xm PV guest booting from a bootloader without a disk',
    explanation:
      'xend boots a PV guest that has no kernel (or has a bootloader) through its bootloader, pygrub when bootloader is not set (XendDomainInfo._configureBootloader), and the bootloader reads the first disk. Without any disk xend fails with "Had a bootloader specified, but no disks are bootable". A kernel does not help beside a bootloader: xend boots it directly only when no bootloader is written (`elif not blexec and kernel`). Give the kernel to boot directly, or the disk the bootloader reads. Reported for xm (the xl equivalents are XM0227 and XM0252).',
    bad: 'name = "web01"\nmemory = 1024',
    good: 'name = "web01"\nmemory = 1024\nkernel = "/boot/vmlinuz"',
  },
  XM0242: {
    severity: 'warning',
    title: 'xm PV guest relying on the implicit pygrub',
    explanation:
      'An xm PV guest with neither kernel nor bootloader was booted by xend with pygrub from its first disk (XendDomainInfo._configureBootloader: `if not blexec or blexec == \'pygrub\': blexec = osdep.pygrub_path`). xl has no such default: it exits with "Neither kernel nor bootloader specified" (XM0227). Write bootloader = "pygrub" so both tools boot the guest the same way.',
    bad: 'name = "web01"\ndisk = ["phy:/dev/vg0/web01,xvda,w"]',
    good: 'name = "web01"\ndisk = ["phy:/dev/vg0/web01,xvda,w"]\nbootloader = "pygrub"',
  },
  XM0244: {
    severity: 'warning',
    title: 'option xm ignores for a PV guest',
    explanation:
      'xm (create.py) copied a file\'s values into its options as they were and handed the HVM ones to xend only for builder = "hvm" (configure_hvm): acpi, apic, pae, hpet, hap, viridian, vpt_align, timer_mode, rtc_timeoffset, xen_platform_pci, pci_msitranslate, pci_power_mgmt, boot, serial, stdvga, nographic, soundhw, usb, usbdevice, gfx_passthru, device_model, fda, fdb, isa, guest_os_type, monitor, vnc, vncdisplay, vnclisten, vncunused, vncpasswd, sdl, opengl, display and xauthority. For a PV guest (builder "linux", xm\'s default) xend never saw the setting: it has no effect, and a bad value in it could not stop xm create, so its value is not judged. A PV guest\'s framebuffer is written in vfb. Remove the setting, or set builder = "hvm" if the guest is meant to be HVM. Reported in xm only, when the builder is known; xl has its own list (XM0230).',
    bad: 'kernel = "/boot/vmlinuz"\nacpi = 1',
    good: 'builder = "hvm"\nacpi = 1',
  },
  XM0252: {
    severity: 'error',
    title: 'PV or PVH guest with a bootloader and no disk',
    explanation:
      'libxl runs a PV or PVH guest\'s bootloader (pygrub, …) whenever bootloader is written, even beside a kernel or firmware, and hands it the guest\'s first disk, whatever that disk is (libxl_create.c: `bootdisk = d_config->num_disks > 0 ? &d_config->disks[0] : NULL`). With no disk libxl__bootloader_run stops at "cannot run bootloader with no boot disk" and xl create fails. (A disk list xl ignores, as a single string, leaves the guest without a disk too: XM0258.) Add the disk the bootloader reads the guest\'s kernel from, or remove bootloader and boot the kernel directly. Reported for xl; xend failed the same way (XM0241); an HVM guest never runs a bootloader.',
    bad: 'name = "web01"\nbootloader = "pygrub"',
    good: 'name = "web01"\nbootloader = "pygrub"\ndisk = ["phy:/dev/vg0/web01,xvda,w"]',
  },
  XM0255: {
    severity: 'error',
    title: 'more vnodes than Xen takes',
    explanation:
      'Xen keeps a guest\'s vNUMA distance table in one 4 KiB page of 4-byte entries (XSA-77): XEN_DOMCTL_setvnumainfo refuses more than 32 vnodes (32 × 32 distances) with "Invalid argument". xl and libxl accept the file, so xl create fails only when it builds the domain. Give the guest at most 32 vnodes, merging vnodes that sit on the same physical node.',
    bad: '$ xmcfg check wide.cfg   # vnuma = [ … 33 vnode lists … ]',
    good: '$ xmcfg check wide.cfg   # vnuma = [ … 32 vnode lists or fewer … ]',
  },
  XM0256: {
    severity: 'error',
    title: 'nr_spis above what Xen\'s virtual GIC takes',
    explanation:
      'nr_spis sets how many shared peripheral interrupts (SPIs) an Arm guest\'s virtual GIC has. Xen rounds the number up to a multiple of 32 (the GIC spec) and refuses more than 988 (1020 interrupt IDs less the 32 per-CPU ones): domain_vgic_init returns -EINVAL and xl create fails. So the largest value that works is 960; 961 to 988 round up to 992 and fail too. xl keeps the low 32 bits of the number it reads (4294967295 means "not set": libxl counts the SPIs itself). A count that rounds up to 4064 to 5088 (INTIDs 4096 up, the extended SPI range) is XM0259: only some builds take it. Use at most 960, or leave nr_spis out.',
    bad: 'gic_version = "v3"\nnr_spis = 988',
    good: 'gic_version = "v3"\nnr_spis = 960',
  },
  XM0257: {
    severity: 'warning',
    title: 'vcpus below 1, which xl reads as 1',
    explanation:
      'xl starts a guest with vcpus = 0 (or a negative number) with one vCPU: parse_config_data turns a value below 1 into 1, as libxl already did when vcpus was 0. Before that change (2025) xl sized its map of online vCPUs from the value and could write past it when cpus= was also set. The guest is created with 1 vCPU, which is probably not what the file means. Write the number of vCPUs, or leave vcpus out (the default is 1). Reported for xl; the normalised vcpus is 1.',
    bad: 'vcpus = 0',
    good: 'vcpus = 1',
  },
  XM0258: {
    severity: 'warning',
    title: 'single value where xl reads only a list, which xl ignores',
    explanation:
      'xl reads disk, vif, pci, dtdev, p9, vtpm, vdispl, pvcalls, vsnd, channel, vfb, usbctrl, usbdev, vkb, virtio, ioports, irqs, iomem, llc_colors and xenstore_quota only as a list (parse_config_data: `if (!xlu_cfg_get_list(config, "dtdev", &dtdevs, 0, 0)) { … }`). Given a string or a number, libxlu prints "warning: parameter `dtdev\' is a single value but should be a list" and xl creates the guest without the option: no disk, no network card, no passed-through device. Put the value in brackets. Reported for xl; the option is left out of the normalised config. (device_model_args*, smbios and mca_caps make xl exit instead: XM0102; bootloader_args, cpuid, serial and usbdevice take a string.)',
    bad: 'dtdev = "/soc/serial@1c28000"',
    good: 'dtdev = ["/soc/serial@1c28000"]',
  },
  XM0262: {
    severity: 'error',
    title: 'two disks with the same vdev',
    explanation:
      'A disk\'s vdev (xvda, hda, sdb, …) is its device id in the guest. Two disks with the same vdev get the same backend entry: libxl adds the first and then stops at the second with "device already exists in xenstore", and the domain is destroyed (xend refused it as "Device … is already connected"). It usually comes from a copied disk line whose vdev was not changed. In xl two names of one device number are the same vdev: 51712 is xvda, d0p1 is xvda1, 768 is hda (decision 109). Give every disk its own vdev.',
    bad: 'disk = ["phy:/dev/vg/web,xvda,w", "phy:/dev/vg/data,xvda,w"]',
    good: 'disk = ["phy:/dev/vg/web,xvda,w", "phy:/dev/vg/data,xvdb,w"]',
  },
  XM0263: {
    severity: 'error',
    title: 'passthrough disabled with devices to pass through',
    explanation:
      'passthrough = "disabled" creates the domain without an IOMMU context, so it cannot take passed-through devices; libxl refuses pci or dtdev entries together with it ("passthrough disabled but devices are specified") and xl create fails. Leave passthrough out (xl then enables it when pci or dtdev lists devices) or set it to "enabled", "sync_pt" or "share_pt"; or remove the devices. Reported for xl: xm had no passthrough option.',
    bad: 'type = "hvm"\npassthrough = "disabled"\npci = ["01:00.0"]',
    good: 'type = "hvm"\npci = ["01:00.0"]',
  },
  XM0264: {
    severity: 'error',
    title: 'empty bootloader on a PV or PVH guest',
    explanation:
      'xl asks only whether bootloader is written, not what it says: bootloader = "" counts as a bootloader, so xl does not stop at "Neither kernel nor bootloader specified". libxl then runs it, even when kernel or firmware is set (libxl__bootloader_run boots the given kernel only when no bootloader is written). With no disk it stops at "cannot run bootloader with no boot disk"; with one it looks for a program named "" in its own bin folder, finds the folder itself, cannot run it ("bootloader failed"), and xl create fails. xm read an empty bootloader as none. Remove the line to boot the kernel or firmware directly, or name the bootloader (pygrub). Reported for xl; an HVM guest never runs a bootloader.',
    bad: 'name = "web01"\nkernel = "/boot/vmlinuz"\nbootloader = ""',
    good: 'name = "web01"\nkernel = "/boot/vmlinuz"',
  },
  XM0265: {
    severity: 'error',
    title: 'empty kernel on a PV or PVH guest',
    explanation:
      'xl asks only whether kernel is written, not what it says: kernel = "" counts as a kernel, so xl does not stop at "Neither kernel nor bootloader specified". Without a bootloader libxl then boots that kernel and cannot open a file named "" (xc_dom_kernel_file fails), and xl create fails. Name the kernel file, or boot through a bootloader (bootloader = "pygrub") or PV-GRUB (firmware = "pvgrub64"). Reported for xl; with a bootloader the kernel is the bootloader\'s business.',
    bad: 'name = "web01"\nkernel = ""',
    good: 'name = "web01"\nkernel = "/boot/vmlinuz"',
  },
  XM0266: {
    severity: 'error',
    title: 'PV firmware that names no installed image',
    explanation:
      'For a PV or PVH guest xl accepts as firmware any prefix of pvgrub32 or pvgrub64 (it compares only the value\'s own length: strncmp(buf, "pvgrub32", strlen(buf))), "" and "pvgrub" included, and then boots the kernel XENFIRMWAREDIR/<value>.bin. Xen installs the PV-GRUB images only as pvgrub32.bin and pvgrub64.bin, so a shorter value names a file that is not there and xl create fails when libxl loads it. Write the whole name. Reported for xl; ignored when a bootloader is set (libxl then runs the bootloader).',
    bad: 'type = "pvh"\nfirmware = "pvgrub"',
    good: 'type = "pvh"\nfirmware = "pvgrub64"',
  },
  XM0268: {
    severity: 'warning',
    title: 'numeric vdev on an HVM guest: no emulated disk',
    explanation:
      'libxl takes a vdev written as a number (51712, 0xca00) as the device number itself, and xl create accepts it. For an HVM guest the device model also needs the disk\'s index, which libxl reads only from a name (xvda, hda, sda, d0p0): for a number it logs "unable to determine disk number" and gives QEMU no drive for it. The guest then sees the disk only through PV drivers: the firmware (SeaBIOS, OVMF) cannot boot from it, an installer or OS without Xen PV drivers does not see it, and a CD-ROM written so has no emulated drive. Write the name instead (51712 is xvda, 768 is hda). Reported for xl; PV and PVH guests have no emulated disks (decision 109).',
    bad: 'type = "hvm"\ndisk = ["/srv/win.img,raw,51712,rw"]',
    good: 'type = "hvm"\ndisk = ["/srv/win.img,raw,xvda,rw"]',
  },
});
