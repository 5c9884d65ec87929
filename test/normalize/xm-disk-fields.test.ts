/**
 * xm's disk string by field count (create.py preprocess_disk, Xen 3.3–4.4: `d = v.split(',')`,
 * 3, 4 or 5 fields, else `err('Invalid disk specifier: ' + v)`): SOURCE, VDEV, MODE, the backend
 * domain, and the ring protocol (x86_32-abi, …), which is not the domain's.
 */
import { describe, expect, it } from 'vitest';
import { findingSpans, norm } from './helpers.js';

type Row = [line: string, domain: string | undefined, findings: string[]];

const ROWS: Row[] = [
  ['disk = [ "phy:/dev/vg0/a,xvda,w" ]', undefined, []],
  ['disk = [ "phy:/dev/vg0/a,xvda,w,dom0" ]', 'dom0', []],
  ['disk = [ "phy:/dev/vg0/a,xvda,w,dom0,x86_32-abi" ]', 'dom0', []],
  ['disk = [ "phy:/dev/vg0/a,xvda,w,,x86_64-abi" ]', '', []],
  // One or two fields: preprocess_disk refused them as well (`err('Invalid disk specifier')`).
  ['disk = [ "phy:/dev/vg0/a,xvda" ]', undefined, ['XM0213@2:11-2:30']],
  ['disk = [ "phy:/dev/vg0/a" ]', undefined, ['XM0213@2:11-2:25']],
  ['disk = [ "" ]', undefined, ['XM0213@2:10-2:12']],
  // Six fields: xm refused the file ("Invalid disk specifier").
  ['disk = [ "phy:/dev/vg0/a,xvda,w,dom0,x86_32-abi,x" ]', 'dom0', ['XM0213@2:11-2:50']],
];

describe('xm disk fields', () => {
  for (const [line, domain, findings] of ROWS) {
    it(line, () => {
      const text = `name = "t"\n${line}\n`;
      const r = norm(text, 'xm');
      expect(findingSpans(text, r.diagnostics)).toEqual(findings);
      const disk = (r.config.disk as { domain?: string }[] | undefined)?.[0];
      expect(disk?.domain).toEqual(domain);
    });
  }
});
