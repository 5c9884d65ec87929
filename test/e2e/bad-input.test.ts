import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, CLI, hasStackTrace, xmcfg } from './cli-helpers.js';

let dir: string;

interface JsonOut {
  files: { path: string; dialect: string | null; diagnostics: { code: string; severity: string; line: number; column: number }[] }[];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-bad-'));
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;
  bytes[100] = 0;
  writeFileSync(join(dir, 'binary.cfg'), bytes);
  writeFileSync(join(dir, 'nul.cfg'), Buffer.from('name = "a\0b"\nmemory = 512\n'));
  writeFileSync(join(dir, 'bom.cfg'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name = "bom"\nmemroy = 512\n')]));
  writeFileSync(join(dir, 'latin1.cfg'), Buffer.from([...Buffer.from('name = "caf'), 0xe9, ...Buffer.from('"\nmemory = 512\n')]));
  writeFileSync(join(dir, 'crlf.cfg'), 'name = "crlf"\r\nmemory = 512\r\nmemroy = 3\r\n');
  writeFileSync(join(dir, 'deep.cfg'), 'name = "deep"\nx = ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
  writeFileSync(join(dir, 'longline.cfg'), 'name = "' + 'a'.repeat(1 << 20) + '"\nmemroy = 1\n');
  writeFileSync(join(dir, 'big.cfg'), 'name = "big"\n' + '# padding\n'.repeat(200));
  writeFileSync(join(dir, 'small.cfg'), 'name = "small"\nmemroy = 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run check in the temp folder, asserting the universal rules: exit 0/1/2 and no stack trace. */
function check(args: string[]) {
  const r = xmcfg(['check', ...args], { cwd: dir });
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(hasStackTrace(r.stdout)).toBe(false);
  return r;
}

const codesOf = (stdout: string, file = 0) => (JSON.parse(stdout) as JsonOut).files[file]!.diagnostics.map((d) => d.code);

describe.skipIf(!BUILT)('built xmcfg on bad input', () => {
  it('a binary file is one error, not a crash', () => {
    const r = check(['binary.cfg', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout)).toContain('XM0031');
    // stylish must not write raw control bytes to the terminal
    const s = check(['binary.cfg']);
    expect(s.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('NUL bytes are reported at the NUL', () => {
    const r = check(['nul.cfg', '-f', 'json']);
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as JsonOut).files[0]!.diagnostics.find((x) => x.code === 'XM0031')!;
    expect([d.line, d.column]).toEqual([1, 10]);
  });

  it('a UTF-8 BOM does not shift positions', () => {
    const r = check(['bom.cfg', '-f', 'json']);
    const d = (JSON.parse(r.stdout) as JsonOut).files[0]!.diagnostics.find((x) => x.code === 'XM0101')!;
    expect([d.line, d.column]).toEqual([2, 1]);
  });

  it('invalid UTF-8 is decoded with U+FFFD and reported (XM0041) at the bad byte', () => {
    const r = check(['latin1.cfg', '-f', 'json']);
    const d = (JSON.parse(r.stdout) as JsonOut).files[0]!.diagnostics.find((x) => x.code === 'XM0041')!;
    expect([d.line, d.column, d.severity]).toEqual([1, 12, 'warning']);
  });

  it('CRLF files report the right lines and frames without carriage returns', () => {
    const r = check(['crlf.cfg', '-f', 'json']);
    const d = (JSON.parse(r.stdout) as JsonOut).files[0]!.diagnostics.find((x) => x.code === 'XM0101')!;
    expect([d.line, d.column]).toEqual([3, 1]);
    expect(check(['crlf.cfg']).stdout).not.toContain('\r');
  });

  it('a 10,000-deep nested list is checked without a stack overflow', () => {
    const r = check(['deep.cfg', '-f', 'json']);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout)).toHaveProperty('files');
  });

  it('a 1 MB line is checked and its frame is cut to the terminal', () => {
    const r = check(['longline.cfg']);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('--> longline.cfg:2:1');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThan(200);
  });

  it('an over-size file is an XM0040 error and the other file is still checked', () => {
    const r = check(['big.cfg', 'small.cfg', '--max-file-size', '1K', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout, 0)).toEqual(['XM0040']);
    expect(codesOf(r.stdout, 1)).toContain('XM0101');
  });

  it('endless standard input stops at --max-file-size with XM0040 (reading stops, memory stays bounded)', () => {
    // `yes` never ends: only a reader that stops at the limit lets this finish.
    const r = spawnSync('sh', ['-c', `yes 'memory = 512' | ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check - -f json --max-file-size 1M`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(codesOf(r.stdout)).toEqual(['XM0040']);
  });

  it('invalid UTF-8 on standard input is reported at its byte, as in a file', () => {
    const r = xmcfg(['check', '-', '-f', 'json'], { cwd: dir, input: Buffer.from([...Buffer.from('name = "a'), 0xff, ...Buffer.from('b"\nmemory = 512\n')]) });
    const d = (JSON.parse(r.stdout) as JsonOut).files[0]!.diagnostics.find((x) => x.code === 'XM0041')!;
    expect([d.line, d.column]).toEqual([1, 10]);
  });

  it('standard input that is a folder (`check - < /etc/xen`) cannot be read: exit 2, not an empty config', () => {
    // Node's stdin stream ends without an error on a folder, so it was checked as an empty file:
    // XM0105 and XM0227 about a config nobody wrote, exit 1.
    const fd = openSync(dir, 'r');
    try {
      for (const command of [['check', '-', '-f', 'json'], ['normalize', '-']]) {
        const r = spawnSync(process.execPath, [CLI, ...command], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^xmcfg( normalize)?: cannot read standard input: is a directory\n$/);
        if (command[0] === 'check') expect(JSON.parse(r.stdout)).toEqual({ version: 1, files: [] });
      }
    } finally {
      closeSync(fd);
    }
  });

  it('an unreadable path exits 2 naming it, after checking the rest', () => {
    const r = check(['missing.cfg', 'small.cfg', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("xmcfg: cannot read 'missing.cfg': no such file or directory\n");
    expect((JSON.parse(r.stdout) as JsonOut).files.map((f) => f.path)).toEqual(['small.cfg']);
    const eio = check(['/proc/self/mem']);
    expect(eio.code).toBe(2);
    expect(eio.stderr).toContain("'/proc/self/mem'");
  });
});
