import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerTimeoutMs, runHost, runLedger, runMigratePlan, runPlan, runRebalance, runRelease } from '../../src/cli/placement-run.js';
import { command as hostCmd } from '../../src/cli/commands/host.js';
import { command as planCmd } from '../../src/cli/commands/plan.js';
import { command as releaseCmd } from '../../src/cli/commands/release.js';
import { command as ledgerCmd } from '../../src/cli/commands/ledger.js';
import { command as migrateCmd } from '../../src/cli/commands/migrate-plan.js';
import { command as rebalanceCmd } from '../../src/cli/commands/rebalance.js';
import { FIXTURES, captureIo, type CapturedIo } from './helpers.js';
import { codeInfo } from '../../src/diagnostics/codes/index.js';
import { PLAN_INPUTS } from '../../src/placement/check-findings.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { Ledger } from '../../src/placement/ledger.js';
import type { Host } from '../../src/placement/types.js';

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

const io = (): CapturedIo => captureIo(dir);

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

  it('takes one source: two (--from-sysfs, --from-xl-info, --json, a file) are a usage error, not the first one silently', async () => {
    const sysfs = ['--from-sysfs', join(FIXTURES, 'sysfs-two-node')];
    const xlInfo = ['--from-xl-info', join(FIXTURES, 'xl-info-two-node.txt')];
    const json = ['--json', join(FIXTURES, 'two-node.json')];
    const file = [join(FIXTURES, 'two-node.json')];
    for (const argv of [[...sysfs, ...json], [...sysfs, ...xlInfo], [...xlInfo, ...json], [...file, ...sysfs], [...file, ...xlInfo], [...file, ...json]]) {
      const f = fakeIo({ cwd: dir });
      expect({ argv, code: await run(['host', ...argv], f.io) }).toEqual({ argv, code: 2 });
      expect(f.out.stdout).toBe('');
    }
    const one = fakeIo({ cwd: dir });
    expect(await run(['host', ...sysfs], one.io)).toBe(0);
  });

  it('reads - from standard input (--from-xl-info -, --json -, a file named -), as check - and plan - do', async () => {
    const xlInfo = readFileSync(join(FIXTURES, 'xl-info-two-node.txt'), 'utf8');
    const want = fakeIo({ cwd: dir });
    expect(await run(['host', '--from-xl-info', join(FIXTURES, 'xl-info-two-node.txt')], want.io)).toBe(0);
    for (const argv of [['--from-xl-info', '-'], ['--json', '-'], ['-']]) {
      const f = fakeIo({ cwd: dir, stdin: xlInfo });
      expect({ argv, code: await run(['host', ...argv], f.io) }).toEqual({ argv, code: 0 });
      expect(f.out.stdout).toBe(want.out.stdout);
    }
    const json = fakeIo({ cwd: dir, stdin: readFileSync(join(FIXTURES, 'two-node.json'), 'utf8') });
    expect(await run(['host', '--json', '-'], json.io)).toBe(0);
    const empty = fakeIo({ cwd: dir, stdin: '' });
    expect(await run(['host', '--from-xl-info', '-'], empty.io)).toBe(2);
    expect(empty.out.stderr).toContain('XM0401');
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

  it('reads --sysfs-root relative to the working folder, as host --from-sysfs does', async () => {
    const rel = 'sysfs-copy';
    cpSync(join(FIXTURES, 'sysfs-two-node'), join(dir, rel), { recursive: true });
    const a = io();
    expect(await runPlan({ file: 'web.cfg', 'sysfs-root': rel }, a)).toBe(0);
    expect(JSON.parse(a.out).nodes).toEqual([1]);
    const r = io();
    expect(await runRebalance({ 'sysfs-root': rel, ledger: join(dir, 'none.db') }, r)).toBe(0);
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
    expect(mig.out).toContain('xl migrate -C CONFIG web localhost');
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

/** `CODE line:column` of each finding plan printed on stderr (`file:line:column: severity CODE: …`). */
function found(err: string): string[] {
  return err
    .split('\n')
    .filter(Boolean)
    .map((l) => /^[^:]+:(\d+):(\d+): \w+ (XM\d{4}):/.exec(l))
    .map((m) => (m ? `${m[3]} ${m[1]}:${m[2]}` : '?'));
}

describe('xmcfg plan with a plan input written but unknown (XM0413)', () => {
  const host = join(FIXTURES, 'two-node.json');
  // Each case: the file, the findings plan prints, and the same file with the value known.
  const cases: Record<string, { text: string; found: string[]; known: string }> = {
    'call.xm': { text: 'name = "call"\nmemory = 4096\nvcpus = cpu_count()\nkernel = "/boot/vmlinuz"\n', found: ['XM0413 3:1', 'XM0052 3:9'], known: 'name = "call"\nmemory = 4096\nvcpus = 4\nkernel = "/boot/vmlinuz"\n' },
    'block.xm': {
      text: 'name = "block"\nbig = 1\nif big:\n    memory = 8192\n    vcpus = 4\nkernel = "/boot/vmlinuz"\n',
      found: ['XM0020 3:1', 'XM0413 4:5', 'XM0413 5:5'],
      known: 'name = "block"\nbig = 1\nmemory = 8192\nvcpus = 4\nkernel = "/boot/vmlinuz"\n',
    },
    // The last word on memory is in the block: the 2048 before it is stale.
    'stale.xm': { text: 'name = "stale"\nmemory = 2048\nvcpus = 4\nif 1:\n    memory = 8192\nkernel = "/boot/vmlinuz"\n', found: ['XM0020 4:1', 'XM0413 5:5'], known: 'name = "stale"\nmemory = 8192\nvcpus = 4\nkernel = "/boot/vmlinuz"\n' },
    'numa.xm': { text: 'name = "numa"\nmemory = 4096\nvcpus = 4\nnumanodes = nodes()\nkernel = "/boot/vmlinuz"\n', found: ['XM0413 4:1', 'XM0052 4:13'], known: 'name = "numa"\nmemory = 4096\nvcpus = 4\nnumanodes = 2\nkernel = "/boot/vmlinuz"\n' },
    // Rejected values: memory += in xl is only a warning (xl ignores the key), "x" an error.
    'append.cfg': { text: 'name = "append"\nmemory = 4096\nmemory += 1024\nvcpus = 2\nkernel = "/boot/vmlinuz"\n', found: ['XM0109 3:1', 'XM0413 3:1'], known: 'name = "append"\nmemory = 5120\nvcpus = 2\nkernel = "/boot/vmlinuz"\n' },
    'rejected.cfg': { text: 'name = "rejected"\nmemory = 4096\nvcpus = "x"\nkernel = "/boot/vmlinuz"\n', found: ['XM0413 3:1', 'XM0108 3:9'], known: 'name = "rejected"\nmemory = 4096\nvcpus = 4\nkernel = "/boot/vmlinuz"\n' },
    // hap decides the plan's create_flags; hap += in xl is only a warning (xl ignores hap).
    'hap.cfg': { text: 'name = "hap"\nmemory = 4096\nvcpus = 2\nhap = 1\nhap += 1\nkernel = "/boot/vmlinuz"\n', found: ['XM0109 5:1', 'XM0413 5:1'], known: 'name = "hap"\nmemory = 4096\nvcpus = 2\nhap = 1\nkernel = "/boot/vmlinuz"\n' },
  };
  beforeAll(() => {
    for (const [f, c] of Object.entries(cases)) {
      writeFileSync(join(dir, f), c.text);
      writeFileSync(join(dir, `known-${f}`), c.known);
    }
  });

  for (const [f, c] of Object.entries(cases)) {
    it(`${f}: exit 1, XM0413 at the key, nothing on stdout in any format`, async () => {
      for (const format of ['json', 'text', 'xl']) {
        const a = io();
        expect(await runPlan({ file: f, host, format }, a)).toBe(1);
        expect(found(a.err)).toEqual(c.found);
        expect(a.out).toBe('');
      }
    });

    it(`${f}: --reserve books nothing`, async () => {
      const ledger = join(dir, `unknown-${f}.db`);
      const a = io();
      expect(await runPlan({ file: f, host, ledger, reserve: true }, a)).toBe(1);
      expect(found(a.err)).toEqual(c.found);
      expect(a.out).toBe('');
      const list = io();
      expect(await runLedger({ action: 'list', ledger, format: 'json' }, list)).toBe(0);
      expect(JSON.parse(list.out).reservations).toEqual([]);
    });

    it(`${f} with the value known plans (and reserves) it`, async () => {
      const a = io();
      expect(await runPlan({ file: `known-${f}`, host }, a)).toBe(0);
      expect(a.err).not.toContain('XM0413');
      const known = JSON.parse(a.out) as { memory_per_node_mib: Record<string, number>; vcpus: unknown[] };
      const mem = Number(/memory = (\d+)/.exec(c.known)![1]);
      expect(Object.values(known.memory_per_node_mib).reduce((x, y) => x + y, 0)).toBe(mem);
      expect(known.vcpus).toHaveLength(Number(/vcpus = (\d+)/.exec(c.known)![1]));
      const ledger = join(dir, `known-${f}.db`);
      expect(await runPlan({ file: `known-${f}`, host, ledger, reserve: true }, io())).toBe(0);
      const list = io();
      await runLedger({ action: 'list', ledger, format: 'json' }, list);
      expect(JSON.parse(list.out).reservations).toHaveLength(1);
    });
  }

  it('a rejected type or builder is an error, so it needs no XM0413: plan refuses the file for it', async () => {
    const files = { 'type-list.cfg': ['type = ["hvm"]', 'XM0102 5:8'], 'builder-list.cfg': ['builder = ["hvm"]', 'XM0102 5:11'], 'builder-bad.xm': ['builder = "foo"', 'XM0104 5:11'] };
    for (const [f, [line, at]] of Object.entries(files)) {
      writeFileSync(join(dir, f), `name = "t"\nmemory = 4096\nvcpus = 2\nkernel = "/boot/vmlinuz"\n${line}\n`);
      const a = io();
      expect(await runPlan({ file: f, host }, a)).toBe(1);
      expect(found(a.err)).toContain(at);
      expect(a.err).toMatch(new RegExp(`:${at.split(' ')[1]}: error ${at.split(' ')[0]}:`));
      expect(a.out).toBe('');
    }
  });

  it('standard input is judged the same way', async () => {
    const a = Object.assign(io(), { readStdin: async () => ({ bytes: Buffer.from(cases['call.xm']!.text), over: false }) });
    expect(await runPlan({ file: '-', host }, a)).toBe(1);
    expect(found(a.err)).toEqual(['XM0413 3:1', 'XM0052 3:9']);
    expect(a.out).toBe('');
  });

  it('a missing ledger is not created by a refused --reserve', async () => {
    const ledger = join(dir, 'never.db');
    expect(await runPlan({ file: 'append.cfg', host, ledger, reserve: true }, io())).toBe(1);
    expect(existsSync(ledger)).toBe(false);
  });

  it("docs/cli.md's plan section names every plan input", () => {
    const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('\n## plan\n'), doc.indexOf('\n## release'));
    for (const k of PLAN_INPUTS) expect(section).toContain(`\`${k}\``);
  });

  it("XM0413's wrong example is refused with it and its right example plans", async () => {
    const info = codeInfo('XM0413')!;
    writeFileSync(join(dir, 'xm0413-bad.xm'), `${info.bad}\n`);
    writeFileSync(join(dir, 'xm0413-good.xm'), `${info.good}\n`);
    const bad = io();
    expect(await runPlan({ file: 'xm0413-bad.xm', host }, bad)).toBe(1);
    expect(found(bad.err).map((x) => x.split(' ')[0])).toContain('XM0413');
    const good = io();
    expect(await runPlan({ file: 'xm0413-good.xm', host }, good)).toBe(0);
    expect(good.err).not.toContain('XM0413');
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

describe('plan without --ledger', () => {
  it('subtracts the default ledger\'s reservations, as plan --reserve booked them there', async () => {
    const env = { XDG_STATE_HOME: join(dir, 'default-state') };
    const host = join(FIXTURES, 'two-node.json');
    writeFileSync(join(dir, 'big-a.cfg'), 'name = "a"\ntype = "hvm"\nmemory = 25000\nvcpus = 1\nnuma = "on"\n');
    writeFileSync(join(dir, 'big-b.cfg'), 'name = "b"\ntype = "hvm"\nmemory = 25000\nvcpus = 1\nnuma = "on"\n');
    expect(await runPlan({ file: 'big-a.cfg', host, reserve: true }, { ...io(), env })).toBe(0);
    const b = { ...io(), env };
    const out = { out: '', err: '' };
    b.stdout = (t: string) => void (out.out += t);
    b.stderr = (t: string) => void (out.err += t);
    // node 1 (30122 MiB free) holds a's 25000 MiB; node 0 has 20471: b fits nowhere
    expect(await runPlan({ file: 'big-b.cfg', host }, b)).toBe(1);
    expect(out.err).toContain('XM0404');
  });
});

describe('plan for a domain that already holds a reservation', () => {
  it('does not count its own booking against it (plan alone), and --reserve refuses it as reserved (XM0407), not as too big', async () => {
    const ledger = join(dir, 'own.db');
    const host = join(FIXTURES, 'two-node.json');
    writeFileSync(join(dir, 'huge.cfg'), 'name = "huge"\nmemory = 25000\nvcpus = 2\nnuma = "on"\nkernel = "/boot/vmlinuz"\n');
    const first = io();
    expect(await runPlan({ file: 'huge.cfg', host, ledger, reserve: true }, first)).toBe(0);
    expect(JSON.parse(first.out).nodes).toEqual([1]);
    // the xl lines of the reserved guest: the same plan, not "no node holds 25000 MiB"
    const again = io();
    expect(await runPlan({ file: 'huge.cfg', host, ledger }, again)).toBe(0);
    expect([JSON.parse(again.out).nodes, again.err]).toEqual([[1], '']);
    const twice = io();
    expect(await runPlan({ file: 'huge.cfg', host, ledger, reserve: true }, twice)).toBe(1);
    expect([twice.out, [...twice.err.matchAll(/ (XM\d{4}):/g)].map((m) => m[1])]).toEqual(['', ['XM0407']]);
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

describe.skipIf(!existsSync('/dev/zero'))('endless inputs (/dev/zero as a config or a host)', () => {
  it('are read only up to the input size limit: plan exits 1 with XM0040 for the config, 2 for a host', async () => {
    const a = io();
    expect(await runPlan({ file: '/dev/zero', host: join(FIXTURES, 'two-node.json') }, a)).toBe(1);
    expect([a.out, [...a.err.matchAll(/ (XM\d{4}):/g)].map((m) => m[1])]).toEqual(['', ['XM0040']]);
    for (const argv of [{ file: 'web.cfg', host: '/dev/zero' }]) {
      const b = io();
      expect([await runPlan(argv, b), b.out]).toEqual([2, '']);
    }
    for (const argv of [{ file: '/dev/zero' }, { json: '/dev/zero' }, { 'from-xl-info': '/dev/zero' }]) {
      const c = io();
      expect([await runHost(argv, c), c.out]).toEqual([2, '']);
    }
  }, 60_000);
});

describe('XMCFG_LEDGER_TIMEOUT_MS', () => {
  it('unset or empty is the default wait; a value that is not whole milliseconds in range is a usage error (exit 2), not an unusable ledger', async () => {
    expect([undefined, '', ' ', '0', '250', '2147483647'].map(ledgerTimeoutMs)).toEqual([10_000, 10_000, 10_000, 0, 250, 2147483647]);
    expect(['abc', '-5', '1e20', '2.5', '2147483648', '0x10'].map(ledgerTimeoutMs)).toEqual([null, null, null, null, null, null]);
    const ledger = join(dir, 'timeout.db');
    expect(await runPlan({ file: 'web.cfg', host: join(FIXTURES, 'two-node.json'), ledger, reserve: true }, io())).toBe(0);
    const a = Object.assign(io(), {});
    a.env = { ...a.env, XMCFG_LEDGER_TIMEOUT_MS: 'abc' };
    expect(await runLedger({ action: 'list', ledger }, a)).toBe(2);
    expect([a.out, a.err.includes('XM0408')]).toEqual(['', false]);
  });
});

describe('rebalance option values', () => {
  it('refuses a threshold or move count that is not a number in range (usage, exit 2)', async () => {
    const host = join(FIXTURES, 'two-node.json');
    const ledger = join(dir, 'rebalance-args.db');
    for (const bad of [{ threshold: Number.NaN }, { threshold: -5 }, { threshold: 101 }, { 'max-moves': -1 }, { 'max-moves': 1.5 }, { 'max-moves': Number.NaN }]) {
      const out = io();
      expect(await runRebalance({ host, ledger, ...bad }, out)).toBe(2);
      expect(out.out).toBe('');
    }
    expect(await runRebalance({ host, ledger, threshold: 0, 'max-moves': 0 }, io())).toBe(0);
  });
});

describe('host files that are not hosts', () => {
  it('an empty file, a JSON array and an unsafe integer are XM0401 naming the problem', async () => {
    const cases: Array<[string, string]> = [
      ['empty.json', '\n'],
      ['array.json', '[]\n'],
      ['huge.json', '{"nodes":[{"id":0,"cpus":[0],"memory_mib":9007199254740993,"free_mib":1}]}'],
    ];
    for (const [name, text] of cases) {
      writeFileSync(join(dir, name), text);
      const out = io();
      expect(await runHost({ file: name }, out)).toBe(2);
      expect(out.out).toBe('');
      expect(out.err).toContain('XM0401');
      // JSON read as JSON: never the `xl info` reader's "no numa_info section"
      expect(out.err).not.toContain('numa_info');
    }
  });
});

describe('plan refusals point at the setting', () => {
  it('XM0402 at the numanode entry the host lacks, XM0404 at memory', async () => {
    const host = join(FIXTURES, 'two-node.json');
    writeFileSync(join(dir, 'where-node.cfg'), 'name = "w"\ntype = "hvm"\nmemory = 1024\nvcpus = 1\nnumanode = [0, 5]\n');
    writeFileSync(join(dir, 'where-mem.cfg'), 'name = "w"\ntype = "hvm"\nmemory = 90000\nvcpus = 1\n');
    const a = io();
    expect(await runPlan({ file: 'where-node.cfg', host }, a)).toBe(1);
    expect(a.err).toMatch(/^where-node\.cfg:5:16: error XM0402/m);
    const b = io();
    expect(await runPlan({ file: 'where-mem.cfg', host }, b)).toBe(1);
    expect(b.err).toMatch(/^where-mem\.cfg:3:10: error XM0404/m);
  });
});

describe('ledger list text: its columns line up', () => {
  it('with a domain name longer than 24 characters and a reservation over more than 12 characters of node ids', async () => {
    // Eight nodes of 4 GiB: a 16 GiB guest over all of them ("0,1,2,3,4,5,6,7", 15 characters).
    const ledger = join(dir, 'wide.db');
    const host = { nodes: Array.from({ length: 8 }, (_, id) => ({ id, cpus: [id], memory_mib: 4096, free_mib: 4096 })) } as Host;
    const l = Ledger.open(ledger, { create: true }).ledger!;
    expect(l.reserve({ name: 'a-domain-name-of-thirty-one-chars', memory: 1024, vcpus: 1 }, host).plan).not.toBeNull();
    expect(l.reserve({ name: 'wide', memory: 16384, vcpus: 8, numa: { mode: 'nodes', nodes: [0, 1, 2, 3, 4, 5, 6, 7], node_count: 8 } }, host).plan).not.toBeNull();
    l.close();
    const out = io();
    expect(await runLedger({ action: 'list', ledger }, out)).toBe(0);
    const lines = out.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // Each column starts where its header does: the second, third and fourth fields of each line.
    const starts = (line: string): number[] => [...line.matchAll(/(?<=\s)\S+/g)].slice(0, 4).map((m) => m.index);
    const header = lines[0]!;
    const at = [header.indexOf('nodes'), header.indexOf('memory MiB') + 'memory MiB'.length, header.indexOf('vcpus') + 'vcpus'.length, header.indexOf('created')];
    for (const line of lines.slice(1)) {
      const [nodes, mem, vcpus, created] = starts(line);
      const fields = line.split(/\s+/);
      expect([nodes, mem! + fields[2]!.length, vcpus! + fields[3]!.length, created]).toEqual(at);
    }
  });
});
