/**
 * @fileoverview XM02xx codes about spec strings (CPU lists, disk, vif, pci, vnuma, device, cpuid,
 * ioports, rdm strings): malformed ones, and the items xl reads as something else than written.
 * The cross-field checks are ./cross.ts.
 */
import { defineCodes } from '../registry.js';

/** Findings about the strings inside an option: their syntax, their keys, how xl reads their numbers. */
export const specStringCodes = defineCodes({
  XM0205: {
    severity: 'error',
    title: 'bad CPU list',
    explanation:
      'A CPU list is a comma list of N, N-M (N <= M, decimal), all, node:N / nodes:N-M, each optionally prefixed with ^ to remove; xm knew only N, N-M and ^N in cpus (it had no cpus_soft, and ignores that key: XM0553). xl exits with "Invalid pcpu range" or similar.',
    bad: 'cpus = "3-1"',
    good: 'cpus = "1-3"',
  },
  XM0213: {
    severity: 'error',
    title: 'bad disk spec',
    explanation:
      'The disk string does not follow xl-disk-configuration(5) (positional target, format, vdev, access, or key=value with target= last) or xm\'s "PREFIX:SOURCE,VDEV,MODE" (create.py\'s uname,dev,mode, optionally followed by the backend domain and the ring protocol: xm create exits with "Invalid disk specifier" on fewer than 3 or more than 5 fields; in xm, a string in xl\'s key=value form is one finding over the whole string). Values are case-sensitive: format=QCOW2 is refused with "unknown value for format". In xl every disk needs a vdev, and a target unless it is a CD-ROM ("no target specified (and device not removable)"; an empty target, target= or an empty first field, is one). The vdev must be one libxl reads into a device number: xvd followed by letters and an optional partition up to 255 (xvda, xvdaa, xvda1; no leading zero), hda-hdd (partitions to 63), sda-sdp (to 15), d<disk>p<partition>, or the number itself (51712, 0xca00); hde, sdq, xvda0 or a name without a letter (xvd) are refused (decision 109).',
    bad: 'disk = ["format=QCOW2,vdev=xvda,target=/img"]',
    good: 'disk = ["format=qcow2,vdev=xvda,target=/img"]',
  },
  XM0214: {
    severity: 'error',
    title: 'bad vif spec',
    explanation:
      'Each vif item is key=value (mac, bridge, model, script, ip, rate, vifname, type, backend, mtu, …). rate is N[GMK](B|b)/s with an optional @N, @Ns, @Nms or @Nus (the replenishment interval, 50 ms by default); xl (xlu_vif_parse_rate) exits on any other text, on a rate or interval of 0, on a number above 4294967295, on an interval above 4294967295 µs, on a rate times interval past 64 bits, and on every rate after a mac= byte past 64 bits in the vif list (strtoul leaves errno at ERANGE and xl tests it without clearing it). mtu and devid are decimal numbers; xl exits when there is no digit. In xm the MAC must be six hex pairs separated by colons; xl reads any one-character separator and only warns about a MAC it cannot read (XM0236).',
    bad: 'vif = ["rate=10Mbit/s,bridge=xenbr0"]',
    good: 'vif = ["rate=10Mb/s,bridge=xenbr0"]',
  },
  XM0215: {
    severity: 'error',
    title: 'bad pci spec',
    explanation:
      'A PCI device is [DDDD:]BB:DD.F (hexadecimal) with an optional @VSLOT and ,key=value options (permissive, msitranslate, seize, power_mgmt, rdm_policy), or name=NAME instead of the address. A missing "." or bad hex is refused. xl (Xen 4.16 and later) reads the string exactly: a blank before or after the address, after a comma or before "=", an empty item (",,"), or an address together with name= make it exit with "unable to parse PCI_SPEC_STRING". A name= value keeps its blanks in xl (a name no device can have is XM0234).',
    bad: 'pci = ["01:00"]',
    good: 'pci = ["0000:01:00.0"]',
  },
  XM0216: {
    severity: 'error',
    title: 'bad vnuma entry',
    explanation: 'vnuma is a list of lists, one per vnode, of "pnode=N", "size=MiB", "vcpus=LIST", "vdistances=D,…" strings. Each value must be a number (or a list of numbers/ranges for vcpus); all four are documented as mandatory.',
    bad: 'vnuma = [["pnode=zero", "size=512", "vcpus=0", "vdistances=10"]]',
    good: 'vnuma = [["pnode=0", "size=512", "vcpus=0", "vdistances=10"]]',
  },
  XM0217: {
    severity: 'error',
    title: 'bad device spec',
    explanation:
      'A vfb, channel, usbctrl, usbdev, serial or other device string is malformed: an item without "=" (except in xl\'s vfb, vtpm and pvcalls strings, where xl stops reading there: XM0232), a value that must be a number, a value outside the allowed set (also what libxl refuses in a USB string: usbctrl version= and ports= outside what the type takes, a usbdev controller= below -1, a port= without a controller or outside 1..31), or a key xl requires that is missing (vtpm backend=, vkb backend-type=). The same goes for the items of the list options xl reads with rules of its own: a viridian group, an smbios KEY=VALUE, an llc_colors range, and in xm a cpuid or cpuid_check register that create.py refuses (not eax=, ebx=, ecx=, edx=, or a value neither 0x… nor 32 characters long) or xend cannot read (a 0x… value int(val, 16) refuses, a leaf with hex digits but no 0x, which xend reads in decimal).',
    bad: 'channel = ["connection=tcp,name=agent"]',
    good: 'channel = ["connection=socket,path=/run/agent.sock,name=agent"]',
  },
  XM0218: {
    severity: 'warning',
    title: 'unknown key in a spec string',
    explanation:
      'The key inside a device string (or a vnuma vnode item, or arm_sci) is not one the tools know, and for this kind of string the tool skips it: xl ignores it with a warning in vif ("unrecognized argument") and channel ("unknown channel parameter ..., ignoring") strings, drops the whole rdm setting, and ignores it without a word in vfb, vnuma and arm_sci strings. The key has no effect; check the spelling (the hint names the closest key of the string where one is near, as for an unknown option, XM0101). xm\'s vfb type=vnc is not reported in xl: libxl turns VNC on by default, so the guest gets what it asked for; type=sdl is, as the guest gets VNC and no SDL (write sdl=1,vnc=0). Where the tool refuses the file instead, the finding is XM0222.',
    bad: 'vif = ["bridge=xenbr0,modle=e1000"]',
    good: 'vif = ["bridge=xenbr0,model=e1000"]',
  },
  XM0222: {
    severity: 'error',
    title: 'unknown key in a spec string that xl refuses',
    explanation:
      'The key inside a device string (or an smbios KEY=VALUE item) is not one xl knows, and for this kind of string xl does not skip it: it prints an error ("config parsing error in disk specification: unknown parameter", "Unknown PCI_SPEC_STRING option", "Unknown string ... in vkb spec", "xl: unknown smbios type", ...) and `xl create` exits. This is so for disk, pci, vtpm, p9, pvcalls, vdispl, vkb, virtio, usbctrl, usbdev and vsnd strings and for smbios items; in the xm dialect for vif, vfb, pci and vtpm strings, which xm refused the same way ("Invalid vif option"). Check the spelling, or drop the key. The hint names the closest key of the string where one is near (acess → access), as for an unknown option (XM0101).',
    bad: 'disk = ["format=raw, vdev=xvda, acess=rw, target=/dev/vg/guest"]',
    good: 'disk = ["format=raw, vdev=xvda, access=rw, target=/dev/vg/guest"]',
  },
  XM0228: {
    severity: 'warning',
    title: 'cpuid item xl or xm skips',
    explanation:
      'cpuid is either a string in libxl syntax, "host,NAME=VALUE,...", whose first word must be host and whose values are a number or x, k or s (0 and 1 are numbers), or a list of xend-style strings "LEAF[,SUBLEAF]:eXx=<32 characters>,...". xl prints "while parsing CPUID ..." with the reason, skips the item (or, when the first word is not host, the whole string) and creates the guest without it. Fix the item. xm (create.py) drops, without a word, a list item that does not start with "LEAF[,SUBLEAF]:" (hex digits, "0x" in lower case, no blank before); a single string, read character by character, a list of which no item was kept, and cpuid_check when cpuid is not set (create.py reads cpuid_check only then) reach xend unread, and xend ignores the option. What create.py or xend refuses in a kept item is XM0217.',
    bad: 'cpuid = "host,tm=0,sse3=on"',
    good: 'cpuid = "host,tm=0,sse3=1"',
  },
  XM0229: {
    severity: 'warning',
    title: 'text after an I/O port',
    explanation:
      'xl reads an ioports item with strtoul base 16: FIRST, or FIRST-LAST with nothing else. When the text after FIRST does not start with "-" (a typo such as "2f8x", or a blank before the dash as in "2f8 - 2ff"), xl warns "Invalid argument parsing ioport", passes FIRST through as a single port and ignores the rest. Write the range without blanks.',
    bad: 'ioports = ["2f8 - 2ff"]',
    good: 'ioports = ["2f8-2ff"]',
  },
  XM0231: {
    severity: 'warning',
    title: 'spec value xl reads as a number it is not',
    explanation:
      'xl reads some numbers and flags inside device strings with C\'s atoi or strtoul, which take the leading digits and ignore the rest, and read 0 when there is no digit (atoi keeps the low 32 bits of a longer number: usbdev controller=4294967297 is 1, and -0x10 is 0): vfb vnc, vncdisplay, vncunused, sdl and opengl, pci permissive, msitranslate, seize and power_mgmt, usbctrl version and ports, usbdev controller and port (atoi); usbdev hostbus and hostaddr, vkb\'s numbers and feature flags, vdispl be-alloc and the vsnd numbers (strtoul, base 0; the vsnd sample-rates, channels-min, channels-max and buffer-size are 32-bit, so a minus wraps and the low 32 bits are kept: channels-min=4294967297 is 1, buffer-size=-1 is 4294967295); vif mtu and devid (leading digits; no digit at all makes xl exit, an error); vdispl connectors (sscanf "%ux%u", which ignores what follows the height: c0:800x600x3 is 800x600); pci bdf= (parse_bdf reads [DDDD:]BB:DD.F and ignores what follows the function: bdf=01:00.0xyz is 01:00.0, and an @VSLOT after it is ignored, so write vslot= for it); the fields of a pci address and its virtual slot (sscanf "%x", which skips blanks, takes a sign and keeps 32 bits: 01: 1f.0 and 01:+1f.0 are 01:1f.0, @ 3 is slot 3, and vslot=3zz is 3); a pci flag written as a negative number (atoi into a C bool: msitranslate=-1 is on); a vif rate= whose number starts with 0 (strtoull base 0: octal, so 010Mb/s is 8 Mb/s). So vnc=yes is 0 for xl and VNC stays off, msitranslate=on is 0, mtu=1500bytes is 1500: xl creates the guest with that value and says nothing. The finding says what xl uses. Write the number itself (1 or 0 for a flag). Reported for xl; xm refused such values, and they stay errors there.',
    bad: 'type = "hvm"\nvfb = ["vnc=yes"]',
    good: 'type = "hvm"\nvfb = ["vnc=1"]',
  },
  XM0232: {
    severity: 'warning',
    title: 'xl stops reading a spec string at an item without "="',
    explanation:
      'xl reads vfb, vtpm and pvcalls strings item by item and stops at the first item that has no "=" (its loop ends with `if ((p2 = strchr(p, \'=\')) == NULL) break;`): that item and everything after it in the string are ignored without a word, so the settings written after it have no effect and their values are not judged. A vtpm string whose backend= came after the stop is then refused ("vtpm spec missing required backend field!", XM0217). Write the item as key=value, or remove it. Reported for xl; xm refused such an item ("should be a pair"), XM0217.',
    bad: 'type = "hvm"\nvfb = ["vnc=1,sdl,vncdisplay=2"]',
    good: 'type = "hvm"\nvfb = ["vnc=1,sdl=1,vncdisplay=2"]',
  },
  XM0233: {
    severity: 'warning',
    title: 'rdm string xl cannot parse',
    explanation:
      'rdm is "strategy=host" with an optional ",policy=strict|relaxed" (xl.cfg(5)). When xl\'s reader (xlu_rdm_parse) fails on it, with a message such as "Unknown RDM strategy option" or, for an item without "=", none at all, xl does not stop: parse_config_data only uses rdm when it reads, so the guest is created without reserved-device-memory handling. Since Xen 4.15 the reader also fails on every valid policy: it inverts its check (`if (!parse_rdm_policy(cfg, &rdm->policy, tok)) goto parse_error;`, and parse_rdm_policy returns 0 on success), so "strategy=host,policy=relaxed" is dropped without a word. The reader also fails on an empty string, a trailing comma and a blank or an empty item before a key (it skips no blank: " strategy" is an unknown key). A policy libxl does not know is the one case xl keeps rdm with a finding: the reader prints "Unknown RDM policy" and goes on, the policy left as an uninitialised variable holds it (without strategy=host the strategy is one too, and the setting is left out here). An unknown key is XM0218. Write rdm = "strategy=host" and set the policy per device with pci\'s rdm_policy= (a device without one takes libxl\'s default, strict). In xm, which did not read rdm, the value is a bad device spec (XM0217).',
    bad: 'type = "hvm"\nrdm = "strategy=host,policy=relaxed"',
    good: 'type = "hvm"\nrdm = "strategy=host"',
  },
  XM0236: {
    severity: 'warning',
    title: 'vif item xl warns about or that has no effect',
    explanation:
      'xl reads the vif item, prints a warning about it (or passes it on to something that ignores it) and creates the guest anyway, without what the item asked for. parse_nic_config knows type=vif and type=ioemu only, in that case: another type is "Invalid parameter `type\'." and libxl picks the type (ioemu for HVM guests, vif otherwise). A MAC whose bytes are not hex or above ff is "Invalid parameter `mac\'."; xl keeps the bytes it read before (none: libxl makes a random MAC), and a MAC of fewer than six bytes is read on past the end of the item. accel= is "the accel parameter for vifs is currently not supported". An mtu below 68 or above 65535 is taken by xl and libxl, but the hotplug script (xen-network-common.sh set_mtu) skips it or ignores ip\'s failure, so the interface keeps its default MTU; mtu=0 is libxl\'s default, 1500. Write the item as xl reads it, or leave it out. Reported for xl; xm keeps its own verdicts (XM0214).',
    bad: 'vif = ["type=netfront,bridge=xenbr0"]',
    good: 'vif = ["type=vif,bridge=xenbr0"]',
  },
  XM0238: {
    severity: 'warning',
    title: 'CPU or node number xl reads as another or as none',
    explanation:
      'xl reads each CPU number of cpus and cpus_soft with strtoul, which takes a "-" too and wraps it (-2 is 18446744073709551614), and update_cpumap_range hands the number to libxl_bitmap_set, which takes an int: a number from 2147483648 up keeps its low 32 bits, so -2 and 3000000000 are negative ints and name no CPU (the item adds or removes nothing, without a word), and 4294967296 + k is CPU k. A range whose end is 2147483648 or more runs through the same conversion number by number (update_cpumap_range: `while (ida <= idb)`), so "0-4294967296" selects every CPU and "2147483648-2147483650" none. Node numbers (node:, nodes:) go the same way through libxl_node_to_cpumap, whose int node -2 names no node. The guest is created with the CPUs the other items select. (-1 reads as ULONG_MAX, which xl refuses: XM0205; so is a range xl would loop over for too long to finish, more than 2^40 CPUs or 2^30 nodes; a list that ends up selecting no CPU at all is XM0205 in cpus and XM0239 in cpus_soft.) Write the CPU or node number itself. Reported for xl.',
    bad: 'vcpus = 2\ncpus = "0-3,-2"',
    good: 'vcpus = 2\ncpus = "0-3"',
  },
  XM0243: {
    severity: 'warning',
    title: 'device string value that starts or ends with blanks xl keeps',
    explanation:
      'xl reads the vif, vfb, vtpm, pvcalls, vdispl, vkb, virtio, vsnd, usbctrl, usbdev, rdm and arm_sci strings item by item with strtok: it skips the spaces before an item but hands the value over from just after "=" up to the comma, so "bridge=xenbr0 ," gives libxl the bridge "xenbr0 " and "bridge= xenbr0" the bridge " xenbr0". libxl passes such values on as written: the Linux vif-bridge script happens to drop the blank of a bridge (it expands $bridge unquoted), vif-openvswitch does not and the vif is not attached; QEMU gets a model "e1000 " or a VNC address with a blank; a script path with a blank is not found. The guest is created, with what the value says blank included. Remove the blanks after "=" and before the comma (blanks after a comma are fine). A backend domain name with a blank is an error instead (libxl finds no such domain: the family\'s code, XM0214 for vif), unless a later backend= of the same device replaces it (xl then never looks it up: XM0243), and so is a blank in a value xl or libxl looks up (XM0214, XM0217, XM0213 for disks). Reported for xl; p9 and channel strings are trimmed by xl and stay clean, and so do vif ip= and vlan= (the Linux hotplug scripts split them at blanks).',
    bad: 'vif = ["bridge=xenbr0 ,mac=00:16:3e:00:00:01"]',
    good: 'vif = ["bridge=xenbr0,mac=00:16:3e:00:00:01"]',
  },
  XM0250: {
    severity: 'warning',
    title: 'vnuma vCPU number xl reads as another vCPU',
    explanation:
      'xl reads each number of a vnode\'s vcpus= with strtoul and hands it to libxl_bitmap_set, which takes an int (parse_vnuma_config: `for (; s <= e; s++) { libxl_bitmap_set(&vcpu_parsed[i], s); max_vcpus++; }`): a number from 4294967296 up keeps its low 32 bits, so 4294967296 is vCPU 0 and 4294967297 vCPU 1. xl assigns that vCPU to the vnode, and the guest is created as if it were written. (A number whose int is negative, such as -2 or 2147483648, is counted as a vCPU but sets no bit, so the vnodes can never hold every vCPU xl counts: XM0209, an error. -1 and an end of 18446744073709551615 read as ULONG_MAX, where xl loops for ever: XM0216.) Write the vCPU number itself. Reported for xl; xm never read vnuma.',
    bad: 'maxvcpus = 1\nvnuma = [["pnode=0", "size=1024", "vcpus=4294967296", "vdistances=10"]]',
    good: 'maxvcpus = 1\nvnuma = [["pnode=0", "size=1024", "vcpus=0", "vdistances=10"]]',
  },
  XM0251: {
    severity: 'warning',
    title: 'disk parameter after target= that xl reads as part of the target',
    explanation:
      'In xl\'s disk syntax (libxlu_disk_l.l, xl-disk-configuration(5)) target= must come last: its rule is target=.*, so it takes the rest of the string, commas included. A parameter or flag written after it (vdev=hda, cdrom, backend=…) is part of the target path and never read as what it says: the disk gets a target that is probably no file, and the setting after it has no effect. xl creates nothing else differently, so this is a warning; whether the path exists is the host\'s business. Move target= to the end. Reported for xl; xm\'s disk strings are positional.',
    bad: 'disk = ["vdev=xvda,target=/dev/vg0/web01,access=ro"]',
    good: 'disk = ["vdev=xvda,access=ro,target=/dev/vg0/web01"]',
  },
  XM0253: {
    severity: 'warning',
    title: 'usbdev bus or address xl keeps in 8 bits',
    explanation:
      'xl reads a usbdev\'s hostbus= and hostaddr= with strtoul and stores them in libxl_device_usbdev, whose fields are 8-bit (libxl_types.idl: hostbus and hostaddr uint8): a number above 255 keeps its low 8 bits without a word, so hostbus=257 is bus 1 and hostaddr=256 is address 0. libxl then passes through the host device at that bus and address, another one than written (or none). Write the bus and device numbers lsusb shows. Reported for xl; xm had no usbdev.',
    bad: 'type = "hvm"\nusbctrl = ["type=auto"]\nusbdev = ["hostbus=257,hostaddr=3"]',
    good: 'type = "hvm"\nusbctrl = ["type=auto"]\nusbdev = ["hostbus=1,hostaddr=3"]',
  },
  XM0254: {
    severity: 'warning',
    title: 'libxl\'s "not set" name written as a value',
    explanation:
      'Some libxl enumerations name their "not set" value, and xl reads the option with that enumeration\'s parser (libxl_<type>_from_string, any case), which takes the name like any other: pci rdm_policy=invalid (libxl_rdm_reserve_policy -1), timer_mode = "unknown" (libxl_timer_mode -1), and a vkb backend-type=unknown that a later backend-type= of the string replaces (alone, xl exits: "backend-type should be set in vkb spec", XM0217). xl does not refuse it; libxl then fills in its default as if the setting were left out: strict for the device\'s policy (libxl__device_pci_setdefault; the global rdm policy does not apply), no_delay_for_missed_ticks for timer_mode. The file reads as a mistake or an unfinished edit: write the value meant, or leave the setting out. Reported for xl; xm had no rdm_policy, and took timer_mode as a number only (XM0104).',
    bad: 'type = "hvm"\npci = ["01:00.0,rdm_policy=invalid"]',
    good: 'type = "hvm"\npci = ["01:00.0,rdm_policy=strict"]',
  },
});
