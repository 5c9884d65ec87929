/**
 * Values xm dropped (True/False, a tuple, a long: create.py copied only str, list, int and float
 * variables into its options) are one finding per cause: XM0554 when xm's own option takes the
 * value as meant (acpi = False), the refusal alone when it does not (name = ("a", "b"): xm ignored
 * it, xl refuses it; the fix is a value of the option's type), XM0553 or XM0101 without XM0554 for
 * an xl option or an unknown key (xm ignored those whatever they held). A type error is not doubled
 * by an enum error about the same value, in either dialect.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { findingCases, type Case } from './finding-cases.js';

const HEAD = 'name = "g"\nkernel = "/k"\n';
/** Every code a dropped value drew. */
const CODES = ['XM0101', 'XM0102', 'XM0103', 'XM0104', 'XM0553', 'XM0554'];

const CASES: Case[] = [
  { name: 'a tuple for a string option: the type error alone (was XM0554 besides)', dialect: 'xm', text: 'name = ("a", "b")\nkernel = "/k"\n', codes: CODES, expect: [{ code: 'XM0102', at: '("a", "b")' }] },
  { name: 'True for a lifecycle action: the type error alone (was XM0104 and XM0554 besides)', dialect: 'xm', text: `${HEAD}on_crash = True\n`, codes: CODES, expect: [{ code: 'XM0102', at: 'True' }] },
  { name: 'False for memory: 0 MiB is out of range (was XM0554 besides)', dialect: 'xm', text: `${HEAD}memory = False\n`, codes: CODES, expect: [{ code: 'XM0103', at: 'False' }] },
  { name: 'a tuple for a boolean option', dialect: 'xm', text: `${HEAD}localtime = (1, 2)\n`, codes: CODES, expect: [{ code: 'XM0102', at: '(1, 2)' }] },
  { name: 'a long for a string option', dialect: 'xm', text: `${HEAD}builder = 10L\n`, codes: CODES, expect: [{ code: 'XM0102', at: '10L' }] },
  { name: 'False for a boolean option is read as meant: XM0554 alone', dialect: 'xm', text: `${HEAD}localtime = False\n`, codes: CODES, expect: [{ code: 'XM0554', at: 'False' }] },
  { name: 'a tuple for a list option is read as meant: XM0554 alone', dialect: 'xm', text: `${HEAD}disk = ("phy:/dev/vg/g,xvda,w",)\n`, codes: [...CODES, 'XM0213'], expect: [{ code: 'XM0554', at: '("phy:/dev/vg/g,xvda,w",)' }] },
  { name: 'an xl option xm ignored whatever it held: no XM0554', dialect: 'xm', text: `${HEAD}acpi_s3 = True\n`, codes: CODES, expect: [{ code: 'XM0553', at: 'acpi_s3' }] },
  // xm never read bios, so the type error xl's schema finds in its value is no finding of the xm file.
  { name: 'an xl enum option: XM0553 alone, no XM0102, XM0104 or XM0554', dialect: 'xm', text: `${HEAD}bios = (1, 2)\n`, codes: CODES, expect: [{ code: 'XM0553', at: 'bios' }] },
  { name: 'an unknown key: XM0101 alone (was XM0554 besides)', dialect: 'xm', text: `${HEAD}zz = True\n`, codes: CODES, expect: [{ code: 'XM0101', at: 'zz' }] },
  { name: 'a helper variable other settings read: nothing (was XM0554)', dialect: 'xm', text: 'big = True\nname = "g%d" % big\nkernel = "/k"\n', codes: CODES, expect: [] },
];

findingCases('values xm dropped', CASES);

describe('a type error and an enum error about one value', () => {
  it('xl: a list for an enum option is the type error alone (was XM0104 besides)', () => {
    const text = `${HEAD}on_crash = [1]\n`;
    const found = checkText(text, { dialect: 'xl' }).diagnostics.filter((d) => CODES.includes(d.code)).map((d) => [d.code, d.span.start, d.span.end]);
    expect(found).toEqual([['XM0102', text.indexOf('[1]'), text.indexOf('[1]') + 3]]);
  });
});
