/**
 * An option that takes a value, given last without one (`plan web.cfg -f` with $FMT unset), is a
 * usage error in every command, as it was in check and normalize: yargs otherwise used the default
 * (`plan -f` printed JSON, `fmt --check --dialect` read auto, exit 0).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';
import { fakeIo } from './fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;
const WEB = new URL('../../fixtures/examples/web.cfg', import.meta.url).pathname;

const LINES: [string[], string][] = [
  [['convert', WEB, '--to', 'xl'], 'dialect'],
  [['convert', WEB, '--to', 'xl'], 'policy'],
  [['convert', WEB, '--to', 'xl'], 'affinity'],
  [['fmt', '--check', WEB], 'dialect'],
  [['fmt', '--check', WEB], 'quote'],
  [['ledger', 'list'], 'format'],
  [['migrate-plan', 'web01', '--to-node', '1', '--host', HOST], 'format'],
  [['plan', WEB, '--host', HOST], 'policy'],
  [['plan', WEB, '--host', HOST], 'affinity'],
  [['plan', WEB, '--host', HOST], 'format'],
  [['plan', WEB, '--host', HOST], 'dialect'],
  [['rebalance', '--host', HOST], 'format'],
];

describe('an option without its value', () => {
  it('is a usage error naming it (exit 2, nothing on stdout), not the default in its place', async () => {
    const results = [];
    for (const [line, option] of LINES) {
      const { io, out } = fakeIo({ cwd: process.cwd(), env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
      const code = await run([...line, `--${option}`], io);
      results.push({ line: line[0], option, code, stdout: out.stdout, named: out.stderr.startsWith(`xmcfg: --${option} needs a value\n`) });
    }
    expect(results).toEqual(LINES.map(([line, option]) => ({ line: line[0], option, code: 2, stdout: '', named: true })));
  });

  it.skipIf(!BUILT)('lsp --dialect without a value does not start the server', () => {
    const r = xmcfg(['lsp', '--stdio', '--dialect'], { input: '' });
    expect([r.code, r.stderr.startsWith('xmcfg: --dialect needs a value\n')]).toEqual([2, true]);
  });
});
