import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { CORPUS_DIR } from '../shared-dir.js';

interface JsonOut {
  files: { path: string; dialect: string | null; errorCount: number; diagnostics: { code: string; severity: string; line: number }[] }[];
}

async function checkJson(args: string[], cwd = resolve('.')) {
  const { io, out } = fakeIo({ cwd });
  const code = await run(['check', '--format', 'json', ...args], io);
  return { code, out: JSON.parse(out.stdout) as JsonOut, stderr: out.stderr };
}

describe('shipped examples (fixtures/examples)', () => {
  it('web.cfg is a clean xl config', async () => {
    const r = await checkJson(['fixtures/examples/web.cfg']);
    expect(r.code).toBe(0);
    expect(r.out.files[0]).toMatchObject({ dialect: 'xl', diagnostics: [] });
  });

  it('legacy.xm is a clean xm config with expressions and numanode = 0,1', async () => {
    const r = await checkJson(['fixtures/examples/legacy.xm']);
    expect(r.code).toBe(0);
    expect(r.out.files[0]).toMatchObject({ dialect: 'xm', diagnostics: [] });
    const { io, out } = fakeIo({ cwd: resolve('.') });
    expect(await run(['normalize', 'fixtures/examples/legacy.xm'], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ name: 'legacy01', memory: 1024, numa: { mode: 'nodes', nodes: [0, 1], node_count: 2 } });
  });

  it('broken.cfg shows one finding of each kind it describes, at its line', async () => {
    const r = await checkJson(['fixtures/examples/broken.cfg']);
    expect(r.code).toBe(1);
    const found = r.out.files[0]!.diagnostics.map((d) => `${d.code}@${d.line}`);
    // The typo, maxmem < memory, vcpus > maxvcpus, numanodes vs numanode, the duplicate key.
    for (const want of ['XM0101@12', 'XM0202@16', 'XM0203@19', 'XM0303@23', 'XM0201@31']) expect(found).toContain(want);
  });
});

describe('the real corpus', () => {
  const corpus = CORPUS_DIR;
  const files = [
    ...readdirSync(join(corpus, 'xen-examples'))
      .filter((f) => !f.endsWith('.md'))
      .map((f) => join(corpus, 'xen-examples', f)),
    ...['xlconfigdata', 'xmconfigdata', 'virconfdata'].flatMap((d) => readdirSync(join(corpus, 'libvirt', d)).map((f) => join(corpus, 'libvirt', d, f))),
  ].filter((f) => statSync(f).isFile());

  it('checks every sample without an internal error (exit 0 or 1, nothing on stderr)', async () => {
    const r = await checkJson(files);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.out.files.length).toBe(files.length);
  });
});
