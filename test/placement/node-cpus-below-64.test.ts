/**
 * xl fills a `node:`/`nodes:` item of cpus and cpus_soft through a node-sized map of 64 bits
 * (update_cpumap_range's node_cpumap, MAX_NUMNODES of a default x86 build), so a node's CPUs from 64
 * up never reach the affinity: on two nodes of 48 CPUs, `node:1` is CPUs 48-63 and `all,^node:1`
 * keeps 64-95. Plans resolve the item as xl does, and check --host and plan say XM0429 at the item
 * (decision 106); a host of 64 CPUs or fewer is unchanged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { parseCpuList, resolveCpuList } from '../../src/normalize/cpulist.js';
import { run } from '../../src/cli/run.js';
import { nodesKeeping, storedCpus } from '../../src/placement/pinning.js';
import { plan } from '../../src/placement/plan.js';
import type { Host } from '../../src/placement/types.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES, cfg, fixtureHost } from './helpers.js';

/** Two nodes of 48 CPUs: node 1 is CPUs 48-95. */
const BIG_FILE = join(FIXTURES, 'two-node-96cpu.json');
const BIG = fixtureHost('two-node-96cpu.json');
/** Eight nodes of 8 CPUs: CPUs 0-63, node 7 is 56-63. */
const SMALL_FILE = join(FIXTURES, 'eight-node-2hop.json');
const SMALL = fixtureHost('eight-node-2hop.json');

const span = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const xl = (text: string) => parseCpuList(text, { xl: true }).list;

describe('resolveCpuList: a node item keeps only the CPUs below 64', () => {
  const cases: Array<[string, Host, number[]]> = [
    ['node:1', BIG, span(48, 63)],
    ['nodes:0-1', BIG, span(0, 63)],
    ['all,^node:1', BIG, [...span(0, 47), ...span(64, 95)]],
    ['node:0', BIG, span(0, 47)],
    // nodes:all sets every bit of the CPU-sized map; plain numbers are never cut.
    ['nodes:all', BIG, span(0, 95)],
    ['64-95', BIG, span(64, 95)],
    ['node:1,70', BIG, [...span(48, 63), 70]],
    // 4294967297 is node 1 for xl's int (XM0238): cut the same way.
    ['node:4294967297', BIG, span(48, 63)],
    ['node:7', SMALL, span(56, 63)],
    ['all,^node:7', SMALL, span(0, 55)],
  ];
  it.each(cases)('%s', (text, host, want) => {
    expect(resolveCpuList(xl(text), host)).toEqual(want);
  });
});

/** The check of `body` (after a name and memory line) on `host`: each XM0429 as the text it points at. */
function found(body: string, host: Host, dialect: 'xl' | 'xm' = 'xl'): { codes: string[]; at: string[] } {
  const text = `name = "web"\nmemory = 1024\nkernel = "/boot/vmlinuz"\n${body}\n`;
  const lines = text.split('\n');
  const r = check(text, { dialect, host });
  // Each span as the text it covers (one line each here).
  const at = r.diagnostics.filter((d) => d.code === 'XM0429').map((d) => (d.line === d.endLine ? lines[d.line - 1]!.slice(d.column - 1, d.endColumn - 1) : `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`));
  return { codes: r.diagnostics.map((d) => d.code), at };
}

describe('check --host: XM0429 at each node item that loses CPUs', () => {
  const cases: Array<[string, string, string[]]> = [
    ['one string', 'vcpus = 2\ncpus = "node:1"', ['node:1']],
    ['under ^', 'vcpus = 2\ncpus = "all,^node:1"', ['^node:1']],
    ['a node with no CPU from 64 up says nothing', 'vcpus = 2\ncpus = "node:0,nodes:0-1"', ['nodes:0-1']],
    ['cpus_soft', 'vcpus = 2\ncpus_soft = "node:1"', ['node:1']],
    ['each entry of a per-vCPU list', 'vcpus = 2\ncpus = ["node:1", "0,node:1"]', ['node:1', 'node:1']],
    // xl parses no entry past maxvcpus (XM0204 says so): it loses nothing.
    ['an entry past maxvcpus', 'vcpus = 1\ncpus = ["0", "node:1"]', []],
    ['triple quotes', 'vcpus = 2\ncpus = """1,node:1"""', ['node:1']],
  ];
  it.each(cases)('%s', (_, body, at) => {
    const r = found(body, BIG);
    expect(r.at).toEqual(at);
    expect(r.codes.filter((c) => c === 'XM0429')).toHaveLength(at.length);
  });

  it('is a warning', () => {
    const r = check('name = "web"\nmemory = 1024\nkernel = "/boot/vmlinuz"\ncpus = "node:1"\n', { dialect: 'xl', host: BIG });
    expect(r.diagnostics.filter((d) => d.code === 'XM0429').map((d) => d.severity)).toEqual(['warning']);
  });

  it('none on a host of 64 CPUs', () => {
    expect(found('vcpus = 2\ncpus = "all,^node:7,node:7"', SMALL).codes).not.toContain('XM0429');
  });

  it('none in xm, whose node: is XM0205 already', () => {
    const r = found('vcpus = 2\ncpus = "node:1"', BIG, 'xm');
    expect(r.codes).toContain('XM0205');
    expect(r.codes).not.toContain('XM0429');
  });
});

describe('plan pins a node item as xl does', () => {
  it('cpus = "node:1" pins every vCPU to CPUs 48-63 on two nodes of 48 (it pinned 48-95)', () => {
    const r = plan(cfg({ vcpus: 4, cpus: xl('node:1') }), BIG, { dialect: 'xl' });
    expect(r.plan?.nodes).toEqual([1]);
    expect(r.plan?.vcpus.map((v) => v.cpus)).toEqual(Array.from({ length: 4 }, () => span(48, 63)));
    expect(r.diagnostics.filter((d) => d.code === 'XM0429')).toHaveLength(1);
  });

  it('a host of 64 CPUs: the node item is the node, no XM0429', () => {
    const r = plan(cfg({ vcpus: 2, cpus: xl('node:7') }), SMALL, { dialect: 'xl' });
    expect(r.plan?.vcpus.map((v) => v.cpus)).toEqual([span(56, 63), span(56, 63)]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('XM0429');
  });
});

describe('the ledger side reads a stored node item the same way', () => {
  it('rebalance: a stored cpus_soft "all,^node:1" keeps node 1 (CPUs 64-95 stay in it)', () => {
    expect([...nodesKeeping(storedCpus(xl('all,^node:1')) as ReturnType<typeof xl>, BIG, 2)]).toEqual([1, 1]);
    expect([...nodesKeeping(storedCpus(xl('all,^node:7')) as ReturnType<typeof xl>, SMALL, 2)]).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
  });
});

/** `xmcfg plan FILE --host HOST -f json` in-process: exit code, the plan, and each finding as code@line:column. */
async function planCli(text: string, hostFile: string): Promise<{ code: number; plan: { vcpus: Array<{ node: number; cpus: number[] }>; xl: { cpus: string[] } } | null; found: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'xmcfg-node-cpus-')), 'web.cfg');
  writeFileSync(file, text);
  const { io, out } = fakeIo({ cwd: process.cwd(), env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
  const code = await run(['plan', file, '--host', hostFile, '-f', 'json'], io);
  const found = [...out.stderr.matchAll(/:(\d+):(\d+): \w+ (XM\d{4})/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`);
  return { code, plan: out.stdout ? JSON.parse(out.stdout) : null, found };
}

describe('plan -f json', () => {
  it('cpus = "all,^node:1": node 1 keeps CPUs 64-95 for the plan, XM0429 once at the item', async () => {
    const r = await planCli('name = "web"\nmemory = 1024\nkernel = "/boot/vmlinuz"\nvcpus = 2\ncpus = "all,^node:1"\n', BIG_FILE);
    expect(r.code).toBe(0);
    expect(r.found).toEqual(['XM0429@5:13']);
    // xl leaves CPUs 64-95 of node 1 in the affinity: the plan may use them (it saw only node 0's 0-47).
    expect(r.plan?.vcpus.map((v) => [v.node, v.cpus])).toEqual([
      [1, span(64, 95)],
      [1, span(64, 95)],
    ]);
    expect(r.plan?.xl.cpus).toEqual(['64-95', '64-95']);
  });

  it('cpus = "node:1": pinned to 48-63, XM0429 once at the item', async () => {
    const r = await planCli('name = "web"\nmemory = 1024\nkernel = "/boot/vmlinuz"\nvcpus = 2\ncpus = "node:1"\n', BIG_FILE);
    expect(r.code).toBe(0);
    expect(r.found).toEqual(['XM0429@5:9']);
    expect(r.plan?.vcpus.map((v) => v.cpus)).toEqual([span(48, 63), span(48, 63)]);
    expect(r.plan?.xl.cpus).toEqual(['48-63', '48-63']);
  });

  it('a host of 64 CPUs: no finding, node 7 pinned whole', async () => {
    const r = await planCli('name = "web"\nmemory = 1024\nkernel = "/boot/vmlinuz"\nvcpus = 2\ncpus = "node:7"\n', SMALL_FILE);
    expect(r.code).toBe(0);
    expect(r.found).toEqual([]);
    expect(r.plan?.vcpus.map((v) => v.cpus)).toEqual([span(56, 63), span(56, 63)]);
  });
});
