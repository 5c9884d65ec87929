/**
 * More vCPUs than Xen gives a domain of the guest's type (XM0415: 128 for HVM and PVH, 8192 for PV)
 * needs no host: check reports it without --host (it was said only by plan and check --host), once
 * with --host (placement's copy is left out), at the value that sets the count.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { fixtureHost } from '../placement/helpers.js';

/** code@line:column of every finding. */
function found(text: string, options: Parameters<typeof check>[1] = {}): string[] {
  return check(text, options).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
}

describe('XM0415 without a host', () => {
  it('an HVM guest with 200 vCPUs, at vcpus', () => {
    expect(found('name = "g"\ntype = "hvm"\nvcpus = 200\n', { dialect: 'xl' })).toEqual(['XM0415@3:9']);
  });
  it('a PVH guest at maxvcpus; a PV guest takes 8192', () => {
    expect(found('name = "g"\ntype = "pvh"\nkernel = "/k"\nvcpus = 2\nmaxvcpus = 129\n', { dialect: 'xl' })).toEqual(['XM0415@5:12']);
    expect(found('name = "g"\nkernel = "/k"\nmaxvcpus = 8192\n', { dialect: 'xl' })).toEqual([]);
    expect(found('name = "g"\nkernel = "/k"\nmaxvcpus = 8193\n', { dialect: 'xl' })).toEqual(['XM0415@3:12']);
  });
  it('an xm HVM guest', () => {
    expect(found('name = "g"\nbuilder = "hvm"\nvcpus = 130\n', { dialect: 'xm' })).toEqual(['XM0415@3:9']);
  });
  it('an Arm guest is judged by its GIC instead (XM0234)', () => {
    expect(found('name = "g"\ntype = "pvh"\nkernel = "/k"\ngic_version = "v3"\nvcpus = 129\n', { dialect: 'xl' })).toEqual(['XM0234@5:9']);
  });
  it('once with a host', () => {
    const host = fixtureHost('two-node.json');
    expect(found('name = "g"\ntype = "hvm"\nvcpus = 200\n', { dialect: 'xl', host })).toEqual(['XM0415@3:9']);
  });
});
