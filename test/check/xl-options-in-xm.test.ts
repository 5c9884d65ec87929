/**
 * xl options in the xm dialect: xm never read them (XM0553 notes the key), so what they hold is
 * not judged by xl's rules. Cases from the generated corpus (cpus_soft, vnuma) and libvirt's
 * xlconfigdata read as xm (vnuma, passthrough).
 */
import { findingCases, type Case } from './finding-cases.js';

const HVM_POD = 'name = "g"\ntype = "hvm"\nmemory = 394\nmaxmem = 579\n';
const VNUMA = 'name = "g"\ntype = "hvm"\nmemory = 1024\nmaxmem = 2048\nvcpus = 1\nmaxvcpus = 1\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0-0", "vdistances=10,20" ], [ "pnode=1", "size=1024", "vcpus=1-1", "vdistances=20,10" ] ]\n';

const CASES: Case[] = [
  // xm has no cpus_soft (create.py has no such option): it ignores the variable, whatever it holds.
  {
    name: 'xm: cpus_soft with node: items is an xl option xm ignores, not a bad CPU list (generated corpus)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ncpus_soft = "nodes:0-1,^node:0"\n',
    codes: ['XM0205', 'XM0553'],
    expect: [{ code: 'XM0553', at: 'cpus_soft' }],
  },
  {
    name: 'xm: a cpus_soft xl would refuse is still only ignored by xm',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ncpus_soft = "3-1"\n',
    codes: ['XM0205', 'XM0553'],
    expect: [{ code: 'XM0553', at: 'cpus_soft' }],
  },
  {
    // xend's int() fails at the first item and reads no further (decision 113): one finding, there.
    name: 'xm: cpus with node: items is still reported (xm reads cpus, and knows N, N-M and ^N only)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ncpus = "nodes:0-1,^node:0"\n',
    codes: ['XM0205'],
    expect: [{ code: 'XM0205', at: 'nodes:0-1' }],
  },
  {
    name: 'xl: cpus_soft with node: items is fine',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\ncpus_soft = "nodes:0-1,^node:0"\n',
    codes: ['XM0205'],
    expect: [],
  },
  {
    name: 'xm: a cpus_soft list longer than the vCPUs is not judged either',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\nvcpus = 1\ncpus_soft = [ "0", "1" ]\n',
    codes: ['XM0204'],
    expect: [],
  },
  {
    name: 'xl: a cpus_soft list longer than the vCPUs (xl ignores the extra entry)',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\nvcpus = 1\ncpus_soft = [ "0", "1" ]\n',
    codes: ['XM0204'],
    expect: [{ code: 'XM0204', at: '"1"' }],
  },
  // vnuma is xl's (xm never read it): its sizes and vCPUs are judged for xl only.
  {
    name: 'xm: vnuma sizes and vCPUs are not judged (xm ignores vnuma)',
    dialect: 'xm',
    text: VNUMA,
    codes: ['XM0208', 'XM0209', 'XM0553'],
    expect: [
      { code: 'XM0553', at: 'type' },
      { code: 'XM0553', at: 'vnuma' },
    ],
  },
  {
    name: 'xl: vnuma sizes that do not add up to maxmem, and more vnuma vCPUs than maxvcpus',
    dialect: 'xl',
    text: VNUMA,
    codes: ['XM0208', 'XM0209'],
    expect: [
      { code: 'XM0208', at: '2048' },
      { code: 'XM0209', at: '1', nth: 2 },
    ],
  },
  // passthrough is an xl option: in xm it enables nothing, so it cannot clash with populate-on-demand.
  {
    name: 'xm: passthrough = "enabled" with memory below maxmem (libvirt test-fullvirt-hypervisor-features)',
    dialect: 'xm',
    text: `${HVM_POD}passthrough = "enabled"\n`,
    codes: ['XM0212'],
    expect: [],
  },
  {
    name: 'xl: passthrough = "enabled" with memory below maxmem',
    dialect: 'xl',
    text: `${HVM_POD}passthrough = "enabled"\n`,
    codes: ['XM0212'],
    expect: [{ code: 'XM0212', at: '394' }],
  },
  // The rules' xm view has no xl-only key (type among them): xm built the guest its builder names.
  {
    name: 'xm: vnuma on a PV guest is not judged (xm ignores vnuma; xl refuses it)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\nbuilder = "linux"\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0" ] ]\n',
    codes: ['XM0207', 'XM0553'],
    expect: [{ code: 'XM0553', at: 'vnuma' }],
  },
  {
    name: 'xm: type disagreeing with builder is not judged (xm ignores type)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\nbuilder = "hvm"\ntype = "pv"\n',
    codes: ['XM0206', 'XM0553'],
    expect: [{ code: 'XM0553', at: 'type' }],
  },
  {
    name: 'xm: type = "hvm" without builder is a PV guest to xm, which has no populate-on-demand',
    dialect: 'xm',
    text: `${HVM_POD}pci = [ "0000:01:00.0" ]\n`,
    codes: ['XM0212'],
    expect: [],
  },
  {
    name: 'xl: type = "hvm" with memory below maxmem and PCI passthrough',
    dialect: 'xl',
    text: `${HVM_POD}pci = [ "0000:01:00.0" ]\n`,
    codes: ['XM0212'],
    expect: [{ code: 'XM0212', at: '394' }],
  },
  {
    name: 'xm: timer_mode on a PV guest (xl refuses it; xm set it as an HVM platform flag)',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ntimer_mode = 1\n',
    codes: ['XM0221'],
    expect: [],
  },
  {
    name: 'xl: timer_mode on a PV guest',
    dialect: 'xl',
    text: 'name = "g"\nkernel = "/k"\ntimer_mode = 1\n',
    codes: ['XM0221'],
    expect: [{ code: 'XM0221', at: '1' }],
  },
  // libvirt's xlconfigdata read as xm: xl's key=value disks are one finding each, not one per field.
  {
    name: 'xm: an xl key=value disk is one XM0213 over the spec',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ndisk = [ "format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/HostVG/XenGuest2" ]\n',
    codes: ['XM0213'],
    expect: [{ code: 'XM0213', at: 'format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/HostVG/XenGuest2' }],
  },
  {
    name: 'xm: a positional disk with a bad device name is still reported at the name',
    dialect: 'xm',
    text: 'name = "g"\nkernel = "/k"\ndisk = [ "phy:/dev/vg/g,xv-da,w" ]\n',
    codes: ['XM0213'],
    expect: [{ code: 'XM0213', at: 'xv-da' }],
  },
];

findingCases('xl options in xm', CASES);
