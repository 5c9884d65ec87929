/**
 * A sysfs tree is read file by file; every real attribute is a regular file. A FIFO in a copied
 * tree (cpulist, meminfo, distance, online) made the open wait for a writer forever: `xmcfg host
 * --sysfs-root` hung. Now any file that is not regular is unreadable (XM0401 for a node's cpulist or
 * meminfo), at once. The reader runs in a child process so a regression ends by its timeout
 * rather than holding the test worker.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const cli = join(import.meta.dirname, '../../dist/cli.mjs');
const root = mkdtempSync(join(tmpdir(), 'xmcfg-sysfs-fifo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sysfs: special files', () => {
  it.skipIf(process.platform === 'win32')('a FIFO as node0/meminfo is XM0401, not a hang', () => {
    cpSync(join(FIXTURES, 'sysfs-two-node'), root, { recursive: true });
    const meminfo = join(root, 'sys/devices/system/node/node0/meminfo');
    unlinkSync(meminfo);
    expect(spawnSync('mkfifo', [meminfo]).status).toBe(0);
    const r = spawnSync(process.execPath, [cli, 'host', '--sysfs-root', root], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error XM0401: sysfs: ${meminfo} `);
  }, 60_000);
});
