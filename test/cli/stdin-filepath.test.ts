/**
 * `--stdin-filepath` means one thing in every command that reads a config from `-` (check, normalize,
 * convert, plan, fmt): standard input is that file, so reports name it and a nameless xm guest is
 * named after it. normalize said "Unknown arguments: stdin-filepath"; convert ignored it given twice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

const HOST = new URL('../../fixtures/hosts/two-node.json', import.meta.url).pathname;
/** An xm guest (an expression) without a name: xm create named it after its file. */
const NAMELESS_XM = 'memory = 256 * 2\nvcpus = 1\nkernel = "/boot/vmlinuz"\n';

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = fakeIo({ cwd: process.cwd(), stdin });
  const code = await run(args, io);
  return { code, ...out };
}

describe('--stdin-filepath', () => {
  it('normalize names standard input in its report', async () => {
    const r = await cli(['normalize', '-', '--stdin-filepath', 'x.cfg'], 'name = "a"\nmemroy = 1\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'a' });
    expect(r.stderr).toContain(' --> x.cfg:2:1\n');
    expect(r.stderr).not.toContain('<stdin>');
  });

  it('normalize judges the xm name given by the file as check does (a name xend refuses)', async () => {
    const codes = (text: string) => [...text.matchAll(/XM\d{4}/g)].map((m) => m[0]).sort();
    const n = await cli(['normalize', '-', '--stdin-filepath', 'my web.xm'], NAMELESS_XM);
    const c = await cli(['check', '-', '--stdin-filepath', 'my web.xm', '-f', 'json'], NAMELESS_XM);
    const checked = (JSON.parse(c.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code).sort();
    expect(codes(n.stderr)).toEqual(checked);
    expect(codes(n.stderr)).not.toEqual(codes((await cli(['normalize', '-'], NAMELESS_XM)).stderr));
  });

  it('plan names a nameless xm guest after it, and its findings; unnamed standard input is <stdin> as elsewhere (it was -)', async () => {
    const named = await cli(['plan', '-', '--host', HOST, '--stdin-filepath', 'guests/web01.xm'], NAMELESS_XM);
    expect(named.code).toBe(0);
    expect((JSON.parse(named.stdout) as { domain: string }).domain).toBe('web01.xm');
    const bad = await cli(['plan', '-', '--host', HOST, '--stdin-filepath', 'g.cfg'], 'memory = "x"\nvcpus = 1\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^g\.cfg:1:10: error XM0108: /m);
    const plain = await cli(['plan', '-', '--host', HOST], 'memory = "x"\nvcpus = 1\n');
    expect(plain.stderr).toMatch(/^<stdin>:1:10: error XM0108: /m);
  });

  it('fmt --check lists standard input under that name', async () => {
    const r = await cli(['fmt', '--check', '-', '--stdin-filepath', 'web.cfg'], 'memory=512\n');
    expect(r).toEqual({ code: 1, stdout: 'web.cfg\n', stderr: '' });
  });

  it('convert takes the last one when given twice (an array of two was ignored: the guest stayed nameless)', async () => {
    const r = await cli(['convert', '-', '--to', 'xl', '--stdin-filepath', 'a.xm', '--stdin-filepath', 'guests/b.xm'], NAMELESS_XM);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^name = "b\.xm"/m);
  });

  it("is a usage error (exit 2) without '-' or with an empty value, in every command that has it", async () => {
    const cfg = new URL('../../fixtures/examples/web.cfg', import.meta.url).pathname;
    const lines = [['check', cfg], ['normalize', cfg], ['convert', cfg, '--to', 'xl'], ['plan', cfg, '--host', HOST], ['fmt', '--check', cfg]];
    for (const line of lines) {
      const r = await cli([...line, '--stdin-filepath', 'x.cfg']);
      expect({ line, code: r.code, stdout: r.stdout, stderr: r.stderr.startsWith(`xmcfg ${line[0] === 'check' ? '' : line[0] + ': '}`) }).toEqual({ line, code: 2, stdout: '', stderr: true });
      expect(r.stderr).toContain("--stdin-filepath needs '-'");
      const empty = await cli([...line.map((a) => (a === cfg ? '-' : a)), '--stdin-filepath', ''], readFileSync(cfg, 'utf8'));
      expect({ line, code: empty.code, stderr: empty.stderr.includes('--stdin-filepath needs a value, not an empty one') }).toEqual({ line, code: 2, stderr: true });
    }
  });

  it('naming a folder (written as one, or existing) is a usage error in every command that has it (decision 101)', async () => {
    const fixtures = new URL('../../fixtures', import.meta.url).pathname;
    // Written as a folder (whether or not it exists), or an existing folder, relative or absolute.
    const names = ['guests/', 'guests/.', '.', '..', 'a/..', 'fixtures', 'fixtures/examples', fixtures];
    const lines = [['check', '-'], ['normalize', '-'], ['convert', '-', '--to', 'xl'], ['plan', '-', '--host', HOST], ['fmt', '--check', '-']];
    const got = [];
    const want = [];
    for (const line of lines) {
      for (const name of names) {
        const r = await cli([...line, '--stdin-filepath', name], NAMELESS_XM);
        got.push({ line: line[0], name, ...r });
        want.push({ line: line[0], name, code: 2, stdout: '', stderr: `xmcfg ${line[0]}: --stdin-filepath names a folder, not a file: '${name}'\n` });
      }
    }
    expect(got).toEqual(want);
    // A file's name, existing or not, is still taken.
    expect((await cli(['check', '-', '--stdin-filepath', 'fixtures/examples/web.cfg.new'], NAMELESS_XM)).code).not.toBe(2);
  });
});
