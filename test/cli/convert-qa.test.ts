/**
 * `xmcfg convert` as a user drives it: where `-o` writes (never over its own input), and how its
 * --host file is read. Each case is a defect found by QA, kept so it stays fixed.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { throughFifo } from './fifo.js';
import { BUILT, xmcfg } from '../e2e/cli-helpers.js';
import { XM_DEFAULTS } from '../convert/xm-defaults.js';

// on_crash is set so that the output has no default of xm's added (decision 033), and no note on stderr.
const XM = 'name = "vm"\nmemory = 256 * 2\nlocaltime = 1\non_crash = "restart"\n';
const XL = 'name = "vm"\nmemory = 512\nlocaltime = 1\non_crash = "restart"\n';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-qa-'));
  writeFileSync(join(dir, 'vm.xm'), XM);
  copyFileSync('fixtures/hosts/two-node.json', join(dir, 'host.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function convert(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: dir, stdin });
  const code = await run(['convert', ...args], io);
  return { code, ...out };
}

describe('convert --output-file never replaces an input', () => {
  it('refuses the file being converted and the --host file (also through a symlink): exit 2, one line naming both, inputs untouched', async () => {
    symlinkSync('vm.xm', join(dir, 'vm-link.xm'));
    symlinkSync('host.json', join(dir, 'host-link.json'));
    const host = readFileSync(join(dir, 'host.json'), 'utf8');
    for (const [args, line] of [
      [['vm.xm', '--to', 'xl', '-o', 'vm.xm'], "xmcfg convert: --output-file 'vm.xm' is 'vm.xm', the file being converted; write the output elsewhere\n"],
      [['vm.xm', '--to', 'json', '-o', join(dir, 'vm.xm')], `xmcfg convert: --output-file '${join(dir, 'vm.xm')}' is 'vm.xm', the file being converted; write the output elsewhere\n`],
      [['vm.xm', '--to', 'xl', '-o', 'vm-link.xm'], "xmcfg convert: --output-file 'vm-link.xm' is 'vm.xm', the file being converted; write the output elsewhere\n"],
      [['vm-link.xm', '--to', 'xl', '-o', 'vm.xm'], "xmcfg convert: --output-file 'vm.xm' is 'vm-link.xm', the file being converted; write the output elsewhere\n"],
      [['vm.xm', '--to', 'xl', '--host', 'host.json', '-o', 'host.json'], "xmcfg convert: --output-file 'host.json' is 'host.json', the --host topology; write the output elsewhere\n"],
      [['vm.xm', '--to', 'xl', '--host', 'host.json', '-o', 'host-link.json'], "xmcfg convert: --output-file 'host-link.json' is 'host.json', the --host topology; write the output elsewhere\n"],
    ] as const) {
      const r = await convert([...args]);
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', line]);
      expect(readFileSync(join(dir, 'vm.xm'), 'utf8')).toBe(XM);
      expect(lstatSync(join(dir, 'vm-link.xm')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir, 'host.json'), 'utf8')).toBe(host);
    }
  });

  it('still writes a new file, and standard input has no file to clash with', async () => {
    expect((await convert(['vm.xm', '--to', 'xl', '-o', 'vm.cfg'])).code).toBe(0);
    expect(readFileSync(join(dir, 'vm.cfg'), 'utf8')).toBe(XL);
    expect((await convert(['-', '--to', 'xl', '-o', 'vm.xm'], 'name = "s"\n')).code).toBe(0);
    expect(readFileSync(join(dir, 'vm.xm'), 'utf8')).toBe('name = "s"\n' + XM_DEFAULTS);
  });
});

describe('convert --output-file onto something that is not a regular file', () => {
  it('takes `-o -` as standard output, not a file named "-"', async () => {
    const r = await convert(['vm.xm', '--to', 'xl', '-o', '-']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, XL, '']);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('sends the output to the stream itself for /dev/stdout, /dev/fd/1 and /dev/stderr', async () => {
    for (const o of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) expect(await convert(['vm.xm', '--to', 'xl', '-o', o])).toEqual({ code: 0, stdout: XL, stderr: '' });
    expect(await convert(['vm.xm', '--to', 'xl', '-o', '/dev/stderr'])).toEqual({ code: 0, stdout: '', stderr: XL });
  });

  it('writes into a FIFO in place instead of replacing it with a regular file', async () => {
    const fifo = join(dir, 'out.fifo');
    const { result: r, got, stillFifo } = await throughFifo(fifo, () => convert(['vm.xm', '--to', 'xl', '-o', fifo]));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(stillFifo).toBe(true);
    expect(got).toBe(XL);
  });

  it('names a write failure in one line, without the errno prefix', async () => {
    const r = await convert(['vm.xm', '--to', 'xl', '-o', 'vm.xm/vm.cfg']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', "xmcfg convert: cannot write 'vm.xm/vm.cfg': 'vm.xm' is not a directory\n"]);
  });

  it('refuses an output it cannot write before converting: nothing else on stderr, exit 2', async () => {
    // A finding (a misspelt option) and a note on xm's defaults, which a conversion prints on stderr.
    writeFileSync(join(dir, 'noisy.xm'), 'name = "vm"\nmemory = 512\nmemroy = 1\n');
    mkdirSync(join(dir, 'out'));
    for (const to of ['xl', 'json']) {
      const r = await convert(['noisy.xm', '--to', to, '-o', 'out']);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', "xmcfg convert: cannot write 'out': is a directory\n"]);
    }
    // Refused before the input is read, too: an unreadable input is not what the user hears first.
    const r = await convert(['missing.xm', '--to', 'xl', '-o', 'vm.xm/vm.cfg']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', "xmcfg convert: cannot write 'vm.xm/vm.cfg': 'vm.xm' is not a directory\n"]);
  });

  it.skipIf(!BUILT)('writes to /dev/stdout when stdout is a pipe (its target pipe:[N] has no folder for a temporary file)', () => {
    const r = xmcfg(['convert', 'vm.xm', '--to', 'xl', '-o', '/dev/stdout'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, XL, '']);
  });
});

describe('convert --host reading', () => {
  it.skipIf(!existsSync('/dev/zero'))('reads the host file only up to the input size limit: /dev/zero is exit 2 with the message plan gives', async () => {
    const r = await convert(['vm.xm', '--to', 'xl', '--host', '/dev/zero']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'xmcfg convert: cannot read host file /dev/zero: file is 64.0 MiB, over the 64 MiB limit; not checked\n']);
    // --max-file-size is the limit for the host file too, as for check.
    writeFileSync(join(dir, 'big.json'), readFileSync(join(dir, 'host.json')));
    const s = await convert(['vm.xm', '--to', 'xl', '--host', 'big.json', '--max-file-size', '100']);
    expect([s.code, s.stdout]).toEqual([2, '']);
    expect(s.stderr).toMatch(/^xmcfg convert: cannot read host file big\.json: file is \d+ bytes, over the 100 bytes limit; not checked\n$/);
  }, 60_000);

  it('a missing or empty host file is one line, with the words plan uses', async () => {
    expect(await convert(['vm.xm', '--to', 'xl', '--host', 'none.json'])).toEqual({ code: 2, stdout: '', stderr: "xmcfg convert: cannot read host file 'none.json': no such file or directory\n" });
    writeFileSync(join(dir, 'empty.json'), '');
    expect(await convert(['vm.xm', '--to', 'xl', '--host', 'empty.json'])).toEqual({ code: 2, stdout: '', stderr: "xmcfg convert: host 'empty.json': error XM0401: host file empty.json is empty\n" });
  });
});
