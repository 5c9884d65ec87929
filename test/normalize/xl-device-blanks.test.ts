/**
 * Blanks in the smaller device strings as xl reads them, found by the session-24 differential run
 * of xl's vtpm, channel and p9 loops (docs/fuzzing.md, "Differential checks"):
 * - p9 and channel split with split_string_into_string_list (strtok at ","), so an item of only
 *   blanks (", ," or a trailing ", ") reaches split_string_into_pair, which finds no "=": xl exits
 *   ("failed to parse 9pfs configuration"). Before: accepted.
 * - the strtok loops (vtpm, usbctrl, …) skip only spaces before an item, so a tab stays in the key:
 *   "\tbackend=dom0" is an unknown key and xl exits. Before: accepted (the key was trimmed).
 * - a blank after `backend=` stays in the domain name (strdup(p2 + 1)), which libxl looks up by
 *   name and does not find, as for blanks before the comma. Before: accepted.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { normalize } from '../../src/index.js';
import { parseUsbdev } from '../../src/normalize/devices.js';

const HEAD = 'name = "d"\nkernel = "/k"\nmemory = 512\n';

/** [line, code, the text the finding spans (its first occurrence in the line)]. */
const CASES = [
  ['p9 = [ "tag=a, ,path=/x,security_model=none" ]\n', 'XM0217', ' ', ', ,'],
  ['p9 = [ "tag=a,path=/x,security_model=none, " ]\n', 'XM0217', ' ', 'none,'],
  ['channel = [ "name=a,connection=pty,\t" ]\n', 'XM0217', '\t', 'pty,'],
  ['vtpm = [ "\tbackend=dom0" ]\n', 'XM0222', '\tbackend', '"'],
  ['usbctrl = [ "version=2, \ttype=pv" ]\n', 'XM0222', '\ttype', ', '],
  ['vtpm = [ "backend= dom0" ]\n', 'XM0217', ' ', 'backend='],
  ['vif = [ "backend=\t0,bridge=xenbr0" ]\n', 'XM0214', '\t', 'backend='],
  ['usbdev = [ "hostbus=1, ,hostaddr=2" ]\n', 'XM0222', ' ', ', ,'],
  ['usbctrl = [ "type=pv,version=2,\t" ]\n', 'XM0222', '\t', '2,'],
] as const;

describe('blanks in xl device strings (vtpm, channel, p9, usbctrl, vif)', () => {
  it.each(CASES)('%s: %s at %j', (line, code, spanned, after) => {
    const text = HEAD + line;
    const start = text.indexOf(spanned, text.indexOf(after, HEAD.length) + (after === ', ,' ? 1 : after.length));
    const errors = checkText(text, { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.span.start, d.span.end])).toContainEqual([code, start, start + spanned.length]);
  });

  it('leaves the same strings without the blanks clean, and p9 values trimmed as split_string_into_pair trims them', () => {
    for (const line of ['p9 = [ "tag=a,,path=/x,security_model=none" ]\n', 'channel = [ "name=a,connection=pty" ]\n', 'vtpm = [ " backend=dom0" ]\n', 'usbctrl = [ "version=2,  type=pv" ]\n', 'vif = [ "backend=0,bridge=xenbr0" ]\n']) {
      expect(checkText(HEAD + line, { dialect: 'xl' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([]);
    }
    const r = normalize(HEAD + 'p9 = [ "tag = \ta ,path= /x,security_model=none" ]\n', { dialect: 'xl' });
    expect(r.config.p9).toEqual([{ spec: 'tag = \ta ,path= /x,security_model=none', tag: 'a', path: '/x', security_model: 'none' }]);
  });

  it('keeps xm as it was: its readers split at every comma and trim (preprocess_vtpm)', () => {
    const errors = checkText(HEAD + 'vtpm = [ "\tbackend=dom0" ]\n', { dialect: 'xm' }).diagnostics.filter((d) => d.code === 'XM0222');
    expect(errors).toEqual([]);
  });
});

/**
 * usbdev hostbus= and hostaddr= go through strtoul(oparg, NULL, 0) into a uint8: a minus wraps
 * modulo 2^64 and a number past ULONG_MAX is ULONG_MAX, and xl keeps the low 8 bits (XM0253, as for
 * 257). Before: XM0217 "must be a number" (xl creates the device).
 */
describe('usbdev hostbus/hostaddr past the reader (strtoul, low 8 bits)', () => {
  it.each([
    ['hostbus=-1', 'hostbus', 255],
    ['hostaddr=-0x10', 'hostaddr', 240],
    ['hostbus=99999999999999999999', 'hostbus', 255],
    ['hostbus=2,hostbus=-010', 'hostbus', 248],
  ] as const)('%s: %s %i with XM0253 at the value', (spec, key, value) => {
    const r = parseUsbdev(spec);
    expect(r.value[key]).toBe(value);
    const at = spec.lastIndexOf('=') + 1;
    expect(r.problems.map((p) => [p.start, p.end, p.xlWarns?.code])).toEqual([[at, spec.length, 'XM0253']]);
  });

  it('reads -0 as 0 and -18446744073709551615 as 1 (strtoul wraps the minus), with no finding', () => {
    expect([parseUsbdev('hostbus=-0').value.hostbus, parseUsbdev('hostbus=-0').problems]).toEqual([0, []]);
    expect([parseUsbdev('hostaddr=-18446744073709551615').value.hostaddr, parseUsbdev('hostaddr=-18446744073709551615').problems]).toEqual([1, []]);
  });
});

