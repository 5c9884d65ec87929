/**
 * `check` on command lines an audit of the placement commands found mishandled there too: the host
 * from standard input, empty option values, numbers given as words, and file-system errors named
 * in words rather than errno codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { errorText } from '../../src/cli/check/discover.js';
import { fakeIo } from './fake-io.js';
import { FIXTURES } from '../placement/helpers.js';

let dir: string;
const HOST = join(FIXTURES, 'two-node.json');
const XL_INFO = join(FIXTURES, 'xl-info-two-node.txt');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-check-args-'));
  // Asks for node 5 of a two-node host: XM0402 only with the host read.
  writeFileSync(join(dir, 'web.cfg'), 'name = "web"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\nnuma = "on"\nnumanode = [5]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin });
  const code = await run(args, io);
  return { code, ...out };
}

describe('check --host -', () => {
  it('reads the topology from standard input, JSON or xl info -n text, like the file (it was "cannot read host \'-\'", exit 2)', async () => {
    const want = await cli(['check', '-f', 'json', 'web.cfg', '--host', HOST]);
    const codes = (JSON.parse(want.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code);
    expect(codes.some((c) => c.startsWith('XM04'))).toBe(true);
    for (const text of [readFileSync(HOST, 'utf8'), readFileSync(XL_INFO, 'utf8')]) {
      const got = await cli(['check', '-f', 'json', 'web.cfg', '--host', '-'], text);
      expect({ code: got.code, stdout: got.stdout, stderr: got.stderr }).toEqual({ code: want.code, stdout: want.stdout, stderr: want.stderr });
    }
  });

  it('a malformed topology on standard input is exit 2 with its finding named', async () => {
    const got = await cli(['check', 'web.cfg', '--host', '-'], '{"nodes": 3}');
    expect(got.code).toBe(2);
    expect(got.stderr).toMatch(/standard input.*XM040\d/);
    expect(got.stdout).toBe('');
  });

  it('standard input given for both the config and the host is a usage error', async () => {
    const got = await cli(['check', '-', '--host', '-'], 'name = "x"\n');
    expect(got.code).toBe(2);
    expect(got.stdout).toBe('');
    // Before, '-' was opened as a host file and the message named no option.
    expect(got.stderr).toContain('--host');
  });
});

describe('check option values', () => {
  it('an empty --host or --output-file is a usage error naming the option (was "cannot read \'\': is a directory")', async () => {
    for (const key of ['--host', '--output-file']) {
      const got = await cli(['check', 'web.cfg', key, '']);
      expect({ key, code: got.code, names: got.stderr.includes(key) }).toEqual({ key, code: 2, names: true });
    }
  });

  it('a word where a number belongs is quoted as typed', async () => {
    const got = await cli(['check', 'web.cfg', '--max-warnings', 'abc']);
    expect(got.code).toBe(2);
    expect(got.stderr).toContain("'abc'");
  });

  it('--max-warnings -1 is no limit, as in ESLint; below -1 is a usage error', async () => {
    writeFileSync(join(dir, 'warn.cfg'), 'name = "w"\nmemory = 512\nkernel = "/k"\nmemroy = 1\n');
    const runs = [];
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1'], ['--max-warnings', '0'], ['--max-warnings', '-2']]) {
      runs.push({ args, code: (await cli(['check', 'warn.cfg', ...args])).code });
    }
    expect(runs.map((r) => r.code)).toEqual([0, 0, 1, 2]);
  });

  it('file-system errors are named in words, without the errno code', () => {
    for (const code of ['ENAMETOOLONG', 'ENOSPC', 'EROFS', 'EIO']) {
      const text = errorText(Object.assign(new Error(`${code}: something, open '/x'`), { code }));
      expect({ code, text: text.includes(code) || text.includes('/x') }).toEqual({ code, text: false });
    }
  });
});

describe('check judges the name xm gives a nameless file (decision 016)', () => {
  const TEXT = 'memory = 512\nkernel = "/boot/vmlinuz"\nx = 1 + 1\n';
  const codes = (stdout: string): string[] => (JSON.parse(stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code).filter((c) => c === 'XM0106' || c === 'XM0234');

  it('a file whose base name xend refuses is XM0234, one it takes XM0106', async () => {
    writeFileSync(join(dir, 'web 1.cfg'), TEXT);
    writeFileSync(join(dir, 'web1.cfg'), TEXT);
    expect(codes((await cli(['check', '-f', 'json', 'web 1.cfg'])).stdout)).toEqual(['XM0234']);
    expect(codes((await cli(['check', '-f', 'json', 'web1.cfg'])).stdout)).toEqual(['XM0106']);
  });

  it('standard input is judged by --stdin-filepath, and not at all without it', async () => {
    expect(codes((await cli(['check', '-f', 'json', '-', '--stdin-filepath', 'guests/web 1.cfg'], TEXT)).stdout)).toEqual(['XM0234']);
    expect(codes((await cli(['check', '-f', 'json', '-'], TEXT)).stdout)).toEqual(['XM0106']);
  });
});

describe('check - FILE --stdin-filepath FILE', () => {
  // Standard input named as a file that is also checked from disk gave two report entries under one name.
  it('is a usage error naming --stdin-filepath when that file is checked too (given, found in a folder, or through a symlink)', async () => {
    const { symlinkSync } = await import('node:fs');
    symlinkSync('web.cfg', join(dir, 'link.xl'));
    const got = [];
    for (const args of [['-', 'web.cfg'], ['web.cfg', '-'], ['-', '.'], ['-', 'link.xl'], ['-', `${dir}/web.cfg`]]) {
      const r = await cli(['check', '-f', 'json', ...args, '--stdin-filepath', 'web.cfg'], 'name = "x"\n');
      got.push({ args, code: r.code, stdout: r.stdout, names: r.stderr.startsWith("xmcfg check: --stdin-filepath 'web.cfg' names ") });
    }
    expect(got).toEqual(got.map(({ args }) => ({ args, code: 2, stdout: '', names: true })));
    rmSync(join(dir, 'link.xl'));
  });

  it('still checks standard input under a name that is not among the checked files', async () => {
    writeFileSync(join(dir, 'other.cfg'), 'name = "o"\ntype = "hvm"\nmemory = 512\n');
    const r = await cli(['check', '-f', 'json', '-', 'other.cfg', '--stdin-filepath', 'web.cfg'], 'name = "x"\ntype = "hvm"\nmemory = 512\n');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['web.cfg', 'other.cfg']);
    rmSync(join(dir, 'other.cfg'));
  });
});
