/**
 * `plan` reads a config as the other commands that read one do: `-D/--define` (xm create's
 * NAME=VALUE) and `--max-file-size` were "Unknown argument" there, so an xm guest planned as
 * `xm create FILE memory=2048` started it was planned at the file's memory.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;
const LEGACY = new URL('../../fixtures/examples/legacy.xm', import.meta.url).pathname;
const WEB = new URL('../../fixtures/examples/web.cfg', import.meta.url).pathname;

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd(), stdin, env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
  const code = await run(args, io);
  return { code, ...out };
}

describe('plan reads a config as check does', () => {
  it('--define of an xm option wins over the file, as in xm create', async () => {
    const file = await cli(['plan', LEGACY, '--host', HOST]);
    expect((JSON.parse(file.stdout) as { memory_per_node_mib: object }).memory_per_node_mib).toEqual({ 0: 512, 1: 512 });
    const r = await cli(['plan', LEGACY, '--host', HOST, '-D', 'memory=2048']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { memory_per_node_mib: object }).memory_per_node_mib).toEqual({ 0: 1024, 1: 1024 });
    expect((await cli(['plan', LEGACY, '--host', HOST, '-D', 'bad name=1'])).code).toBe(2);
  });

  it('--max-file-size bounds the file (XM0040, exit 1)', async () => {
    const r = await cli(['plan', WEB, '--host', HOST, '--max-file-size', '10']);
    expect([r.code, r.stdout, [...r.stderr.matchAll(/XM\d{4}/g)].map((m) => m[0])]).toEqual([1, '', ['XM0040']]);
    expect((await cli(['plan', WEB, '--host', HOST, '--max-file-size', '1Q'])).code).toBe(2);
  });
});

describe('plan reads standard input as its file', () => {
  it('over --max-file-size is XM0040 at <stdin>, exit 1, as for a file and in check (it was exit 2, "cannot read standard input")', async () => {
    const r = await cli(['plan', '-', '--host', HOST, '--max-file-size', '10'], 'name = "web"\nmemory = 512\n');
    expect([r.code, r.stdout, r.stderr.startsWith('<stdin>: error XM0040: ')]).toEqual([1, '', true]);
  });
});
