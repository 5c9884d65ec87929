import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';

let dir: string;
const XM = '# web\nname = "vm%d" % vmid\nmemory = 256 * 2\nvcpus = 2\nacpi = True\nnuma = "on"\n';
const HOST = {
  nodes: [
    { id: 0, cpus: [0, 1, 2, 3], memory_mib: 32768, free_mib: 1000, distances: { '0': 10, '1': 21 } },
    { id: 1, cpus: [4, 5, 6, 7], memory_mib: 32768, free_mib: 30122, distances: { '0': 21, '1': 10 } },
  ],
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xmcfg-convert-'));
  writeFileSync(join(dir, 'web.xm'), XM);
  writeFileSync(join(dir, 'host.json'), JSON.stringify(HOST));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xmcfg convert', () => {
  it('--to xl prints the xl file and warns about the NUMA keys', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'xl', '--define', 'vmid=7'], io)).toBe(0);
    expect(out.stdout).toBe('# web\nname = "vm7"\nmemory = 512\nvcpus = 2\nacpi = 1\nnuma = "on"\n');
    expect(out.stderr).toContain('XM0550');
  });
  it('--to xl: xm-only keys become comments, with one note for the file on stderr', async () => {
    writeFileSync(join(dir, 'hvm.xm'), 'name = "h"\nbuilder = "hvm"\nparallel = "none"\nvncviewer = 1\nbootargs = "-q"\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'hvm.xm', '--to', 'xl'], io)).toBe(0);
    expect(out.stdout).toBe('name = "h"\ntype = "hvm"\n# xm only, xl ignores it: parallel = "none"\n# xm only, xl ignores it: vncviewer = 1\nbootloader_args = ["-q"]\n');
    expect(out.stderr).toBe('xmcfg convert: hvm.xm: kept as comments (xl would ignore them): parallel (line 3), vncviewer (line 4)\n');
  });
  it('--host turns the NUMA request into pinning; --output-file writes atomically', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'xl', '-D', 'vmid=7', '--host', 'host.json', '-o', 'web.cfg'], io)).toBe(0);
    expect(out.stdout).toBe('');
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe('# web\nname = "vm7"\nmemory = 512\nvcpus = 2\nacpi = 1\ncpus = "4-7"\n');
  });
  it('--to json prints the libxl domain config', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'json', '-D', 'vmid=7'], io)).toBe(0);
    const j = JSON.parse(out.stdout);
    expect(j.c_info.name).toBe('vm7');
    expect(j.b_info.target_memkb).toBe(512 * 1024);
    expect(j.b_info.max_vcpus).toBe(2);
  });
  it('exit 1 when the file cannot be converted, 2 on usage errors', async () => {
    writeFileSync(join(dir, 'bad.xm'), 'name = [1,\n');
    expect(await run(['convert', 'bad.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(1);
    // vmid is not defined: the name cannot be folded.
    expect(await run(['convert', 'web.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(1);
    expect(await run(['convert', 'web.xm'], fakeIo({ cwd: dir }).io)).toBe(2);
    expect(await run(['convert', 'web.xm', '--to', 'yaml'], fakeIo({ cwd: dir }).io)).toBe(2);
    expect(await run(['convert', 'missing.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(2);
  });
});
