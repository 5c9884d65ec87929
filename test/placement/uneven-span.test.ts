/**
 * XM0412 (memory split unevenly) points at the NUMA key that chose the nodes, in `plan` and in
 * `convert --host`, as every plan finding caused by the config does; it had no position (1:1).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-uneven-'));
const host = join(dir, 'host.json');
writeFileSync(
  host,
  JSON.stringify({
    nodes: [
      { id: 0, cpus: [0, 1, 2, 3], memory_mib: 32768, free_mib: 1000, distances: { 0: 10, 1: 21 } },
      { id: 1, cpus: [4, 5, 6, 7], memory_mib: 32768, free_mib: 30000, distances: { 0: 21, 1: 10 } },
    ],
  }),
);
const guest = join(dir, 'guest.cfg');
writeFileSync(guest, 'name = "g"\nkernel = "/boot/vmlinuz"\nmemory = 4000\nvcpus = 2\nnumanode = 0,1\n');

/** `path:line:column: info XM0412` lines of stderr, as code@line:column. */
function at(stderr: string): string[] {
  return [...stderr.matchAll(/:(\d+):(\d+): \w+ (XM0412)/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`);
}

describe('XM0412 at the NUMA key', () => {
  it('plan reports it at the numanode value (5:12)', async () => {
    const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
    expect(await run(['plan', '--dialect', 'xm', guest, '--host', host], io)).toBe(0);
    expect((JSON.parse(out.stdout) as { memory_per_node_mib: object }).memory_per_node_mib).toEqual({ 0: 1000, 1: 3000 });
    expect(at(out.stderr)).toEqual(['XM0412@5:12']);
  });

  it('convert --host reports it there too', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    await run(['convert', '--dialect', 'xm', guest, '--to', 'xl', '--host', host, '--no-color'], io);
    // convert prints stylish findings: `note[XM0412]: ...` then ` --> path:line:column`.
    expect([...out.stderr.matchAll(/\[(XM0412)\][^\n]*\n --> [^\n]*:(\d+):(\d+)\n/g)].map((m) => `${m[1]}@${m[2]}:${m[3]}`)).toEqual(['XM0412@5:12']);
  });
});
