/**
 * fmt replaces a file only if it still holds the bytes it was formatted from: an editor's save made
 * while fmt formats (a long run over /etc/xen) must not be overwritten by the formatted old text.
 * The save is simulated inside the formatter's first step (asciiFileBytes), between fmt's read and
 * its write.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const saves = vi.hoisted(() => ({ path: '', text: '' }));
vi.mock('../../src/format/fast-bytes.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/format/fast-bytes.js')>();
  return {
    ...real,
    asciiFileBytes: (bytes: Uint8Array) => {
      if (saves.path !== '') writeFileSync(saves.path, saves.text);
      return real.asciiFileBytes(bytes);
    },
  };
});

const { writeFileAtomic, ChangedSinceReadError } = await import('../../src/cli/files.js');
const { run } = await import('../../src/cli/run.js');
const { fakeIo } = await import('./fake-io.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-changed-'));
  saves.path = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fmt and a file saved during the run', () => {
  it('leaves the saved text, says so and exits 2', async () => {
    const p = join(dir, 'web.cfg');
    writeFileSync(p, 'memory=512\n');
    saves.path = p;
    saves.text = 'memory=1024\n';
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'web.cfg'], io)).toBe(2);
    expect(readFileSync(p, 'utf8')).toBe('memory=1024\n');
    expect(out.stderr).toContain("'web.cfg' not written");
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['web.cfg']);
  });

  it('writes as before when nothing changed', async () => {
    const p = join(dir, 'web.cfg');
    writeFileSync(p, 'memory=512\n');
    const { io } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'web.cfg'], io)).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe('memory = 512\n');
  });
});

describe('writeFileAtomic with unchangedFrom', () => {
  it('replaces the file when it holds those bytes, refuses when it does not or is gone', () => {
    const p = join(dir, 'a.cfg');
    writeFileSync(p, 'a=1\n');
    writeFileAtomic(p, 'a = 1\n', Buffer.from('a=1\n'));
    expect(readFileSync(p, 'utf8')).toBe('a = 1\n');
    expect(() => writeFileAtomic(p, 'x\n', Buffer.from('a=1\n'))).toThrow(ChangedSinceReadError);
    expect(readFileSync(p, 'utf8')).toBe('a = 1\n');
    rmSync(p);
    expect(() => writeFileAtomic(p, 'x\n', Buffer.from('a = 1\n'))).toThrow(ChangedSinceReadError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
