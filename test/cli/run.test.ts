/**
 * The CLI on fixtures/cli: exit codes, streams, formats and the other commands, run against the
 * sources (in-process, through a fake Io) and against the installed package (its bin, spawned).
 * The few cases only an in-process run can make (a TTY, a stdin that fails, an injected command)
 * are at the end, src-only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { implementations, LOAD_TIMEOUT_MS, type CliInput, type CliResult } from '../package/impls.js';

const fixtures = resolve('fixtures/cli');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xmcfg-run-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonOut {
  version: number;
  files: { path: string; dialect: string | null; errorCount: number; warningCount: number; diagnostics: { code: string; severity: string; line: number }[] }[];
}
const json = (s: string) => JSON.parse(s) as JsonOut;

for (const impl of implementations()) {
  let runner: (argv: string[], input: CliInput) => Promise<CliResult>;
  const cli = (argv: string[], opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) => runner(argv, { ...opts, cwd: opts.cwd ?? fixtures });
  const group = (title: string, body: () => void) =>
    describe.skipIf(impl.skip !== null)(title, { concurrent: impl.concurrent }, () => {
      beforeAll(async () => {
        runner = await impl.cli();
      }, LOAD_TIMEOUT_MS);
      body();
    });

  group(`xmcfg check exit codes [${impl.name}]`, () => {
    it('0 for a clean file, with the summary on stdout and nothing on stderr', async ({ expect }) => {
      const r = await cli(['check', 'clean.cfg']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toBe('checked 1 file: no problems found\n');
    });

    it('1 for a file with an error', async ({ expect }) => {
      const r = await cli(['check', 'error.cfg', '--format', 'json']);
      expect(r.code).toBe(1);
      const f = json(r.stdout).files[0]!;
      expect(f.errorCount).toBeGreaterThan(0);
      expect(f.diagnostics.some((d) => d.severity === 'error' && /^XM00\d\d$/.test(d.code))).toBe(true);
    });

    it('0 for warnings only, 1 once they exceed --max-warnings, and --quiet hides them', async ({ expect }) => {
      const base = await cli(['check', 'warn.cfg', '--format', 'json']);
      expect(base.code).toBe(0);
      const warnings = json(base.stdout).files[0]!.warningCount;
      expect(warnings).toBeGreaterThan(0);
      expect((await cli(['check', 'warn.cfg', '--max-warnings', String(warnings)])).code).toBe(0);
      const over = await cli(['check', 'warn.cfg', '--max-warnings', String(warnings - 1)]);
      expect(over.code).toBe(1);
      expect(over.stderr).toContain('--max-warnings');
      const quiet = await cli(['check', 'warn.cfg', '--quiet', '--max-warnings', '0', '--format', 'json']);
      expect(quiet.code).toBe(0);
      expect(json(quiet.stdout).files[0]!.diagnostics).toEqual([]);
    });

    it('2 for usage errors, with the message on stderr and nothing on stdout', async ({ expect }) => {
      for (const argv of [['check', '--bogus'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'lots', 'clean.cfg'], ['check', '--jobs', '0', 'clean.cfg'], [], ['frobnicate'], ['check', '--define', 'no-equals', 'clean.cfg'], ['check', '--stdin-filepath', 'x.cfg', 'clean.cfg'], ['check', '--max-file-size', 'huge', 'clean.cfg']]) {
        const r = await cli(argv);
        expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^xmcfg/);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      }
    });

    it('2 for an unreadable path, naming it, while the other files are still reported', async ({ expect }) => {
      const r = await cli(['check', 'missing.cfg', 'clean.cfg', '--format', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("xmcfg: cannot read 'missing.cfg': no such file or directory\n");
      expect(json(r.stdout).files.map((f) => f.path)).toEqual(['clean.cfg']);
    });

    it('counts inputs it could not check in the stylish summary instead of calling the run clean', async ({ expect }) => {
      const none = await cli(['check', 'missing.cfg']);
      expect(none.code).toBe(2);
      expect(none.stdout).toBe('checked 0 files: 1 input not checked (reasons on stderr)\n');
      const some = await cli(['check', 'missing.cfg', 'nothing-*.cfg', 'clean.cfg']);
      expect(some.code).toBe(2);
      expect(some.stdout).toBe('checked 1 file: no problems found; 2 inputs not checked (reasons on stderr)\n');
      const found = await cli(['check', 'missing.cfg', 'error.cfg']);
      expect(found.stdout.trimEnd().split('\n').pop()).toMatch(/^found .* in 1 of 1 file; 1 input not checked \(reasons on stderr\)$/);
    });

    it('2 for a file that fails while being read (EIO), naming it', async ({ expect }) => {
      const r = await cli(['check', '/proc/self/mem']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("cannot read '/proc/self/mem'");
    });

    it('reads standard input for -, named by --stdin-filepath, in argument order', async ({ expect }) => {
      const text = readFileSync(join(fixtures, 'warn.cfg'), 'utf8');
      const r = await cli(['check', 'clean.cfg', '-', '--stdin-filepath', 'guests/piped.cfg', '--format', 'json'], { stdin: text });
      expect(r.code).toBe(0);
      const files = json(r.stdout).files;
      expect(files.map((f) => f.path)).toEqual(['clean.cfg', 'guests/piped.cfg']);
      expect(files[1]!.warningCount).toBeGreaterThan(0);
      const unnamed = await cli(['check', '-', '--format', 'json'], { stdin: 'memory = [\n' });
      expect(unnamed.code).toBe(1);
      expect(json(unnamed.stdout).files[0]!.path).toBe('<stdin>');
    });

    it('checks folders and globs', async ({ expect }) => {
      const r = await cli(['check', '.', '--format', 'json']);
      expect(json(r.stdout).files.map((f) => f.path)).toEqual(['clean.cfg', 'error.cfg', 'host/far-node.xm', 'warn.cfg']);
      expect(r.code).toBe(1);
      const g = await cli(['check', 'c*.cfg', 'w?rn.cfg', '--format', 'json']);
      expect(json(g.stdout).files.map((f) => f.path)).toEqual(['clean.cfg', 'warn.cfg']);
      expect(g.code).toBe(0);
    });

    it('skips an over-size file with XM0040 and still checks the others', async ({ expect }) => {
      const r = await cli(['check', 'clean.cfg', 'warn.cfg', '--max-file-size', '150', '--format', 'json']);
      const files = json(r.stdout).files;
      const big = files.find((f) => f.diagnostics.some((d) => d.code === 'XM0040'));
      expect(big).toBeDefined();
      expect(big!.dialect).toBeNull();
      expect(files.length).toBe(2);
      expect(r.code).toBe(1);
    });

    it('bounds standard input by --max-file-size in every command that reads it', async ({ expect }) => {
      const big = 'memory = 512\n'.repeat(100);
      const c = await cli(['check', '-', '--max-file-size', '1K', '--format', 'json'], { stdin: big });
      expect(json(c.stdout).files[0]!.diagnostics.map((d) => d.code)).toEqual(['XM0040']);
      expect(c.code).toBe(1);
      const n = await cli(['normalize', '-', '--max-file-size', '1K'], { stdin: big });
      expect(n.code).not.toBe(0);
      expect(n.stdout + n.stderr).toContain('XM0040');
      const f = await cli(['fmt', '-', '--max-file-size', '1K'], { stdin: big });
      expect(f.code).toBe(2);
      expect(f.stdout).toBe('');
      // Just under the limit is read whole.
      const ok = await cli(['check', '-', '--max-file-size', String(big.length), '--format', 'json'], { stdin: big });
      expect(json(ok.stdout).files[0]!.diagnostics.map((d) => d.code)).not.toContain('XM0040');
    });

    it('writes --output-file atomically and prints nothing on stdout', async ({ expect }) => {
      const outFile = join(tmp, 'report.json');
      const r = await cli(['check', 'clean.cfg', '--format', 'json', '--output-file', outFile]);
      expect(r).toMatchObject({ code: 0, stdout: '' });
      expect(json(readFileSync(outFile, 'utf8')).files[0]!.path).toBe('clean.cfg');
      expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const bad = await cli(['check', 'clean.cfg', '--output-file', join(tmp, 'report.json/r.txt')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('cannot write');
    });

    it('refuses an --output-file that is one of the files it checks, and leaves that file alone', async ({ expect }) => {
      const dir = mkdtempSync(join(tmp, 'self-'));
      const cfg = 'name = "vm"\nkernel = "/k"\n';
      writeFileSync(join(dir, 'vm.cfg'), cfg);
      for (const args of [['vm.cfg', '-o', 'vm.cfg'], ['.', '-o', join(dir, 'vm.cfg')], ['*.cfg', '--output-file', './vm.cfg']]) {
        const r = await cli(['check', ...args, '--format', 'json'], { cwd: dir });
        expect(r).toMatchObject({ code: 2, stdout: '' });
        expect(r.stderr).toContain('vm.cfg');
        expect(readFileSync(join(dir, 'vm.cfg'), 'utf8')).toBe(cfg);
      }
    });

    it('says in the stylish report which files --dialect auto read as xm, and why', async ({ expect }) => {
      const dir = mkdtempSync(join(tmp, 'auto-'));
      writeFileSync(join(dir, 'old.cfg'), 'name = "vm"\nkernel = "/k"\nmemory = 256 * 2\n');
      writeFileSync(join(dir, 'new.cfg'), 'name = "vm"\nkernel = "/k"\nmemory = 512\n');
      const auto = await cli(['check', 'old.cfg', 'new.cfg'], { cwd: dir });
      expect(auto.code).toBe(0);
      const notes = auto.stdout.split('\n').filter((l) => l.includes('read as xm'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain('old.cfg');
      expect(notes[0]).toContain('line 3');
      // Chosen by the user: nothing to say.
      expect((await cli(['check', 'old.cfg', '--dialect', 'xm'], { cwd: dir })).stdout).not.toContain('read as xm');
    });

    it('reports a binary file (XM0031, not parsed) with dialect null, as a file too large to read', async ({ expect }) => {
      const dir = mkdtempSync(join(tmp, 'bin-'));
      writeFileSync(join(dir, 'disk.cfg'), Buffer.from([0x6e, 0x3d, 0x31, 0x00, 0x01, 0x0a]));
      const r = await cli(['check', 'disk.cfg', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(json(r.stdout).files[0]).toMatchObject({ dialect: null, diagnostics: [{ code: 'XM0031' }] });
    });

    it('accepts --define and --dialect', async ({ expect }) => {
      const dir = mkdtempSync(join(tmp, 'xm-'));
      writeFileSync(join(dir, 'vm.cfg'), 'name = "vm%d" % vmid\nmemory = 256 * 2\n');
      const r = await cli(['check', 'vm.cfg', '--define', 'vmid=3', '--format', 'json'], { cwd: dir });
      expect(json(r.stdout).files[0]!.dialect).toBe('xm');
      const n = await cli(['normalize', 'vm.cfg', '-D', 'vmid=3'], { cwd: dir });
      expect(JSON.parse(n.stdout)).toMatchObject({ name: 'vm3', memory: 512 });
    });

    it('--define of an xm option wins over the file (xm create FILE memory=1024); a value xm refused is XM0240 at the first statement, here 1:1', async ({ expect }) => {
      const dir = mkdtempSync(join(tmp, 'xm-opt-'));
      writeFileSync(join(dir, 'vm.cfg'), 'name = "vm%d" % vmid\nmemory = 512\nkernel = "/k"\n');
      const n = await cli(['normalize', 'vm.cfg', '-D', 'vmid=3', '--define', 'memory=1024'], { cwd: dir });
      expect(JSON.parse(n.stdout)).toMatchObject({ name: 'vm3', memory: 1024 });
      const r = await cli(['check', 'vm.cfg', '-D', 'vmid=3', '--define', 'memory=0x400', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(json(r.stdout).files[0]!.diagnostics.map((d) => `${d.code} ${d.line}:${(d as { column?: number }).column}`)).toEqual(['XM0240 1:1']);
    });

    it('--host adds placement findings; a missing or invalid host is exit 2', async ({ expect }) => {
      const r = await cli(['check', 'host/far-node.xm', '--host', 'host.json', '--format', 'json']);
      expect(r.code).toBe(1);
      expect(json(r.stdout).files[0]!.diagnostics.filter((d) => d.code === 'XM0402').map((d) => d.line)).toEqual([7]);
      const without = await cli(['check', 'host/far-node.xm', '--format', 'json']);
      expect(json(without.stdout).files[0]!.diagnostics.some((d) => d.code.startsWith('XM04'))).toBe(false);
      const missing = await cli(['check', 'clean.cfg', '--host', 'nohost.json']);
      expect(missing).toMatchObject({ code: 2, stdout: '' });
      expect(missing.stderr).toContain("cannot read host 'nohost.json'");
      const invalid = await cli(['check', 'clean.cfg', '--host', 'clean.cfg']);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain("cannot use host 'clean.cfg'");
    });

    it('colours stylish output with FORCE_COLOR, and not without a TTY', async ({ expect }) => {
      expect((await cli(['check', 'warn.cfg'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
      expect((await cli(['check', 'warn.cfg'])).stdout).not.toContain('\u001b[');
    });

    it('every format produces output for the same run', async ({ expect }) => {
      for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
        const r = await cli(['check', 'error.cfg', '--format', format]);
        expect({ format, code: r.code }).toEqual({ format, code: 1 });
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    });
  });

  group(`other commands [${impl.name}]`, () => {
    it('--help and --version', async ({ expect }) => {
      const h = await cli(['--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain('xmcfg check [paths..]');
      // SPEC §4's exit statuses, all three meanings of 2 included.
      expect(h.stdout.replace(/\s+/g, ' ')).toContain('0 clean, 1 findings (errors, or more warnings than --max-warnings), 2 usage error, unreadable input or internal failure.');
      const ch = await cli(['check', '--help']);
      expect(ch.code).toBe(0);
      expect(ch.stdout).toContain('--max-warnings');
      const v = await cli(['--version']);
      expect(v).toMatchObject({ code: 0, stdout: (await impl.version()) + '\n' });
    });

    it('explain prints a code page, lists codes, and rejects unknown codes with 2', async ({ expect }) => {
      const e = await cli(['explain', 'xm0040']);
      expect(e.code).toBe(0);
      expect(e.stdout.split('\n')[0]).toBe('XM0040: file too large (error)');
      expect(e.stdout).toContain('Wrong:');
      expect(e.stdout).toContain('Right:');
      const list = await cli(['explain']);
      expect(list.stdout).toMatch(/^XM0040 {2}error {4}file too large$/m);
      const bad = await cli(['explain', 'XM9999']);
      expect(bad).toMatchObject({ code: 2, stdout: '' });
      expect(bad.stderr).toContain("unknown code 'XM9999'");
    });

    it('normalize prints JSON and exits 1 when the file has errors', async ({ expect }) => {
      const ok = await cli(['normalize', 'clean.cfg']);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ name: 'clean', memory: 1024 });
      const bad = await cli(['normalize', 'error.cfg']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/error\[XM00\d\d\]/);
      const missing = await cli(['normalize', 'missing.cfg']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("'missing.cfg'");
    });

    it('schema prints a JSON Schema', async ({ expect }) => {
      const s = await cli(['schema']);
      expect(s.code).toBe(0);
      expect(JSON.parse(s.stdout)).toHaveProperty('properties');
    });
  });
}

// In-process only: a spawned bin's streams are pipes (no TTY), its standard input cannot be made to
// fail on demand, and commands can be injected only into run().
describe('xmcfg, in-process only [src]', () => {
  async function cli(argv: string[], opts: { stdin?: string | Error; env?: Record<string, string>; tty?: boolean } = {}) {
    const { io, out } = fakeIo({ cwd: fixtures, stdin: opts.stdin, env: opts.env, tty: opts.tty });
    const code = await run(argv, io);
    return { code, ...out };
  }

  it('2 when standard input fails', async () => {
    const broken = await cli(['check', '-'], { stdin: new Error('EIO') });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('cannot read standard input');
  });

  it('colours stylish output on a TTY unless NO_COLOR or --no-color', async () => {
    expect((await cli(['check', 'warn.cfg'], { tty: true })).stdout).toContain('\u001b[');
    expect((await cli(['check', 'warn.cfg'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(['check', 'warn.cfg', '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
  });

  it('internal failures turn into exit 2 with one line and no stack trace', async () => {
    const { io, out } = fakeIo({ cwd: fixtures });
    const code = await run(['boom'], io, [{ command: 'boom', describe: 'x', builder: (y) => y, run: async () => { throw new Error('kaput'); } }]);
    expect(code).toBe(2);
    expect(out.stderr).toBe('xmcfg boom: internal error: Error: kaput\n');
  });
});

it('fixtures exist', () => {
  expect(existsSync(join(fixtures, 'clean.cfg'))).toBe(true);
});
