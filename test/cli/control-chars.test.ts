/**
 * A path with a newline (or another control character) is escaped where a message or a listing
 * prints it, so a file name cannot forge a line of the report (`'no\nxmcfg: …'` printed as two lines).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quote } from '../../src/cli/check/discover.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-ctl-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

describe('control characters in printed paths', () => {
  it('quote() writes them as JSON-style escapes', () => {
    expect(quote('a\nb\tc\rd\u001be\u007f')).toBe("'a\\nb\\tc\\rd\\u001be\\u007f'");
    expect(quote('plain/name.cfg')).toBe("'plain/name.cfg'");
  });

  it('check: an unreadable path with a newline is one stderr line', async () => {
    const r = await cli(['check', 'no\nxmcfg: forged.cfg']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: "xmcfg: cannot read 'no\\nxmcfg: forged.cfg': no such file or directory\n" });
  });

  it('ledger list: the ledger path line is one line', async () => {
    const r = await cli(['ledger', 'list', '--ledger', 'le\ndger.db']);
    expect(r).toEqual({ code: 0, stdout: `no reservations in ${join(dir, 'le\\ndger.db')}\n`, stderr: '' });
  });
});
