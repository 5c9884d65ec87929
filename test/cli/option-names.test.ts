/**
 * One name per concept (decision 043): `--sysfs-root ROOT` in host as in plan, migrate-plan and
 * rebalance (host's `--from-sysfs [ROOT]` kept as its alias), and `--max-findings N` in lsp as in
 * check (lsp's `--max-diagnostics N` kept as its alias). Both spellings behave the same.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { commands } from '../../src/cli/commands/index.js';
import { fakeIo } from './fake-io.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';

const SYSFS = resolve('fixtures/hosts/sysfs-two-node');
const HOST = resolve('fixtures/hosts/two-node.json');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: resolve('.') });
  const code = await run(args, io);
  return { code, ...out };
}

/** The argv the lsp command's runner gets (the server itself is not started). */
async function lspArgv(args: string[]): Promise<Record<string, unknown>> {
  let seen: Record<string, unknown> = {};
  const spied = commands.map((c) => (c.command === 'lsp' ? { ...c, run: async (a: Record<string, unknown>) => ((seen = a), 0) } : c));
  const { io, out } = fakeIo({ cwd: '/nonexistent' });
  expect([await run(['lsp', ...args], io, spied), out.stderr]).toEqual([0, '']);
  return seen;
}

describe('host --sysfs-root, the name plan, migrate-plan and rebalance use', () => {
  it('reads the tree as --from-sysfs does, relative to the working folder too', async () => {
    const old = await cli(['host', '--from-sysfs', SYSFS]);
    expect(old.code).toBe(0);
    expect(await cli(['host', '--sysfs-root', SYSFS])).toEqual(old);
    expect(await cli(['host', '--sysfs-root=fixtures/hosts/sysfs-two-node'])).toEqual(old);
    // The same tree as plan's --sysfs-root: the same host.
    const plan = await cli(['plan', 'fixtures/examples/web.cfg', '--sysfs-root', SYSFS, '--ledger', '/nonexistent/l.db', '-f', 'text']);
    const viaFile = await cli(['plan', 'fixtures/examples/web.cfg', '--host', HOST, '--ledger', '/nonexistent/l.db', '-f', 'text']);
    expect(plan.code).toBe(0);
    expect(plan.stdout.split('\n')[0]).toBe(viaFile.stdout.split('\n')[0]);
  });

  it('ROOT may still be left out in host (/), under either name', async () => {
    // This machine's sysfs: free memory changes between runs, the rest does not.
    // A machine without NUMA sysfs fails the same way under both names.
    const shape = (r: { code: number; stdout: string; stderr: string }) => (r.code !== 0 ? r : { code: r.code, nodes: (JSON.parse(r.stdout) as { nodes: { id: number; cpus: number[] }[] }).nodes.map((n) => [n.id, n.cpus]) });
    const old = shape(await cli(['host', '--from-sysfs']));
    expect(shape(await cli(['host', '--sysfs-root']))).toEqual(old);
    expect(shape(await cli(['host', '--sysfs-root=']))).toEqual(old);
  });

  it('is one source, as --from-sysfs was: with --json, --from-xl-info or a FILE it is a usage error', async () => {
    for (const name of ['--sysfs-root', '--from-sysfs']) {
      for (const other of [['--json', HOST], ['--from-xl-info', 'x.txt'], [HOST]]) {
        const r = await cli(['host', name, SYSFS, ...other]);
        expect([r.code, r.stdout, r.stderr.split('\n')[0]], `${name} ${other.join(' ')}`).toEqual([2, '', `xmcfg: ${name} and ${other.length === 1 ? 'the file argument' : other[0]} cannot be given together`]);
      }
    }
  });

  it('a folder given as the host file points at --sysfs-root', async () => {
    const r = await cli(['host', SYSFS]);
    expect([r.code, r.stderr.endsWith('give --sysfs-root ROOT instead\n')]).toEqual([2, true]);
  });
});

describe('lsp --max-findings, the name check uses', () => {
  it('both spellings reach the server as the same setting', async () => {
    expect((await lspArgv(['--stdio', '--max-findings', '5']))['max-findings']).toBe('5');
    expect((await lspArgv(['--stdio', '--max-diagnostics', '5']))['max-findings']).toBe('5');
    expect((await lspArgv(['--stdio']))['max-findings']).toBe(1000);
  });

  it('a bad value is the same usage error under either name', async () => {
    for (const name of ['--max-findings', '--max-diagnostics']) {
      expect(await cli(['lsp', '--stdio', name, '0'])).toEqual({ code: 2, stdout: '', stderr: "xmcfg lsp: --max-findings must be a whole number of at least 1, not '0'\n" });
    }
  });
});

describe.skipIf(!BUILT)('the built bin', () => {
  it('host: --sysfs-root and --from-sysfs print the same host; help names both', () => {
    const a = xmcfg(['host', '--sysfs-root', SYSFS]);
    expect(a.code).toBe(0);
    expect(xmcfg(['host', '--from-sysfs', SYSFS])).toEqual(a);
    expect(xmcfg(['host', '--help']).stdout).toMatch(/^ +--sysfs-root, --from-sysfs /m);
  });

  it('lsp: --max-findings and --max-diagnostics refuse the same bad value; help names both', () => {
    const a = xmcfg(['lsp', '--stdio', '--max-findings', 'many']);
    expect(a).toEqual({ code: 2, stdout: '', stderr: "xmcfg lsp: --max-findings must be a whole number of at least 1, not 'many'\n" });
    expect(xmcfg(['lsp', '--stdio', '--max-diagnostics', 'many'])).toEqual(a);
    expect(xmcfg(['lsp', '--help']).stdout).toMatch(/^ +--max-findings, --max-diagnostics /m);
  });
});
