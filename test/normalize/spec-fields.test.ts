/**
 * Table-driven: the typed `key=value` device specs (vtpm, p9, pvcalls, vdispl, vkb, virtio, rdm),
 * vsnd items and ioports/iomem ranges. Each row: one option line (line 2 of the file), the
 * normalised value, and the findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { describe, it, expect } from 'vitest';
import { norm, xlTable } from './helpers.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';

const table = xlTable;

table('vtpm', [
  ['vtpm = ["backend=dom0,uuid=B2C1E2C6-0000-4000-8000-000000000001"]', 'vtpm', [{ spec: 'backend=dom0,uuid=B2C1E2C6-0000-4000-8000-000000000001', backend: 'dom0', uuid: 'B2C1E2C6-0000-4000-8000-000000000001' }], []],
  ['vtpm = ["backend=0,bogus=1"]', 'vtpm', [{ spec: 'backend=0,bogus=1', backend: '0', other: { bogus: '1' } }], ['XM0222@2:20-2:25']],
  // xl exits at the bad uuid ("Failed to parse vtpm UUID"), and without backend= too
  // ("vtpm spec missing required backend field!", at the whole spec).
  ['vtpm = ["uuid=x"]', 'vtpm', [{ spec: 'uuid=x' }], ['XM0217@2:15-2:16', 'XM0217@2:10-2:16']],
  ['vtpm = ["uuid=B2C1E2C6-0000-4000-8000-000000000001"]', 'vtpm', [{ spec: 'uuid=B2C1E2C6-0000-4000-8000-000000000001', uuid: 'B2C1E2C6-0000-4000-8000-000000000001' }], ['XM0217@2:10-2:51']],
  // xl's vtpm loop ends at an item without "=" (XM0232); backend= was not read before it, so xl exits.
  ['vtpm = ["backend"]', 'vtpm', [{ spec: 'backend' }], ['XM0232@2:10-2:17', 'XM0217@2:10-2:17']],
  // backend= was read first: xl goes on, and never reads what follows the bare item.
  ['vtpm = ["backend=d,foo,uuid=x"]', 'vtpm', [{ spec: 'backend=d,foo,uuid=x', backend: 'd' }], ['XM0232@2:20-2:23']],
  // An item of blanks is an item for strtok (",," is not): the loop ends there too, before backend=.
  ['vtpm = [" ,backend=d"]', 'vtpm', [{ spec: ' ,backend=d' }], ['XM0232@2:10-2:11', 'XM0217@2:10-2:21']],
  ['vtpm = [",,backend=d"]', 'vtpm', [{ spec: ',,backend=d', backend: 'd' }], []],
]);

table('p9', [
  [
    'p9 = ["tag=t,path=/s,security_model=none,type=xen_9pfsd,max-space=0x10,max-files=010,max-open-files=7,auto-delete=1"]',
    'p9',
    [{ spec: 'tag=t,path=/s,security_model=none,type=xen_9pfsd,max-space=0x10,max-files=010,max-open-files=7,auto-delete=1', tag: 't', path: '/s', security_model: 'none', type: 'xen_9pfsd', 'max-space': 16, 'max-files': 8, 'max-open-files': 7, 'auto-delete': true }],
    [],
  ],
  ['p9 = ["tag=t,type=9p"]', 'p9', [{ spec: 'tag=t,type=9p', tag: 't' }], ['XM0217@2:19-2:21']],
  ['p9 = ["max-files=09"]', 'p9', [{ spec: 'max-files=09' }], ['XM0217@2:18-2:20']],
  ['p9 = ["auto-delete=yes"]', 'p9', [{ spec: 'auto-delete=yes' }], ['XM0217@2:20-2:23']],
]);

table('pvcalls and vdispl', [
  ['pvcalls = ["backend=dom1"]', 'pvcalls', [{ spec: 'backend=dom1', backend: 'dom1' }], []],
  // xl's pvcalls loop ends at an item without "=" and reads nothing after it; backend is optional.
  ['pvcalls = ["backend"]', 'pvcalls', [{ spec: 'backend' }], ['XM0232@2:13-2:20']],
  ['pvcalls = ["backend=dom1,x,devid=2"]', 'pvcalls', [{ spec: 'backend=dom1,x,devid=2', backend: 'dom1' }], ['XM0232@2:26-2:27']],
  // Blanks after the last item lose nothing: no finding.
  ['pvcalls = ["backend=dom1,  "]', 'pvcalls', [{ spec: 'backend=dom1,  ', backend: 'dom1' }], []],
  ['pvcalls = ["backend=dom1,  ,devid=2"]', 'pvcalls', [{ spec: 'backend=dom1,  ,devid=2', backend: 'dom1' }], ['XM0232@2:26-2:28']],
  ['pvcalls = ["backend=dom1,devid=2"]', 'pvcalls', [{ spec: 'backend=dom1,devid=2', backend: 'dom1', other: { devid: '2' } }], ['XM0222@2:26-2:31']],
  [
    'vdispl = ["be-alloc=1,connectors=c0:1920x1080;c1:800x600"]',
    'vdispl',
    [{ spec: 'be-alloc=1,connectors=c0:1920x1080;c1:800x600', 'be-alloc': true, connectors: [{ unique_id: 'c0', width: 1920, height: 1080 }, { unique_id: 'c1', width: 800, height: 600 }] }],
    [],
  ],
  // At the resolution sscanf("%ux%u") cannot read (src/normalize/vdispl-xl.ts).
  ['vdispl = ["connectors=c0:big"]', 'vdispl', [{ spec: 'connectors=c0:big' }], ['XM0217@2:26-2:29']],
  // parse_config_data's vdispl loop: `if (vdispl->num_connectors == 0) { … "At least one connector
  // should be specified." … }`, and xl exits (at the whole spec).
  ['vdispl = ["backend=d"]', 'vdispl', [{ spec: 'backend=d', backend: 'd' }], ['XM0217@2:12-2:21']],
  // parse_vdispl_config: `sscanf(resolution, "%ux%u", …)` ignores what follows the height (XM0231, what xl uses).
  ['vdispl = ["connectors=c0:800x600x3"]', 'vdispl', [{ spec: 'connectors=c0:800x600x3', connectors: [{ unique_id: 'c0', width: 800, height: 600 }] }], ['XM0231@2:23-2:35']],
]);

table('arm_sci', [
  ['arm_sci = "type=SCMI_SMC,agent_id=0x10"', 'arm_sci', { spec: 'type=SCMI_SMC,agent_id=0x10', type: 'scmi_smc', agent_id: 16 }, []],
  ['arm_sci = "type=scmi"', 'arm_sci', { spec: 'type=scmi' }, ['XM0217@2:17-2:21']],
  ['arm_sci = "type=none,agent_id=256"', 'arm_sci', { spec: 'type=none,agent_id=256', type: 'none' }, ['XM0217@2:31-2:34']],
  ['arm_sci = "type=none,agent_id=x"', 'arm_sci', { spec: 'type=none,agent_id=x', type: 'none' }, ['XM0217@2:31-2:32']],
  ['arm_sci = "type=none,agent=2"', 'arm_sci', { spec: 'type=none,agent=2', type: 'none', other: { agent: '2' } }, ['XM0218@2:22-2:27']],
]);

table('vkb', [
  ['vkb = ["backend-type=linux,width=0x400,feature-abs-pointer=1"]', 'vkb', [{ spec: 'backend-type=linux,width=0x400,feature-abs-pointer=1', 'backend-type': 'linux', width: 1024, 'feature-abs-pointer': true }], []],
  // xl reads width with strtoul(oparg, NULL, 0): "abc" is 0, a warning.
  ['vkb = ["backend-type=qemu,width=abc"]', 'vkb', [{ spec: 'backend-type=qemu,width=abc', 'backend-type': 'qemu', width: 0 }], ['XM0231@2:33-2:36']],
  ['vkb = ["backend-type=xen"]', 'vkb', [{ spec: 'backend-type=xen' }], ['XM0217@2:22-2:25']],
  ['vkb = ["backend-type=QEMU,colour=red"]', 'vkb', [{ spec: 'backend-type=QEMU,colour=red', 'backend-type': 'qemu', other: { colour: 'red' } }], ['XM0222@2:27-2:33']],
  // xl exits: "backend-type should be set in vkb spec" (at the whole spec).
  ['vkb = ["width=800"]', 'vkb', [{ spec: 'width=800', width: 800 }], ['XM0217@2:9-2:18']],
  ['vkb = ["backend-type=linux", "unique-id=k1"]', 'vkb', [{ spec: 'backend-type=linux', 'backend-type': 'linux' }, { spec: 'unique-id=k1', 'unique-id': 'k1' }], ['XM0217@2:31-2:43']],
  // Multi-touch needs a non-zero size (a size alone turns it on); at feature-multi-touch's value.
  ['vkb = ["backend-type=linux,feature-multi-touch=1"]', 'vkb', [{ spec: 'backend-type=linux,feature-multi-touch=1', 'backend-type': 'linux', 'feature-multi-touch': true }], ['XM0217@2:48-2:49']],
  [
    'vkb = ["backend-type=linux,feature-multi-touch=1,multi-touch-width=0"]',
    'vkb',
    [{ spec: 'backend-type=linux,feature-multi-touch=1,multi-touch-width=0', 'backend-type': 'linux', 'feature-multi-touch': true, 'multi-touch-width': 0 }],
    ['XM0217@2:48-2:49'],
  ],
  [
    'vkb = ["backend-type=linux,feature-multi-touch=1,multi-touch-num-contacts=4"]',
    'vkb',
    [{ spec: 'backend-type=linux,feature-multi-touch=1,multi-touch-num-contacts=4', 'backend-type': 'linux', 'feature-multi-touch': true, 'multi-touch-num-contacts': 4 }],
    [],
  ],
  ['vkb = ["backend-type=linux,feature-multi-touch=0"]', 'vkb', [{ spec: 'backend-type=linux,feature-multi-touch=0', 'backend-type': 'linux', 'feature-multi-touch': false }], []],
  // A size that is not a number is 0 for xl's strtoul (XM0231), so multi-touch has no size and xl exits.
  ['vkb = ["backend-type=linux,feature-multi-touch=1,multi-touch-width=x"]', 'vkb', [{ spec: 'backend-type=linux,feature-multi-touch=1,multi-touch-width=x', 'backend-type': 'linux', 'feature-multi-touch': true, 'multi-touch-width': 0 }], ['XM0231@2:68-2:69', 'XM0217@2:48-2:49']],
]);

table('virtio', [
  // xl takes `type=virtio,NAME` as one value.
  ['virtio = ["type=virtio,device22,transport=mmio,grant_usage=0"]', 'virtio', [{ spec: 'type=virtio,device22,transport=mmio,grant_usage=0', type: 'virtio,device22', transport: 'mmio', grant_usage: false }], []],
  ['virtio = ["transport=pci"]', 'virtio', [{ spec: 'transport=pci' }], ['XM0217@2:22-2:25']],
  ['virtio = ["transport=MMIO"]', 'virtio', [{ spec: 'transport=MMIO', transport: 'mmio' }], []],
  ['vsnd = [["stream, type=x"]]', 'vsnd', [[{ spec: 'stream, type=x', element: 'stream' }]], ['XM0217@2:24-2:25']],
  ['virtio = ["type=virtio,bogus=1"]', 'virtio', [{ spec: 'type=virtio,bogus=1', type: 'virtio,bogus=1' }], []],
]);

table('rdm', [
  ['rdm = "strategy=host"', 'rdm', { spec: 'strategy=host', strategy: 'host' }, []],
  // Since Xen 4.15 xlu_rdm_parse fails on every valid policy (`if (!parse_rdm_policy(…)) goto
  // parse_error;`, libxlu_pci.c 9cd5bbf5), in any case (libxl's enum names), first or last.
  ['rdm = "strategy=host,policy=relaxed"', 'rdm', undefined, ['XM0233@2:29-2:36']],
  ['rdm = "policy=strict,strategy=host"', 'rdm', undefined, ['XM0233@2:15-2:21']],
  ['rdm = "strategy=host,policy=STRICT"', 'rdm', undefined, ['XM0233@2:29-2:35']],
  // xl never exits on rdm: xlu_rdm_parse fails (no message for an item without "="), and
  // parse_config_data goes on without rdm (XM0233, a warning), so the setting is dropped. An unknown
  // policy ("Unknown RDM policy: loose") is passed over, but without strategy=host the strategy is
  // an uninitialised variable's: dropped too (src/normalize/rdm-xl.ts).
  ['rdm = "policy=loose"', 'rdm', undefined, ['XM0233@2:15-2:20']],
  ['rdm = "strategy=host,foo"', 'rdm', undefined, ['XM0233@2:22-2:25']],
  ['rdm = "strategy=host,reserve=1"', 'rdm', undefined, ['XM0218@2:22-2:29']],
]);

table('vsnd', [
  [
    'vsnd = [["card, backend=dom0, short-name=A", "pcm, name=p, sample-rates=8000;0xac44", "stream, type=P, unique-id=s"]]',
    'vsnd',
    [[
      { spec: 'card, backend=dom0, short-name=A', element: 'card', backend: 'dom0', 'short-name': 'A' },
      { spec: 'pcm, name=p, sample-rates=8000;0xac44', element: 'pcm', name: 'p', 'sample-rates': [8000, 44100] },
      // libxl's enum names match in any case.
      { spec: 'stream, type=P, unique-id=s', element: 'stream', type: 'p', 'unique-id': 's' },
    ]],
    [],
  ],
  ['vsnd = [["card, sample-formats=S16_LE;u8"]]', 'vsnd', [[{ spec: 'card, sample-formats=S16_LE;u8', element: 'card', 'sample-formats': ['s16_le', 'u8'] }]], []],
  ['vsnd = [["speaker, name=x", "pcm"]]', 'vsnd', [[{ spec: 'pcm', element: 'pcm' }]], ['XM0217@2:11-2:18']],
  ['vsnd = [["pcm, backend=dom0"]]', 'vsnd', [[{ spec: 'pcm, backend=dom0', element: 'pcm', other: { backend: 'dom0' } }]], ['XM0222@2:16-2:23']],
]);

table('ioports and iomem', [
  ['ioports = ["2f8-2ff", "0x3f8", " 60-64"]', 'ioports', [{ spec: '2f8-2ff', first: 0x2f8, last: 0x2ff }, { spec: '0x3f8', first: 0x3f8, last: 0x3f8 }, { spec: ' 60-64', first: 0x60, last: 0x64 }], []],
  // xl (strtoul, no trimming) reads port 60 alone and only warns about " - 64 ".
  ['ioports = [" 60 - 64 "]', 'ioports', [{ spec: ' 60 - 64 ', first: 0x60, last: 0x60 }], ['XM0229@2:16-2:22']],
  ['ioports = ["2f8-zz", "300-2ff", "3f8"]', 'ioports', [{ spec: '3f8', first: 0x3f8, last: 0x3f8 }], ['XM0217@2:17-2:19', 'XM0217@2:27-2:30']],
  ['iomem = ["fe000,1", "a0000,20@c0"]', 'iomem', [{ spec: 'fe000,1', start: 0xfe000, number: 1 }, { spec: 'a0000,20@c0', start: 0xa0000, number: 0x20, gfn: 0xc0 }], []],
  ['iomem = ["fe000", "fe000,1@", "g,1"]', 'iomem', [], ['XM0217@2:11-2:16', 'XM0217@2:27-2:28', 'XM0217@2:32-2:33']],
]);

// xl's `sscanf(buf, "%" SCNx64 ",%" SCNx64 "%n@%" SCNx64 "%n", …)` and `ret < 2 || buf[used] != '\0'`,
// and strtoul's wrap of a minus; values recorded from that code compiled against glibc (docs/fuzzing.md).
table('iomem, ioports and irqs as xl scans them', [
  // %x skips blanks before a number, never after it: the blank at the end, and before the comma, make xl exit.
  ['iomem = ["1000,1 ", "1 ,2", "1,2 @3"]', 'iomem', [], ['XM0217@2:17-2:18', 'XM0217@2:22-2:26', 'XM0217@2:34-2:36']],
  // glibc reads a bare 0x as 0; signs and leading zeros are free; a gfn of UINT64_MAX is libxl's "no gfn".
  [
    'iomem = ["0x,1", " 1000, 2@ 5", "00000000000000001000,1", "+a,-0", "1,2@ffffffffffffffff"]',
    'iomem',
    [
      { spec: '0x,1', start: 0, number: 1 },
      { spec: ' 1000, 2@ 5', start: 0x1000, number: 2, gfn: 5 },
      { spec: '00000000000000001000,1', start: 0x1000, number: 1 },
      { spec: '+a,-0', start: 10, number: 0 },
      { spec: '1,2@ffffffffffffffff', start: 1, number: 2 },
    ],
    [],
  ],
  // xl reads these (a minus wraps to 2^64 - 1), but no host maps such a frame: XM0217 at the number.
  ['iomem = ["-1,1", "1,20000000000000"]', 'iomem', [], ['XM0217@2:11-2:13', 'XM0217@2:21-2:35']],
  // strtoul: "-ffffffffffffffff" wraps to 1 (and "-1" to ULONG_MAX, too big).
  ['ioports = ["-ffffffffffffffff", "-1"]', 'ioports', [{ spec: '-ffffffffffffffff', first: 1, last: 1 }], ['XM0217@2:34-2:36']],
  ['irqs = ["-18446744073709551615", "-1"]', 'irqs', [1], ['XM0103@2:34-2:38']],
]);

describe('spans of typed fields', () => {
  it('each typed value and unknown key is marked at its text', () => {
    const r = norm('name = "t"\nvkb = ["width=0x400,colour=red"]\nioports = ["2f8-2ff"]\n', 'xl');
    expect(r.at('/vkb/0/width')).toBe('0x400');
    expect(r.at('/vkb/0/other/colour')).toBe('red');
    expect(r.at('/ioports/0/first')).toBe('2f8');
    expect(r.at('/ioports/0/last')).toBe('2ff');
  });
});

describe('an item without "=" in xm', () => {
  // xm's comma_sep_kv_to_dict refused it ("should be a pair"), and xm's vtpm had no required backend.
  it.each([
    ['vtpm = ["backend=0,x"]', ['XM0217@2:20-2:21']],
    ['vtpm = ["uuid=B2C1E2C6-0000-4000-8000-000000000001"]', []],
    ['vfb = ["vnc=1,sdl,vnc=x"]', ['XM0217@2:15-2:18', 'XM0217@2:23-2:24']],
  ])('%s', (line, findings) => {
    const text = `name = "t"\n${line}\n`;
    const r = norm(text, 'xm');
    const li = new LineIndex(text);
    const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`)).toEqual(findings);
  });
});

describe('an item without "=" in xl, reader by reader', () => {
  // What each xl reader does with it (xl_parse.c, libxlu_pci.c): vfb, vtpm and pvcalls stop reading
  // (XM0232); vif warns "unrecognized argument" and goes on (XM0218); rdm is dropped (XM0233); the
  // others exit: channel and p9 "failed to parse … configuration", usbctrl, usbdev, vkb, vdispl and
  // virtio "Unknown string … in … spec", vsnd "Invalid parameter", pci "unable to parse
  // PCI_SPEC_STRING" (XM0217, XM0215).
  it.each([
    ['vfb = ["vnc=1,sdl"]', 'sdl', 'XM0232'],
    ['pvcalls = ["backend=d,x"]', 'x', 'XM0232'],
    ['vif = ["bridge=xenbr0,foo"]', 'foo', 'XM0218'],
    ['rdm = "strategy=host,foo"', 'foo', 'XM0233'],
    ['channel = ["name=a,pty"]', 'pty', 'XM0217'],
    ['p9 = ["tag=a,foo"]', 'foo', 'XM0217'],
    ['usbctrl = ["pv"]', 'pv', 'XM0217'],
    ['usbdev = ["hostdev"]', 'hostdev', 'XM0217'],
    ['vkb = ["backend-type=linux,foo"]', 'foo', 'XM0217'],
    ['vdispl = ["connectors=c:1x1,foo"]', 'foo', 'XM0217'],
    ['virtio = ["foo"]', 'foo', 'XM0217'],
    ['vsnd = [["card,short-name=a,foo"]]', 'foo', 'XM0217'],
    ['pci = ["01:00.0,foo"]', 'foo', 'XM0215'],
  ])('%s', (line, word, code) => {
    const text = `name = "t"\n${line}\n`;
    const r = norm(text, 'xl');
    const li = new LineIndex(text);
    const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
    const start = text.lastIndexOf(word);
    expect(r.diagnostics.map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`)).toEqual([`${code}@${at(start)}-${at(start + word.length)}`]);
  });
});
