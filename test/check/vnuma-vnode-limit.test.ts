/**
 * XM0255: Xen takes at most 32 vnodes (vnuma_alloc in common/domctl.c refuses nr_vnodes² 4-byte
 * distances beyond one 4 KiB page, XSA-77), so a file xl accepts fails at xl create.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

/** An HVM guest of n vnodes of 256 MiB, one vCPU each, one vnode list per line from line 5. */
function wide(n: number): string {
  const vnodes = Array.from({ length: n }, (_, i) => {
    const d = Array.from({ length: n }, (_, j) => (i === j ? 10 : 20)).join(',');
    return `  [ "pnode=0", "size=256", "vcpus=${i}", "vdistances=${d}" ],`;
  });
  return `name = "wide"\ntype = "hvm"\nmemory = ${256 * n}\nvnuma = [\n${vnodes.join('\n')}\n]\n`;
}

describe('XM0255 more vnodes than Xen takes', () => {
  it('is reported at the 33rd vnode, with the key as related span; 32 and fewer are clean', () => {
    const rows = [1, 32, 33, 40].map((n) => {
      const r = check(wide(n), { dialect: 'xl' });
      return { n, errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}:${d.column}`), related: r.diagnostics.find((d) => d.code === 'XM0255')?.related?.map((x) => `${x.line}:${x.column}`) };
    });
    expect(rows).toEqual([
      { n: 1, errors: [], related: undefined },
      { n: 32, errors: [], related: undefined },
      { n: 33, errors: ['XM0255 37:3'], related: ['4:1'] },
      { n: 40, errors: ['XM0255 37:3'], related: ['4:1'] },
    ]);
  });

  it('is an xl finding only: xm never read vnuma (XM0553 notes the key)', () => {
    expect(check(wide(33), { dialect: 'xm' }).diagnostics.map((d) => d.code)).not.toContain('XM0255');
  });
});
