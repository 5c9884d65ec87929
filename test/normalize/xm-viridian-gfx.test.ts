/**
 * Table-driven: viridian and gfx_passthru as xm and xend read them (decision 090). create.py copies
 * the value unconverted (configure_hvm); XendDomainInfo._constructDomain calls
 * `xc.hvm_set_param(self.domid, HVM_PARAM_VIRIDIAN, long(viridian))`, and Xen before 4.5 refuses a
 * value above 1 (hvm.c: `if ( a.value > 1 ) rc = -EINVAL;`); image.py hands a true gfx_passthru to
 * qemu-dm as text ("-gfx_passthru %s"). Each row: one line (line 2 of the file), the key, the
 * normalised value, and the findings as `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { xlTable } from './helpers.js';

xlTable(
  'viridian in xm: long() of the value, 0 or 1 (XM0104 where xm create fails)',
  [
    ['builder = "hvm"; viridian = 1', 'viridian', true, []],
    ['builder = "hvm"; viridian = " 0 "', 'viridian', false, []],
    // long() takes Python 2's long suffix (int() does not): long("1L") is 1 (found comparing with
    // Python 2.7's long(), docs/fuzzing.md); "1 L" stays a ValueError.
    ['builder = "hvm"; viridian = "1L"', 'viridian', true, []],
    ['builder = "hvm"; viridian = " 0l "', 'viridian', false, []],
    ['builder = "hvm"; viridian = "2L"', 'viridian', undefined, ['XM0104@2:29-2:33']],
    ['builder = "hvm"; viridian = "1 L"', 'viridian', undefined, ['XM0104@2:29-2:34']],
    // xl's groups (Xen 4.5+): long() of a list raises TypeError.
    ['builder = "hvm"; viridian = ["base", "freq"]', 'viridian', undefined, ['XM0104@2:29-2:45']],
    // long("base") raises ValueError (xm read a lone word as a one-group list before).
    ['builder = "hvm"; viridian = "base"', 'viridian', undefined, ['XM0104@2:29-2:35']],
    // hvm_set_param(HVM_PARAM_VIRIDIAN, 2): EINVAL before Xen 4.5.
    ['builder = "hvm"; viridian = 2', 'viridian', undefined, ['XM0104@2:29-2:30']],
    // update_with_image_sxp skips '' (`val != ''`): viridian stays off.
    ['builder = "hvm"; viridian = ""', 'viridian', undefined, []],
  ],
  'xm',
);

xlTable(
  'gfx_passthru in xm: a true value goes to qemu-dm as text; xl\'s kinds warn (XM0267)',
  [
    ['builder = "hvm"; gfx_passthru = 1', 'gfx_passthru', true, []],
    ['builder = "hvm"; gfx_passthru = "igd"', 'gfx_passthru', 'igd', ['XM0267@2:33-2:38']],
    ['builder = "hvm"; gfx_passthru = "Default"', 'gfx_passthru', 'Default', ['XM0267@2:33-2:42']],
  ],
  'xm',
);

// The same lines in xl keep xl's readings: groups and kinds are xl's own.
xlTable('viridian and gfx_passthru in xl: unchanged', [
  ['type = "hvm"; viridian = ["base", "freq"]', 'viridian', ['base', 'freq'], []],
  ['type = "hvm"; gfx_passthru = "igd"', 'gfx_passthru', 'igd', []],
]);

// xend's int() of a byte string skips only the C blanks (isspace: space, \t, \n, \v, \f, \r), not
// U+00A0: int("\xa0512") raises ValueError under Python 2.7.18, so xm create fails (it read 512).
xlTable(
  'numbers in strings in xm: int() skips the C blanks only',
  [
    ['memory = " 512\\t"', 'memory', 512, []],
    // read as 512; \v and \f are no characters XML 1.0 allows, so xend's XML-RPC call fails (XM0261).
    ['memory = "\\v512\\f"', 'memory', 512, ['XM0261@2:10-2:19']],
    ['memory = "+512"', 'memory', 512, []],
    ['memory = "\\xa0512"', 'memory', undefined, ['XM0108@2:10-2:19']],
  ],
  'xm',
);
