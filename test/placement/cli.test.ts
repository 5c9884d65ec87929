import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/types.js';
import { runHost, runLedger, runMigratePlan, runPlan, runRebalance, runRelease } from '../../src/cli/placement-run.js';
import { command as hostCmd } from '../../src/cli/commands/host.js';
import { command as planCmd } from '../../src/cli/commands/plan.js';
import { command as releaseCmd } from '../../src/cli/commands/release.js';
import { command as ledgerCmd } from '../../src/cli/commands/ledger.js';
import { command as migrateCmd } from '../../src/cli/commands/migrate-plan.js';
import { command as rebalanceCmd } from '../../src/cli/commands/rebalance.js';
import { FIXTURES } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-cli-'));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 4096\nvcpus = 2\n');
  // PV guests need something to boot, or xl (and so `check`, which `plan` runs first) refuses them (XM0227).
  writeFileSync(join(dir, 'big.cfg'), 'name = "big"\nmemory = 60000\nvcpus = 2\nnuma = "on"\nkernel = "/boot/vmlinuz"\n');
  writeFileSync(join(dir, 'db.cfg'), 'name = "db"\nmemory = 8192\nvcpus = 4\nnumanodes = 2\nkernel = "/boot/vmlinuz"\n');
  writeFileSync(join(dir, 'small.cfg'), 'name = "small"\nmemory = 1024\nvcpus = 1\nnumanode = 0\nkernel = "/boot/vmlinuz"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): Io & { out: string; err: string } {
  const o = { out: '', err: '' };
  return Object.assign(o, {
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    readStdin: async () => ({ bytes: new Uint8Array(0), over: false }),
    cwd: dir,
    env: { XDG_STATE_HOME: join(dir, 'state') },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
}

describe('command specs', () => {
  it('each module exports one CommandSpec named command', () => {
    expect([hostCmd, planCmd, releaseCmd, ledgerCmd, migrateCmd, rebalanceCmd].map((c) => c.command.split(' ')[0])).toEqual(['host', 'plan', 'release', 'ledger', 'migrate-plan', 'rebalance']);
  });
});

describe('xmcfg host', () => {
  it('prints sysfs and xl info hosts as JSON', async () => {
    const a = io();
    expect(await runHost({ 'from-sysfs': join(FIXTURES, 'sysfs-two-node') }, a)).toBe(0);
    const b = io();
    expect(await runHost({ 'from-xl-info': join(FIXTURES, 'xl-info-two-node.txt') }, b)).toBe(0);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
  });

  it('exits 2 with the field named for a malformed host', async () => {
    writeFileSync(join(dir, 'bad-host.json'), '{"nodes":[{"id":0,"cpus":[0],"memory_mib":1}]}');
    const a = io();
    expect(await runHost({ json: 'bad-host.json' }, a)).toBe(2);
    expect(a.err).toContain('XM0401');
    expect(a.err).toContain('nodes[0].free_mib');
  });
});

describe('xmcfg plan', () => {
  const host = join(FIXTURES, 'two-node.json');

  it('prints the JSON plan (exit 0) in three formats', async () => {
    const a = io();
    expect(await runPlan({ file: 'web.cfg', host }, a)).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ domain: 'web', nodes: [1], create_flags: { value: 3 } });
    const t = io();
    expect(await runPlan({ file: 'web.cfg', host, format: 'text' }, t)).toBe(0);
    expect(t.out).toContain('Plan for web');
    const x = io();
    expect(await runPlan({ file: 'web.cfg', host, format: 'xl' }, x)).toBe(0);
    expect(x.out).toContain('cpus = [ "4-7", "4-7" ]');
  });

  it('exits 1 with XM0404 when the request cannot be met', async () => {
    const a = io();
    expect(await runPlan({ file: 'big.cfg', host }, a)).toBe(1);
    expect(a.err).toContain('XM0404');
    expect(a.out).toBe('');
  });

  it('exits 2 on an unreadable file or host', async () => {
    expect(await runPlan({ file: 'nope.cfg', host }, io())).toBe(2);
    expect(await runPlan({ file: 'web.cfg', host: 'nope.json' }, io())).toBe(2);
  });

  it('reserve, ledger list, migrate-plan, rebalance, release', async () => {
    const ledger = join(dir, 'l.db');
    const hostOpt = join(FIXTURES, 'four-node-opteron.json');
    for (const f of ['web.cfg', 'db.cfg', 'small.cfg']) expect(await runPlan({ file: f, host: hostOpt, ledger, reserve: true }, io())).toBe(0);
    const again = io();
    expect(await runPlan({ file: 'web.cfg', host: hostOpt, ledger, reserve: true }, again)).toBe(1);
    expect(again.err).toContain('XM0407');
    const list = io();
    expect(await runLedger({ action: 'list', ledger, format: 'json' }, list)).toBe(0);
    expect(JSON.parse(list.out).reservations.map((r: { domain: string }) => r.domain)).toEqual(['db', 'small', 'web']);
    const mig = io();
    expect(await runMigratePlan({ name: 'web', 'to-node': [2], host: hostOpt, ledger, commit: true }, mig)).toBe(0);
    expect(mig.out).toContain('xl migrate web localhost');
    const after = io();
    await runLedger({ action: 'list', ledger, format: 'json' }, after);
    expect(JSON.parse(after.out).reservations.find((r: { domain: string }) => r.domain === 'web').nodes[0].node).toBe(2);
    const tooBig = io();
    writeFileSync(join(dir, 'tiny-host.json'), JSON.stringify({ nodes: [{ id: 0, cpus: [0], memory_mib: 70000, free_mib: 65536 }, { id: 1, cpus: [1], memory_mib: 70000, free_mib: 65536 }, { id: 2, cpus: [2], memory_mib: 5000, free_mib: 5000 }, { id: 3, cpus: [3], memory_mib: 5000, free_mib: 5000 }] }));
    expect(await runMigratePlan({ name: 'db', 'to-node': [3], host: join(dir, 'tiny-host.json'), ledger }, tooBig)).toBe(1);
    expect(tooBig.err).toContain('XM0409');
    const reb = io();
    expect(await runRebalance({ host: hostOpt, ledger, format: 'json', threshold: 1 }, reb)).toBe(0);
    expect(JSON.parse(reb.out).version).toBe(1);
    const rel = io();
    expect(await runRelease({ name: 'web', ledger }, rel)).toBe(0);
    expect(await runRelease({ name: 'web', ledger }, io())).toBe(1);
  });

  it('a corrupt ledger exits 2 and prints no plan', async () => {
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'x'.repeat(4096));
    const a = io();
    expect(await runPlan({ file: 'web.cfg', host, ledger: bad, reserve: true }, a)).toBe(2);
    expect(a.err).toContain('XM0408');
    expect(a.out).toBe('');
  });
});

describe('xmcfg host FILE', () => {
  it('validates and prints a JSON or xl info file, one node per line', async () => {
    const a = io();
    expect(await runHost({ file: join(FIXTURES, 'xl-info-sparse.txt') }, a)).toBe(0);
    expect(a.out.split('\n')).toHaveLength(6);
    expect(JSON.parse(a.out).nodes.map((n: { id: number }) => n.id)).toEqual([0, 2, 3]);
  });
});

describe('plan without --reserve writes nothing', () => {
  it('does not create a missing ledger', async () => {
    const path = join(dir, 'never.db');
    expect(await runPlan({ file: 'web.cfg', host: join(FIXTURES, 'two-node.json'), ledger: path, policy: 'round-robin' }, io())).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});

describe('commands on a missing ledger do not create it', () => {
  it('list, release, migrate-plan, rebalance', async () => {
    const ledger = join(dir, 'missing.db');
    const l = io();
    expect(await runLedger({ action: 'list', ledger }, l)).toBe(0);
    expect(l.out).toContain('no reservations');
    const r = io();
    expect(await runRelease({ name: 'x', ledger }, r)).toBe(1);
    expect(r.err).toContain('XM0410');
    expect(await runMigratePlan({ name: 'x', 'to-node': [1], host: join(FIXTURES, 'two-node.json'), ledger }, io())).toBe(1);
    expect(await runRebalance({ host: join(FIXTURES, 'two-node.json'), ledger }, io())).toBe(0);
    expect(existsSync(ledger)).toBe(false);
  });
});
