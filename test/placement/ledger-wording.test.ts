/**
 * A ledger that cannot be used says what did not happen for the command at hand: `ledger list`
 * lists nothing and `release` releases nothing (both said "nothing was planned or recorded",
 * though neither plans), while `plan` keeps its wording.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-ledger-words-'));
  mkdirSync(join(dir, 'folder'));
  // Not SQLite: SQLITE_NOTADB, reported as corrupt or not a ledger.
  writeFileSync(join(dir, 'bad.db'), 'not a database\n'.repeat(200));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The XM0408 codes and the clause after the message's last `; ` (what was not done). */
async function outcome(args: string[]): Promise<{ code: number; codes: string[]; tail: string[] }> {
  const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  const lines = out.stderr.split('\n').filter((l) => l !== '');
  return { code, codes: lines.map((l) => /XM\d{4}/.exec(l)?.[0] ?? ''), tail: lines.map((l) => /; ([^;(]*) \(/.exec(l)?.[1] ?? '') };
}

describe('an unusable ledger names what the command did not do', () => {
  it.each([
    [['ledger', 'list'], 'nothing was listed'],
    [['release', 'web'], 'nothing was released'],
    [['plan', 'web.cfg', '--host', join(FIXTURES, 'two-node.json'), '--reserve'], 'nothing was planned or recorded'],
  ])('%j: %s', async (args, tail) => {
    for (const ledger of ['folder', 'bad.db']) {
      expect({ ledger, ...(await outcome([...args, '--ledger', ledger])) }).toEqual({ ledger, code: 2, codes: ['XM0408'], tail: [tail] });
    }
  });
});
