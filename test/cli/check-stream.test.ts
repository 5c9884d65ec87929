/**
 * `xmcfg check` writes stylish and json reports as files are done, in input order, so a tree of
 * 100,000 files is never held in memory at once; the output stays that of a one-thread run.
 * A FIFO as the last input shows it: the run cannot finish before the FIFO is written, so report
 * text that arrives before then was written early.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI, xmcfg } from '../e2e/cli-helpers.js';

let dir: string;
const FILES = 40;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-stream-'));
  mkdirSync(join(dir, 'many'));
  // 40 unknown keys a file: ~6 KB of stylish report each, more than one 64 KiB chunk in all.
  const body = 'name = "w"\nkernel = "/boot/vmlinuz"\n' + Array.from({ length: 40 }, (_, i) => `memroy${i} = ${i}\n`).join('');
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, 'many', `vm${String(i).padStart(2, '0')}.cfg`), body);
  mkdirSync(join(dir, 'ref'));
  writeFileSync(join(dir, 'ref', 'last.cfg'), LAST);
});

const LAST = 'name = "last"\nkernel = "/boot/vmlinuz"\nmemroy = 1\n';
let runs = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run check on the folder and then a FIFO; write the FIFO only once stdout has had report text. */
async function checkThenFifo(args: string[]): Promise<{ code: number | null; stdout: string; earlyBytes: number }> {
  const folder = `run${++runs}`;
  mkdirSync(join(dir, folder));
  const fifo = join(dir, folder, 'last.cfg');
  if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
  const child = spawn(process.execPath, [CLI, 'check', 'many', `${folder}/last.cfg`, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let earlyBytes = -1;
  const fed = new Promise<void>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (earlyBytes >= 0) return;
      earlyBytes = stdout.length;
      // Opening a FIFO for writing waits for its reader: the check, which is now at that input.
      const fd = openSync(fifo, 'w');
      writeSync(fd, LAST);
      closeSync(fd);
      resolve();
    });
  });
  // A run that held its report until the end never writes before the FIFO is fed: stop it.
  const guard = setTimeout(() => child.kill(), 25_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(guard);
  await Promise.race([fed, Promise.resolve()]);
  return { code, stdout: stdout.split(`${folder}/`).join('ref/'), earlyBytes };
}

describe.skipIf(!BUILT)('check streams its report', () => {
  for (const format of ['stylish', 'json']) {
    for (const jobs of ['1', '2']) {
      it(`${format} --jobs ${jobs}: earlier files are reported before a later input is read, in input order`, async () => {
        const r = await checkThenFifo(['-f', format, '--jobs', jobs]);
        expect(r.code).toBe(0);
        expect(r.earlyBytes).toBeGreaterThan(0);
        expect(r.earlyBytes).toBeLessThan(r.stdout.length);
        // The same report as a one-thread run over regular files with the same content.
        const ref = xmcfg(['check', 'many', 'ref/last.cfg', '-f', format, '--jobs', '1'], { cwd: dir });
        expect(r.stdout).toBe(ref.stdout);
      });
    }
  }
});

describe.skipIf(!BUILT)('check --output-file that cannot be written', () => {
  it('below a file or onto a folder: exit 2, one line on stderr, nothing written anywhere', () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, 'folder'), { recursive: true });
    writeFileSync(join(out, 'file'), '');
    for (const target of ['file/r.json', 'folder']) {
      const r = xmcfg(['check', '../many/vm00.cfg', '-f', 'json', '-o', target], { cwd: out });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr.trimEnd().split('\n')).toEqual([`xmcfg: cannot write '${target}': ${target === 'folder' ? 'is a directory' : "'file' is not a directory"}`]);
      expect(readdirSync(out).sort()).toEqual(['file', 'folder']);
      expect(readdirSync(join(out, 'folder'))).toEqual([]);
    }
  });
});
