/**
 * xm's `ioports` (create.py preprocess_ioports: split at every "-", each part prefixed "0x"; xend's
 * iopif.py: `int('0x' + part, 16)`, a range ending past 0xffff or running backwards refused), as
 * Python 2.7 reads them: recorded from a differential run against create.py (docs/fuzzing.md).
 */
import { describe, expect, it } from 'vitest';
import { findingSpans, norm } from './helpers.js';

type Row = [items: string, ports: [number, number][], findings: string[]];

const ROWS: Row[] = [
  ['"3f8-3ff", "10"', [[0x3f8, 0x3ff], [0x10, 0x10]], []],
  // A blank after a part is skipped by int(); one before it is inside "0x 3f8".
  ['"3f8 -3ff\\n"', [[0x3f8, 0x3ff]], []],
  ['" 3f8"', [], ['XM0217@2:14-2:18']],
  // The finding covers the whole string when the part starts with an escape.
  ['"\\n00003f8"', [], ['XM0217@2:13-2:24']],
  // "0x10" becomes "0x0x10"; a sign, an empty part, more than one "-".
  ['"0x10"', [], ['XM0217@2:14-2:18']],
  ['"+1"', [], ['XM0217@2:14-2:16']],
  ['"3f8-"', [], ['XM0217@2:17-2:18']],
  ['"1-2-3"', [], ['XM0217@2:17-2:18']],
  // xend: a last port from 0x10000 up, or below the first, is "Invalid i/o range".
  ['"fff0-10000"', [], ['XM0217@2:19-2:24']],
  ['"10000"', [], ['XM0217@2:14-2:19']],
  ['"3ff-3f8"', [], ['XM0217@2:18-2:21']],
];

describe('xm ioports as create.py and xend read them', () => {
  for (const [items, ports, findings] of ROWS) {
    it(items, () => {
      const text = `name = "t"\nioports = [ ${items} ]\n`;
      const r = norm(text, 'xm');
      const spans = findingSpans(text, r.diagnostics.filter((d) => d.code === 'XM0217'));
      expect(spans).toEqual(findings);
      const got = ((r.config.ioports ?? []) as { first: number; last: number }[]).map((p) => [p.first, p.last]);
      expect(got).toEqual(ports);
    });
  }
});
