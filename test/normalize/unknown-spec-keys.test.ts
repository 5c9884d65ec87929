/**
 * The per-family table of what xl and xm do with an unknown key in a spec string
 * (src/normalize/catalogue/unknown-spec-keys.ts, decision 008): XM0222 where the tool refuses the
 * file, XM0218 where it skips the key, in the dialect given and in the one auto-detection picks.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { optionSchema } from '../../src/normalize/catalogue/index.js';
import { UNKNOWN_SPEC_KEY, unknownKeyFinding } from '../../src/normalize/catalogue/unknown-spec-keys.js';
import type { Dialect } from '../../src/syntax/value.js';

/** `CODE@offset` of the spec-key findings (XM0213, XM0218, XM0222) of a check. */
function found(text: string, dialect?: Dialect): string[] {
  return checkText(text, dialect ? { dialect } : {})
    .diagnostics.filter((d) => /^XM02(13|18|22)$/.test(d.code))
    .map((d) => `${d.code}@${d.span.start}`);
}

const at = (text: string, needle: string) => text.indexOf(needle);

describe('the unknown-key table', () => {
  it('names options of the catalogue', () => {
    for (const family of Object.keys(UNKNOWN_SPEC_KEY)) expect(optionSchema(family), family).toBeDefined();
  });

  it('quotes the message of every tool that refuses or warns', () => {
    for (const [family, rule] of Object.entries(UNKNOWN_SPEC_KEY)) {
      for (const v of [rule.xl, rule.xm]) if (v.does === 'refuses' || v.does === 'warns') expect(v.says, family).toMatch(/\S/);
    }
  });

  it('gives XM0222 only where the tool refuses', () => {
    for (const [family, rule] of Object.entries(UNKNOWN_SPEC_KEY)) {
      for (const dialect of ['xl', 'xm'] as const) {
        const f = unknownKeyFinding(family, { key: 'zz', item: 'zz=1', spec: 'zz=1' }, dialect);
        expect(f?.code, `${family} ${dialect}`).toBe(rule[dialect].does === 'refuses' ? 'XM0222' : 'XM0218');
      }
    }
  });

  it('a family it does not list gets XM0218', () => {
    expect(unknownKeyFinding('vif2', { key: 'zz', item: 'zz=1', spec: 'zz=1' }, 'xl')?.code).toBe('XM0218');
  });

  it('quotes the key, the item or the whole string, as the tool prints it', () => {
    const a = { key: 'colour', item: 'colour=red', spec: 'backend-type=linux,colour=red' };
    expect(unknownKeyFinding('vkb', a, 'xl')?.note).toBe('xl refuses it: "Unknown string "colour=red" in vkb spec"');
    expect(unknownKeyFinding('vtpm', a, 'xl')?.note).toBe('xl refuses it: "Unknown string `colour\' in vtpm spec"');
    expect(unknownKeyFinding('vtpm', a, 'xm')?.note).toBe('xm refuses it: "Error: Invalid vtpm specifier: backend-type=linux,colour=red"');
  });
});

describe('unknown spec keys in a check', () => {
  it('auto-detected xl: XM0222 where xl exits, XM0218 where it skips the key', () => {
    const text = 'name = "a"\nvkb = ["backend-type=linux,colour=red"]\nvif = ["bridge=xenbr0,colour=red"]\n';
    expect(checkText(text).dialect).toBe('xl');
    expect(found(text)).toEqual([`XM0222@${at(text, 'colour')}`, `XM0218@${text.lastIndexOf('colour')}`]);
  });

  it('auto-detected xm: xm refused an unknown vif key, and knew policy=', () => {
    const text = 'name = "a"\nacpi = True\nvif = ["bridge=xenbr0,colour=red", "bridge=xenbr0,policy=x"]\n';
    expect(checkText(text).dialect).toBe('xm');
    expect(found(text)).toEqual([`XM0222@${at(text, 'colour')}`]);
  });

  it('vtpm instance= is xm\'s: nothing in xm, XM0222 in xl', () => {
    const text = 'name = "a"\nvtpm = ["backend=dom0,instance=1"]\n';
    expect(found(text, 'xm')).toEqual([]);
    expect(found(text, 'xl')).toEqual([`XM0222@${at(text, 'instance')}`]);
  });

  it('the same unknown key in a vfb is skipped by xl and refused by xm', () => {
    const text = 'name = "a"\nvfb = ["vnc=1,colour=red"]\n';
    expect(found(text, 'xl')).toEqual([`XM0218@${at(text, 'colour')}`]);
    expect(found(text, 'xm')).toEqual([`XM0222@${at(text, 'colour')}`]);
  });

  it('disk grant_usage=0|1 is a key xl knows; another value is a bad disk spec', () => {
    expect(found('name = "a"\ndisk = ["vdev=xvda,grant_usage=1,target=/dev/vg/a"]\n', 'xl')).toEqual([]);
    const bad = 'name = "a"\ndisk = ["vdev=xvda,grant_usage=2,target=/dev/vg/a"]\n';
    expect(found(bad, 'xl')).toEqual([`XM0213@${bad.indexOf('2,target')}`]);
  });
});
