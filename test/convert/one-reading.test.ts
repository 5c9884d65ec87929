/**
 * Decision 015: `convert` reads a file one way for both targets. `--to xl` reads a file Python
 * accepts as xm even when detection calls it xl (nothing xm-only in it); `--to json` prints what
 * `xl create -n` prints for that conversion. So `convert F --to json` is `convert F --to xl`
 * converted again `--to json`, and the two never describe different guests.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertInTempDir, stylishFindings } from './temp-cli.js';
import { ON_CRASH_LINE } from './xm-defaults.js';

const { dir: tempDir, convert } = convertInTempDir('xmcfg-convert-reading-');
const found = (stderr: string): string[] => stylishFindings(stderr);

const KERNEL = 'kernel = "/boot/vmlinuz"\n';

describe('convert --to json reads a file as --to xl does', () => {
  it('1e3 and "\\101" (nothing xm-only: detection says xl) are xm\'s 1000 and "A" for both targets: exit 0, 0', async () => {
    writeFileSync(join(tempDir(), 'g.cfg'), 'name = "g"\nmemory = 1e3\nextra = "\\101"\n' + KERNEL);
    const xl = await convert(['g.cfg', '--to', 'xl']);
    expect([xl.code, xl.stdout]).toEqual([0, 'name = "g"\nmemory = 1000\nextra = "A"\n' + KERNEL + ON_CRASH_LINE]);
    const json = await convert(['g.cfg', '--to', 'json']);
    expect([json.code, found(json.stderr)]).toEqual([0, []]);
    const j = JSON.parse(json.stdout);
    expect([j.b_info.target_memkb, j.b_info.cmdline]).toEqual([1000 * 1024, 'A']);
  });

  it('memory += 256 after memory = 512 is 768 MiB for both targets', async () => {
    writeFileSync(join(tempDir(), 'g.cfg'), 'name = "g"\nmemory = 512\nmemory += 256\n' + KERNEL);
    const json = await convert(['g.cfg', '--to', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).b_info.target_memkb).toBe(768 * 1024);
  });

  // The generated cases: each file's --to json equals --to json of its --to xl output.
  const FILES: Record<string, string> = {
    'escape.cfg': 'name = "e"\nextra = "\\101\\102"\n' + KERNEL,
    'float.cfg': 'name = "f"\nmemory = 1e3\nvcpus = 2\n' + KERNEL,
    'append.cfg': 'name = "a"\nmemory = 512\nmemory += 256\nextra = "a"\nextra += " b"\n' + KERNEL,
    // An option only xl has (XM0553 read as xm) does not make the file xl's: HVM, kernel → firmware_override in both.
    'type.cfg': 'name = "t"\ntype = "hvm"\nmemory = 512\nkernel = "/boot/vmlinuz"\n',
    // With xm-only syntax, an xl-only key is the author's wish: kept, the guest is HVM in both.
    'mixed.xm': 'name = "m"\ntype = "hvm"\nmemory = 256 * 2\n',
    // A value xm dropped (XM0554): written as meant, acpi off, in both.
    'acpi.xm': 'name = "p"\nbuilder = "hvm"\nacpi = False\nmemory = 512\n',
    'renamed.xm': 'name = "r"\nbuilder = "hvm"\ncpu_cap = 50\nkernel = "/usr/lib/xen/boot/hvmloader"\nparallel = "none"\n',
    'nameless.cfg': 'memory = 256\n' + KERNEL,
  };
  for (const [f, text] of Object.entries(FILES)) {
    it(`${f}: --to json equals --to json of the --to xl output`, async () => {
      writeFileSync(join(tempDir(), f), text);
      const xl = await convert([f, '--to', 'xl']);
      expect(xl.code).toBe(0);
      writeFileSync(join(tempDir(), `out-${f}`), xl.stdout);
      const direct = await convert([f, '--to', 'json']);
      const twice = await convert([`out-${f}`, '--to', 'json']);
      expect([direct.code, twice.code]).toEqual([0, 0]);
      expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(twice.stdout));
    });
  }

  it('an HVM file with a kernel and nothing xm-only: xend\'s firmware by default (XM0553 at 2:1), a direct kernel boot with --dialect xl', async () => {
    const text = 'name = "t"\ntype = "hvm"\nmemory = 512\nkernel = "/boot/vmlinuz"\n';
    writeFileSync(join(tempDir(), 'type.cfg'), text);
    const xl = await convert(['type.cfg', '--to', 'xl']);
    expect([xl.code, xl.stdout, found(xl.stderr)]).toEqual([0, text.replace('kernel', 'firmware_override') + ON_CRASH_LINE, ['XM0553 2:1']]);
    const json = await convert(['type.cfg', '--to', 'json']);
    expect([json.code, found(json.stderr)]).toEqual([0, ['XM0553 2:1']]);
    let j = JSON.parse(json.stdout);
    expect([j.c_info.type, j.b_info.kernel, j.b_info['type.hvm'].firmware]).toEqual(['hvm', undefined, '/boot/vmlinuz']);
    // Read as xl: kept as written (no xm reinterpretation of its values), the kernel booted directly.
    const xlAsXl = await convert(['type.cfg', '--to', 'xl', '--dialect', 'xl']);
    expect([xlAsXl.code, xlAsXl.stdout, found(xlAsXl.stderr)]).toEqual([0, text, []]);
    const jsonAsXl = await convert(['type.cfg', '--to', 'json', '--dialect', 'xl']);
    expect([jsonAsXl.code, found(jsonAsXl.stderr)]).toEqual([0, []]);
    j = JSON.parse(jsonAsXl.stdout);
    expect([j.c_info.type, j.b_info.kernel, j.b_info['type.hvm'].firmware]).toEqual(['hvm', '/boot/vmlinuz', undefined]);
  });

  it('mixed.xm (xm-only arithmetic, xl-only type) is xm: XM0553 at 2:1 for both targets, the guest HVM', async () => {
    writeFileSync(join(tempDir(), 'mixed.xm'), 'name = "m"\ntype = "hvm"\nmemory = 256 * 2\n');
    const xl = await convert(['mixed.xm', '--to', 'xl']);
    expect([xl.code, found(xl.stderr)]).toEqual([0, ['XM0553 2:1']]);
    const json = await convert(['mixed.xm', '--to', 'json']);
    expect([json.code, found(json.stderr)]).toEqual([0, ['XM0553 2:1']]);
    expect(JSON.parse(json.stdout).c_info.type).toBe('hvm');
  });

  it('--dialect names the reading for both targets: xl keeps 1e3 (XM0108 at 2:10, exit 1), xm refuses a Python-refused file (XM0530-range error, exit 1)', async () => {
    writeFileSync(join(tempDir(), 'g.cfg'), 'name = "g"\nmemory = 1e3\n' + KERNEL);
    for (const to of ['xl', 'json']) {
      const r = await convert(['g.cfg', '--to', to, '--dialect', 'xl']);
      // --to xl keeps an xl file as written and prints it; --to json prints nothing: xl refuses 1e3.
      expect(found(r.stderr), to).toEqual(to === 'json' ? ['XM0108 2:10'] : []);
      expect(r.code, to).toBe(to === 'json' ? 1 : 0);
    }
    writeFileSync(join(tempDir(), 'x.cfg'), 'name = "x"\nmemory = 512;;\n' + KERNEL);
    for (const to of ['xl', 'json']) {
      const r = await convert(['x.cfg', '--to', to, '--dialect', 'xm']);
      expect([r.code, r.stdout, found(r.stderr).map((f) => f.slice(0, 2))], to).toEqual([1, '', ['XM']]);
    }
    expect((await convert(['g.cfg', '--to', 'xl', '--dialect', 'xq'])).code).toBe(2);
  });

  it('--host plans the NUMA keys for the JSON as for the xl file: the affinity is the plan\'s cpus', async () => {
    writeFileSync(join(tempDir(), 'n.xm'), 'name = "n"\nmemory = 2048\nvcpus = 2\nnumanodes = 1\n' + KERNEL);
    const host = join(process.cwd(), 'fixtures/hosts/two-node.json');
    const xl = await convert(['n.xm', '--to', 'xl', '--host', host]);
    const cpus = /^cpus = "(\d+)-(\d+)"$/m.exec(xl.stdout);
    expect([xl.code, cpus !== null]).toEqual([0, true]);
    const ids = Array.from({ length: Number(cpus![2]) - Number(cpus![1]) + 1 }, (_, i) => Number(cpus![1]) + i);
    const json = await convert(['n.xm', '--to', 'json', '--host', host]);
    expect([json.code, found(json.stderr)]).toEqual([0, []]);
    expect(JSON.parse(json.stdout).b_info.vcpu_hard_affinity).toEqual([ids, ids]);
  });

  it('a file Python refuses (;;) is xl for both targets: kept as it is, its JSON as xl reads it', async () => {
    const text = 'name = "x"\nmemory = 512;;\nextra = "\\101"\n' + KERNEL;
    writeFileSync(join(tempDir(), 'x.cfg'), text);
    const xl = await convert(['x.cfg', '--to', 'xl']);
    expect([xl.code, xl.stdout]).toEqual([0, text]);
    const json = await convert(['x.cfg', '--to', 'json']);
    expect(json.code).toBe(0);
    // libxlu drops an octal escape: xl's cmdline is the empty string (Python's would be "A").
    expect(JSON.parse(json.stdout).b_info.cmdline).toBe('');
  });
});
