/**
 * `xmcfg check` as a user and a CI pipeline run it, on adversarial command lines and inputs:
 * each case is a defect found by QA, kept so it stays fixed.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { throughFifo } from './fifo.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-qa-'));
  writeFileSync(join(dir, 'warn.cfg'), 'name = "w"\nkernel = "/boot/vmlinuz"\nmemroy = 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin });
  const code = await run(args, io);
  return { code, ...out };
}

describe('check usage errors', () => {
  it('an unknown --format is one line on stderr plus the pointer to --help, exit 2', async () => {
    const r = await cli(['check', 'warn.cfg', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("xmcfg: --format must be one of stylish, json, sarif, github, junit, not 'xml'");
    expect(lines[1]).toBe("Run 'xmcfg check --help' for usage.");
  });

  it('a --format of 131,072 blanks (the longest argument Linux passes) is one line too', async () => {
    // The message was made one line by /\s*\n\s*/g, which retries from every blank of a run:
    // quadratic, 10 s for 60,000 spaces, minutes for this one (the test's timeout ends it).
    const value = ' '.repeat(131_071) + 'x';
    const r = await cli(['check', 'warn.cfg', '--format', value]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`xmcfg: --format must be one of stylish, json, sarif, github, junit, not '${value}'`);
  });
});

describe('check whole-number options', () => {
  it('refuse an empty value (`--max-warnings "$UNSET"` read as 0) with exit 2', async () => {
    for (const opt of ['--max-warnings', '--jobs', '--max-findings']) {
      for (const v of ['', ' ']) {
        const r = await cli(['check', 'warn.cfg', opt, v]);
        expect(r.code, `${opt} '${v}'`).toBe(2);
        expect(r.stderr, `${opt} '${v}'`).toBe(`xmcfg check: ${opt} must be a whole number${{ '--jobs': ' of at least 1', '--max-warnings': ' (0 or more, or -1 for no limit)' }[opt] ?? ' (0 or more)'}, not an empty value\n`);
      }
    }
  });

  it('read decimal digits only, as the other commands do: 0x10 and 1e3 are usage errors naming the option, not 16 and 1000', async () => {
    expect((await cli(['check', 'warn.cfg', '--max-warnings', '1'])).code).toBe(0);
    expect((await cli(['check', 'warn.cfg', '--max-warnings', ' 1 ', '--jobs', '007'])).code).toBe(0);
    expect((await cli(['check', 'warn.cfg', '--max-warnings=0'])).code).toBe(1);
    const refused = [];
    for (const [opt, v] of [['--max-warnings', '0x10'], ['--max-warnings', '1e3'], ['--max-warnings', '+3'], ['--max-warnings', '3.0'], ['--max-warnings', '-0'], ['--max-warnings', '0b1'], ['--max-warnings', 'abc'], ['--max-warnings', '99999999999999999999'], ['--jobs', '0x2'], ['-j', '1e0'], ['--max-findings', '1e1'], ['--max-findings', '0x0']]) {
      const r = await cli(['check', 'warn.cfg', `${opt}=${v}`]);
      const name = opt === '-j' ? '--jobs' : opt;
      refused.push({ opt, v, code: r.code, stderr: r.stderr.startsWith(`xmcfg check: ${name} must be a whole number`) && r.stderr.includes(`'${v}'`) });
    }
    expect(refused.filter((r) => r.code !== 2 || !r.stderr)).toEqual([]);
  });
});

describe('check --max-file-size given twice', () => {
  it('takes the last one, as every other option (it refused the size \'1,2K\')', async () => {
    const r = await cli(['check', 'warn.cfg', '-f', 'json', '--max-file-size', '1', '--max-file-size', '2K']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code)).not.toContain('XM0040');
  });
});

describe('check --max-warnings', () => {
  it('says "1 warning", not "1 warnings", when one warning is over the limit', async () => {
    const r = await cli(['check', 'warn.cfg', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('xmcfg: 1 warning, more than --max-warnings 0\n');
  });
});

describe('check on file names that are not UTF-8', () => {
  it('reads files and folders named in Latin-1 found by a folder walk, each once, shown with U+FFFD', async () => {
    const root = join(dir, 'latin1');
    const enc = (s: string) => Buffer.from(s, 'latin1');
    mkdirSync(Buffer.concat([Buffer.from(root + '/'), enc('g\xe4ste')]), { recursive: true });
    const body = 'name = "x"\nkernel = "/boot/vmlinuz"\nmemroy = 1\n';
    // \xe9 and \xe8 both decode to U+FFFD: two files that must both be checked.
    for (const n of ['caf\xe9.cfg', 'caf\xe8.cfg', 'g\xe4ste/vm.cfg']) writeFileSync(Buffer.concat([Buffer.from(root + '/'), enc(n)]), body);
    const { io, out } = fakeIo({ cwd: dir });
    const code = await run(['check', 'latin1', '-f', 'json'], io);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const files = (JSON.parse(out.stdout) as { files: { path: string; warningCount: number; diagnostics: { code: string; line: number; column: number }[] }[] }).files;
    expect(files.map((f) => f.path)).toEqual(['latin1/caf\ufffd.cfg', 'latin1/caf\ufffd.cfg', 'latin1/g\ufffdste/vm.cfg']);
    for (const f of files) expect(f.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['XM0101@3:1']);
  });
});

describe('check --output-file onto something that is not a regular file', () => {
  it('writes into a FIFO in place instead of replacing it with a file (as root, -o /dev/null would have replaced /dev/null)', async () => {
    const { result: r, got, stillFifo } = await throughFifo(join(dir, 'report.fifo'), () => cli(['check', 'warn.cfg', '-f', 'json', '-o', join(dir, 'report.fifo')]));
    expect(r.code).toBe(0);
    expect(stillFifo).toBe(true);
    expect(JSON.parse(got).files[0].diagnostics[0].code).toBe('XM0101');
  });

  it('sends the report to the stream itself for /dev/stderr, /dev/fd/1 and /proc/self/fd/2', async () => {
    const e = await cli(['check', 'warn.cfg', '-o', '/dev/stderr']);
    expect([e.code, e.stdout]).toEqual([0, '']);
    expect(e.stderr).toContain('warning[XM0101]');
    const o = await cli(['check', 'warn.cfg', '-o', '/dev/fd/1', '-f', 'json']);
    expect(JSON.parse(o.stdout).files[0].diagnostics[0].code).toBe('XM0101');
    expect((await cli(['check', 'warn.cfg', '-o', '/proc/self/fd/2'])).stderr).toContain('warning[XM0101]');
  });

  it('takes `-o -` as standard output, not a file named "-"', async () => {
    const d = mkdtempSync(join(dir, 'dash-'));
    writeFileSync(join(d, 'warn.cfg'), 'name = "w"\nkernel = "/boot/vmlinuz"\nmemroy = 1\n');
    const { io, out } = fakeIo({ cwd: d });
    expect(await run(['check', 'warn.cfg', '-f', 'json', '-o', '-'], io)).toBe(0);
    expect(JSON.parse(out.stdout).files[0].diagnostics[0].code).toBe('XM0101');
    expect(existsSync(join(d, '-'))).toBe(false);
  });

  it.skipIf(!BUILT)('writes to /dev/stdout when stdout is a pipe (its target pipe:[N] has no folder for a temporary file)', () => {
    const r = xmcfg(['check', 'warn.cfg', '-f', 'json', '-o', '/dev/stdout'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].diagnostics[0].code).toBe('XM0101');
  });
});

describe('check --output-file never replaces an input', () => {
  it('refuses the file --stdin-filepath names and the --host topology (also through a symlink), leaving them alone', async () => {
    const d = mkdtempSync(join(dir, 'clash-'));
    const cfg = 'name = "vm"\nkernel = "/boot/vmlinuz"\n';
    writeFileSync(join(d, 'vm.cfg'), cfg);
    copyFileSync('fixtures/hosts/two-node.json', join(d, 'host.json'));
    const host = readFileSync(join(d, 'host.json'), 'utf8');
    symlinkSync('host.json', join(d, 'link.json'));
    const runIn = async (args: string[], stdin?: string) => {
      const { io, out } = fakeIo({ cwd: d, stdin });
      return { code: await run(['check', ...args], io), ...out };
    };
    for (const [args, stdin, named] of [
      [['-', '--stdin-filepath', 'vm.cfg', '-o', 'vm.cfg'], cfg, "'vm.cfg', the file --stdin-filepath"],
      [['-', '--stdin-filepath', './vm.cfg', '-o', join(d, 'vm.cfg')], cfg, "the file --stdin-filepath"],
      [['vm.cfg', '--host', 'host.json', '-o', 'host.json'], undefined, "'host.json', the --host topology"],
      [['vm.cfg', '--host', 'host.json', '-o', 'link.json'], undefined, "'host.json', the --host topology"],
    ] as const) {
      const r = await runIn([...args], stdin);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(named);
      expect(readFileSync(join(d, 'vm.cfg'), 'utf8')).toBe(cfg);
      expect(readFileSync(join(d, 'host.json'), 'utf8')).toBe(host);
    }
    // A checked file reached through a symlink is the file it links to.
    mkdirSync(join(d, 'auto'));
    symlinkSync('../vm.cfg', join(d, 'auto', 'vm.cfg'));
    const linked = await runIn(['auto/vm.cfg', '-o', 'vm.cfg']);
    expect([linked.code, linked.stdout, linked.stderr.includes("'auto/vm.cfg', one of the files being checked")]).toEqual([2, '', true]);
    expect(readFileSync(join(d, 'vm.cfg'), 'utf8')).toBe(cfg);
    // A --stdin-filepath that names no file on disk is only a name: the report may go there.
    expect((await runIn(['-', '--stdin-filepath', 'new.cfg', '-o', 'report.txt'], cfg)).code).toBe(0);
  });
});

describe('check -- (end of options)', () => {
  it('checks the files after `--`, also names that start with a dash, instead of the current folder', async () => {
    const d = mkdtempSync(join(dir, 'dd-'));
    writeFileSync(join(d, '-odd.cfg'), 'name = "x"\nkernel = "/boot/vmlinuz"\nmemroy = 1\n');
    writeFileSync(join(d, 'other.cfg'), 'name = "y"\nkernel = "/boot/vmlinuz"\n');
    const { io, out } = fakeIo({ cwd: d });
    expect(await run(['check', '-f', 'json', '--', '-odd.cfg'], io)).toBe(0);
    const files = (JSON.parse(out.stdout) as { files: { path: string; diagnostics: { code: string; line: number; column: number }[] }[] }).files;
    expect(files.map((f) => [f.path, f.diagnostics.map((x) => `${x.code}@${x.line}:${x.column}`)])).toEqual([['-odd.cfg', ['XM0101@3:1']]]);
    // After `--` an option is a file name too, and `-` is still standard input.
    const r = fakeIo({ cwd: d, stdin: 'name = "s"\nbootloader = "p"\n' });
    expect(await run(['check', '-f', 'json', 'other.cfg', '--', '--quiet', '-'], r.io)).toBe(2);
    expect(r.out.stderr).toBe("xmcfg: cannot read '--quiet': no such file or directory\n");
    expect((JSON.parse(r.out.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['other.cfg', '<stdin>']);
  });
});

describe('check: exit codes and options together', () => {
  it('checks a file named on both sides of `-` once (a path given twice is checked once), and standard input in its place', async () => {
    const r = await cli(['check', 'warn.cfg', '-', './warn.cfg', '-f', 'json'], 'name = "s"\nkernel = "/boot/k"\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['warn.cfg', '<stdin>']);
  });

  it('--max-warnings 0 with only info findings (notes) exits 0 in every format, and no format says the limit was passed', async () => {
    writeFileSync(join(dir, 'noname.xm'), 'memory = 512\nkernel = "/boot/k"\n');
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const r = await cli(['check', 'noname.xm', '--dialect', 'xm', '--max-warnings', '0', '-f', format]);
      expect([format, r.code, r.stderr]).toEqual([format, 0, '']);
      expect(r.stdout).toContain('XM0106');
      expect(r.stdout).not.toMatch(/max-warnings|exitCode/);
    }
  });
});
