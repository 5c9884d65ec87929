/**
 * Table-driven: an xm option xl never reads (XM0551) in the xl dialect (decision 118).
 * parse_config_data asks libxlu for none of them, so xl creates the guest whatever they hold: the
 * key is noted, the value is not judged, and `--dialect xm` still judges it. device_model and
 * vncviewer, which xl reads with a getter to warn (XM0552), keep the getter's judgement of the
 * value's kind; vif2's items xl never parses. Each row: line 3 of the file, the findings as
 * `CODE@line:col-line:col` in xl, then in xm.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

const HEAD = 'name = "t"\nkernel = "/k"\n';

type Row = [line: string, xl: string[], xm: string[]];

const ROWS: Row[] = [
  ['cpu_cap = "abc"', ['XM0551@3:1-3:8'], ['XM0108@3:11-3:16']],
  ['cpu_cap = 50', ['XM0551@3:1-3:8'], []],
  ['restart = "bogus"', ['XM0551@3:1-3:8'], ['XM0107@3:1-3:8', 'XM0104@3:11-3:18']],
  ['irq = "7"', ['XM0551@3:1-3:4'], ['XM0102@3:7-3:10']],
  ['nics = "two"', ['XM0551@3:1-3:5'], ['XM0108@3:8-3:13']],
  ['vif2 = ["x"]', ['XM0552@3:1-3:5'], ['XM0217@3:10-3:11']],
  // Read by a getter only to warn: the getter still judges the value's kind.
  // (xm reads device_model for HVM guests only: XM0244 on this PV guest.)
  ['device_model = [1]', ['XM0552@3:1-3:13', 'XM0102@3:16-3:19'], ['XM0244@3:1-3:13']],
  ['vncviewer = "yes"', ['XM0552@3:1-3:10', 'XM0108@3:13-3:18'], ['XM0108@3:13-3:18']],
];

describe('xm options xl never reads: the key is noted in xl, the value judged in xm only', () => {
  for (const [line, xl, xm] of ROWS) {
    it(line, () => {
      const spans = (dialect: 'xl' | 'xm') =>
        check(`${HEAD}${line}\n`, { dialect }).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
      expect(spans('xl')).toEqual(xl);
      expect(spans('xm')).toEqual(xm);
    });
  }
});
