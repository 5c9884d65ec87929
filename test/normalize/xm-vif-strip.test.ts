/**
 * xm's vif and vfb specs as create.py's comma_sep_kv_to_dict read them: each key and value `.strip()`ped of
 * Python 2's blanks, which are \n, \r, \v and \f besides blanks and tabs (recorded from a
 * differential run against create.py under Python 2.7.18, docs/fuzzing.md).
 */
import { describe, expect, it } from 'vitest';
import { findingSpans, norm } from './helpers.js';

type Row = [line: string, vif: Record<string, unknown> | undefined, findings: string[]];

const ROWS: Row[] = [
  ['vif = [ "\\nmac=00:16:3e:00:00:01" ]', { mac: '00:16:3e:00:00:01' }, []],
  ['vif = [ "bridge=xenbr0\\r,mac =\\n00:16:3e:00:00:01\\n" ]', { bridge: 'xenbr0', mac: '00:16:3e:00:00:01' }, []],
  ['vif = [ "ip=10.0.0.1,\\nlabel=l" ]', { ip: '10.0.0.1', other: { label: 'l' } }, []],
  // Still unknown (foo) or xl-only (mtu) once stripped; a string with an escape is marked whole.
  ['vif = [ "\\nfoo=1" ]', { other: { foo: '1' } }, ['XM0222@4:9-4:18']],
  ['vif = [ "bridge=x,\\nmtu=1500" ]', undefined, ['XM0222@4:9-4:30']],
  ['vif = [ "bridge=x, mtu=1500" ]', undefined, ['XM0222@4:20-4:23']],
];

/** One table: each row's line is line 4, after a name, a kernel and a disk (so the guest itself has no finding). */
function stripTable(title: string, key: 'vif' | 'vfb' | 'vtpm', rows: Row[]): void {
  describe(title, () => {
    for (const [line, want, findings] of rows) {
      it(line, () => {
        const text = `name = "t"\nkernel = "/k"\ndisk = [ "phy:/a,xvda,w" ]\n${line}\n`;
        const r = norm(text, 'xm');
        expect(findingSpans(text, r.diagnostics)).toEqual(findings);
        if (want === undefined) return;
        const { spec: _spec, ...got } = (r.config[key] as Record<string, unknown>[])[0]!;
        expect(got).toEqual(want);
      });
    }
  });
}

stripTable('xm vif keys and values stripped as Python strips them', 'vif', ROWS);

// vfb went through the same comma_sep_kv_to_dict (configure_vfbs), which strips the whole spec first.
const VFB_ROWS: Row[] = [
  ['vfb = [ "\\ntype=vnc" ]', { type: 'vnc' }, []],
  ['vfb = [ "vnc=1,\\nvncdisplay=1\\n" ]', { vnc: true, vncdisplay: 1 }, []],
  ['vfb = [ "\\n" ]', {}, []],
  ['vfb = [ "vnc=1, foo=1" ]', { vnc: true, other: { foo: '1' } }, ['XM0222@4:17-4:20']],
];

stripTable('xm vfb keys and values stripped as Python strips them', 'vfb', VFB_ROWS);

// preprocess_vtpm (xm up to Xen 4.2) strips each key as well.
stripTable('xm vtpm keys stripped as Python strips them', 'vtpm', [
  ['vtpm = [ "\\nbackend=0" ]', undefined, []],
  ['vtpm = [ "backend=0,\\nfoo=1" ]', undefined, ['XM0222@4:10-4:29']],
]);
