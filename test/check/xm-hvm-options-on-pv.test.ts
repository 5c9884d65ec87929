/**
 * An HVM option in an xm PV guest: create.py handed acpi, apic, serial, vnc, … to xend only for
 * builder = "hvm" (configure_image → configure_hvm), so in a PV guest (builder "linux", xm's
 * default) xend never saw the value. xm: XM0244 at the key, and nothing about the value; the same
 * line in an HVM guest is judged. Options create.py read for every builder (localtime, keymap,
 * vncconsole, …) keep their findings. xl is unchanged: its own list (XM0230) and no XM0244.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { findingSpans } from '../normalize/helpers.js';

const PV = 'name = "t"\nkernel = "/k"\n';
const HVM = 'name = "t"\nbuilder = "hvm"\n';

/** Line 3 of the file, its findings (CODE@line:col-line:col) in an xm PV guest, in an xm HVM guest, and in xl after PV's head. */
type Row = [line: string, xmPv: string[], xmHvm: string[], xl: string[]];

const ROWS: Row[] = [
  ['acpi = "maybe"', ['XM0244@3:1-3:5'], ['XM0108@3:8-3:15'], ['XM0108@3:8-3:15']],
  ['acpi = 1', ['XM0244@3:1-3:5'], [], []],
  ['apic = 1', ['XM0244@3:1-3:5'], [], ['XM0230@3:1-3:5']],
  ['serial = 5', ['XM0244@3:1-3:7'], ['XM0102@3:10-3:11'], ['XM0230@3:1-3:7']],
  ['hpet = "yes"', ['XM0244@3:1-3:5'], ['XM0108@3:8-3:13'], ['XM0230@3:1-3:5']],
  ['vnc = "yes"', ['XM0244@3:1-3:4'], ['XM0108@3:7-3:12'], ['XM0108@3:7-3:12']],
  ['usbdevice = 3', ['XM0244@3:1-3:10'], ['XM0102@3:13-3:14'], ['XM0230@3:1-3:10']],
  ['soundhw = 5', ['XM0244@3:1-3:8'], ['XM0102@3:11-3:12'], ['XM0230@3:1-3:8']],
  ['timer_mode = "x"', ['XM0244@3:1-3:11'], ['XM0104@3:14-3:17'], ['XM0104@3:14-3:17', 'XM0221@3:14-3:17']],
  ['rtc_timeoffset = "x"', ['XM0244@3:1-3:15'], ['XM0108@3:18-3:21'], ['XM0108@3:18-3:21']],
  // xend: long("x") raises, xm create fails (decision 090; it was read as a Viridian group).
  ['viridian = "x"', ['XM0244@3:1-3:9'], ['XM0104@3:12-3:15'], ['XM0230@3:1-3:9']],
  ['vncpasswd = 5', ['XM0244@3:1-3:10'], ['XM0102@3:13-3:14'], []],
  ['device_model = 5', ['XM0244@3:1-3:13'], ['XM0102@3:16-3:17'], ['XM0552@3:1-3:13']],
  ['pci_msitranslate = "x"', ['XM0244@3:1-3:17'], ['XM0108@3:20-3:23'], ['XM0108@3:20-3:23']],
  ['xen_platform_pci = "q"', ['XM0244@3:1-3:17'], ['XM0108@3:20-3:23'], ['XM0230@3:1-3:17']],
  // xm dropped True (XM0554): in a PV guest the setting has no effect anyway, one finding.
  ['pae = True', ['XM0244@3:1-3:4'], ['XM0554@3:7-3:11'], ['XM0505@3:7-3:11']],
  // Read for every builder by create.py: judged in a PV guest too, no XM0244.
  ['localtime = "x"', ['XM0108@3:13-3:16'], ['XM0108@3:13-3:16'], ['XM0108@3:13-3:16']],
  ['keymap = 5', ['XM0102@3:10-3:11'], ['XM0102@3:10-3:11'], []],
  // xl never reads vncconsole: XM0551 at the key, its value not judged (decision 118).
  ['vncconsole = "x"', ['XM0108@3:14-3:17'], ['XM0108@3:14-3:17'], ['XM0551@3:1-3:11']],
];

describe('an HVM option in an xm PV guest is not judged (XM0244); in an HVM guest it is; xl unchanged', () => {
  for (const [line, xmPv, xmHvm, xl] of ROWS) {
    it(line, () => {
      expect(findingSpans(PV + line, checkText(`${PV}${line}\n`, { dialect: 'xm' }).diagnostics)).toEqual(xmPv);
      expect(findingSpans(HVM + line, checkText(`${HVM}${line}\n`, { dialect: 'xm' }).diagnostics)).toEqual(xmHvm);
      expect(findingSpans(PV + line, checkText(`${PV}${line}\n`, { dialect: 'xl' }).diagnostics)).toEqual(xl);
    });
  }
});

describe('XM0244 around the builder', () => {
  const spans = (text: string, dialect: 'xm' | 'auto' = 'xm') => findingSpans(text, checkText(text, { dialect }).diagnostics);

  it('an explicit PV builder: a warning at the key, the builder as the related span', () => {
    const text = 'name = "t"\nbuilder = "linux"\nkernel = "/k"\nacpi = "maybe"\n';
    const d = checkText(text, { dialect: 'xm' }).diagnostics;
    expect(findingSpans(text, d)).toEqual(['XM0244@4:1-4:5']);
    expect(d[0]!.severity).toBe('warning');
    expect(findingSpans(text, d[0]!.related!.map((r) => ({ code: 'rel', span: r.span })))).toEqual(['rel@2:11-2:18']);
  });

  it('a builder xm refused: the type is not known, so no XM0244 and the value is not judged', () => {
    expect(spans('name = "t"\nbuilder = "foo"\nacpi = "maybe"\n')).toEqual(['XM0104@2:11-2:16']);
  });

  it('an xl file read as xm: xm ignored type, so the guest is PV (without a kernel or a disk: XM0241)', () => {
    expect(spans('name = "t"\ntype = "hvm"\nacpi = "maybe"\n')).toEqual(['XM0241@1:1-1:11', 'XM0553@2:1-2:5', 'XM0244@3:1-3:5']);
  });

  it('a rule finding in the value is dropped too (vncdisplay and a display in vnclisten, XM0220)', () => {
    const text = `${PV}vncdisplay = 1\nvnclisten = "0.0.0.0:3"\n`;
    expect(spans(text)).toEqual(['XM0244@3:1-3:11', 'XM0244@4:1-4:10']);
  });

  it('a key written twice is still reported (XM0201), the values are not', () => {
    expect(spans(`${PV}acpi = "a"\nacpi = "b"\n`)).toEqual(['XM0201@4:1-4:5', 'XM0244@4:1-4:5']);
  });

  it('an auto-detected xm file', () => {
    const text = 'name = "vm%d" % 3\nkernel = "/k"\nacpi = "maybe"\n';
    expect(checkText(text, { dialect: 'auto' }).dialect).toBe('xm');
    expect(spans(text, 'auto')).toEqual(['XM0244@3:1-3:5']);
  });
});
