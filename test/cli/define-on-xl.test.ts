/**
 * `-D/--define` is xm create's NAME=VALUE: an xl file has no script variables and xl create's own
 * KEY=VALUE is not modelled, so a file read as xl ignores it. It did so without a word, and
 * `plan web.cfg -D memory=2048` booked the file's 4096 MiB: each command that reads a config now
 * says so on stderr (one line, a note: the exit status and stdout are unchanged).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;
const LEGACY = new URL('../../fixtures/examples/legacy.xm', import.meta.url).pathname;
const WEB = new URL('../../fixtures/examples/web.cfg', import.meta.url).pathname;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd(), env: { XDG_STATE_HOME: '/nonexistent/xmcfg-state' } });
  const code = await run(args, io);
  return { code, ...out };
}

/** The stderr lines that say --define was ignored. */
const ignored = (stderr: string): string[] => stderr.split('\n').filter((l) => /--define .*ignored/.test(l));

describe('--define given to a file read as xl', () => {
  it.each([
    ['plan', ['plan', WEB, '--host', HOST, '-D', 'memory=2048']],
    ['normalize', ['normalize', WEB, '-D', 'memory=2048']],
    ['check', ['check', WEB, '-D', 'memory=2048']],
    ['convert', ['convert', WEB, '--to', 'json', '--dialect', 'xl', '-D', 'memory=2048']],
  ])('%s says it is ignored, once, and exits as without it', async (_name, args) => {
    const withDefine = await cli(args);
    const without = await cli(args.slice(0, -2));
    expect(ignored(withDefine.stderr)).toHaveLength(1);
    expect([withDefine.code, withDefine.stdout]).toEqual([without.code, without.stdout]);
  });

  it('an xm file, which takes it, gets no such note; --quiet keeps check silent', async () => {
    expect(ignored((await cli(['plan', LEGACY, '--host', HOST, '-D', 'memory=2048'])).stderr)).toEqual([]);
    expect(ignored((await cli(['check', LEGACY, '-D', 'vmid=3'])).stderr)).toEqual([]);
    expect(ignored((await cli(['check', WEB, '-D', 'vmid=3', '--quiet'])).stderr)).toEqual([]);
  });
});
