import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/cli/files.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-files-'));
  mkdirSync(join(dir, 'auto'));
  writeFileSync(join(dir, 'web.cfg'), 'name="web"\n');
  // /etc/xen/auto holds symlinks to the domain configs (xendomains starts those).
  symlinkSync('../web.cfg', join(dir, 'auto/web.cfg'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic through a symlink', () => {
  it('replaces the file the link points to and keeps the link', () => {
    writeFileAtomic(join(dir, 'auto/web.cfg'), 'name = "web"\n');
    expect(lstatSync(join(dir, 'auto/web.cfg')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'auto/web.cfg'))).toBe('../web.cfg');
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe('name = "web"\n');
    expect(readdirSync(dir).sort()).toEqual(['auto', 'web.cfg']);
    expect(readdirSync(join(dir, 'auto'))).toEqual(['web.cfg']);
  });
  it('creates the target of a dangling link, keeping the link', () => {
    symlinkSync('../new.json', join(dir, 'auto/new.json'));
    writeFileAtomic(join(dir, 'auto/new.json'), '{}\n');
    expect(lstatSync(join(dir, 'auto/new.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe('{}\n');
  });
  it('xmcfg fmt on the link formats the linked file', async () => {
    const { io } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'auto/web.cfg'], io)).toBe(0);
    expect(lstatSync(join(dir, 'auto/web.cfg')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe('name = "web"\n');
  });
});

describe('writeFileAtomic keeps the owner', () => {
  it.runIf(process.getuid?.() === 0)('gives a file owned by another user back to that user (run as root)', () => {
    const p = join(dir, 'user.cfg');
    writeFileSync(p, 'name="u"\n');
    chownSync(p, 1234, 2345);
    writeFileAtomic(p, 'name = "u"\n');
    expect(statSync(p).uid).toBe(1234);
    expect(statSync(p).gid).toBe(2345);
    expect(readFileSync(p, 'utf8')).toBe('name = "u"\n');
  });
});

describe('writeFileAtomic errors', () => {
  it('name the file asked for, not the temporary one', async () => {
    expect(() => writeFileAtomic(join(dir, 'missing/x.cfg'), 'a = 1\n')).toThrow(/ENOENT.*missing\/x\.cfg'$/);
    const { io, out } = fakeIo({ cwd: dir });
    // A missing folder is made now (output-folders.test.ts); /proc takes no new file, so the temporary one fails.
    expect(await run(['convert', 'web.cfg', '--to', 'xl', '-o', '/proc/xmcfg-out.cfg'], io)).toBe(2);
    expect(out.stderr).toContain("'/proc/xmcfg-out.cfg'");
    expect(out.stderr).not.toContain('.tmp');
  });
});

describe('writeFileAtomic on a long file name', () => {
  it('writes a file whose name is near the 255-byte limit (its temporary name was longer and ENAMETOOLONG)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmcfg-long-'));
    try {
      for (const name of ['r'.repeat(255), `${'é'.repeat(120)}.cfg`, 'x']) {
        writeFileAtomic(join(dir, name), 'name = "web"\n');
        expect(readFileSync(join(dir, name), 'utf8')).toBe('name = "web"\n');
      }
      // No temporary file is left beside them.
      expect(readdirSync(dir).sort()).toEqual(['r'.repeat(255), `${'é'.repeat(120)}.cfg`, 'x'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
