/**
 * xm's legacy forms in the xl dialect, where xl ends up with what the xm config asked for: no
 * finding (libvirt's xm writer output: parallel = "none", vfb type=vnc); where it does not, the
 * finding says what to write.
 */
import { findingCases, type Case } from './finding-cases.js';

const HVM = 'name = "g"\ntype = "hvm"\nmemory = 579\nmaxmem = 579\n';

const CASES: Case[] = [
  // xl does not read parallel, and qemu-xen (libxl_dm.c passes -nodefaults) makes no parallel port:
  // "none" is what the guest gets anyway.
  {
    name: 'xl: parallel = "none" (libvirt xm writer output) is what xl gives anyway',
    dialect: 'xl',
    text: `${HVM}parallel = "none"\n`,
    codes: ['XM0551'],
    expect: [],
  },
  {
    name: 'xl: a parallel port xl would not make is reported, with the way to ask qemu for one',
    dialect: 'xl',
    text: `${HVM}parallel = "tcp:127.0.0.1:7777"\n`,
    codes: ['XM0551'],
    expect: [{ code: 'XM0551', at: 'parallel' }],
  },
  {
    name: 'xl: parallel = "none" with qemu-xen-traditional (no -nodefaults: its default port stays)',
    dialect: 'xl',
    text: `${HVM}device_model_version = "qemu-xen-traditional"\nparallel = "none"\n`,
    codes: ['XM0551'],
    expect: [{ code: 'XM0551', at: 'parallel' }],
  },
  // xl's vfb loop has no type=: libxl turns VNC on by default (libxl__device_vfb_setdefault).
  {
    name: 'xl: vfb type=vnc (libvirt xm writer output) gives the VNC display it asks for',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\nvfb = [ "type=vnc,vncunused=1,vnclisten=127.0.0.1" ]\n',
    codes: ['XM0218'],
    expect: [],
  },
  {
    name: 'xl: vfb type=sdl gives VNC, not SDL',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\nvfb = [ "type=sdl" ]\n',
    codes: ['XM0218'],
    expect: [{ code: 'XM0218', at: 'type' }],
  },
  {
    name: 'xl: vfb type=vnc next to vnc=0: xm turned VNC on, xl leaves it off',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\nvfb = [ "vnc=0,type=vnc" ]\n',
    codes: ['XM0218'],
    expect: [{ code: 'XM0218', at: 'type' }],
  },
  {
    name: 'xl: a misspelt vfb key is still reported',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\nvfb = [ "vnclistne=0.0.0.0" ]\n',
    codes: ['XM0218'],
    expect: [{ code: 'XM0218', at: 'vnclistne' }],
  },
  // libvirt's xm writer and the xm examples: builder (xl warns it is deprecated), nics (xm's count).
  {
    name: 'xl: builder = "hvm" is deprecated, and the hint names the type to write',
    dialect: 'xl',
    text: 'name = "g"\nbuilder = "hvm"\nmemory = 512\n',
    codes: ['XM0107'],
    expect: [{ code: 'XM0107', at: 'builder' }],
  },
  {
    name: 'xm: nics is deprecated (xmexample.vmx)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\nnics = 1\n',
    codes: ['XM0107'],
    expect: [{ code: 'XM0107', at: 'nics' }],
  },
  // xen-examples: the 2005 VMX and NetBSD examples' builders.
  {
    name: 'xl: builder = "vmx" makes xl exit',
    dialect: 'xl',
    text: 'name = "g"\nbuilder = "vmx"\n',
    codes: ['XM0104'],
    expect: [{ code: 'XM0104', at: '"vmx"' }],
  },
  {
    name: 'xm: a builder xm does not know',
    dialect: 'xm',
    text: 'name = "g"\nbuilder = "plan9"\n',
    codes: ['XM0104'],
    expect: [{ code: 'XM0104', at: '"plan9"' }],
  },
];

findingCases('xm legacy forms in xl', CASES);
