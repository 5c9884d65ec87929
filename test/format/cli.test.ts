import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { formatText } from '../../src/format/index.js';
import { fakeIo } from '../cli/fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-fmt-'));
  mkdirSync(join(dir, 'guests'));
  writeFileSync(join(dir, 'guests/clean.cfg'), 'name = "clean"\n');
  writeFileSync(join(dir, 'guests/messy.cfg'), 'name="messy";memory=512 # MiB\n');
  writeFileSync(join(dir, 'guests/broken.cfg'), 'name = "b"\nmemory = [1,\n');
  writeFileSync(join(dir, 'guests/notes.txt'), 'a=1\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const read = (p: string) => readFileSync(join(dir, p), 'utf8');

describe('xmcfg fmt', () => {
  it('rewrites changed files in place, never a file with syntax errors', async () => {
    chmodSync(join(dir, 'guests/messy.cfg'), 0o640);
    const { io, out } = fakeIo({ cwd: dir });
    const code = await run(['fmt', 'guests'], io);
    expect(code).toBe(1); // broken.cfg could not be formatted
    expect(read('guests/messy.cfg')).toBe('name = "messy"\nmemory = 512  # MiB\n');
    expect(statSync(join(dir, 'guests/messy.cfg')).mode & 0o777).toBe(0o640);
    expect(read('guests/broken.cfg')).toBe('name = "b"\nmemory = [1,\n');
    expect(read('guests/notes.txt')).toBe('a=1\n');
    expect(out.stderr).toContain("'guests/broken.cfg' not formatted");
    expect(out.stderr).toMatch(/XM00\d\d/);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'guests')).sort()).toEqual(['broken.cfg', 'clean.cfg', 'messy.cfg', 'notes.txt']);
  });
  it('--check lists the files that would change and writes nothing', async () => {
    rmSync(join(dir, 'guests/broken.cfg'));
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', 'guests'], io)).toBe(1);
    expect(out.stdout).toBe('guests/messy.cfg\n');
    expect(read('guests/messy.cfg')).toBe('name="messy";memory=512 # MiB\n');
    const again = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', 'guests/clean.cfg'], again.io)).toBe(0);
    expect(again.out.stdout).toBe('');
  });
  it('formats files from their bytes exactly as formatText formats their text', async () => {
    const plain = 'a=[1,2] # c\nb = \'x\'; c="y"\n\n\n# d\nd = [\n1, [2,3],\n]\n'.repeat(200);
    const files: Record<string, string> = {
      'plain.cfg': plain,
      'utf8.cfg': 'name="h\u00e9llo";memory=512\n', // not ASCII: the decoding path
      'nul.cfg': 'name = "a"\nx = 1\u0000\n', // binary: never rewritten
      'done.cfg': formatText(plain).text,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const before = statSync(join(dir, 'done.cfg')).mtimeMs;
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'plain.cfg', 'utf8.cfg', 'nul.cfg', 'done.cfg'], io)).toBe(1);
    expect(read('plain.cfg')).toBe(formatText(plain).text);
    expect(read('utf8.cfg')).toBe('name = "h\u00e9llo"\nmemory = 512\n');
    expect(read('nul.cfg')).toBe(files['nul.cfg']);
    expect(out.stderr).toContain("'nul.cfg' not formatted");
    expect(statSync(join(dir, 'done.cfg')).mtimeMs).toBe(before);
    const again = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--check', 'plain.cfg', 'utf8.cfg', 'done.cfg'], again.io)).toBe(0);
  });
  it('formats standard input to standard output', async () => {
    const { io, out } = fakeIo({ cwd: dir, stdin: 'a=[1,\n2]\n' });
    expect(await run(['fmt', '-'], io)).toBe(0);
    expect(out.stdout).toBe('a = [\n    1,\n    2,\n]\n');
  });
  it('stdin with syntax errors is echoed unchanged, exit 1', async () => {
    const { io, out } = fakeIo({ cwd: dir, stdin: 'a = [1,\n' });
    expect(await run(['fmt', '-', '--dialect', 'xl'], io)).toBe(1);
    expect(out.stdout).toBe('a = [1,\n');
  });
  it('layout options', async () => {
    const { io, out } = fakeIo({ cwd: dir, stdin: "a = ['x', 'y']\n" });
    expect(await run(['fmt', '-', '--quote', 'double', '--line-width', '20', '--indent', '2'], io)).toBe(0);
    expect(out.stdout).toBe('a = ["x", "y"]\n');
  });
  it('never rewrites a file that is not valid UTF-8 (its bad bytes would become U+FFFD): XM0041, exit 1', async () => {
    const bytes = Buffer.from('name="a\xff"\n', 'latin1');
    writeFileSync(join(dir, 'guests/latin1.cfg'), bytes);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'guests/latin1.cfg'], io)).toBe(1);
    expect(readFileSync(join(dir, 'guests/latin1.cfg')).equals(bytes)).toBe(true);
    expect(out.stderr).toContain("'guests/latin1.cfg' not formatted");
    expect(out.stderr).toContain('XM0041');
    expect(out.stderr).toContain('guests/latin1.cfg:1:8');
  });
  it('standard input that is not valid UTF-8: exit 1, nothing on stdout (the decoded text is not the input)', async () => {
    for (const args of [['fmt', '-'], ['fmt', '--check', '-']]) {
      const { io, out } = fakeIo({ cwd: dir, stdin: Buffer.from('name="a\xff"\n', 'latin1') });
      expect(await run(args, io)).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('XM0041');
    }
  });
  it('usage errors exit 2', async () => {
    expect(await run(['fmt'], fakeIo({ cwd: dir }).io)).toBe(2);
    expect(await run(['fmt', 'missing.cfg'], fakeIo({ cwd: dir }).io)).toBe(2);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', '-', '--line-width', '3'], io)).toBe(2);
    // One line naming the command and the option (src/cli/command-error.ts).
    expect(out.stderr).toMatch(/^xmcfg fmt: [^\n]*--line-width[^\n]*\n$/);
  });
});

describe('xmcfg fmt on a file that is xm only by its layout', () => {
  it('leaves it and says why when read as xl it would mean something else; --dialect xm formats it', async () => {
    const text = 'name = "web"\nkernel = "/k"\ndisk = ["a", \\\n "b"]\n';
    writeFileSync(join(dir, 'guests/cont.cfg'), text);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['fmt', 'guests/cont.cfg'], io)).toBe(1);
    expect(read('guests/cont.cfg')).toBe(text);
    expect(out.stderr).toContain("'guests/cont.cfg' not formatted");
    expect(out.stderr).toContain('--dialect xm');
    const xm = fakeIo({ cwd: dir });
    expect(await run(['fmt', '--dialect', 'xm', 'guests/cont.cfg'], xm.io)).toBe(0);
    expect(read('guests/cont.cfg')).toBe('name = "web"\nkernel = "/k"\ndisk = ["a", "b"]\n');
  });
});
