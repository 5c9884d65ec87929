/**
 * The placement commands (`host`, `plan`, `release`, `ledger list`, `migrate-plan`, `rebalance`)
 * and `convert --host`, driven as an administrator would, on command lines a conformance audit
 * found mishandled; each case is kept so it stays fixed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES } from './helpers.js';

let dir: string;
const HOST = join(FIXTURES, 'two-node.json');
const XL_INFO = join(FIXTURES, 'xl-info-two-node.txt');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-audit-'));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 4096\nvcpus = 2\n');
  writeFileSync(join(dir, 'numa.xm'), 'name = "numa"\nmemory = 1024\nvcpus = 2\nkernel = "/boot/vmlinuz"\nnuma = "on"\nnumanodes = 1\nx = 1 + 1\n');
  writeFileSync(join(dir, 'not-a-host.txt'), 'this is not xl info\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI in-process in the test folder, with its own default ledger. */
async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

describe('--host - reads the host from standard input, as `xmcfg host -` does', () => {
  it('plan, migrate-plan, rebalance and convert give the same result as with the file (it was "cannot read host file \'-\'", exit 2)', async () => {
    const ledger = join(dir, 'stdin-host.db');
    const cases: string[][] = [
      ['plan', 'web.cfg', '--format', 'xl', '--host'],
      ['rebalance', '--ledger', ledger, '--host'],
      ['convert', 'numa.xm', '--to', 'xl', '--host'],
    ];
    for (const args of cases) {
      const want = await cli([...args, HOST]);
      expect({ args, code: want.code }).toEqual({ args, code: 0 });
      for (const text of [readFileSync(HOST, 'utf8'), readFileSync(XL_INFO, 'utf8')]) {
        const got = await cli([...args, '-'], text);
        expect({ args, code: got.code, stdout: got.stdout, stderr: got.stderr }).toEqual({ args, code: 0, stdout: want.stdout, stderr: want.stderr });
      }
    }
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    const want = await cli(['migrate-plan', 'web', '--to-node', '0', '--ledger', ledger, '--host', HOST]);
    const got = await cli(['migrate-plan', 'web', '--to-node', '0', '--ledger', ledger, '--host', '-'], readFileSync(HOST, 'utf8'));
    expect([want.code, got.code, got.stdout]).toEqual([0, 0, want.stdout]);
  });

  it('the config and the host cannot both be standard input: exit 2, nothing printed', async () => {
    for (const cmd of [['plan', '-', '--host', '-'], ['convert', '-', '--to', 'xl', '--host', '-']]) {
      const r = await cli(cmd, readFileSync(join(dir, 'web.cfg'), 'utf8'));
      expect({ cmd, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ cmd, code: 2, stdout: '', stderr: `xmcfg ${cmd[0]}: the config and --host cannot both be '-' (standard input)\n` });
    }
  });

  it('an empty standard input is XM0401 naming standard input', async () => {
    const r = await cli(['plan', 'web.cfg', '--host', '-'], '');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'xmcfg plan: host on standard input: error XM0401: host file on standard input is empty\n']);
  });
});

describe('messages name the command and the input they are about', () => {
  it('xmcfg host: a finding names the file it is about (it was a bare "error XM0401: xl info: …")', async () => {
    for (const args of [['--from-xl-info', 'not-a-host.txt'], ['--json', 'not-a-host.txt'], ['not-a-host.txt']]) {
      const r = await cli(['host', ...args]);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr.replace(/(XM0401): .*/, '$1') }).toEqual({ args, code: 2, stdout: '', stderr: "xmcfg host: 'not-a-host.txt': error XM0401\n" });
    }
  });

  it('each stderr line of a failing placement command starts with `xmcfg COMMAND:` (it was `xmcfg:`, `error XM…`, `FILE: error …` or `ledger:`)', async () => {
    const bad = join(dir, 'bad-host.json');
    writeFileSync(bad, '{"nodes":[{"id":0}]}');
    const ledger = join(dir, 'prefix.db');
    const cases: [string, string[], number][] = [
      ['plan', ['plan', 'missing.cfg', '--host', HOST], 2],
      ['plan', ['plan', 'web.cfg', '--host', 'missing.json'], 2],
      ['plan', ['plan', 'web.cfg', '--host', bad], 2],
      ['host', ['host', 'missing.json'], 2],
      ['host', ['host', '--from-xl-info', 'missing.txt'], 2],
      ['release', ['release', 'nobody', '--ledger', ledger], 1],
      ['migrate-plan', ['migrate-plan', 'nobody', '--to-node', '0', '--host', HOST, '--ledger', ledger], 1],
      ['ledger', ['ledger', 'list', '--ledger', dir], 2],
      ['normalize', ['normalize', 'missing.cfg'], 2],
    ];
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    cases.push(['migrate-plan', ['migrate-plan', 'nobody', '--to-node', '0', '--host', HOST, '--ledger', ledger], 1]);
    cases.push(['migrate-plan', ['migrate-plan', 'web', '--to-node', '0', '--host', HOST, '--ledger', ledger, '--commit'], 0]);
    for (const [cmd, args, code] of cases) {
      const r = await cli(args);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect({ args, code: r.code, lines: lines.length > 0, bad: lines.filter((l) => !l.startsWith(`xmcfg ${cmd}: `)) }).toEqual({ args, code, lines: true, bad: [] });
    }
  });

  it("plan's findings at the config keep the compiler form FILE:LINE:COLUMN", async () => {
    writeFileSync(join(dir, 'broken.cfg'), 'name = "b"\ntype = "hvm"\nmemory = "x"\n');
    const r = await cli(['plan', 'broken.cfg', '--host', HOST]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken\.cfg:3:10: error XM0108: /m);
  });
});

describe('rebalance --threshold and --max-moves', () => {
  it('without a value are a usage error (a bare --threshold ran with the default 10)', async () => {
    for (const opt of ['--threshold', '--max-moves']) {
      const r = await cli(['rebalance', '--host', HOST, opt]);
      expect({ opt, code: r.code, stdout: r.stdout }).toEqual({ opt, code: 2, stdout: '' });
      expect(r.stderr).toMatch(new RegExp(`^xmcfg: ${opt} needs a value\n`));
    }
  });

  it('a bad value is named in the message, with the option it was given to', async () => {
    const cases: [string, string, string][] = [
      ['--threshold', 'abc', "xmcfg rebalance: --threshold must be a percentage from 0 to 100, not 'abc'\n"],
      ['--threshold', '150', "xmcfg rebalance: --threshold must be a percentage from 0 to 100, not '150'\n"],
      ['--threshold', '', "xmcfg rebalance: --threshold must be a percentage from 0 to 100, not ''\n"],
      ['--max-moves', '-1', "xmcfg rebalance: --max-moves must be a whole number (0 or more), not '-1'\n"],
      ['--max-moves', '1.5', "xmcfg rebalance: --max-moves must be a whole number (0 or more), not '1.5'\n"],
    ];
    for (const [opt, value, stderr] of cases) {
      expect({ opt, value, ...(await cli(['rebalance', '--host', HOST, `${opt}=${value}`])) }).toEqual({ opt, value, code: 2, stdout: '', stderr });
    }
    expect((await cli(['rebalance', '--host', HOST, '--threshold', '12.5', '--max-moves', '0'])).code).toBe(0);
  });
});

describe('migrate-plan --to-node', () => {
  it("takes decimal node ids only: '' was node 0 and 99999999999999999 was rounded, each planning a real migration", async () => {
    const ledger = join(dir, 'to-node.db');
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    for (const bad of ['', ' ', '0x1', '1e0', '1.5', '-1', 'abc', '99999999999999999']) {
      const r = await cli(['migrate-plan', 'web', '--to-node', bad, '--host', HOST, '--ledger', ledger]);
      expect({ bad, ...r }).toEqual({ bad, code: 2, stdout: '', stderr: 'xmcfg migrate-plan: --to-node needs node ids or ranges (0, 1,3 or 0-3)\n' });
    }
    // A well-formed id still plans (node 1 of the two-node host), also with spaces around it.
    for (const good of ['1', ' 1 ']) expect((await cli(['migrate-plan', 'web', '--to-node', good, '--host', HOST, '--ledger', ledger])).code).toBe(0);
  });

  it('takes one value per flag: the domain name after it stays the name (it was taken as a node id, "Not enough non-option arguments", exit 2)', async () => {
    const ledger = join(dir, 'to-node-order.db');
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    const want = await cli(['migrate-plan', 'web', '--to-node', '1', '--host', HOST, '--ledger', ledger]);
    expect([want.code, want.stderr]).toEqual([0, '']);
    for (const args of [['--to-node', '1', 'web'], ['--to-node=1', 'web'], ['--to-node', '1', 'web', '--to-node', '1']]) {
      const got = await cli(['migrate-plan', ...args, '--host', HOST, '--ledger', ledger]);
      expect({ args, ...got }).toEqual({ args, ...want });
    }
    // A second id after the first is a stray argument now, not a second target.
    expect((await cli(['migrate-plan', 'web', '--to-node', '1', '0', '--host', HOST, '--ledger', ledger])).code).toBe(2);
  });

  it('reads ids listed with commas as the flag repeated: --to-node 1,0 is --to-node 1 --to-node 0 (it was a usage error)', async () => {
    const ledger = join(dir, 'to-node-list.db');
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    const want = await cli(['migrate-plan', 'web', '--to-node', '1', '--to-node', '0', '--host', HOST, '--ledger', ledger, '-f', 'json']);
    expect([want.code, JSON.parse(want.stdout).to]).toEqual([0, [1, 0]]);
    for (const list of ['1,0', ' 1 , 0 ']) expect(await cli(['migrate-plan', 'web', '--to-node', list, '--host', HOST, '--ledger', ledger, '-f', 'json'])).toEqual(want);
    for (const bad of ['1,', ',0', '1,,0', '1,x']) {
      const r = await cli(['migrate-plan', 'web', '--to-node', bad, '--host', HOST, '--ledger', ledger]);
      expect({ bad, ...r }).toEqual({ bad, code: 2, stdout: '', stderr: 'xmcfg migrate-plan: --to-node needs node ids or ranges (0, 1,3 or 0-3)\n' });
    }
  });

  it('reads ranges as `ledger list` prints them: --to-node 0-1 is --to-node 0,1 (it was a usage error, decision 054)', async () => {
    const ledger = join(dir, 'to-node-range.db');
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    const want = await cli(['migrate-plan', 'web', '--to-node', '0,1', '--host', HOST, '--ledger', ledger, '-f', 'json']);
    expect([want.code, JSON.parse(want.stdout).to]).toEqual([0, [0, 1]]);
    for (const range of ['0-1', ' 0-1 ', '0-0,1', '0,1-1']) expect({ range, ...(await cli(['migrate-plan', 'web', '--to-node', range, '--host', HOST, '--ledger', ledger, '-f', 'json'])) }).toEqual({ range, ...want });
    // A one-id range is that id; ids past the host's nodes are XM0402, as single ids are.
    expect(JSON.parse((await cli(['migrate-plan', 'web', '--to-node', '1-1', '--host', HOST, '--ledger', ledger, '-f', 'json'])).stdout).to).toEqual([1]);
    expect((await cli(['migrate-plan', 'web', '--to-node', '2-3', '--host', HOST, '--ledger', ledger])).code).toBe(1);
    // Reversed, empty or open ranges, spaces inside one, more ids than a host may have nodes, `none`
    // (what ledger list prints for a guest on no node), an id past 2^53: the option's usage error.
    for (const bad of ['1-0', '-1', '1-', '0--1', '0 - 1', '0-65536', 'none', '0-1,', '99999999999999999', '0-99999999999999999']) {
      const r = await cli(['migrate-plan', 'web', '--to-node', bad, '--host', HOST, '--ledger', ledger]);
      expect({ bad, ...r }).toEqual({ bad, code: 2, stdout: '', stderr: 'xmcfg migrate-plan: --to-node needs node ids or ranges (0, 1,3 or 0-3)\n' });
    }
  });
});

describe('--to-node: one limit on the ids of all its flags', () => {
  it('counts each id once over every flag: 0-40000,0-40000 is read as two --to-node 0-40000 are; 0-65535 plus 65536 is too many either way', async () => {
    const ledger = join(dir, 'to-node-union.db');
    expect((await cli(['plan', 'web.cfg', '--host', HOST, '--ledger', ledger, '--reserve'])).code).toBe(0);
    const run = (...to: string[]) => cli(['migrate-plan', 'web', ...to.flatMap((t) => ['--to-node', t]), '--host', HOST, '--ledger', ledger]);
    // Node ids past the host's are XM0402 (exit 1), whichever way they are given; it was a usage error in one flag.
    const two = await run('0-40000', '0-40000');
    const one = await run('0-40000,0-40000');
    expect([two.code, one.code]).toEqual([1, 1]);
    expect(one).toEqual(two);
    // 65,537 distinct ids: more than a host may have nodes, in one flag or two (two were accepted).
    const usage = { code: 2, stdout: '', stderr: 'xmcfg migrate-plan: --to-node needs node ids or ranges (0, 1,3 or 0-3)\n' };
    expect(await run('0-65535', '65536')).toEqual(usage);
    expect(await run('0-65535,65536')).toEqual(usage);
    // An empty flag beside others is still the usage error.
    expect(await run('0', '')).toEqual(usage);
  });
});

describe('empty values and conflicting options', () => {
  it('an empty path, file option or domain name is a usage error naming it (it was "cannot read \'\': is a directory", or XM0410 for "")', async () => {
    const cases: [string[], string][] = [
      [['plan', '', '--host', HOST], "xmcfg plan: an empty path names no file; give a file, or '-' for standard input\n"],
      [['plan', 'web.cfg', '--host', ''], 'xmcfg plan: --host needs a value, not an empty one\n'],
      [['plan', 'web.cfg', '--host', HOST, '--ledger', ''], 'xmcfg plan: --ledger needs a value, not an empty one\n'],
      [['release', ''], 'xmcfg release: an empty domain name names no domain\n'],
      [['migrate-plan', '', '--to-node', '0', '--host', HOST], 'xmcfg migrate-plan: an empty domain name names no domain\n'],
      [['rebalance', '--host', ''], 'xmcfg rebalance: --host needs a value, not an empty one\n'],
      [['ledger', 'list', '--ledger', ''], 'xmcfg ledger: --ledger needs a value, not an empty one\n'],
      [['host', '--json', ''], 'xmcfg host: --json needs a value, not an empty one\n'],
      [['normalize', ''], "xmcfg normalize: an empty path names no file; give a file, or '-' for standard input\n"],
      [['convert', '', '--to', 'xl'], "xmcfg convert: an empty path names no file; give a file, or '-' for standard input\n"],
      [['convert', 'numa.xm', '--to', 'xl', '-o', ''], 'xmcfg convert: --output-file needs a value, not an empty one\n'],
    ];
    for (const [args, stderr] of cases) expect({ args, ...(await cli(args)) }).toEqual({ args, code: 2, stdout: '', stderr });
  });

  it('--host and --sysfs-root together are a usage error (--sysfs-root was silently ignored)', async () => {
    for (const args of [['plan', 'web.cfg'], ['migrate-plan', 'web', '--to-node', '0'], ['rebalance']]) {
      const r = await cli([...args, '--host', HOST, '--sysfs-root', join(FIXTURES, 'sysfs-two-node')]);
      expect({ args, code: r.code, stdout: r.stdout, first: r.stderr.split('\n')[0] }).toEqual({ args, code: 2, stdout: '', first: 'xmcfg: --host and --sysfs-root cannot be given together' });
    }
  });
});

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');

describe.skipIf(!existsSync(CLI))('a ledger whose folder cannot be made (the built CLI; run `npm run build` first)', () => {
  it('is XM0408, exit 2, at once: `--ledger /proc/x/ledger.db --reserve` hung at 100% CPU (Node\'s recursive mkdir retries ENOENT forever)', () => {
    // A child process with a time limit: the hang was a synchronous loop no test timeout can stop.
    const r = spawnSync(process.execPath, [CLI, 'plan', 'web.cfg', '--host', HOST, '--ledger', '/proc/xmcfg-audit/ledger.db', '--reserve'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect({ signal: r.signal, code: r.status, stdout: r.stdout, codes: [...r.stderr.matchAll(/XM\d{4}/g)].map((m) => m[0]) }).toEqual({ signal: null, code: 2, stdout: '', codes: ['XM0408'] });
    expect(r.stderr).toContain("'/proc/xmcfg-audit'");
  });
});
