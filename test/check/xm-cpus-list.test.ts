/**
 * A cpus list in xm holds exactly one CPU list per vCPU: XendConfig._parse_sxp raises "vcpus and
 * the item number of cpus are not same" otherwise (XM0237, error), shorter or longer. xl takes a
 * shorter list and ignores extra entries (XM0204, warning).
 */
import { findingCases, type Case } from './finding-cases.js';

const HEAD = 'name = "g"\nkernel = "/k"\nmemory = 256 * 2\n';
const CODES = ['XM0204', 'XM0237'];

const CASES: Case[] = [
  { name: 'xm: 2 lists for 4 vCPUs', dialect: 'xm', text: `${HEAD}vcpus = 4\ncpus = ["0", "1"]\n`, codes: CODES, expect: [{ code: 'XM0237', at: '["0", "1"]' }] },
  { name: 'xm: 3 lists for 2 vCPUs (one finding, not XM0204 besides)', dialect: 'xm', text: `${HEAD}vcpus = 2\ncpus = ["0", "1", "2"]\n`, codes: CODES, expect: [{ code: 'XM0237', at: '["0", "1", "2"]' }] },
  { name: 'xm: 2 lists without vcpus (xm\'s default is 1)', dialect: 'xm', text: `${HEAD}cpus = ["0", "1"]\n`, codes: CODES, expect: [{ code: 'XM0237', at: '["0", "1"]' }] },
  { name: 'xm: one list per vCPU, vcpus as a string xm converted', dialect: 'xm', text: `${HEAD}vcpus = "2"\ncpus = ["0-1", "2,3"]\n`, codes: CODES, expect: [] },
  { name: 'xm: a single string applies to every vCPU', dialect: 'xm', text: `${HEAD}vcpus = 4\ncpus = "0-3"\n`, codes: CODES, expect: [] },
  { name: 'xm: vcpus not evaluated: not judged', dialect: 'xm', text: `${HEAD}vcpus = n\ncpus = ["0", "1"]\n`, codes: CODES, expect: [] },
  { name: 'xl: a shorter list is fine', dialect: 'xl', text: 'name = "g"\nkernel = "/k"\nvcpus = 4\ncpus = ["0", "1"]\n', codes: CODES, expect: [] },
  { name: 'xl: a longer list is XM0204', dialect: 'xl', text: 'name = "g"\nkernel = "/k"\nvcpus = 2\ncpus = ["0", "1", "2"]\n', codes: CODES, expect: [{ code: 'XM0204', at: '"2"' }] },
];

findingCases('cpus list length in xm and xl', CASES);
