/**
 * The memory a guest without `memory` is placed with follows its dialect's default. xl
 * (libxl__domain_build_info_setdefault): maxmem defaults to the vnuma sizes or 32 MiB, and memory to
 * maxmem. xm (create.py `memory` default 128): a maxmem alone is xend's balloon ceiling above a
 * 128 MiB target. The allocator used memory ?? maxmem ?? 128 for both, so an xm guest with only
 * maxmem = 8192 was placed (and booked) as 8192 MiB, and an xl guest without either as 128.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { plan } from '../../src/placement/plan.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES, fixtureHost } from './helpers.js';

const placed = (p: { memory_per_node_mib: Record<string, number> } | null): number => Object.values(p!.memory_per_node_mib).reduce((a, b) => a + b, 0);

describe('plan(): the default memory of each dialect', () => {
  const host = fixtureHost('two-node.json');
  it('only maxmem: xl places maxmem, xm places its 128 MiB default', () => {
    expect(placed(plan({ name: 'g', type: 'hvm', maxmem: 8192 }, host, { dialect: 'xl' }).plan)).toBe(8192);
    expect(placed(plan({ name: 'g', type: 'hvm', maxmem: 8192 }, host, { dialect: 'xm' }).plan)).toBe(128);
  });
  it('neither memory nor maxmem: xl places 32 MiB, xm 128 MiB', () => {
    expect(placed(plan({ name: 'g', type: 'hvm' }, host, { dialect: 'xl' }).plan)).toBe(32);
    expect(placed(plan({ name: 'g', type: 'hvm' }, host, { dialect: 'xm' }).plan)).toBe(128);
  });
  it('an xl guest sized by its own vnuma places the sizes total', () => {
    const vnuma = [{ pnode: 0, size: 1024, vcpus: [0], vdistances: [10, 20] }, { pnode: 1, size: 2048, vcpus: [1], vdistances: [20, 10] }];
    expect(placed(plan({ name: 'g', type: 'hvm', vnuma } as never, host, { dialect: 'xl' }).plan)).toBe(3072);
  });
  it('without a dialect the reading stays memory ?? maxmem ?? 128', () => {
    expect(placed(plan({ name: 'g', type: 'hvm', maxmem: 8192 }, host).plan)).toBe(8192);
    expect(placed(plan({ name: 'g', type: 'hvm' }, host).plan)).toBe(128);
  });
});

describe('plan FILE: the file\'s dialect decides', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xmcfg-dialect-mem-'));
    writeFileSync(join(dir, 'g.xl'), 'name = "g"\ntype = "hvm"\nmaxmem = 8192\n');
    writeFileSync(join(dir, 'g.xm'), 'name = "g"\nbuilder = "hvm"\nmaxmem = 8192\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, dialect, mib] of [['g.xl', 'xl', 8192], ['g.xm', 'xm', 128]] as const) {
    it(`${dialect}: ${mib} MiB`, async () => {
      const f = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
      const code = await run(['plan', file, '--dialect', dialect, '--host', join(FIXTURES, 'two-node.json')], f.io);
      expect(f.out.stderr).toBe('');
      expect(code).toBe(0);
      expect(placed(JSON.parse(f.out.stdout))).toBe(mib);
    });
  }
});
