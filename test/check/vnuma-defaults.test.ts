/**
 * vnuma without maxmem or maxvcpus: xl_parse.c reads memory into the target only and vcpus into the
 * vCPUs online at start, so parse_vnuma_config compares the vnode sizes with an explicit maxmem and
 * the listed vCPUs with an explicit maxvcpus only, and otherwise makes them maxmem and maxvcpus.
 */
import { findingCases, type Case } from './finding-cases.js';

const HEAD = 'name = "g"\ntype = "hvm"\n';
const TWO_NODES = (a: string, b: string) =>
  `vnuma = [ [ "pnode=0", "size=1024", "vcpus=${a}", "vdistances=10,20" ], [ "pnode=1", "size=1024", "vcpus=${b}", "vdistances=20,10" ] ]\n`;

const CASES: Case[] = [
  {
    name: 'memory below the vnode sizes, no maxmem: the sizes become maxmem, memory the target',
    dialect: 'xl',
    text: `${HEAD}memory = 1024\nvcpus = 2\n${TWO_NODES('0', '1')}`,
    codes: ['XM0208'],
    expect: [],
  },
  {
    name: 'memory above the vnode sizes, no maxmem: memory above the maxmem they make',
    dialect: 'xl',
    text: `${HEAD}memory = 4096\nvcpus = 2\n${TWO_NODES('0', '1')}`,
    codes: ['XM0208'],
    expect: [{ code: 'XM0208', at: '4096' }],
  },
  {
    name: 'an explicit maxmem other than the vnode sizes: xl exits',
    dialect: 'xl',
    text: `${HEAD}memory = 1024\nmaxmem = 4096\nvcpus = 2\n${TWO_NODES('0', '1')}`,
    codes: ['XM0208'],
    expect: [{ code: 'XM0208', at: '4096' }],
  },
  {
    name: 'vcpus below the vnuma vCPUs, no maxvcpus: the listed vCPUs become maxvcpus, vcpus are online',
    dialect: 'xl',
    text: `${HEAD}maxmem = 2048\nvcpus = 2\n${TWO_NODES('0-1', '2-3')}`,
    codes: ['XM0209'],
    expect: [],
  },
  {
    name: 'vcpus above the vnuma vCPUs, no maxvcpus: "maxvcpus < vcpus"',
    dialect: 'xl',
    text: `${HEAD}maxmem = 2048\nvcpus = 4\n${TWO_NODES('0', '1')}`,
    codes: ['XM0209'],
    expect: [{ code: 'XM0209', at: '4', nth: 1 }],
  },
];

findingCases('vnuma without maxmem or maxvcpus', CASES);
