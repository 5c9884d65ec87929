/** Every placement command's --help names the default ledger (migrate-plan's and rebalance's did not, though they read it). */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

describe('--ledger help', () => {
  it('says the same, with the default, in every command that has it', async () => {
    const lines: Record<string, string> = {};
    for (const cmd of ['plan', 'release', 'ledger', 'migrate-plan', 'rebalance']) {
      const { io, out } = fakeIo({ cwd: process.cwd(), env: { COLUMNS: '400' } });
      expect(await run([cmd, '--help'], io)).toBe(0);
      lines[cmd] = (out.stdout.split('\n').find((l) => l.trimStart().startsWith('--ledger')) ?? '').replace(/\s*\[string\]\s*$/, '').replace(/\s+/g, ' ').trim();
    }
    for (const cmd of Object.keys(lines)) expect({ cmd, line: lines[cmd] }).toEqual({ cmd, line: lines.plan });
    expect(lines.plan).toContain('default $XDG_STATE_HOME/xmcfg/ledger.db');
  });
});
