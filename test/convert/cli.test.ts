import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../cli/fake-io.js';
import { HPET_NOTE, MEMORY_NOTE, ON_CRASH_LINE, ON_CRASH_NOTE, VNC_NOTE, XM_DEFAULTS, XM_HVM_DEFAULTS } from './xm-defaults.js';

let dir: string;
const XM = '# web\nname = "vm%d" % vmid\nmemory = 256 * 2\nvcpus = 2\nlocaltime = True\nnuma = "on"\n';
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
    expect(out.stdout).toBe('# web\nname = "vm7"\nmemory = 512\nvcpus = 2\nlocaltime = 1\nnuma = "on"\n' + ON_CRASH_LINE);
    expect(out.stderr).toContain('XM0550');
  });
  it('--define of an xm option is written into the output: xm create\'s option wins over the file (decision 020)', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'xl', '--define', 'vmid=7', '--define', 'memory=1024', '--define', 'vcpus=4'], io)).toBe(0);
    expect(out.stdout).toBe('# web\nname = "vm7"\nmemory = 1024  # xmcfg convert: from --define\nvcpus = 4  # xmcfg convert: from --define\nlocaltime = 1\nnuma = "on"\n' + ON_CRASH_LINE);
    expect(out.stderr).toContain('--define memory=');
    expect(out.stderr).toContain('--define vcpus=');
  });
  it('--to xl: xm-only keys become comments, with one note for the file on stderr', async () => {
    writeFileSync(join(dir, 'hvm.xm'), 'name = "h"\nbuilder = "hvm"\nparallel = "none"\nvncviewer = 1\nbootargs = "-q"\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'hvm.xm', '--to', 'xl'], io)).toBe(0);
    expect(out.stdout).toBe('name = "h"\ntype = "hvm"\n# xm only, xl ignores it: parallel = "none"\n# xm only, xl ignores it: vncviewer = 1\nbootloader_args = ["-q"]\n' + XM_DEFAULTS + XM_HVM_DEFAULTS);
    expect(out.stderr).toBe('xmcfg convert: hvm.xm: kept as comments (xl would ignore them): parallel (line 3), vncviewer (line 4)\n' + [MEMORY_NOTE, ON_CRASH_NOTE, VNC_NOTE, HPET_NOTE].map((n) => `xmcfg convert: hvm.xm: ${n}\n`).join(''));
  });
  it('--host turns the NUMA request into pinning; --output-file writes atomically', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'xl', '-D', 'vmid=7', '--host', 'host.json', '-o', 'web.cfg'], io)).toBe(0);
    expect(out.stdout).toBe('');
    expect(readFileSync(join(dir, 'web.cfg'), 'utf8')).toBe('# web\nname = "vm7"\nmemory = 512\nvcpus = 2\nlocaltime = 1\ncpus = "4-7"\n' + ON_CRASH_LINE);
  });
  it('--host with numa = "off" writes cpus_soft = "all" (libxl skips its own placement), unless the file has a cpus_soft', async () => {
    writeFileSync(join(dir, 'off.xm'), 'name = "o"\nmemory = 512\nkernel = "/k"\nnuma = "off"\n');
    writeFileSync(join(dir, 'off-soft.xm'), 'name = "o"\nmemory = 512\nkernel = "/k"\ncpus_soft = "0-1"\nnuma = "off"\n');
    const lines = async (f: string): Promise<string[]> => {
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', f, '--to', 'xl', '--host', 'host.json'], io)).toBe(0);
      return out.stdout.split('\n').filter((l) => /^\s*cpus_soft\s*=/.test(l));
    };
    expect((await lines('off.xm')).map((l) => l.replace(/\s*#.*/, ''))).toEqual(['cpus_soft = "all"']);
    expect(await lines('off-soft.xm')).toEqual(['cpus_soft = "0-1"']);
  });
  it('--to json of web.xm, which boots nothing: xl refuses the converted file (XM0227, reported at the input\'s first statement, decision 051), exit 1, nothing printed', async () => {
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'json', '-D', 'vmid=7'], io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^error\[XM0227\]: [^\n]*\n --> web\.xm:2:1$/m);
  });
  it('--to json prints the libxl domain config', async () => {
    writeFileSync(join(dir, 'web.xm'), XM + 'kernel = "/boot/vmlinuz"\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'json', '-D', 'vmid=7'], io)).toBe(0);
    const j = JSON.parse(out.stdout);
    expect(j.c_info.name).toBe('vm7');
    expect(j.b_info.target_memkb).toBe(512 * 1024);
    expect(j.b_info.max_vcpus).toBe(2);
  });
  it('--to xl and --to json both refuse an xm file with a construct xm rejects (exit 1, the error at 3:1, nothing on stdout)', async () => {
    writeFileSync(join(dir, 'dotted.xm'), 'name = "a"\nacpi = True\nvif.default.script = "x"\n');
    for (const to of ['xl', 'json']) {
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', 'dotted.xm', '--to', to], io)).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain('error[XM0531]');
      expect(out.stderr).toContain('dotted.xm:3:1');
    }
  });
  it('reports invalid UTF-8 in the input (XM0041 at 1:12, a warning): the output holds U+FFFD in its place', async () => {
    writeFileSync(join(dir, 'latin1.xm'), Buffer.from('name = "caf\xe9"\nacpi = 1\nkernel = "/k"\n', 'latin1'));
    for (const to of ['xl', 'json']) {
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', 'latin1.xm', '--to', to], io)).toBe(0);
      expect(out.stderr).toContain('warning[XM0041]');
      expect(out.stderr).toContain('latin1.xm:1:12');
    }
  });
  it('exit 1 when the file cannot be converted, 2 on usage errors', async () => {
    writeFileSync(join(dir, 'bad.xm'), 'name = [1,\n');
    expect(await run(['convert', 'bad.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(1);
    // vmid is not defined: the name cannot be folded.
    expect(await run(['convert', 'web.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(1);
    expect(await run(['convert', 'web.xm'], fakeIo({ cwd: dir }).io)).toBe(2);
    expect(await run(['convert', 'web.xm', '--to', 'yaml'], fakeIo({ cwd: dir }).io)).toBe(2);
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'web.xm', '--to', 'xl', '--max-file-size', 'lots'], io)).toBe(2);
    // One line naming the command and the option (src/cli/command-error.ts).
    expect(out.stderr).toMatch(/^xmcfg convert: [^\n]*--max-file-size[^\n]*\n$/);
    expect(await run(['convert', 'missing.xm', '--to', 'xl'], fakeIo({ cwd: dir }).io)).toBe(2);
  });
});

/** `CODE line:column` of each finding in a stylish report (`error[XM0413]: …` then ` --> file:line:column`), in order. */
function found(stderr: string): string[] {
  return [...stderr.matchAll(/^\w+\[(XM\d{4})\]: [^\n]*\n --> [^\n]*:(\d+):(\d+)$/gm)].map((m) => `${m[1]} ${m[2]}:${m[3]}`);
}

describe('xmcfg convert --to xl --host with a plan input written but unknown (XM0413)', () => {
  // Each case: the file, the findings convert prints, and the same file with the value known.
  const cases: Record<string, { text: string; found: string[]; known: string }> = {
    'call.xm': {
      text: 'name = "call"\nmemory = 4096\nvcpus = cpu_count()\nnumanodes = 2\n',
      found: ['XM0413 3:1', 'XM0052 3:9'],
      known: 'name = "call"\nmemory = 4096\nvcpus = 4\nnumanodes = 2\n',
    },
    'block.xm': {
      text: 'name = "block"\nnumanodes = 2\nbig = 1\nif big:\n    memory = 8192\n    vcpus = 4\n',
      found: ['XM0413 5:5', 'XM0413 6:5'],
      known: 'name = "block"\nnumanodes = 2\nmemory = 8192\nvcpus = 4\n',
    },
    // The NUMA request itself is in the block: a plan was asked for.
    'numa-block.xm': {
      text: 'name = "nb"\nmemory = 4096\nvcpus = 4\nif 1:\n    numanodes = 2\n',
      found: ['XM0413 5:5'],
      known: 'name = "nb"\nmemory = 4096\nvcpus = 4\nnumanodes = 2\n',
    },
    'rejected.xm': {
      text: 'name = "rejected"\nmemory = 4096\nvcpus = "x"\nnumanodes = 2\n',
      found: ['XM0413 3:1', 'XM0108 3:9'],
      known: 'name = "rejected"\nmemory = 4096\nvcpus = 4\nnumanodes = 2\n',
    },
    // memory += on a key not set before: Python refuses it (a NameError), so the file is xl's,
    // where += on a number is a warning only (xl ignores the key).
    'append.cfg': {
      text: 'name = "append"\nmemory += 5120\nvcpus = 4\nnumanodes = 2\n',
      found: ['XM0109 2:1', 'XM0413 2:1'],
      known: 'name = "append"\nmemory = 5120\nvcpus = 4\nnumanodes = 2\n',
    },
  };
  for (const [f, c] of Object.entries(cases)) {
    it(`${f}: exit 1, XM0413 at the key, no output file`, async () => {
      writeFileSync(join(dir, f), c.text);
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', f, '--to', 'xl', '--host', 'host.json', '-o', 'out.cfg'], io)).toBe(1);
      expect(found(out.stderr)).toEqual(c.found);
      expect(out.stdout).toBe('');
      expect(existsSync(join(dir, 'out.cfg'))).toBe(false);
    });
    it(`${f} with the value known converts with the plan's pinning`, async () => {
      writeFileSync(join(dir, f), c.known);
      const { io, out } = fakeIo({ cwd: dir });
      expect(await run(['convert', f, '--to', 'xl', '--host', 'host.json'], io)).toBe(0);
      expect(out.stderr).not.toContain('XM0413');
      expect(out.stdout).toContain('cpus = ');
      expect(out.stdout).not.toContain('numanodes');
    });
  }
  it('without NUMA keys --host plans nothing, so an unknown memory does not stop the conversion', async () => {
    writeFileSync(join(dir, 'plain.cfg'), 'name = "plain"\nmemory += 5120\nvcpus = 4\n');
    const { io, out } = fakeIo({ cwd: dir });
    expect(await run(['convert', 'plain.cfg', '--to', 'xl', '--host', 'host.json'], io)).toBe(0);
    expect(out.stderr).not.toContain('XM0413');
  });
});
