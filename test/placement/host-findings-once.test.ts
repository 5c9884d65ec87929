/**
 * `plan` reports a host's own findings (XM0411 on an odd distance matrix) once, under the host's
 * name, as `check --host` does: planning repeats them for the validated host (decision 087), and
 * they used to be printed a second time under the config's name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { FIXTURES } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-host-once-'));
  const host = JSON.parse(readFileSync(join(FIXTURES, 'two-node.json'), 'utf8')) as { nodes: { distances: Record<string, number> }[] };
  // Remote distances below the local 10: XM0411 for each node, host-level (no position).
  host.nodes[0]!.distances['1'] = 9;
  host.nodes[1]!.distances['0'] = 9;
  writeFileSync(join(dir, 'odd.json'), JSON.stringify(host));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\n');
  // A node the host lacks: a config finding, at the setting, which must still be reported.
  writeFileSync(join(dir, 'off.cfg'), 'name = "off"\ntype = "hvm"\nmemory = 1024\nvcpus = 1\nnumanode = "0,7"\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The XM04xx findings of stderr, as "where code" pairs. */
function findings(stderr: string): string[] {
  return [...stderr.matchAll(/^(.*?): (?:warning|error|info) (XM04\d\d):/gm)].map((m) => `${m[1] === undefined ? '' : m[1]} ${m[2]}`);
}

describe('plan: host findings once', () => {
  for (const extra of [[], ['--reserve', '--ledger', 'l.db'], ['-f', 'text']]) {
    it(`reports each XM0411 once, under the host (${extra.join(' ') || 'plain'})`, async () => {
      const { io, out } = fakeIo({ cwd: dir });
      const code = await run(['plan', 'web.cfg', '--host', 'odd.json', ...extra], io);
      expect(code).toBe(0);
      expect(findings(out.stderr)).toEqual(["xmcfg plan: host 'odd.json' XM0411", "xmcfg plan: host 'odd.json' XM0411"]);
      rmSync(join(dir, 'l.db'), { force: true });
    });
  }

  it('still reports the config\'s own placement findings at their setting', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    await run(['plan', 'off.cfg', '--host', 'odd.json'], io);
    const f = findings(out.stderr);
    expect(f.filter((x) => x.endsWith('XM0411'))).toHaveLength(2);
    expect(f.some((x) => x.startsWith('off.cfg:5:'))).toBe(true);
  });
});
