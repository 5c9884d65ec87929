/**
 * `--define NAME=VALUE` in an xm file is `xm create FILE NAME=VALUE` (opts.py, create.py): an
 * option of create.py's table is converted by its function (set_int, set_long, set_bool,
 * set_value, append_value) and wins over the file's assignment (Opts.load skips specified
 * options), without being a name the file reads; any other NAME is a script variable the file
 * reads and may rebind. xl files ignore --define.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import type { Dialect } from '../../src/syntax/value.js';

const HEAD = 'name = "g"\nkernel = "/k"\n';

function check(text: string, defines: Record<string, string | number>, dialect: Dialect = 'xm') {
  const r = checkText(text, { dialect, defines });
  const at = (s: { start: number }) => {
    const p = r.lineIndex.position(s.start);
    return `${p.line}:${p.column}`;
  };
  return {
    config: r.config as Record<string, unknown>,
    findings: r.diagnostics.map((d) => `${d.code} ${at(d.span)}`),
    valueAt: (ptr: string) => {
      const s = r.spans.get(ptr);
      return s ? `${at(s.value)}-${r.lineIndex.position(s.value.end).column}` : undefined;
    },
  };
}

describe('--define of an xm option: the command line wins', () => {
  it('memory = 512 in the file, --define memory=1024: memory is 1024, at the file\'s value', () => {
    const r = check(`${HEAD}memory = 512\n`, { memory: '1024' });
    expect(r.config.memory).toBe(1024);
    expect(r.valueAt('/memory')).toBe('3:10-13');
    expect(r.findings).toEqual([]);
  });

  it('the file still reads its own value: maxmem = memory * 2 is 1024, memory 2048', () => {
    const r = check(`${HEAD}memory = 512\nmaxmem = memory * 2\n`, { memory: '2048' });
    expect(r.config.memory).toBe(2048);
    expect(r.config.maxmem).toBe(1024);
    // maxmem below memory: the command line's memory is what xm created the guest with.
    expect(r.findings).toEqual(['XM0202 4:10']);
  });

  it('an option the file does not assign is set all the same, at 1:1', () => {
    const r = check(HEAD, { memory: 1024, vcpus: '2' });
    expect(r.config.memory).toBe(1024);
    expect(r.config.vcpus).toBe(2);
    expect(r.valueAt('/memory')).toBe('1:1-1');
    expect(r.findings).toEqual([]);
  });

  it('an option is not a name the file can read (xm pre-bound only script variables): XM0050', () => {
    const r = check(`${HEAD}maxmem = memory\n`, { memory: '1024' });
    expect(r.findings).toEqual(['XM0050 3:10']);
    expect(r.config.memory).toBe(1024);
  });

  it('an option set only inside a block that is not run still has the command line\'s value', () => {
    const r = check(`${HEAD}if big:\n    memory = 4096\n`, { memory: '1024' });
    expect(r.config.memory).toBe(1024);
  });

  it('converts as create.py did: set_value, set_bool, append_value, set_long', () => {
    const r = check(`${HEAD}localtime = 0\ndisk = ["phy:/dev/a,xvda,w", "phy:/dev/b,xvdb,w"]\n`, {
      name: 'web01',
      localtime: 'yes',
      disk: 'phy:/dev/c,xvdc,w',
      vcpu_avail: '3L',
      on_crash: 'preserve',
    });
    expect(r.config.name).toBe('web01');
    expect(r.config.localtime).toBe(true);
    expect((r.config.disk as { target: string }[]).map((d) => d.target)).toEqual(['/dev/c']);
    expect(r.config.vcpu_avail).toBe(3);
    expect(r.config.on_crash).toBe('preserve');
    expect(r.findings).toEqual([]);
  });

  it('a value the option\'s conversion refuses is XM0240 at 1:1, and the file\'s value stands', () => {
    for (const [name, value] of [['memory', '0x400'], ['memory', '1.5'], ['vcpus', 'two'], ['localtime', '1'], ['stdvga', 'Yes'], ['vcpu_avail', '0x3']] as const) {
      const r = check(`${HEAD}memory = 512\n`, { [name]: value });
      expect(r.findings, `${name}=${value}`).toEqual(['XM0240 1:1']);
      expect(r.config.memory).toBe(512);
    }
  });
});

describe('--define of a script variable', () => {
  it('is read by the file: name = "vm%d" % vmid', () => {
    const r = check('name = "vm%d" % vmid\nkernel = "/k"\n', { vmid: '3' });
    expect(r.config.name).toBe('vm3');
    expect(r.findings).toEqual([]);
  });

  it('is rebound by the file\'s own assignment, which wins', () => {
    const r = check('vmid = 7\nname = "vm%d" % vmid\nkernel = "/k"\n', { vmid: '3' });
    expect(r.config.name).toBe('vm7');
  });
});

describe('--define in an xl file', () => {
  it('is ignored: memory stays the file\'s', () => {
    const r = check(`${HEAD}memory = 512\n`, { memory: '1024' }, 'xl');
    expect(r.config.memory).toBe(512);
    expect(r.findings).toEqual([]);
  });
});
