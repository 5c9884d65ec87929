/**
 * `check` command lines a CI script produces when a variable is unset or an option is repeated, and
 * a file whose name starts with `-`: each is exit 2 with the reason, or does what the last option
 * says, never a silent run of something else.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-check-usage-'));
  // A clean file: a run that checks it exits 0, so a silent fallback would look like success.
  writeFileSync(join(dir, 'clean.cfg'), 'name = "clean"\nkernel = "/boot/vmlinuz"\nmemory = 512\n');
  writeFileSync(join(dir, 'warn.cfg'), 'name = "warn"\nkernel = "/boot/vmlinuz"\nmemory = 512\nmemroy = 3\n');
  writeFileSync(join(dir, '-web.cfg'), 'name = "web"\nkernel = "/boot/vmlinuz"\nmemory = 512\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string, tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin, tty });
  const code = await run(args, io);
  return { code, ...out };
}

describe('check --format / --dialect without a value', () => {
  // `xmcfg check guests -f $FMT -o report.sarif` with FMT unset: yargs used the default, so stylish
  // text was written where SARIF was expected, and the step passed.
  it.each([
    [['check', 'warn.cfg', '-f']],
    [['check', 'warn.cfg', '--format']],
    [['check', 'warn.cfg', '-f', '-o', 'report.sarif']],
    [['check', 'warn.cfg', '--dialect']],
    [['check', 'warn.cfg', '--dialect', '--quiet']],
  ])('%j is a usage error naming the option (was the default, exit 0)', async (args) => {
    const got = await cli(args);
    expect(got.code).toBe(2);
    expect(got.stdout).toBe('');
    expect(got.stderr).toMatch(args.includes('--dialect') ? /dialect/ : /\b(f|format)\b/);
  });
});

describe('check --format / --dialect given twice', () => {
  it('the last one counts, as for every other option (was "--format must be one of …, not \'json,sarif\'", exit 2)', async () => {
    const got = await cli(['check', 'warn.cfg', '-f', 'json', '-f', 'sarif']);
    expect(got.code).toBe(0);
    expect((JSON.parse(got.stdout) as { version: string }).version).toBe('2.1.0');
    const dialect = await cli(['check', 'warn.cfg', '--dialect', 'xl', '--dialect', 'xm', '-f', 'json']);
    expect(dialect.code).toBe(0);
    expect((JSON.parse(dialect.stdout) as { files: { dialect: string }[] }).files[0]!.dialect).toBe('xm');
    // A bad value among them is still refused.
    const bad = await cli(['check', 'warn.cfg', '-f', 'json', '-f', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});

describe('check with an empty path', () => {
  // `xmcfg check "$CONFIG_DIR"` with the variable unset checked the working folder instead (exit 0).
  it("is an input not checked (exit 2), the other paths still checked", async () => {
    const alone = await cli(['check', '', '-f', 'json']);
    expect(alone.code).toBe(2);
    expect(JSON.parse(alone.stdout)).toEqual({ version: 1, files: [] });
    expect(alone.stderr).toBe("xmcfg: cannot read '': an empty path names no file\n");
    const mixed = await cli(['check', 'clean.cfg', '', '-f', 'json']);
    expect(mixed.code).toBe(2);
    expect((JSON.parse(mixed.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['clean.cfg']);
  });

  it('an empty --stdin-filepath is a usage error (it named the working folder as the file)', async () => {
    const got = await cli(['check', '-', '--stdin-filepath', '', '-f', 'sarif'], 'name = "x"\n');
    expect(got.code).toBe(2);
    expect(got.stdout).toBe('');
    expect(got.stderr).toContain('--stdin-filepath');
  });
});

describe('a file whose name starts with -', () => {
  it('read as flags, the usage error says how to name it', async () => {
    const got = await cli(['check', '-web.cfg']);
    expect(got.code).toBe(2);
    expect(got.stderr).toContain("'-web.cfg' was read as options; to name the file, write ./-web.cfg or put -- before it\n");
    // Both spellings the hint gives check it.
    expect((await cli(['check', './-web.cfg'])).code).toBe(0);
    expect((await cli(['check', '--', '-web.cfg'])).code).toBe(0);
    // No hint when no such file exists: the flags were meant as flags.
    const flag = await cli(['check', '-x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).not.toContain('was read as options');
  });
});

describe('--color=always|never|auto, as GNU tools spell it', () => {
  // yargs read every value of the boolean but `true` as false: --color=always was no colour into
  // `less -R`, and --color=auto no colour on a terminal.
  const ansi = (text: string) => text.includes('\u001b[');
  it('always colours a pipe, never leaves a terminal plain, auto decides by the terminal', async () => {
    expect(ansi((await cli(['check', 'warn.cfg', '--color=always'])).stdout)).toBe(true);
    expect(ansi((await cli(['check', 'warn.cfg', '--color=never'], undefined, true)).stdout)).toBe(false);
    expect(ansi((await cli(['check', 'warn.cfg', '--color=auto'], undefined, true)).stdout)).toBe(true);
    expect(ansi((await cli(['check', 'warn.cfg', '--color=auto'])).stdout)).toBe(false);
  });
});

describe('option spellings yargs read as something else', () => {
  // Each either works as getopt / GNU tools read it, or is exit 2 naming the option: before, -fjson
  // was "Unknown arguments: s, n", --quiet=yes and --color=yes turned the flag off, silently.
  const files = async (args: string[]) => {
    const r = await cli(args);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { files: { path: string; warningCount: number; diagnostics: unknown[] }[] }).files;
  };

  it('takes a short option\'s glued value as getopt does: -fjson, -qfjson, -f=json, -Dname=value, -ofile', async () => {
    expect((await files(['check', 'warn.cfg', '-fjson']))[0]!.diagnostics).toHaveLength(1);
    expect((await files(['check', 'warn.cfg', '-qfjson']))[0]!.diagnostics).toHaveLength(0);
    expect((await files(['check', 'warn.cfg', '-f=json']))[0]!.warningCount).toBe(1);
    const define = await cli(['check', 'warn.cfg', '-Dmemory', '-fjson']);
    expect(define.code).toBe(2);
    expect(define.stderr).toMatch(/^xmcfg check: --define expects NAME=VALUE/);
    const jobs = await cli(['check', 'warn.cfg', '-jabc']);
    expect([jobs.code, jobs.stderr.split('\n')[0]]).toEqual([2, "xmcfg check: --jobs must be a whole number of at least 1, not 'abc'"]);
    const out = await cli(['check', 'warn.cfg', `-o${join(dir, 'glued.json')}`, '-fjson']);
    expect([out.code, out.stdout]).toEqual([0, '']);
  });

  it('reads true/yes/1 and false/no/0 as a flag\'s value, and refuses any other value', async () => {
    expect((await files(['check', 'warn.cfg', '-fjson', '--quiet=yes']))[0]!.diagnostics).toHaveLength(0);
    expect((await files(['check', 'warn.cfg', '-fjson', '--quiet=1']))[0]!.diagnostics).toHaveLength(0);
    expect((await files(['check', 'warn.cfg', '-fjson', '-q=true']))[0]!.diagnostics).toHaveLength(0);
    expect((await files(['check', 'warn.cfg', '-fjson', '--quiet=false']))[0]!.diagnostics).toHaveLength(1);
    expect((await files(['check', 'warn.cfg', '-fjson', '--quiet=No']))[0]!.diagnostics).toHaveLength(1);
    for (const bad of ['--quiet=maybe', '--quiet=', '-q=2', '--no-quiet=true', '--color=sometimes', '--no-color=false']) {
      const r = await cli(['check', 'clean.cfg', bad]);
      expect([bad, r.code, r.stdout]).toEqual([bad, 2, '']);
      expect(r.stderr).toMatch(/^xmcfg: --(no-)?(quiet|color) takes no value.*\nRun 'xmcfg check --help' for usage\.\n$/);
    }
  });

  it('reads --color=yes/no as always/never (was: colour off for yes)', async () => {
    const ansi = (text: string) => text.includes('\u001b[');
    expect(ansi((await cli(['check', 'warn.cfg', '--color=yes'])).stdout)).toBe(true);
    expect(ansi((await cli(['check', 'warn.cfg', '--color=no'], undefined, true)).stdout)).toBe(false);
    expect(ansi((await cli(['check', 'warn.cfg', '--color=tty'], undefined, true)).stdout)).toBe(true);
  });
});

describe('a path starting with ~ that the shell did not expand', () => {
  // `--output-file=~/r.json` and `-o "~/r.json"` reach xmcfg as written: a folder `~` here, which
  // does not exist. "no such file or directory" alone did not say why the home folder was not used.
  it('says so for -o and --host (no folder `~` is made); other missing output folders are made', async () => {
    for (const args of [['--output-file=~/r.json'], ['-o', '~/r.json'], ['--host', '~/h.json'], ['--host=~root/h.json']]) {
      const r = await cli(['check', 'clean.cfg', ...args]);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toMatch(/no such file or directory \('~' was not expanded/);
    }
    expect(existsSync(join(dir, '~'))).toBe(false);
    const plain = await cli(['check', 'clean.cfg', '-o', 'nodir/r.json']);
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    expect(existsSync(join(dir, 'nodir/r.json'))).toBe(true);
  });
});

describe('a trailing slash on a file name in an option or a file argument', () => {
  // resolve() dropped it: `-o reports/` wrote a file named `reports`, `--host h.json/` and
  // `normalize x.cfg/` read the file that `cat` refuses ("Not a directory").
  it('-o NAME/ is a folder name, --host FILE/ and normalize FILE/ are not a directory; nothing is written', async () => {
    for (const o of ['reports/', 'reports/.', 'warn.cfg/']) {
      const r = await cli(['check', 'clean.cfg', '-o', o]);
      expect([o, r.code, r.stderr]).toEqual([o, 2, `xmcfg: cannot write '${o}': a folder's name (it ends with '/', '.' or '..'), not a file's\n`]);
    }
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    const host = await cli(['check', 'clean.cfg', '--host', 'clean.cfg/']);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/^xmcfg: cannot read host 'clean\.cfg\/': not a directory/);
    const norm = await cli(['normalize', 'clean.cfg/']);
    expect(norm.code).toBe(2);
    expect(norm.stderr).toContain("'clean.cfg/': not a directory");
  });
});

describe('-o naming a folder', () => {
  // Found when the run starts; it then checked every input anyway, for a report it could not write.
  it('is exit 2 before any input is read', async () => {
    const { io, out } = fakeIo({ cwd: dir, stdin: Object.assign(new Error('input/output error'), { code: 'EIO' }) });
    expect(await run(['check', '-', 'clean.cfg', '-o', '.'], io)).toBe(2);
    // Standard input was never read: its failure would be a line of its own.
    expect(out).toEqual({ stdout: '', stderr: "xmcfg: cannot write '.': is a directory\n" });
  });
});
