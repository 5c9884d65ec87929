/**
 * vnuma as xl's parse_vnuma_config counts it, where a differential run against that function found
 * xmcfg silent or reading otherwise (docs/fuzzing.md, session 24; decision 107): a vnode without
 * size= adds 0 MiB and one without vcpus= lists no vCPU (xl still exits on maxmem / maxvcpus or
 * libxl refuses the coverage); a repeated vcpus= adds to the vnode, a repeated vdistances=
 * overwrites only the distances it gives, and a repeated size= puts maxmem and the vnodes apart;
 * libxl's distances are 32-bit (xl keeps the low 32 bits) and so is xl's count of host nodes (a
 * pnode from 4294967295 up is past any host).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { findingCases, type Case } from '../check/finding-cases.js';

const HEAD = 'name = "g"\ntype = "hvm"\n';
const CODES = ['XM0208', 'XM0209', 'XM0210', 'XM0216'];

const CASES: Case[] = [
  {
    name: 'a vnode without size=, maxmem the sizes given plus more: xl exits "maxmem and vnuma memory size mismatch"',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0208'],
    expect: [{ code: 'XM0208', at: '1024' }],
  },
  {
    name: 'a vnode without size=, no maxmem, memory above the sizes given: memory above the maxmem they make',
    dialect: 'xl',
    text: `${HEAD}memory = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0208'],
    expect: [{ code: 'XM0208', at: '1024' }],
  },
  {
    name: 'a vnode without size=, maxmem the sizes given: xl creates it (vnode 0 has 0 MiB)',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0208'],
    expect: [],
  },
  {
    name: 'a vnode without vcpus=, maxvcpus the vCPUs of both: xl exits "vnuma vcpus and maxvcpus= mismatch"',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "size=512", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0209'],
    expect: [{ code: 'XM0209', at: '2', nth: 1 }],
  },
  {
    name: 'a vnode without vcpus=, no maxvcpus: vCPU 0 is in no vnode (libxl: "Vcpu 0 is not assigned to any vnode")',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nvnuma = [ [ "pnode=0", "size=512", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0209'],
    expect: [
      { code: 'XM0209', at: '[ [ "pnode=0", "size=512", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]' },
      { code: 'XM0209', at: '1', nth: 5 },
    ],
  },
  {
    name: 'a vcpus= whose value was refused (XM0216) stays unknown: no count or coverage finding',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "size=512", "vcpus=", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10" ] ]\n`,
    codes: ['XM0209'],
    expect: [],
  },
  {
    name: 'vcpus= twice with the same vCPUs: xl counts them twice (maxvcpus mismatch)',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 3\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0-2", "vdistances=10", "vcpus=0-2" ] ]\n`,
    codes: ['XM0209'],
    expect: [
      { code: 'XM0209', at: '3' },
      { code: 'XM0209', at: '0-2', nth: 1 },
      { code: 'XM0209', at: '0-2', nth: 1 },
      { code: 'XM0209', at: '0-2', nth: 1 },
    ],
  },
  {
    name: 'vcpus= twice with other vCPUs: one vnode of both (xl creates it)',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10", "vcpus=1" ] ]\n`,
    codes: CODES,
    expect: [],
  },
  {
    name: 'size= twice: maxmem counts both, the vnode the last (xl exits or libxl refuses)',
    dialect: 'xl',
    text: `${HEAD}memory = 511\nmaxvcpus = 1\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10", "size=512" ] ]\n`,
    codes: ['XM0216'],
    expect: [{ code: 'XM0216', at: '"size=512"', nth: 1 }],
  },
  {
    name: 'vdistances= twice, the first longer than the vnodes: xl writes past its array, whatever follows',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10,20", "vdistances=20,10" ] ]\n`,
    codes: ['XM0210'],
    expect: [{ code: 'XM0210', at: '20,10', nth: 1 }],
  },
  {
    name: 'vdistances= twice, the second shorter: it overwrites the first distances only (xl creates it)',
    dialect: 'xl',
    text: `${HEAD}maxmem = 1024\nmaxvcpus = 2\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10,20" ], [ "pnode=1", "size=512", "vcpus=1", "vdistances=20,10", "vdistances=20" ] ]\n`,
    codes: ['XM0210', 'XM0211'],
    expect: [],
  },
  {
    name: 'a distance from 2^32 up: libxl keeps its low 32 bits (4294967306 is 10)',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 1\nvnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=4294967306" ] ]\n`,
    codes: ['XM0231', 'XM0216'],
    expect: [{ code: 'XM0231', at: '4294967306' }],
  },
  {
    name: 'pnode 4294967295: past any host (nr_nodes is 32 bits), xl exits "invalid pnode number"',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 1\nvnuma = [ [ "pnode=4294967295", "size=512", "vcpus=0", "vdistances=10" ] ]\n`,
    codes: ['XM0216'],
    expect: [{ code: 'XM0216', at: '4294967295' }],
  },
  {
    name: 'pnode 4294967294: a host could in principle have it, no finding without a host',
    dialect: 'xl',
    text: `${HEAD}maxmem = 512\nmaxvcpus = 1\nvnuma = [ [ "pnode=4294967294", "size=512", "vcpus=0", "vdistances=10" ] ]\n`,
    codes: ['XM0216'],
    expect: [],
  },
];

findingCases('vnuma as xl counts it: absent and repeated vnode keys, 32-bit fields', CASES);

describe('vnuma values with repeated vnode keys, as parse_vnuma_config leaves the vnode', () => {
  const node = (items: string) => check(`${HEAD}vnuma = [ [ ${items} ] ]\n`, { dialect: 'xl' }).config.vnuma![0];

  it('vcpus= twice: the vCPUs of both, in order', () => {
    expect(node('"vcpus=2", "vcpus=0-1"').vcpus).toEqual([2, 0, 1]);
  });

  it('vdistances= twice: the later values over the earlier ones, the rest kept', () => {
    expect(node('"vdistances=10,20,30", "vdistances=15"').vdistances).toEqual([15, 20, 30]);
  });

  it('a distance from 2^32 up is its low 32 bits, as libxl stores it', () => {
    expect(node('"vdistances=4294967306,20"').vdistances).toEqual([10, 20]);
  });

  it('a refused vcpus= leaves vcpus unknown, before or after a good one', () => {
    expect(node('"vcpus=0", "vcpus=,"').vcpus).toBeUndefined();
    expect(node('"vcpus=,", "vcpus=0"').vcpus).toBeUndefined();
  });
});
