/**
 * `xmcfg host` prints `"version": 1` first, as every JSON output of xmcfg carries; a host file read
 * back with it (or without it, as hand-written and older files are) gives the same host, and another
 * version is XM0401 at the field.
 */
import { describe, expect, it } from 'vitest';
import { formatHostJson, readHost } from '../../src/placement/host.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;

describe('host JSON carries version 1', () => {
  it('xmcfg host prints version 1 and reads its own output back to the same host', async () => {
    const { io, out } = fakeIo({ cwd: process.cwd() });
    expect(await run(['host', HOST], io)).toBe(0);
    const printed = JSON.parse(out.stdout) as { version: number; nodes: unknown[] };
    expect(Object.keys(printed)).toEqual(['version', 'nodes']);
    expect(printed.version).toBe(1);
    const again = readHost(out.stdout, { format: 'json' });
    expect(again.diagnostics).toEqual([]);
    expect(formatHostJson(again.host!)).toBe(out.stdout);
    // Without the field (a hand-written file) the host is the same.
    const bare = readHost(JSON.stringify({ nodes: printed.nodes }), { format: 'json' });
    expect(bare.diagnostics).toEqual([]);
    expect(formatHostJson(bare.host!)).toBe(out.stdout);
  });

  it('another version is XM0401, and nothing is planned on that host', () => {
    const r = readHost(JSON.stringify({ version: 2, nodes: [{ id: 0, cpus: [0], memory_mib: 1024, free_mib: 1024 }] }), { format: 'json' });
    expect(r.host).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XM0401']);
    expect(r.diagnostics[0]!.message).toContain('version');
  });
});
