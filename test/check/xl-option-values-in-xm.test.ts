/**
 * The value of an xl-only option in an xm file: create.py copied only the variables it knew into
 * its options, so xm never parsed a usbctrl, vkb, arm_sci, … string. The truthful finding is the
 * XM0553 note at the key; what xl's readers and schema would say about the value (XM0217, XM0218,
 * XM0222, XM0102, XM0104, …) is no finding of the xm file, and `check` exits 0 on it. The same line
 * read as xl keeps every check. In xm the normalised config keeps an xl reading only when nothing
 * was found in it. (vtpm is no xl-only option: create.py reads it, preprocess_vtpm; decision 121.)
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { findingSpans, norm } from '../normalize/helpers.js';

const HEAD = 'name = "t"\nkernel = "/k"\n';

/** A line (line 3 of the file), its findings in xm and in xl (CODE@line:col-line:col), and its normalised value in xm. */
type Row = [line: string, xm: string[], xl: string[], xmValue: unknown];

const ROWS: Row[] = [
  ['usbctrl = [ "type=pv,version=9,bogus=1" ]', ['XM0553@3:1-3:8'], ['XM0217@3:30-3:31', 'XM0222@3:32-3:37'], undefined],
  ['usbdev = [ "hostbus=1,hostaddr=2,foo=3" ]', ['XM0553@3:1-3:7'], ['XM0222@3:34-3:37'], undefined],
  ['vkb = [ "backend=0,unknown=1" ]', ['XM0553@3:1-3:4'], ['XM0217@3:10-3:29', 'XM0222@3:20-3:27'], undefined],
  ['vkb = [ "backend-type=linux" ]', ['XM0553@3:1-3:4'], [], [{ spec: 'backend-type=linux', 'backend-type': 'linux' }]],
  ['arm_sci = "type=scmi_smc,agent_id=300"', ['XM0553@3:1-3:8'], ['XM0217@3:35-3:38'], undefined],
  ['arm_sci = "type=scmi_smc,bad=1"', ['XM0553@3:1-3:8'], ['XM0218@3:26-3:29'], undefined],
  ['vsnd = [ [ "card, bogus=1" ] ]', ['XM0553@3:1-3:5'], ['XM0222@3:19-3:24'], undefined],
  ['channel = [ "name=x" ]', ['XM0553@3:1-3:8'], ['XM0217@3:14-3:20'], undefined],
  ['p9 = [ "tag=a,foo" ]', ['XM0553@3:1-3:3'], ['XM0217@3:15-3:18'], undefined],
  ['pvcalls = [ "backend=d,x" ]', ['XM0553@3:1-3:8'], ['XM0232@3:24-3:25'], undefined],
  ['vdispl = [ "backend=0" ]', ['XM0553@3:1-3:7'], ['XM0217@3:13-3:22'], undefined],
  ['virtio = [ "zz" ]', ['XM0553@3:1-3:7'], ['XM0217@3:13-3:15'], undefined],
  ['rdm = "strategy=bad"', ['XM0553@3:1-3:4'], ['XM0233@3:17-3:20'], undefined],
  ['iomem = [ "zz" ]', ['XM0553@3:1-3:6'], ['XM0217@3:12-3:14'], undefined],
  ['cpus_soft = "3-1"', ['XM0553@3:1-3:10'], ['XM0205@3:14-3:17'], undefined],
  ['cpus_soft = "nodes:0-1,^node:0"', ['XM0553@3:1-3:10'], [], { text: 'nodes:0-1,^node:0', items: [{ kind: 'node', from: 0, to: 1, negate: false }, { kind: 'node', from: 0, to: 0, negate: true }] }],
  ['vnuma = 3', ['XM0553@3:1-3:6'], ['XM0102@3:9-3:10'], undefined],
  // Schema findings: xl's enum and type checks of an xl-only option.
  ['type = "foo"', ['XM0553@3:1-3:5'], ['XM0104@3:8-3:13'], undefined],
  ['device_model_args = 5', ['XM0553@3:1-3:18'], ['XM0102@3:21-3:22'], undefined],
  ['cap = "abc"', ['XM0553@3:1-3:4'], ['XM0108@3:7-3:12'], undefined],
  // vtpm is xm's too (create.py's preprocess_vtpm refuses an item that is not key=value): no XM0553.
  ['vtpm = [ "backend=0,x" ]', ['XM0217@3:21-3:22'], ['XM0232@3:21-3:22'], [{ spec: 'backend=0,x', backend: '0' }]],
];

describe('an xl-only option value in xm is not judged; in xl it is', () => {
  for (const [line, xm, xl, xmValue] of ROWS) {
    it(line, () => {
      const text = `${HEAD}${line}\n`;
      const key = line.slice(0, line.indexOf(' '));
      const m = checkText(text, { dialect: 'xm' });
      expect(findingSpans(text, m.diagnostics)).toEqual(xm);
      expect((m.config as Record<string, unknown>)[key]).toEqual(xmValue);
      expect(findingSpans(text, checkText(text, { dialect: 'xl' }).diagnostics)).toEqual(xl);
    });
  }
});

describe('normalize() itself reports nothing about an xl-only value in xm', () => {
  for (const [line, , , xmValue] of ROWS.filter(([l]) => !l.startsWith('vtpm') && !l.startsWith('type') && !l.startsWith('device_model_args'))) {
    it(line, () => {
      const r = norm(`${HEAD}${line}\n`, 'xm');
      expect(r.diagnostics).toEqual([]);
      expect((r.config as Record<string, unknown>)[line.slice(0, line.indexOf(' '))]).toEqual(xmValue);
    });
  }
});

describe('auto picks xm for a Python-ism: the xl-only value is not judged there either', () => {
  it('usbctrl beside memory = 256 * 2', () => {
    const text = `${HEAD}memory = 256 * 2\nusbctrl = [ "type=pv,version=9" ]\n`;
    const r = checkText(text, { dialect: 'auto' });
    expect(r.dialect).toBe('xm');
    expect(findingSpans(text, r.diagnostics)).toEqual(['XM0553@4:1-4:8']);
  });
});
