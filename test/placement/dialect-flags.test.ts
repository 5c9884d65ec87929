/**
 * plan's creation flags (and guest type) come from the keys the file's own toolstack reads: xl
 * ignores xm's s3_integrity (XM0551: "xl/libxl never set" CDF_s3_integrity), xm ignores xl-only
 * keys such as type, vpmu and passthrough (XM0553) and values that are not str, list, int or float
 * (XM0554: hap = False leaves hap on). The plan used them anyway.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-dialect-flags-'));
  const w = (f: string, t: string): void => writeFileSync(join(dir, f), t);
  w('xl-s3.cfg', 'name = "a"\nmemory = 1024\nkernel = "/k"\ns3_integrity = 1\n');
  w('xm-s3.cfg', 'name = "a"\nmemory = 256 * 4\nkernel = "/k"\ns3_integrity = 1\n');
  w('xm-s3-bool.cfg', 'name = "a"\nmemory = 256 * 4\nkernel = "/k"\ns3_integrity = True\n');
  w('xm-type.cfg', 'name = "a"\nmemory = 256 * 4\nvcpus = 2\nkernel = "/k"\ntype = "hvm"\nvpmu = 1\npassthrough = "enabled"\nnumanodes = 2\n');
  w('xm-hap.cfg', 'name = "a"\nmemory = 256 * 4\nbuilder = "hvm"\nhap = False\noos = 0\n');
  w('xl-type.cfg', 'name = "a"\nmemory = 1024\ntype = "hvm"\nvpmu = 1\nhap = 0\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function flags(file: string): Promise<{ code: number; names: string[]; ignored: string[] }> {
  const f = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(['plan', file, '--host', join(FIXTURES, 'two-node.json')], f.io);
  const p = JSON.parse(f.out.stdout) as { create_flags: { names: string[] }; reasons: string[] };
  return { code, names: p.create_flags.names, ignored: p.reasons.filter((r) => r.includes('not read by')) };
}

describe('create_flags follow the keys the dialect reads', () => {
  it('xl: s3_integrity is xm only, no CDF_s3_integrity', async () => {
    expect(await flags('xl-s3.cfg')).toEqual({ code: 0, names: [], ignored: [expect.stringContaining('s3_integrity')] });
  });
  it('xm: s3_integrity = 1 sets it; s3_integrity = True is dropped by xm', async () => {
    expect((await flags('xm-s3.cfg')).names).toEqual(['s3_integrity']);
    expect((await flags('xm-s3-bool.cfg')).names).toEqual([]);
  });
  it('xm: type, vpmu and passthrough are xl keys: a PV guest without iommu or vpmu', async () => {
    const r = await flags('xm-type.cfg');
    expect([r.code, r.names]).toEqual([0, []]);
    expect(r.ignored).toHaveLength(1);
    for (const k of ['type', 'vpmu', 'passthrough']) expect(r.ignored[0]).toContain(k);
  });
  it('xm: hap = False is dropped (hap stays on); oos = 0 is read', async () => {
    expect((await flags('xm-hap.cfg')).names).toEqual(['hvm', 'hap', 'oos_off']);
  });
  it('xl reads them all', async () => {
    expect(await flags('xl-type.cfg')).toEqual({ code: 0, names: ['hvm', 'vpmu'], ignored: [] });
  });
});
