/**
 * A single value (string or number) for an option xl reads only as a list. parse_config_data reads
 * these with `if (!xlu_cfg_get_list(config, KEY, …, 0)) { … }`: libxlu warns "parameter `KEY' is a
 * single value but should be a list" and xl creates the guest without the option (XM0258, a
 * warning; the option is left out). Options xl exits on stay XM0102; options xl reads as a string
 * keep their own findings; xm is unchanged. Findings as `CODE@line:col-line:col` (end exclusive).
 */
import { describe, it, expect } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import type { Dialect } from '../../src/syntax/value.js';

/** Check `name = "t"`, `line` and a bootloader with its disk; the findings (not infos) and the config. */
function check(line: string, dialect: Dialect = 'xl'): { found: string[]; config: Record<string, unknown> } {
  // The disk the bootloader reads (else XM0252), unless the line is about disk itself.
  const disk = /^disk\s*=/m.test(line) ? '' : 'disk = ["/dev/vg/t,raw,xvda,rw"]\n';
  const text = `name = "t"\n${line}\nbootloader = "pygrub"\n${disk}`;
  const r = checkText(text, { dialect });
  const li = new LineIndex(text);
  const at = (o: number) => `${li.position(o).line}:${li.position(o).column}`;
  return { found: r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${at(d.span.start)}-${at(d.span.end)}`), config: r.config as Record<string, unknown> };
}

/** `CODE@2:a-2:b` for the value of `KEY = VALUE` on line 2. */
function atValue(code: string, key: string, value: string): string {
  const start = key.length + 4;
  return `${code}@2:${start}-2:${start + value.length}`;
}

const IGNORED: [key: string, value: string][] = [
  // device lists
  ['disk', '"phy:/dev/vg/a,xvda,w"'],
  ['vif', '"bridge=xenbr0"'],
  ['pci', '"01:00.0"'],
  ['dtdev', '"/soc/serial@1c28000"'],
  ['p9', '"tag=t,path=/srv,security_model=none"'],
  ['vtpm', '"backend=vtpmd"'],
  ['vdispl', '"connectors=c0:1024x768"'],
  ['pvcalls', '"backend=0"'],
  ['vsnd', '"card"'],
  ['channel', '"name=c,connection=pty"'],
  ['vfb', '"vnc=1"'],
  ['usbctrl', '"type=pv"'],
  ['usbdev', '"hostbus=1,hostaddr=2"'],
  ['vkb', '"backend-type=linux"'],
  ['virtio', '"backend=0,type=virtio,device22"'],
  // resources and string lists
  ['ioports', '"3f8"'],
  ['irqs', '"7"'],
  ['irqs', '7'],
  ['iomem', '"1,2"'],
  ['llc_colors', '"0-3"'],
  ['xenstore_quota', '"nodes=100"'],
];

describe('xl: a single value where only a list is read is warned about and ignored (XM0258)', () => {
  for (const [key, value] of IGNORED) {
    it(`${key} = ${value}`, () => {
      const { found, config } = check(`${key} = ${value}`);
      // xl ignores a single disk too, so the bootloader is left without one (XM0252, at it on line 3).
      expect(found).toEqual(key === 'disk' ? [atValue('XM0258', key, value), 'XM0252@3:14-3:22'] : [atValue('XM0258', key, value)]);
      expect(config[key]).toBeUndefined();
    });
  }

  it('the same options as lists are read', () => {
    const { found, config } = check('dtdev = ["/a"]\nllc_colors = ["0-3"]\nirqs = ["7"]');
    expect(found).toEqual([]);
    expect(config.dtdev).toEqual(['/a']);
    expect(config.irqs).toEqual([7]);
  });
});

describe('xl: single values xl exits on or reads another way keep their findings', () => {
  it.each(['device_model_args', 'device_model_args_pv', 'device_model_args_hvm'])('%s = "-x" exits ("Unable to parse device_model_args"): XM0102', (key) => {
    expect(check(`${key} = "-x"`).found).toEqual([atValue('XM0102', key, '"-x"')]);
  });

  it('smbios on an HVM guest: "Unable to parse smbios options", XM0102', () => {
    expect(check('type = "hvm"\nsmbios = "bios_vendor=x"').found).toEqual(['XM0102@3:10-3:25']);
  });

  it('bootloader_args as a string: split at blanks, deprecated (XM0107)', () => {
    expect(check('bootloader_args = "-q"').found).toEqual([atValue('XM0107', 'bootloader_args', '"-q"')]);
  });

  it('cpuid as a string is the "host,…" form', () => {
    expect(check('cpuid = "host,aes=0"').found).toEqual([]);
  });
});

describe('xm: unchanged', () => {
  it.each([
    ['disk', '"phy:/dev/vg/a,xvda,w"'],
    ['ioports', '"3f8"'],
  ])('%s = %s is XM0102', (key, value) => {
    // (xm also says XM0241 about the bootloader line the helper adds)
    expect(check(`${key} = ${value}`, 'xm').found.filter((f) => f.endsWith(`@2:${key.length + 4}-2:${key.length + 4 + value.length}`))).toEqual([atValue('XM0102', key, value)]);
  });
});
