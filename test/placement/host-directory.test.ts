/**
 * `--host FOLDER`: a host topology is a file (JSON or `xl info -n` text), so a folder is refused,
 * and the message points at the option that does read a sysfs-style tree (it said only "is a
 * directory", leaving the reader to guess that `--sysfs-root` exists).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-host-dir-'));
  mkdirSync(join(dir, 'hostdir'));
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\n');
  writeFileSync(join(dir, 'numa.xm'), 'name = "numa"\nmemory = 1024\nvcpus = 2\nkernel = "/boot/vmlinuz"\nnuma = "on"\nnumanodes = 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, env: { XDG_STATE_HOME: join(dir, 'state') } });
  const code = await run(args, io);
  return { code, ...out };
}

const FILE = '--host reads a host file (JSON or `xl info -n` text)';
const TREE = 'a sysfs-style tree (ROOT/sys/devices/system/node)';

describe('--host naming a folder', () => {
  it('plan, migrate-plan and rebalance: exit 2, the message points at --sysfs-root', async () => {
    const cases: string[][] = [['plan', 'web.cfg'], ['migrate-plan', 'web', '--to-node', '0'], ['rebalance']];
    for (const args of cases) {
      const r = await cli([...args, '--host', 'hostdir']);
      const stderr = `xmcfg ${args[0]}: cannot read host file 'hostdir': is a directory; ${FILE}; for ${TREE} give --sysfs-root ROOT instead\n`;
      expect({ args, ...r }).toEqual({ args, code: 2, stdout: '', stderr });
    }
  });

  it('convert and check, which have no --sysfs-root: exit 2, the message points at `xmcfg host --sysfs-root` (decision 043: one name)', async () => {
    const hint = `${FILE}; \`xmcfg host --sysfs-root ROOT > host.json\` writes one from ${TREE}`;
    const convert = await cli(['convert', 'numa.xm', '--to', 'xl', '--host', 'hostdir']);
    expect(convert).toEqual({ code: 2, stdout: '', stderr: `xmcfg convert: cannot read host file 'hostdir': is a directory; ${hint}\n` });
    const check = await cli(['check', 'web.cfg', '--host', 'hostdir']);
    expect(check).toEqual({ code: 2, stdout: '', stderr: `xmcfg: cannot read host 'hostdir': is a directory; ${hint}\n` });
  });

  it('host FOLDER: exit 2, the message points at --sysfs-root (--from-sysfs is its alias)', async () => {
    const r = await cli(['host', 'hostdir']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `xmcfg host: cannot read host file 'hostdir': is a directory; a host file is JSON or \`xl info -n\` text; for ${TREE} give --sysfs-root ROOT instead\n` });
  });

  it('a missing file is still only "no such file or directory" (no hint)', async () => {
    const r = await cli(['plan', 'web.cfg', '--host', 'nothere.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "xmcfg plan: cannot read host file 'nothere.json': no such file or directory\n" });
  });
});
