/**
 * xm's `cpuid` and `cpuid_check` as create.py's preprocess_cpuid and xend (XendConfig's dict() and
 * parse_cpuid, image.py's long() of the leaf) read them under Python 2.7.18: each row's verdict and
 * value were recorded from scratch copies of those functions (docs/fuzzing.md, "Differential
 * checks"; decision 119). The file is `name`, `kernel`, then the row from line 3.
 */
import { describe, expect, it } from 'vitest';
import { norm, xmChecked } from './helpers.js';

const X = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const ONES = '11111111111111111111111111111111';

/** The line; whether xm (with xend) takes it; the findings; the normalised cpuid (the strings xend receives). */
type Row = [line: string, xmTakes: boolean, findings: string[], cpuid: unknown];

const ROWS: Row[] = [
  [`cpuid = ["1:eax=${X}"]`, true, [], [`1:eax=${X}`]],
  // A 0x value is int(val, 16) in xend (blanks after it are Python's); a subleaf after ",".
  [`cpuid = ["0x80000001,0:ecx=0x1f ,edx=${ONES}"]`, true, [], [`0x80000001,0:ecx=0x1f ,edx=${ONES}`]],
  // create.py refuses a value of other than 32 characters, a register name it does not know, an empty register.
  ['cpuid = ["1:eax=x"]', false, ['XM0217@3:13-3:18'], undefined],
  [`cpuid = ["1:EAX=${X}"]`, false, ['XM0217@3:13-3:49'], undefined],
  ['cpuid = ["1:eax=0x1,"]', false, ['XM0217@3:20-3:21'], undefined],
  // A string that does not start with LEAF: is dropped without a word; none left: xend drops cpuid.
  ['cpuid = [" 1:eax=0x1", "2:eax=0x2"]', true, ['XM0228@3:10-3:22'], ['2:eax=0x2']],
  ['cpuid = ["0X1:eax=0x1"]', true, ['XM0228@3:10-3:23'], undefined],
  // A single string is read character by character: nothing matches, xend cannot make a dict of it.
  ['cpuid = "1:eax=0x1"', true, ['XM0228@3:9-3:20'], undefined],
  ['cpuid = ""', true, [], []],
  // xend reads a leaf without 0x in decimal (long()): "10" is 10, "a" fails.
  ['cpuid = ["10:eax=0x1"]', true, [], ['10:eax=0x1']],
  ['cpuid = ["a:eax=0x1"]', false, ['XM0217@3:11-3:12'], undefined],
  // A 0x value int() refuses fails in xend, unless a later register or string of the leaf replaces it.
  ['cpuid = ["1:eax=0xg"]', false, ['XM0217@3:13-3:20'], undefined],
  ['cpuid = ["1:eax=0xg,eax=0x1"]', true, [], ['1:eax=0xg,eax=0x1']],
  ['cpuid = ["1:eax=0xg", "1:ebx=0x1"]', true, [], ['1:eax=0xg', '1:ebx=0x1']],
  // cpuid_check is read only when cpuid is set; then as cpuid is.
  ['cpuid_check = ["1:eax=0x1"]', true, ['XM0228@3:15-3:28'], undefined],
  ['cpuid = ["1:eax=0x1"]\ncpuid_check = ["1:eax=x"]', false, ['XM0217@4:19-4:24'], ['1:eax=0x1']],
  // Two-character strings: xend's dict() takes them, parse_cpuid's dict() of the value fails.
  ['cpuid = ["ab"]', false, ['XM0217@3:9-3:15', 'XM0228@3:10-3:14'], undefined],
  ['cpuid = [5]', false, ['XM0102@3:10-3:11'], undefined],
];

describe('xm cpuid and cpuid_check as create.py and xend read them', () => {
  for (const [line, takes, findings, cpuid] of ROWS) {
    it(line, () => {
      const { spans, refused } = xmChecked(line);
      expect(spans).toEqual(findings);
      expect(refused).toBe(!takes);
      if (takes) expect((norm(`name = "t"\nkernel = "/k"\n${line}\n`, 'xm').config as Record<string, unknown>).cpuid).toEqual(cpuid);
    });
  }
});
