/**
 * `-o, --output-file FILE` of normalize, schema, host, plan, migrate-plan, rebalance and ledger list: the
 * writer and guards of `check -o` and `convert -o` (atomic replace, read-only target left alone,
 * devices and FIFOs written in place, an input never replaced), run in-process; one run per command
 * of the built bin at the end.
 */
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { throughFifo } from './fifo.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';

const WEB = readFileSync('fixtures/examples/web.cfg', 'utf8');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-output-file-'));
  writeFileSync(join(dir, 'web.cfg'), WEB);
  copyFileSync('fixtures/hosts/two-node.json', join(dir, 'host.json'));
  copyFileSync('fixtures/hosts/xl-info-two-node.txt', join(dir, 'info.txt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

/** One command line per command, each printing its result on stdout (migrate-plan after a --reserve). */
const COMMANDS: readonly (readonly string[])[] = [
  ['normalize', 'web.cfg'],
  ['schema'],
  ['host', 'host.json'],
  ['host', '--sysfs-root', resolve('fixtures/hosts/sysfs-two-node')],
  ['plan', 'web.cfg', '--host', 'host.json', '--ledger', 'l.db', '-f', 'text'],
  ['migrate-plan', 'web01', '--to-node', '1', '--host', 'host.json', '--ledger', 'l.db', '-f', 'json'],
  ['rebalance', '--host', 'host.json', '--ledger', 'l.db'],
  ['ledger', 'list', '--ledger', 'l.db', '-f', 'json'],
];

async function reserve(): Promise<void> {
  expect((await cli(['plan', 'web.cfg', '--host', 'host.json', '--ledger', 'l.db', '--reserve'])).code).toBe(0);
}

describe('--output-file of the commands that print a result', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s: -o FILE writes what stdout would get, atomically, and prints nothing', async (_n, args) => {
    await reserve();
    const plain = await cli([...args]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toBe('');
    for (const o of [['-o', 'out.txt'], ['--output-file', 'out.txt'], ['--output-file=out.txt']]) {
      writeFileSync(join(dir, 'out.txt'), 'old\n');
      const r = await cli([...args, ...o]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', plain.stderr]);
      expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(plain.stdout);
    }
    // `-o -` is standard output; no temporary file is left behind.
    expect((await cli([...args, '-o', '-'])).stdout).toBe(plain.stdout);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s: a read-only FILE is left as it is, exit 2; a folder or an empty name is exit 2', async (_n, args) => {
    await reserve();
    writeFileSync(join(dir, 'ro.txt'), 'old\n');
    chmodSync(join(dir, 'ro.txt'), 0o444);
    const r = await cli([...args, '-o', 'ro.txt']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/cannot write 'ro\.txt': the file is read-only/);
    expect(readFileSync(join(dir, 'ro.txt'), 'utf8')).toBe('old\n');
    expect(statSync(join(dir, 'ro.txt')).mode & 0o777).toBe(0o444);
    mkdirSync(join(dir, 'reports'));
    const cmd = args[0]!;
    for (const o of ['reports', 'reports/', 'ro.txt/x.json']) {
      const f = await cli([...args, '-o', o]);
      expect([f.code, f.stdout, f.stderr.startsWith(`xmcfg ${cmd}: cannot write '${o}': `)], o).toEqual([2, '', true]);
    }
    expect(await cli([...args, '-o', ''])).toEqual({ code: 2, stdout: '', stderr: `xmcfg ${cmd}: --output-file needs a value, not an empty one\n` });
  });

  it('plan --reserve with an output file it cannot write books nothing', async () => {
    mkdirSync(join(dir, 'reports'));
    expect((await cli(['plan', 'web.cfg', '--host', 'host.json', '--ledger', 'l.db', '--reserve', '-o', 'reports'])).code).toBe(2);
    expect(readdirSync(dir)).not.toContain('l.db');
  });

  it('a device or a FIFO is written in place, never replaced', async () => {
    const r = await cli(['schema', '-o', '/dev/null']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const plain = await cli(['host', 'host.json']);
    const fifo = join(dir, 'out.fifo');
    const { result, got, stillFifo } = await throughFifo(fifo, () => cli(['host', 'host.json', '-o', fifo]));
    expect([result.code, result.stdout, got, stillFifo]).toEqual([0, '', plain.stdout, true]);
  });

  it('a command that prints nothing leaves the FILE as it was (a plan refused, a usage error)', async () => {
    writeFileSync(join(dir, 'bad.cfg'), 'memory = "x"\n');
    writeFileSync(join(dir, 'out.json'), 'old\n');
    const refused = await cli(['plan', 'bad.cfg', '--host', 'host.json', '-o', 'out.json']);
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    const usage = await cli(['rebalance', '--host', 'host.json', '--threshold', 'x', '-o', 'out.json']);
    expect([usage.code, usage.stdout]).toEqual([2, '']);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.cfg', 'host.json', 'info.txt', 'out.json', 'web.cfg']);
  });

  it('normalize with errors still writes its JSON, and exits 1 as without -o', async () => {
    writeFileSync(join(dir, 'bad.cfg'), 'memory = "x"\n');
    const plain = await cli(['normalize', 'bad.cfg']);
    const r = await cli(['normalize', 'bad.cfg', '-o', 'out.json']);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', plain.stderr]);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(plain.stdout);
  });
});

describe('--output-file never replaces an input', () => {
  it('refuses the config, the file --stdin-filepath names, the host file and the ledger, also through a symlink: exit 2, inputs untouched', async () => {
    await reserve();
    symlinkSync('host.json', join(dir, 'host-link.json'));
    const ledger = readFileSync(join(dir, 'l.db'));
    const host = readFileSync(join(dir, 'host.json'), 'utf8');
    const defaultLedger = join(dir, 'state', 'xmcfg', 'ledger.db');
    for (const [args, line] of [
      [['normalize', 'web.cfg', '-o', 'web.cfg'], "xmcfg normalize: --output-file 'web.cfg' is 'web.cfg', the config being normalised; write the output elsewhere\n"],
      [['normalize', '-', '--stdin-filepath', 'web.cfg', '-o', join(dir, 'web.cfg')], `xmcfg normalize: --output-file '${join(dir, 'web.cfg')}' is 'web.cfg', the config being normalised; write the output elsewhere\n`],
      [['plan', 'web.cfg', '--host', 'host.json', '-o', 'web.cfg'], "xmcfg plan: --output-file 'web.cfg' is 'web.cfg', the config being planned; write the output elsewhere\n"],
      [['plan', 'web.cfg', '--host', 'host.json', '-o', 'host-link.json'], "xmcfg plan: --output-file 'host-link.json' is 'host.json', the --host topology; write the output elsewhere\n"],
      [['plan', 'web.cfg', '--host', 'host.json', '--ledger', 'l.db', '-o', 'l.db'], `xmcfg plan: --output-file 'l.db' is '${join(dir, 'l.db')}', the reservation ledger; write the output elsewhere\n`],
      [['plan', 'web.cfg', '--host', 'host.json', '-o', defaultLedger], `xmcfg plan: --output-file '${defaultLedger}' is '${defaultLedger}', the reservation ledger; write the output elsewhere\n`],
      [['host', 'host.json', '-o', 'host.json'], "xmcfg host: --output-file 'host.json' is 'host.json', the host file being read; write the output elsewhere\n"],
      [['host', '--json', 'host-link.json', '-o', 'host.json'], "xmcfg host: --output-file 'host.json' is 'host-link.json', the host file being read; write the output elsewhere\n"],
      [['host', '--from-xl-info', 'info.txt', '-o', 'info.txt'], "xmcfg host: --output-file 'info.txt' is 'info.txt', the host file being read; write the output elsewhere\n"],
      [['migrate-plan', 'web01', '--to-node', '1', '--host', 'host.json', '--ledger', 'l.db', '-o', 'host.json'], "xmcfg migrate-plan: --output-file 'host.json' is 'host.json', the --host topology; write the output elsewhere\n"],
      [['migrate-plan', 'web01', '--to-node', '1', '--host', 'host.json', '--ledger', 'l.db', '--commit', '-o', 'l.db'], `xmcfg migrate-plan: --output-file 'l.db' is '${join(dir, 'l.db')}', the reservation ledger; write the output elsewhere\n`],
      [['rebalance', '--host', 'host.json', '--ledger', 'l.db', '-o', 'host-link.json'], "xmcfg rebalance: --output-file 'host-link.json' is 'host.json', the --host topology; write the output elsewhere\n"],
      [['rebalance', '--host', 'host.json', '--ledger', 'l.db', '-o', 'l.db'], `xmcfg rebalance: --output-file 'l.db' is '${join(dir, 'l.db')}', the reservation ledger; write the output elsewhere\n`],
      [['ledger', 'list', '--ledger', 'l.db', '-o', 'l.db'], `xmcfg ledger: --output-file 'l.db' is '${join(dir, 'l.db')}', the reservation ledger; write the output elsewhere\n`],
    ] as const) {
      const r = await cli([...args], 'memory = 1\n');
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', line]);
      expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe(WEB);
      expect(readFileSync(join(dir, 'host.json'), 'utf8')).toBe(host);
      expect(readFileSync(join(dir, 'l.db'))).toEqual(ledger);
      expect(lstatSync(join(dir, 'host-link.json')).isSymbolicLink()).toBe(true);
    }
  });

  it("refuses SQLite's files beside the ledger (-wal, -journal, -shm), also beside a symlinked ledger's target: exit 2, the file untouched", async () => {
    await reserve();
    mkdirSync(join(dir, 'real'));
    copyFileSync(join(dir, 'l.db'), join(dir, 'real', 'r.db'));
    symlinkSync(join(dir, 'real', 'r.db'), join(dir, 'link.db'));
    const what = { wal: 'write-ahead log', journal: 'rollback journal', shm: 'shared-memory index' } as const;
    for (const side of ['wal', 'journal', 'shm'] as const) {
      for (const [ledger, file] of [['l.db', `l.db-${side}`], ['link.db', `real/r.db-${side}`]] as const) {
        writeFileSync(join(dir, file), 'kept\n');
        for (const args of [['ledger', 'list', '--ledger', ledger], ['plan', 'web.cfg', '--host', 'host.json', '--ledger', ledger], ['rebalance', '--host', 'host.json', '--ledger', ledger], ['migrate-plan', 'web01', '--to-node', '1', '--host', 'host.json', '--ledger', ledger]]) {
          const r = await cli([...args, '-o', file]);
          const cmd = args[0]!;
          expect([r.code, r.stdout, r.stderr], `${args.join(' ')} -o ${file}`).toEqual([2, '', `xmcfg ${cmd}: --output-file '${file}' is '${join(dir, file)}', the reservation ledger's SQLite ${what[side]}; write the output elsewhere\n`]);
          expect(readFileSync(join(dir, file), 'utf8')).toBe('kept\n');
        }
        rmSync(join(dir, file));
      }
    }
  });

  it('refuses the files of a --sysfs-root tree the host is read from, and any file in its node folders, also a new one: exit 2, the tree untouched', async () => {
    const root = join(dir, 'root');
    const nodes = join(root, 'sys', 'devices', 'system', 'node');
    mkdirSync(join(nodes, 'node0'), { recursive: true });
    for (const f of ['online', 'node0/meminfo', 'node0/cpulist', 'node0/distance']) copyFileSync(join('fixtures/hosts/sysfs-two-node/sys/devices/system/node', f), join(nodes, f));
    mkdirSync(join(root, 'proc'));
    writeFileSync(join(root, 'proc', 'meminfo'), 'MemTotal: 1024 kB\n');
    symlinkSync(root, join(dir, 'root-link'));
    const meminfo = readFileSync(join(nodes, 'node0', 'meminfo'), 'utf8');
    const inside = (cmd: string, file: string) => `xmcfg ${cmd}: --output-file '${file}' is inside 'root/sys/devices/system/node', the node folders read for the host (--sysfs-root); write the output elsewhere\n`;
    for (const [cmd, ...args] of [['host', '--sysfs-root', 'root'], ['host', '--from-sysfs', 'root'], ['plan', 'web.cfg', '--sysfs-root', 'root', '--ledger', 'l.db'], ['rebalance', '--sysfs-root', 'root', '--ledger', 'l.db']]) {
      for (const file of ['root/sys/devices/system/node/node0/meminfo', 'root/sys/devices/system/node/online', 'root/sys/devices/system/node/new.json', 'root-link/sys/devices/system/node/node0/meminfo']) {
        const r = await cli([cmd!, ...args, '-o', file]);
        expect([r.code, r.stdout, r.stderr], `${cmd} -o ${file}`).toEqual([2, '', inside(cmd!, file)]);
      }
      const r = await cli([cmd!, ...args, '-o', 'root/proc/meminfo']);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `xmcfg ${cmd}: --output-file 'root/proc/meminfo' is 'root/proc/meminfo', read for the host (--sysfs-root); write the output elsewhere\n`]);
    }
    expect(readFileSync(join(nodes, 'node0', 'meminfo'), 'utf8')).toBe(meminfo);
    expect(readFileSync(join(root, 'proc', 'meminfo'), 'utf8')).toBe('MemTotal: 1024 kB\n');
    expect(readdirSync(nodes).sort()).toEqual(['node0', 'online']);
    // Beside the tree, or read from a --host file instead, the output is written.
    expect((await cli(['host', '--sysfs-root', 'root', '-o', 'root/host.json'])).code).toBe(0);
    expect((await cli(['plan', 'web.cfg', '--host', 'host.json', '-o', join(nodes, 'p.txt')])).code).toBe(0);
  });

  it('release takes -f and -o as ledger list does: a line or a versioned JSON object, written to FILE; nothing when nothing was released', async () => {
    await reserve();
    expect(await cli(['release', 'web01', '--ledger', 'l.db', '-f', 'json'])).toEqual({ code: 0, stdout: `${JSON.stringify({ version: 1, ledger: join(dir, 'l.db'), released: 'web01' }, null, 2)}\n`, stderr: '' });
    await reserve();
    expect(await cli(['release', 'web01', '--ledger', 'l.db', '-o', 'out.txt'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('released web01\n');
    // Nothing to release: XM0410 on stderr, exit 1, FILE as it was.
    const none = await cli(['release', 'web01', '--ledger', 'l.db', '-f', 'json', '-o', 'out.txt']);
    expect([none.code, none.stdout, none.stderr.includes(' error XM0410: ')]).toEqual([1, '', true]);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('released web01\n');
    // The ledger and its SQLite files are inputs, never the output; the reservation stays.
    await reserve();
    const ledger = readFileSync(join(dir, 'l.db'));
    for (const [file, what] of [['l.db', 'the reservation ledger'], ['l.db-wal', "the reservation ledger's SQLite write-ahead log"]] as const) {
      const r = await cli(['release', 'web01', '--ledger', 'l.db', '-o', file]);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `xmcfg release: --output-file '${file}' is '${join(dir, file)}', ${what}; write the output elsewhere\n` });
    }
    expect(readFileSync(join(dir, 'l.db'))).toEqual(ledger);
    expect((await cli(['ledger', 'list', '--ledger', 'l.db', '-f', 'json'])).stdout).toContain('"domain": "web01"');
  });

  it('standard input has no file to clash with', async () => {
    const plain = await cli(['normalize', '-'], 'memory = 1\n');
    const r = await cli(['normalize', '-', '-o', 'web.cfg'], 'memory = 1\n');
    expect([r.code, r.stdout]).toEqual([plain.code, '']);
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe(plain.stdout);
  });
});

describe.skipIf(!BUILT)('--output-file of the built bin', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s', async (_n, args) => {
    await reserve();
    const env = { XDG_STATE_HOME: join(dir, 'state') };
    const plain = xmcfg([...args], { cwd: dir, env });
    const r = xmcfg([...args, '-o', 'out.txt'], { cwd: dir, env });
    expect([plain.code, r.code, r.stdout, r.stderr]).toEqual([0, 0, '', plain.stderr]);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(plain.stdout);
  });
});
