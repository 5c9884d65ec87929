/** A ledger path the process cannot look at is an unusable ledger (XM0408, exit 2), never "no ledger". */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/types.js';
import { runLedger, runMigratePlan, runPlan, runRebalance, runRelease } from '../../src/cli/placement-run.js';
import { FIXTURES, captureIo, type CapturedIo } from './helpers.js';

let dir: string;
let loop: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-unreachable-'));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 4096\nvcpus = 2\n');
  // A symlink loop stands for any path stat cannot see through (EACCES on a folder this user may
  // not enter is the common case, but root, which runs some test machines, enters every folder).
  loop = join(dir, 'loop.db');
  symlinkSync(loop, loop);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (): CapturedIo => captureIo(dir);

/** The codes of the findings a command printed on stderr. */
const codes = (err: string): string[] => [...err.matchAll(/ (XM\d{4}):/g)].map((m) => m[1]!);

describe('a ledger path stat cannot see through', () => {
  const host = join(FIXTURES, 'two-node.json');
  // Each of these read it as "no ledger": plan offered memory the ledger may book, rebalance and
  // ledger list said there was nothing, migrate-plan and release said the guest had no reservation.
  const runs: Array<[string, (o: Io) => Promise<number>]> = [
    ['ledger list', (o) => runLedger({ action: 'list', ledger: loop }, o)],
    ['plan', (o) => runPlan({ file: 'web.cfg', host, ledger: loop }, o)],
    ['rebalance', (o) => runRebalance({ host, ledger: loop }, o)],
    ['migrate-plan', (o) => runMigratePlan({ name: 'web', 'to-node': [1], host, ledger: loop }, o)],
    ['release', (o) => runRelease({ name: 'web', ledger: loop }, o)],
  ];
  for (const [name, run] of runs) {
    it(`${name}: XM0408, exit 2, nothing on stdout`, async () => {
      const o = io();
      expect(await run(o)).toBe(2);
      expect(codes(o.err)).toEqual(['XM0408']);
      expect(o.out).toBe('');
    });
  }
});
