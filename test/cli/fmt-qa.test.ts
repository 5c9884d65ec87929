/**
 * `xmcfg fmt` as a user drives it, on inputs QA found mishandled; each case is kept so it stays fixed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-fmt-qa-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A path below `dir` whose name is written in Latin-1 bytes (not valid UTF-8). */
const latin1 = (name: string): Buffer => Buffer.concat([Buffer.from(dir + '/'), Buffer.from(name, 'latin1')]);

describe('fmt on file names that are not UTF-8', () => {
  it('formats files and folders named in Latin-1 found by a folder walk by their bytes, in place, atomically', async () => {
    mkdirSync(latin1('g\xe4ste'));
    // \xe9 and \xe8 both decode to U+FFFD: two files, each written back under its own name.
    const files = { 'caf\xe9.cfg': 'memory=512\n', 'caf\xe8.cfg': 'vcpus=2\n', 'g\xe4ste/vm.cfg': "name='x'\n" };
    for (const [n, body] of Object.entries(files)) writeFileSync(latin1(n), body);
    chmodSync(latin1('caf\xe9.cfg'), 0o640);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', '.'], io)).toBe(1);
    expect(out.stdout).toBe('caf\ufffd.cfg\ncaf\ufffd.cfg\ng\ufffdste/vm.cfg\n');
    expect(out.stderr).toBe('3 of 3 files would be reformatted\n');

    const w = fakeIo({ cwd: dir });
    expect(await run(['fmt', '.'], w.io)).toBe(0);
    expect(w.out.stderr).toBe('3 of 3 files reformatted\n');
    expect(readFileSync(latin1('caf\xe9.cfg'), 'utf8')).toBe('memory = 512\n');
    expect(readFileSync(latin1('caf\xe8.cfg'), 'utf8')).toBe('vcpus = 2\n');
    expect(readFileSync(latin1('g\xe4ste/vm.cfg'), 'utf8')).toBe('name = \'x\'\n');
    // The permission bits stay; no temporary file and no file under a U+FFFD name is left behind.
    expect(statSync(latin1('caf\xe9.cfg')).mode & 0o777).toBe(0o640);
    const names = (readdirSync(dir, { encoding: 'buffer' }) as Buffer[]).map((b) => b.toString('latin1')).sort();
    expect(names).toEqual(['caf\xe8.cfg', 'caf\xe9.cfg', 'g\xe4ste']);
  });
});

describe('fmt with an empty path argument', () => {
  it('is a usage error that writes nothing (`fmt "$UNSET"` reformatted the whole current folder)', async () => {
    writeFileSync(join(dir, 'vm.cfg'), 'memory=512\n');
    for (const args of [[''], ['vm.cfg', ''], ['--check', '']]) {
      const { io, out } = fakeIo({ cwd: dir });
      expect([await run(['fmt', ...args], io), out.stdout, out.stderr], args.join(' ')).toEqual([2, '', "xmcfg fmt: an empty path names no file; give '.' for the current folder\n"]);
      expect(readFileSync(join(dir, 'vm.cfg'), 'utf8')).toBe('memory=512\n');
    }
  });
});

describe('fmt on a path that is not a regular file', () => {
  it('formats a FIFO named on the command line for --check, but never replaces it with a regular file (exit 2)', async () => {
    const fifo = join(dir, 'p.cfg');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const feed = async (args: string[]) => {
      // The writer is another process: fmt's open of the FIFO waits for it.
      const writer = spawn('sh', ['-c', `printf 'memory=512\\n' > "$0"`, fifo]);
      const done = new Promise<void>((resolve) => writer.on('close', () => resolve()));
      const { io, out } = fakeIo({ cwd: dir });
      const code = await run(['fmt', ...args], io);
      await done;
      return { code, ...out };
    };
    expect(await feed(['--check', 'p.cfg'])).toEqual({ code: 1, stdout: 'p.cfg\n', stderr: '1 of 1 file would be reformatted\n' });
    expect(await feed(['p.cfg'])).toEqual({ code: 2, stdout: '', stderr: "xmcfg fmt: 'p.cfg' not written: not a regular file (format it as standard input: xmcfg fmt - < FILE)\n0 of 1 file reformatted, 1 not written\n" });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 20_000);
});

describe('fmt when a file cannot be written', () => {
  const cli = join(import.meta.dirname, '../../dist/cli.mjs');
  const built = ((): boolean => {
    try {
      return statSync(cli).size > 0;
    } catch {
      return false;
    }
  })();

  /** `fmt a.cfg` by the built CLI in a new folder of this mode holding a root-owned 0644 a.cfg, as nobody when run as root. */
  const fmtIn = (name: string, mode: number) => {
    const folder = join(dir, name);
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.cfg'), 'memory=512\nname = "x"\n');
    chmodSync(dir, 0o755);
    chmodSync(join(folder, 'a.cfg'), 0o644);
    chmodSync(folder, mode);
    const r = spawnSync(process.execPath, [cli, 'fmt', 'a.cfg'], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}) });
    chmodSync(folder, 0o755);
    return { folder, r };
  };

  // As root a read-only folder is still writable, so the built CLI runs as nobody there.
  it.skipIf(!built)('says why in the read errors\' words and does not count the file as reformatted (run `npm run build` first)', () => {
    const { folder, r } = fmtIn('ro', 0o555);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', "xmcfg fmt: cannot write 'a.cfg': permission denied\n0 of 1 file reformatted, 1 not written\n"]);
    expect(readFileSync(join(folder, 'a.cfg'), 'utf8')).toBe('memory=512\nname = "x"\n');
    expect(readdirSync(folder)).toEqual(['a.cfg']);
  });

  // A folder anyone may write to let the rename replace a file this user may not write (another
  // user's 0644 file: `echo > a.cfg` is refused, fmt replaced it and it became the runner's).
  it.skipIf(!built || process.getuid?.() !== 0)('leaves another user\'s file in a folder it may write to alone: permission denied (run as nobody)', () => {
    const { folder, r } = fmtIn('shared', 0o777);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', "xmcfg fmt: cannot write 'a.cfg': permission denied\n0 of 1 file reformatted, 1 not written\n"]);
    expect(readFileSync(join(folder, 'a.cfg'), 'utf8')).toBe('memory=512\nname = "x"\n');
    expect(statSync(join(folder, 'a.cfg')).uid).toBe(0);
    expect(readdirSync(folder)).toEqual(['a.cfg']);
  });
});

describe('fmt reports refused files once, under one summary', () => {
  it('lists each refused file\'s errors without a per-file "N of 1 file" summary of its own', async () => {
    writeFileSync(join(dir, 'a.cfg'), 'memory = "x\n');
    writeFileSync(join(dir, 'b.cfg'), 'name = "b"\nkernel = "/k\n');
    writeFileSync(join(dir, 'c.cfg'), 'memory=512\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', 'a.cfg', 'b.cfg', 'c.cfg'], io)).toBe(1);
    expect(out.stdout).toBe('c.cfg\n');
    const lines = out.stderr.split('\n');
    // Each refused file's error, by code and position…
    expect(lines.filter((l) => /^error\[XM00\d\d\]/.test(l)).length).toBe(2);
    expect(lines.filter((l) => l.startsWith(' --> '))).toEqual([' --> a.cfg:1:10', ' --> b.cfg:2:10']);
    // …and one summary line, fmt's, for the 3 files (stylish added "… in 1 of 1 file" per refused file).
    expect(lines.filter((l) => /\bof \d+ file/.test(l))).toEqual(['1 of 3 files would be reformatted, 2 not formatted (with syntax errors)']);
  });
});

describe('fmt summary says why files were not formatted', () => {
  // The summary counted a file left alone because formatting would change the dialect it is read
  // in, and one that was not valid UTF-8, as "(errors)": neither has a syntax error.
  it('counts syntax errors, Python statements, dialect changes and unfaithful reads apart; exit 1 as before', async () => {
    writeFileSync(join(dir, 'a.cfg'), 'memory = "x\n');
    writeFileSync(join(dir, 'b.cfg'), 'name = "web"\nkernel = "/k"\ndisk = ["a", \\\n "b"]\n');
    writeFileSync(join(dir, 'c.cfg'), 'import os\nmemory = 512\n');
    writeFileSync(join(dir, 'd.cfg'), Buffer.from('name = "caf\xe9"\n', 'latin1'));
    writeFileSync(join(dir, 'e.cfg'), 'memory=512\n');
    writeFileSync(join(dir, 'f.cfg'), 'vcpus = 2\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', '.'], io)).toBe(1);
    expect(out.stdout).toBe('e.cfg\n');
    expect(out.stderr.split('\n').filter((l) => /\bof \d+ file/.test(l))).toEqual([
      '1 of 6 files would be reformatted, 4 not formatted (1 with syntax errors, 1 with Python statements, 1 would change dialect, 1 not read as it is)',
    ]);
    const w = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'b.cfg', 'e.cfg'], w.io)).toBe(1);
    expect(w.out.stderr.split('\n').filter((l) => /\bof \d+ file/.test(l))).toEqual(['1 of 2 files reformatted, 1 not formatted (would change dialect)']);
  });
});

describe('fmt and --output-file on a read-only file', () => {
  // The atomic rename needs only the folder's write permission, so a file marked read-only (chmod
  // a-w) was replaced as if writable: fmt reformatted a 0444 file, exit 0.
  it('fmt leaves a read-only file as it is and says why (exit 2); a writable one beside it is formatted', async () => {
    writeFileSync(join(dir, 'ro.cfg'), 'memory=512\n');
    writeFileSync(join(dir, 'rw.cfg'), 'vcpus=2\n');
    chmodSync(join(dir, 'ro.cfg'), 0o444);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'ro.cfg', 'rw.cfg'], io)).toBe(2);
    expect(out.stderr).toMatch(/^xmcfg fmt: cannot write 'ro\.cfg': the file is read-only/m);
    expect(out.stderr).toMatch(/1 of 2 files reformatted, 1 not written\n$/);
    expect(readFileSync(join(dir, 'ro.cfg'), 'utf8')).toBe('memory=512\n');
    expect(statSync(join(dir, 'ro.cfg')).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(dir, 'rw.cfg'), 'utf8')).toBe('vcpus = 2\n');
    expect(readdirSync(dir).sort()).toEqual(['ro.cfg', 'rw.cfg']);
  });

  it('check --output-file onto a read-only report file is exit 2 and leaves it unchanged', async () => {
    writeFileSync(join(dir, 'vm.cfg'), 'name = "vm"\nmemory = 512\nkernel = "/k"\n');
    writeFileSync(join(dir, 'report.json'), 'old\n');
    chmodSync(join(dir, 'report.json'), 0o400);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['check', 'vm.cfg', '--format', 'json', '--output-file', 'report.json'], io)).toBe(2);
    expect(out.stderr).toMatch(/cannot write 'report\.json': the file is read-only/);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old\n');
  });
});
