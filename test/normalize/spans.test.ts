/** The span map: every normalised field points back at its key and at the exact text of its value. */
import { describe, it, expect } from 'vitest';
import { norm } from './helpers.js';
import { parse } from '../../src/syntax/index.js';
import { normalizeWithEffective } from '../../src/normalize/index.js';

describe('span map', () => {
  const text = [
    'name = "web"',
    'memory = 1024',
    'disk = [ "phy:/dev/vg/web,xvda,w", "format=raw, vdev=xvdb, target=/img/b" ]',
    'cpus = ["0-1", "2"]',
    'vnuma = [["pnode=0", "size=2048", "vcpus=0-1", "vdistances=10"]]',
    'pci = ["0000:01:00.0,permissive=1"]',
    'vif = ["mac=00:16:3e:00:00:01,bridge=xenbr0"]',
    '',
  ].join('\n');
  const r = norm(text, 'xl');
  const rows: [string, string, string][] = [
    ['/memory', 'memory', '1024'],
    ['/disk', 'disk', '[ "phy:/dev/vg/web,xvda,w", "format=raw, vdev=xvdb, target=/img/b" ]'],
    ['/disk/0', 'disk', '"phy:/dev/vg/web,xvda,w"'],
    ['/disk/0/target', 'disk', '/dev/vg/web'],
    ['/disk/0/vdev', 'disk', 'xvda'],
    ['/disk/0/access', 'disk', 'w'],
    ['/disk/1/vdev', 'disk', 'xvdb'],
    ['/disk/1/target', 'disk', '/img/b'],
    ['/cpus/1', 'cpus', '"2"'],
    ['/vnuma/0/size', 'vnuma', '2048'],
    ['/vnuma/0/vcpus', 'vnuma', '0-1'],
    ['/pci/0/bdf', 'pci', '0000:01:00.0'],
    ['/pci/0/permissive', 'pci', '1'],
    ['/vif/0/mac', 'vif', '00:16:3e:00:00:01'],
    ['/vif/0/bridge', 'vif', 'xenbr0'],
  ];
  for (const [ptr, key, value] of rows) {
    it(`${ptr} → ${value}`, () => {
      expect(r.at(ptr, 'key')).toBe(key);
      expect(r.at(ptr)).toBe(value);
    });
  }
  it('no diagnostics for a clean file', () => expect(r.diagnostics).toEqual([]));

  it('NUMA pointers (xm)', () => {
    const t = 'name = "a"\nnumanodes = 2\nnumanode = 0, 1\n';
    const m = norm(t, 'xm');
    expect(m.at('/numa', 'key')).toBe('numanode');
    expect(m.at('/numa/node_count', 'key')).toBe('numanodes');
    expect(m.at('/numa/nodes/1')).toBe('1');
  });

  it('a string with escapes maps sub-fields to the whole value', () => {
    const t = 'name = "a"\ndisk = ["phy:/dev/a\\tb,xvda,w"]\n';
    const m = norm(t, 'xl');
    expect(m.at('/disk/0/vdev')).toBe('"phy:/dev/a\\tb,xvda,w"');
  });

  it('triple-quoted strings (xm) map sub-spans exactly', () => {
    const m = norm('name = "a"\ndisk = ["""phy:/d,xvda,w"""]\n', 'xm');
    expect(m.at('/disk/0/vdev')).toBe('xvda');
  });
});

describe('normalize diagnostics', () => {
  const pos = (text: string, dialect: 'xl' | 'xm' = 'xl') => {
    const r = norm(text, dialect);
    return r.diagnostics.map((d) => {
      const p = r.lineIndex.position(d.span.start);
      return `${d.code} ${p.line}:${p.column} ${text.slice(d.span.start, d.span.end)}`;
    });
  };
  it('duplicate key: at the later key, related to the first', () => {
    const text = 'name = "a"\nmemory = 1\nvcpus = 1\nmemory = 2\n';
    const r = norm(text);
    expect(pos(text)).toEqual(['XM0201 4:1 memory']);
    expect(r.lineIndex.position(r.diagnostics[0]!.related![0]!.span.start)).toEqual({ line: 2, column: 1 });
  });
  it('duplicate key with onDuplicate: handed over (setting and first setting), not built', () => {
    // checkText's cap (decision 011) builds an XM0201 only if it is kept.
    const text = 'name = "a"\nmemory = 1\nmemory = 2\nmemory = 3\n';
    const handed: [number, number][] = [];
    const r = normalizeWithEffective(parse(text, { dialect: 'xl' }).settings, { dialect: 'xl', onDuplicate: (s, first) => handed.push([s.keySpan.start, first.keySpan.start]) });
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(handed).toEqual([[22, 11], [33, 11]]);
  });
  it('+= after = is not a duplicate', () => expect(pos('name = "a"\nextra = "x"\nextra += "y"\n')).toEqual([]));
  it('xl += on a numeric key is refused', () => expect(pos('name = "a"\nvcpus += 2\n')).toEqual(['XM0109 2:1 vcpus']));
  it('xm += on a numeric key is fine (Python arithmetic)', () => expect(pos('name = "a"\nvcpus = 1\nvcpus += 2\n', 'xm')).toEqual([]));
  it('invalid number text', () => expect(pos('name = "a"\nmemory = "0x"\n')).toEqual(['XM0108 2:10 "0x"']));
  it('bad CPU list item at its exact text', () => expect(pos('name = "a"\ncpus = "0-3,5-4,^all"\n')).toEqual(['XM0205 2:13 5-4', 'XM0205 2:17 ^all']));
  // vcpus = 2: xl reads the second entry (one past max_vcpus it never would).
  it('non-string per-vCPU entry', () => expect(pos('name = "a"\nvcpus = 2\ncpus = ["1", ["2"]]\n')).toEqual(['XM0102 3:14 ["2"]']));
  it('disk spec errors point inside the string', () =>
    expect(pos('name = "a"\ndisk = ["/img,qcow3,xvda,rw", "vdev=xvda,access=rx,target=/b"]\n')).toEqual(['XM0213 2:15 qcow3', 'XM0213 2:49 rx']));
  it('a disk needs a list (xl warns and ignores a string: XM0258; xm: XM0102)', () => {
    expect(pos('name = "a"\ndisk = "phy:/a,xvda,w"\n')).toEqual(['XM0258 2:8 "phy:/a,xvda,w"']);
    expect(pos('name = "a"\ndisk = "phy:/a,xvda,w"\n', 'xm')).toEqual(['XM0102 2:8 "phy:/a,xvda,w"']);
  });
  it('pci errors', () => expect(pos('name = "a"\npci = ["0000:01:00.9", "01:00.0,permissive=yes", "01:00.0,bogus=1"]\n')).toEqual(['XM0215 2:20 9', 'XM0231 2:44 yes', 'XM0222 2:59 bogus']));
  it('vnuma errors', () =>
    // vcpus=-1 reads as ULONG_MAX, where xl's loop never ends (a backwards "3-1" is XM0231 since decision 031).
    expect(pos('name = "a"\nvnuma = [["pnode=x", "size=1", "vcpus=-1", "vdistances=10,a"], "s"]\n')).toEqual([
      'XM0216 2:18 x',
      'XM0216 2:39 -1',
      'XM0216 2:59 a',
      'XM0216 2:64 "s"',
    ]));
  it('vnuma with a missing key (warning)', () => {
    const r = norm('name = "a"\nvnuma = [["pnode=0", "size=1"]]\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['XM0216', 'warning']]);
  });
  it('channel and serial', () =>
    expect(pos('name = "a"\nchannel = ["connection=tcp,name=x"]\nserial = "bogus:1"\n')).toEqual(['XM0217 2:24 tcp', 'XM0218 3:11 bogus'])
  );
  // xl reads ports with atoi (0x10 is 0: libxl's default, 8 ports), hostbus/hostaddr with strtoul base 0 (1a is 1, 09 is 0).
  it('usb numbers as xl reads them', () =>
    expect(pos('name = "a"\nusbctrl = ["ports=0x10"]\nusbdev = ["hostbus=1a,hostaddr=09"]\n')).toEqual(['XM0231 2:19 0x10', 'XM0231 3:20 1a', 'XM0231 3:32 09']));
  it('the same numbers in xm are errors', () =>
    expect(pos('name = "a"\nvfb = ["vnc=yes"]\npci = ["01:00.0,msitranslate=on"]\n', 'xm')).toEqual(['XM0217 2:13 yes', 'XM0215 3:30 on']));
  it('virtio type keeps its comma; other keys still checked', () =>
    expect(pos('name = "a"\nvirtio = ["type=virtio,device22,device23"]\n')).toEqual(['XM0217 2:33 device23']));
  it('numa value errors (xm)', () => expect(pos('name = "a"\nnuma = 2\nnumanode = [0, -1]\n', 'xm')).toEqual(['XM0301 2:8 2', 'XM0307 3:16 -1']));
});
