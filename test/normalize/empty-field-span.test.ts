/**
 * A finding about an empty field of a spec string is shown where editors can show it: the commas
 * that enclose the field (`,,`; the one before a last field), or the whole string when the spec has
 * no comma there (`""`), never a zero-width range (libvirt's test-disk-positional-parms-partial.cfg).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingSpans, norm } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';

type Row = [dialect: Dialect, line: string, findings: string[]];

const ROWS: Row[] = [
  // xm: an empty VDEV between SOURCE and MODE: the two commas around it.
  ['xm', 'disk = [ "phy:/dev/a,,w" ]', ['XM0213@2:21-2:23']],
  // xm: an empty MODE after the last comma: that comma.
  ['xm', 'disk = [ "phy:/dev/a,xvda," ]', ['XM0213@2:26-2:27']],
  // xm: an empty spec: the whole string, quotes included.
  ['xm', 'disk = [ "" ]', ['XM0213@2:10-2:12']],
  // xm vif: an empty item between two key=value items (vif's parser already gave it its commas).
  ['xm', 'vif = [ "bridge=br0,,mac=00:16:3e:00:00:01" ]', ['XM0214@2:20-2:22']],
];

describe('findings about an empty spec field', () => {
  for (const [dialect, line, findings] of ROWS) {
    it(`${dialect}: ${line}`, () => {
      const text = `name = "t"\n${line}\n`;
      expect(findingSpans(text, norm(text, dialect).diagnostics)).toEqual(findings);
    });
  }

  it('libvirt test-disk-positional-parms-partial.cfg as xm: the empty VDEV at line 25 is its two commas', () => {
    const text = readFileSync('/work/shared/corpus/libvirt/xlconfigdata/test-disk-positional-parms-partial.cfg', 'utf8');
    const spans = findingSpans(text, norm(text, 'xm').diagnostics.filter((d) => d.code === 'XM0213'));
    expect(spans).toContain('XM0213@25:96-25:98');
    expect(spans.every((s) => !/@(\d+:\d+)-\1$/.test(s))).toBe(true);
  });
});
