/**
 * A file name that is not UTF-8 (Latin-1 `café.cfg`, byte E9) cannot be named on the command line:
 * Node.js decodes argv as UTF-8, so the name arrives with U+FFFD and names no file. The message says
 * so and what does reach the file: for check and fmt the glob it prints (a folder walk and a glob
 * read names by their bytes), for one-file commands standard input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'xmcfg-latin1-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The name's bytes: 'caf', E9, '.cfg' (fs takes a Buffer path as bytes).
writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.cfg')]), 'name = "c"\ntype = "pvh"\nkernel = "/k"\nmemory = 512\n');
// What process.argv holds for that name.
const asGiven = 'caf\ufffd.cfg';

async function cli(args: string[]) {
  const { io, out } = fakeIo({ cwd: dir });
  return { code: await run(args, io), ...out };
}

describe('a file name that is not UTF-8, named on the command line', () => {
  it('check: exit 2, and the glob the message suggests checks the file', async () => {
    const r = await cli(['check', asGiven]);
    expect(r.code).toBe(2);
    const glob = /the glob '([^']+)'/.exec(r.stderr)?.[1];
    expect(glob).toBe('caf*.cfg');
    const again = await cli(['check', glob!, '-f', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).files.map((f: { errorCount: number }) => f.errorCount)).toEqual([0]);
  });

  it('fmt suggests the glob too; normalize (one file) suggests standard input', async () => {
    expect(/the glob '([^']+)'/.exec((await cli(['fmt', '--check', asGiven])).stderr)?.[1]).toBe('caf*.cfg');
    const n = await cli(['normalize', asGiven]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('- < FILE');
    // A missing name that is valid UTF-8 gets neither.
    const plain = await cli(['check', 'nothere.cfg']);
    expect(plain.stderr).not.toContain('UTF-8');
  });
});
