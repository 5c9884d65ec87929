/**
 * XM0406 counts the CPUs a node's vCPUs may really run on: the node's CPUs within each vCPU's hard
 * affinity. With `cpus = "0,4,8"` on seventy-two-node.json (CPU 0 on node 0, 4 on node 1, 8 on
 * node 2) every node's vCPUs are pinned to one CPU: 6 vCPUs (then 3 on each of two nodes; 2 on each
 * of three since node choice counts the allowed CPUs, decision 057) were not warned about at all,
 * and 20 were compared with the node's 4 CPUs, at vcpus. The finding is now at cpus, its cause.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, cliBuilt } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-narrowed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Placement findings as code@line:column (plan's report lines, and check --host's JSON), sorted. */
function findings(text: string, ...extra: string[]): { plan: string[]; check: string[] } {
  const file = join(dir, 'guest.cfg');
  writeFileSync(file, text);
  const host = join(FIXTURES, 'seventy-two-node.json');
  const env = { ...process.env, XDG_STATE_HOME: join(dir, 'state'), NO_COLOR: '1' };
  const p = spawnSync(process.execPath, [CLI, 'plan', file, '--host', host, ...extra], { encoding: 'utf8', env });
  const plan = [...p.stderr.matchAll(/:(\d+):(\d+): \w+ (XM04\d\d):/g)].map((m) => `${m[3]}@${m[1]}:${m[2]}`).sort();
  const c = spawnSync(process.execPath, [CLI, 'check', file, '--host', host, '--format', 'json'], { encoding: 'utf8', env });
  const report = JSON.parse(c.stdout) as { files: { diagnostics: { code: string; line: number; column: number }[] }[] };
  const check = report.files[0]!.diagnostics.filter((d) => d.code.startsWith('XM04')).map((d) => `${d.code}@${d.line}:${d.column}`).sort();
  return { plan, check };
}

const guest = (vcpus: number, cpus: string | null) => `name = "g"\ntype = "hvm"\nmemory = 1024\nvcpus = ${vcpus}\n${cpus === null ? '' : `cpus = "${cpus}"\n`}`;

describe.skipIf(!cliBuilt)('XM0406 and cpus that narrow the pin', () => {
  // Node choice counts the 3 allowed CPUs (decision 057): 6 vCPUs outnumber them, so the least
  // overcommitted set, nodes 0-2 with 2 each on one CPU (it was nodes 1 and 2 with 3 each).
  // One finding names the three nodes (decision 058).
  it('6 vCPUs on CPUs 0,4,8: nodes 0-2 get 2 each on one CPU, warned once at cpus (5:8)', () => {
    const at = ['XM0406@5:8'];
    expect(findings(guest(6, '0,4,8'))).toEqual({ plan: at, check: at });
  });

  it('20 vCPUs on CPUs 0,4,8: the one warning naming the three nodes is at cpus, not vcpus', () => {
    const at = ['XM0406@5:8'];
    expect(findings(guest(20, '0,4,8'))).toEqual({ plan: at, check: at });
  });

  it('under --affinity soft the config cpus stays the hard affinity and counts the same', () => {
    expect(findings(guest(6, '0,4,8'), '--affinity', 'soft').plan).toEqual(['XM0406@5:8']);
  });

  it('cpus covering whole nodes changes nothing: 4 vCPUs on node 0-3 CPUs, no warning; 5 on one node, at vcpus', () => {
    expect(findings(guest(4, '0-3')).plan).toEqual([]);
    expect(findings(guest(5, '0-3'))).toEqual({ plan: ['XM0406@4:9'], check: ['XM0406@4:9'] });
  });
});
