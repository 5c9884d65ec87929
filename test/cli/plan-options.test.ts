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

describe('plan reads a declared single-byte file as check does', () => {
  it('a latin-1 byte string xend cannot receive is XM0261 in plan too, at the value (plan passed no codec to the checker)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'xmcfg-plan-codec-')), 'l1.cfg');
    writeFileSync(file, Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nname = "l1"\nmemory = 512\nkernel = "/boot/vmlinuz"\nextra = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    const checked = await cli(['check', '--dialect', 'xm', file, '-f', 'json']);
    const codes = (JSON.parse(checked.stdout) as { files: { diagnostics: { code: string; line: number; column: number }[] }[] }).files[0].diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(codes).toEqual(['XM0261@5:9']);
    const r = await cli(['plan', '--dialect', 'xm', file, '--host', HOST]);
    expect([r.code, r.stdout, [...r.stderr.matchAll(/:(\d+):(\d+): error (XM\d{4})/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`)]).toEqual([1, '', codes]);
  });
});

describe('plan of an automatic guest with more vCPUs than the host has CPUs (decision 053)', () => {
  it('64 vCPUs on four-node-opteron (48 CPUs): every node, one XM0406 naming them at the vcpus value (it pinned all 64 to node 2)', async () => {
    const opteron = new URL('../../fixtures/hosts/four-node-opteron.json', import.meta.url).pathname;
    const r = await cli(['plan', '-', '--host', opteron], 'name="g"\ntype="hvm"\nmemory=4096\nvcpus=64\n');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { nodes: number[]; memory_per_node_mib: object };
    expect([[...p.nodes].sort(), p.memory_per_node_mib]).toEqual([[0, 1, 2, 3], { 0: 1024, 1: 1024, 2: 1024, 3: 1024 }]);
    expect([...r.stderr.matchAll(/^<stdin>:(\d+):(\d+): warning (XM\d{4})/gm)].map((m) => m.slice(1).join(' '))).toEqual(['4 7 XM0406']);
  });
});
