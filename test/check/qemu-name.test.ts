/**
 * The domain name as qemu-xen's `-name` option parser reads it (src/check/rules/qemu-name.ts),
 * case by case against QEMU's util/qemu-option.c.
 */
import { describe, expect, it } from 'vitest';
import { qemuNameProblem } from '../../src/check/rules/qemu-name.js';

describe("QEMU's reading of -name NAME", () => {
  it.each([
    ['web01', null],
    ['', null],
    ['a,,b', null], // ",," is a comma in the guest name
    ['web,', null], // the list ends at the end of the text
    ['web,process=qemu-web', null],
    ['web,debug-threads=on', null],
    ['web,debug-threads', null], // a flag: debug-threads=on
    ['web,guest=other', null],
    ['web,prod', "Invalid parameter 'prod'"],
    ['web,noprod', "Invalid parameter 'prod'"],
    ['a=b', "Invalid parameter 'a'"], // an "=" before any "," names an option
    ['=web', "Invalid parameter ''"],
    [',web', "Invalid parameter 'web'"],
    ['web,debug-threads=maybe', "Parameter 'debug-threads' expects 'on' or 'off'"],
    ['a,,b,c', "Invalid parameter 'c'"],
  ])('%j -> %j', (name, problem) => {
    expect(qemuNameProblem(name)).toBe(problem);
  });
});
