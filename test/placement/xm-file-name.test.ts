/**
 * xm names a guest whose config sets no name, or name = "", after the config file (create.py:
 * `if not gopts.getopt('name') and gopts.getopt('defconfig'): gopts.setopt('name',
 * os.path.basename(gopts.getopt('defconfig')))`). plan of such an xm file uses that name (a reason
 * says so), so it gets its vcpu-pin commands and plan --reserve books it; xl files, standard input
 * and file names xend refuses (_checkName) keep the nameless plan.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmFileName as ruleFileName } from '../../src/check/rules/name.js';
import { run } from '../../src/cli/run.js';
import { xmFileName } from '../../src/placement/xm-name.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES } from './helpers.js';

const HOST = join(FIXTURES, 'two-node.json');
const XM_BODY = 'memory = 512 * 2\nvcpus = 2\nkernel = "/boot/vmlinuz"\n';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-xmname-'));
  mkdirSync(join(dir, 'guests'));
  writeFileSync(join(dir, 'guests', 'web01.cfg'), XM_BODY);
  writeFileSync(join(dir, 'guests', 'empty.cfg'), `name = ""\n${XM_BODY}`);
  writeFileSync(join(dir, 'guests', 'my web.cfg'), XM_BODY);
  writeFileSync(join(dir, 'guests', 'xl-empty.cfg'), 'name = ""\nmemory = 1024\nvcpus = 2\nkernel = "/boot/vmlinuz"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function x(argv: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const f = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') }, ...(stdin !== undefined ? { stdin } : {}) });
  const code = await run(argv, f.io);
  return { code, stdout: f.out.stdout, stderr: f.out.stderr };
}
const planOf = (out: string): { domain: string; commands: string[]; reasons: string[] } => JSON.parse(out);

describe('plan of an xm file without a name', () => {
  for (const [file, name] of [
    ['guests/web01.cfg', 'web01.cfg'],
    ['guests/empty.cfg', 'empty.cfg'],
  ]) {
    it(`${file}: planned as "${name}", the file's base name, with its commands and a reason`, async () => {
      const r = await x(['plan', file, '--host', HOST]);
      expect(r.code).toBe(0);
      const p = planOf(r.stdout);
      expect(p.domain).toBe(name);
      expect(p.commands).toEqual([`xl vcpu-pin ${name} 0 4-7`, `xl vcpu-pin ${name} 1 4-7`]);
      expect(p.reasons.filter((s) => s.includes(`"${name}"`) && s.includes('create.py'))).toHaveLength(1);
    });
  }

  it('plan --reserve books it under that name (was XM0105), and a second run finds it reserved (XM0407)', async () => {
    const ledger = join(dir, 'l.db');
    const r = await x(['plan', 'guests/web01.cfg', '--host', HOST, '--ledger', ledger, '--reserve']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const list = await x(['ledger', 'list', '--ledger', ledger, '--format', 'json']);
    expect(JSON.parse(list.stdout).reservations.map((e: { domain: string }) => e.domain)).toEqual(['web01.cfg']);
    const again = await x(['plan', 'guests/web01.cfg', '--host', HOST, '--ledger', ledger, '--reserve']);
    expect([again.code, [...again.stderr.matchAll(/XM\d{4}/g)].map((m) => m[0])]).toEqual([1, ['XM0407']]);
    // plain plan of the reserved guest: its own booking is not counted against it
    const plain = await x(['plan', 'guests/web01.cfg', '--host', HOST, '--ledger', ledger]);
    expect(planOf(plain.stdout).reasons.some((s) => s.startsWith('web01.cfg already holds a reservation'))).toBe(true);
  });

  it('a file name xend refuses ("my web.cfg": a blank) stays nameless, says why, and is not reserved (XM0105)', async () => {
    const r = await x(['plan', 'guests/my web.cfg', '--host', HOST]);
    expect(r.code).toBe(0);
    const p = planOf(r.stdout);
    expect([p.domain, p.commands]).toEqual(['', []]);
    expect(p.reasons.filter((s) => s.includes('"my web.cfg"') && s.includes('_checkName'))).toHaveLength(1);
    const reserve = await x(['plan', 'guests/my web.cfg', '--host', HOST, '--ledger', join(dir, 'l2.db'), '--reserve']);
    expect([reserve.code, [...reserve.stderr.matchAll(/XM\d{4}/g)].map((m) => m[0])]).toEqual([1, ['XM0105']]);
  });

  it('standard input has no file name: nameless, as before', async () => {
    const r = await x(['plan', '-', '--host', HOST], readFileSync(join(dir, 'guests', 'web01.cfg'), 'utf8'));
    expect(r.code).toBe(0);
    expect([planOf(r.stdout).domain, planOf(r.stdout).commands]).toEqual(['', []]);
  });

  it('an xl file with name = "" is not renamed: xl creates a guest with the empty name', async () => {
    const r = await x(['plan', 'guests/xl-empty.cfg', '--host', HOST]);
    expect(r.code).toBe(0);
    expect(planOf(r.stdout).domain).toBe('');
    const forced = await x(['plan', 'guests/web01.cfg', '--host', HOST, '--dialect', 'xl']);
    expect(forced.code).toBe(1);
  });
});

describe('one definition of the name xm gives a nameless file', () => {
  it("placement's xmFileName is check's (a copy could drift from the XM0234 rule)", () => {
    expect(xmFileName).toBe(ruleFileName);
  });
});
