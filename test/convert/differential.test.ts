/**
 * @fileoverview The differential contract of `convert --to xl`, data-driven over every xm input we
 * have: the shared corpus's xm files (libvirt's xmconfigdata, Xen's xm samples, read in place), the
 * repository's fixtures that convert reads as xm, and the generated configs of xm-generator.ts (every
 * xm option family, PV and HVM). For each: normalise(xm) and normalise(convert(xm)) read as xl are
 * the same config, apart from the fields the conversion changes on purpose (intended.ts lists each
 * with its reason), and `check --dialect xl` of the output has no error code the input (read as
 * xm) did not have. A row that differs names the fields, so a failure reads as the difference.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { convertToXl } from '../../src/convert/index.js';
import { xmReading } from '../../src/convert/xm-reading.js';
import { checkText } from '../../src/check/check.js';
import { CORPUS } from '../format/corpus.js';
import { intended } from './intended.js';
import { xmCases, type XmCase } from './xm-generator.js';

/** Every file under `dir` (recursively), sorted. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

const corpus: XmCase[] = [
  ...walk(join(CORPUS, 'libvirt', 'xmconfigdata')).filter((p) => p.endsWith('.cfg')),
  ...walk(join(CORPUS, 'xen-examples')).filter((p) => /^(xm|stubdom)/.test(basename(p))),
].map((p) => ({ name: `corpus ${p.slice(CORPUS.length + 1)}`, text: readFileSync(p, 'utf8'), defines: { vmid: 1 } }));

/**
 * The repository's xm fixtures: those `check` detects as xm (an xm-only construct) or named for xm,
 * that convert reads as xm. The others are xl files that happen to be valid Python: their xl-only
 * spec syntax (`vdev=…` disks) means nothing to xm, so xm and xl cannot read one guest from them.
 */
const fixtures: XmCase[] = walk(join(import.meta.dirname, '..', '..', 'fixtures'))
  .filter((p) => /\.(cfg|xm)$/.test(p))
  .map((p) => ({ name: `fixture ${p.slice(p.indexOf('fixtures'))}`, text: readFileSync(p, 'utf8') }))
  .filter((c) => (checkText(c.text).dialect === 'xm' || /(^|[-./])xm([-./]|$)/.test(basename(c.name))) && xmReading(c.text, undefined).dialect === 'xm');

/**
 * Differences that are not the conversion's, by row name: the config field that differs and the
 * new xl error, each with its reason.
 */
const KNOWN: Record<string, { fields?: string[]; errors?: string[] }> = {
  // xm's normaliser keeps `nbd:HOST PORT` as the disk target, where xl's disk parser reads the unknown
  // prefix as the block-nbd script: the same device (xend ran block-nbd too).
  'corpus xen-examples/xmexample.nbd@RELEASE-4.4.4': { fields: ['disk'] },
  // Files xm refused (an error of xm's own on the statement): no xm guest to compare with, and the
  // conversion carries the text over for the user to fix. A vif's bare `trusted` flag ("should be a
  // pair", XM0222), which xl reads as trusted=1, and a pci string with xl's seize= (XM0222), which xm
  // reads no further (its options are left out) and xl reads:
  'fixture fixtures/rules/spec-xl-only-keys-xm.cfg': { fields: ['vif', 'pci'] },
  // cpus with xl's `all` and `node:1` (XM0205: xend's int("all") fails), which xm's view leaves out:
  'fixture fixtures/rules/xm-cpu-list-xl-only.cfg': { fields: ['cpus'] },
  // a disk of two fields (XM0213), which xl reads as target and vdev:
  'fixture fixtures/rules/xm-disk.cfg': { fields: ['disk'] },
  // builder = "generic" (xend: "unknown image type", XM0104), xl's name for PV, which the conversion writes as type = "pv":
  'fixture fixtures/rules/xm-builder-generic.cfg': { fields: ['builder', 'type'] },
  // `vnc=yes` in a vfb (xend's int() fails, XM0217), which xl reads as 0:
  'fixture fixtures/rules/xm-vfb-not-a-number.cfg': { fields: ['vfb'] },
  // vnuma, an xl-only option xm ignored (XM0553), on a guest that is PV for xl once the Python block
  // that may set its type is commented out: xl refuses it (XM0207), so the conversion comments it out.
  'fixture fixtures/rules/unknown-xm-block.cfg': { fields: ['vnuma'] },
  'fixture fixtures/rules/unknown-xm-block-then-known.cfg': { fields: ['vnuma'] },
  // `memory = 1.5` (XM0102; xl's XM0108 for the same value, SAME_FAULT):
  'fixture fixtures/syntax/xl-float.cfg': { fields: ['memory'] },
};

/**
 * xl's error codes for a fault xm reported under another code: nothing to boot (xl's XM0227; xm's
 * XM0241, a PV guest without kernel, bootloader or disk), a bootloader with no disk (xl's XM0252;
 * xm's XM0241), a number neither reads (xl's XM0108 for `memory = "1.5"`; xm's XM0102, not an integer).
 */
const SAME_FAULT: Record<string, string[]> = { XM0227: ['XM0241'], XM0252: ['XM0241'], XM0108: ['XM0102'] };

/** The fields of two configs whose values differ (deep equality, key order aside), sorted. */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepStrictEqual(a[k], b[k])).sort();
}

/** The row's differences as readable strings (empty: the contract holds), or null when convert refused the input. */
function differences(c: XmCase): string[] | null {
  const fileName = c.name.startsWith('corpus ') || c.name.startsWith('fixture ') ? basename(c.name) : 'gen.cfg';
  const r = convertToXl(c.text, { fileName, defines: c.defines });
  if (!r.ok) return null;
  const xm = checkText(c.text, { dialect: 'xm', defines: c.defines });
  const xl = checkText(r.text, { dialect: 'xl' });
  const want: Record<string, unknown> = intended(xm.config, 'xm');
  // xm named a nameless guest after its file; the conversion writes that name.
  if (want.name === undefined || want.name === '') want.name = fileName;
  const got: Record<string, unknown> = { ...xl.config };
  const known = KNOWN[c.name] ?? {};
  // A value set in a Python block is not known (XM0061); the conversion comments the block out and says so (XM0555).
  for (const k of [...(known.fields ?? []), ...xm.unknown.keys()]) delete want[k], delete got[k];
  const out = differingFields(got, want).map((k) => `field ${k}: ${JSON.stringify(want[k])} -> ${JSON.stringify(got[k])}`);
  const before = new Set(xm.diagnostics.map((d) => d.code));
  const had = (code: string) => before.has(code) || (SAME_FAULT[code] ?? []).some((c) => before.has(c));
  const added = [...new Set(xl.diagnostics.filter((d) => d.severity === 'error' && !had(d.code)).map((d) => d.code))].sort();
  const expected = [...(known.errors ?? [])].sort();
  if (JSON.stringify(added) !== JSON.stringify(expected)) out.push(`new xl errors: ${added.join(' ')}`);
  return out;
}

describe('convert --to xl, differentially: xm and xl read the same guest', () => {
  it('has inputs of every source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
    expect(xmCases().length).toBeGreaterThanOrEqual(150);
  });

  it.each([...corpus, ...fixtures, ...xmCases()].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = differences(c);
    // Refused only for what the file itself has (syntax Python refuses, a value only running Python gives).
    if (d === null) {
      expect(convertToXl(c.text, { defines: c.defines }).diagnostics.some((x) => x.severity === 'error')).toBe(true);
      return;
    }
    expect(d).toEqual([]);
  });
});
