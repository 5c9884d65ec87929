/**
 * The commands a plan, a migration plan and a rebalance print are pasted into a shell, and the xl
 * lines into a config file: a domain name with blanks, quotes, shell metacharacters or a newline
 * must come out as one word of the command and never end a comment line early. The tests run the
 * printed text through /bin/sh with `xl` and `xmcfg` as functions that record their arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRebalance } from '../../src/cli/placement-run.js';
import { formatPlanText, formatPlanXl } from '../../src/placement/format.js';
import { Ledger } from '../../src/placement/ledger.js';
import { migratePlan } from '../../src/placement/migrate.js';
import { plan } from '../../src/placement/plan.js';
import { shellQuote } from '../../src/placement/shell.js';
import { fakeIo } from '../cli/fake-io.js';
import { cfg, fixtureHost, freeOnly } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-shell-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['web', 'web 1', "it's", 'a"b', '$(touch PWNED)', '`touch PWNED`', 'x;touch PWNED', 'a\\b', 'a\nb', '*', 'ü-ß', "'", '', '-dash'];

/** Run `script` in /bin/sh (in `dir`) with xl and xmcfg recording their argument lists. */
function sh(script: string): string[][] {
  const prelude = 'rec() { printf "%s\\0" "$@"; printf "\\001"; }\nxl() { rec xl "$@"; }\nxmcfg() { rec xmcfg "$@"; }\n';
  const r = spawnSync('/bin/sh', ['-c', prelude + script], { cwd: dir, encoding: 'utf8' });
  // A name that ran a command leaves PWNED behind: remove it so it fails this case only.
  const pwned = existsSync(join(dir, 'PWNED'));
  rmSync(join(dir, 'PWNED'), { force: true });
  expect(pwned).toBe(false);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split('\u0001')
    .filter((c) => c !== '')
    .map((c) => c.split('\0').slice(0, -1));
}

describe('shellQuote', () => {
  it.each(NAMES)('%j is one word in sh', (name) => {
    expect(sh(`xl ${shellQuote(name)}`)).toEqual([['xl', name]]);
  });
});

describe('plan commands and xl lines with any domain name', () => {
  it.each(NAMES.filter((n) => n !== ''))('%j', (name) => {
    for (const affinity of ['hard', 'soft'] as const) {
      const p = plan(cfg({ name, vcpus: 2 }), fixtureHost('two-node.json'), { affinity }).plan!;
      const pin = affinity === 'hard' ? ['4-7'] : ['-', '4-7'];
      expect(sh(p.commands.join('\n'))).toEqual([0, 1].map((i) => ['xl', 'vcpu-pin', name, String(i), ...pin]));
      // --format xl: the comment stays one line; the rest are the settings
      const xl = formatPlanXl(p).trimEnd().split('\n');
      expect([xl.length, xl[0]!.startsWith('# xmcfg plan for '), xl[1]!.startsWith(affinity === 'hard' ? 'cpus = [' : 'cpus_soft = [')]).toEqual([2, true, true]);
      // --format text: one header line, every command on its own line
      const text = formatPlanText(p, fixtureHost('two-node.json'));
      expect(text.split('\n')[0]!.startsWith('Plan for ')).toBe(true);
      expect(text.split('\n')[1]!.startsWith('  nodes ')).toBe(true);
    }
  });
});

describe('migrate-plan steps with any domain name', () => {
  it.each(NAMES.filter((n) => n !== ''))('%j: the steps are a script whose only commands are xl migrate and xl vcpu-pin', (name) => {
    const p = plan(cfg({ name, vcpus: 1, numa: { mode: 'nodes', nodes: [0], node_count: 1 } }), fixtureHost('two-node.json')).plan!;
    const m = migratePlan(p, fixtureHost('two-node.json'), [], [1]).migration!;
    expect(sh(m.steps.join('\n'))).toEqual([
      ['xl', 'migrate', '-C', 'CONFIG', name, 'localhost'],
      ['xl', 'vcpu-pin', name, '0', '4-7'],
    ]);
    const already = migratePlan(p, fixtureHost('two-node.json'), [], [0]).migration!;
    expect(sh(already.steps.join('\n'))).toEqual([]);
  });
});

describe('rebalance lines with any domain name', () => {
  it('are xmcfg migrate-plan commands with the name as one word', async () => {
    const path = join(dir, 'rebalance.db');
    const host = fixtureHost('two-node.json');
    const ledger = Ledger.open(path).ledger!;
    const names = ['a b', "it's", '$(touch PWNED)', 'x\ny'];
    for (const name of names) expect(ledger.reserve(cfg({ name, memory: 4096, vcpus: 1 }), freeOnly(host, 1)).plan).not.toBeNull();
    ledger.close();
    const hostFile = join(dir, "a host's file.json");
    writeFileSync(hostFile, JSON.stringify(host));
    const { io, out } = fakeIo({ cwd: dir });
    expect(await runRebalance({ host: hostFile, ledger: path, threshold: 0, 'max-moves': 10 }, io)).toBe(0);
    const calls = sh(out.stdout);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.slice(0, 2)).toEqual(['xmcfg', 'migrate-plan']);
      expect(names).toContain(c[2]);
      // the host and ledger the rebalance used: the pasted line must not fall back to the defaults
      expect(c.slice(3)).toEqual(['--to-node', '0', '--host', hostFile, '--ledger', path]);
    }
  });
});
