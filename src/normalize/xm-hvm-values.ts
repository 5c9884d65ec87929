/**
 * @fileoverview viridian and gfx_passthru as xm and xend read them (Xen 4.1-4.4), where xl's forms
 * (viridian groups, gfx_passthru kinds, both Xen 4.5/4.6 and later) mean nothing to xend.
 * create.py (tools/python/xen/xm/create.py) copies the file's value as it is into the image SXP
 * (configure_hvm: `config_image.append([a, vals.__dict__[a]])`), XendConfig.update_with_image_sxp
 * stores it in `platform` unconverted, and then:
 * - viridian: XendDomainInfo._constructDomain calls
 *   `xc.hvm_set_param(self.domid, HVM_PARAM_VIRIDIAN, long(viridian))`: a list or a text that is not
 *   a number raises in long(), and Xen before 4.5 refuses a value above 1 (xen/arch/x86/hvm/hvm.c:
 *   `case HVM_PARAM_VIRIDIAN: if ( a.value > 1 ) rc = -EINVAL;`). Either way `xm create` fails.
 * - gfx_passthru: image.py's device-model arguments `if v: ret.append("-%s" % a); ret.append("%s" % v)`:
 *   any true value goes to qemu-dm as text, unchecked. How qemu-xen-traditional reads that text is
 *   not in the sources xmcfg could check (decision 090).
 */
import type { Setting } from '../syntax/value.js';
import { quoteText } from '../diagnostics/diagnostic.js';
import type { NormalizeContext } from './context.js';
import { optionSchema } from './catalogue/index.js';
import { readGeneric } from './readers.js';
import { pyInt, readInt } from './values.js';

/** xm's viridian: 0 or 1 (a number, or a text Python's long() reads, "1L" too); anything else makes xm create fail (XM0104), left out. */
export function xmViridian(s: Setting, ctx: NormalizeContext): unknown {
  const v = s.value;
  // A float (long() truncates) and True/False (create.py drops a bool) keep the generic reading.
  if (v.kind !== 'list' && v.kind !== 'string' && !(v.kind === 'number' && Number.isInteger(v.value))) return readGeneric('boolOrStrList', s, ctx);
  // XendConfig.update_with_image_sxp skips '' (`val != ''`): viridian stays unset, off.
  if (v.kind === 'string' && v.value === '') return undefined;
  // long() of a text also takes Python 2's long suffix ("1L", " 0l "), which int() refuses.
  const longText = v.kind === 'string' ? /^\s*([+-]?\d+)[lL]\s*$/.exec(v.value) : null;
  const n = v.kind === 'list' ? null : longText ? pyInt(longText[1]!) : readInt(v, 'xm');
  if (n !== null && n.ok && (n.value === 0 || n.value === 1)) return n.value === 1;
  const why =
    v.kind === 'list'
      ? 'viridian groups are xl\'s (Xen 4.5 and later): xend converts viridian with long(), and a list makes xm create fail'
      : n !== null && n.ok
        ? `Xen before 4.5 takes viridian 0 or 1 only (hvm_set_param: EINVAL for ${n.value}), so xm create fails`
        : `xend converts viridian with long(), and "${quoteText(v.kind === 'string' ? v.value : '')}" is not a number, so xm create fails`;
  ctx.report('XM0104', v.span, `viridian must be 0 or 1 in xm: ${why}`, { hint: 'write viridian = 1 (Viridian on) or viridian = 0' });
  return undefined;
}


/**
 * xm's gfx_passthru: the generic reading (a number, a boolean number), plus XM0267 for xl's kind
 * names, which xend handed to qemu-dm as `-gfx_passthru igd` without a check.
 */
export function xmGfxPassthru(s: Setting, ctx: NormalizeContext): unknown {
  const value = readGeneric('boolOrString', s, ctx);
  // The catalogue's allowed strings are libxl_gfx_passthru_kind's names, which xend did not know.
  const kinds = optionSchema('gfx_passthru')?.['x-xmcfg'].allowed ?? [];
  if (typeof value === 'string' && kinds.includes(value.toLowerCase())) {
    ctx.report('XM0267', s.value.span, `gfx_passthru = "${quoteText(value)}" is a kind only xl knows (libxl_gfx_passthru_kind): xm hands the text to qemu-dm unchecked ("-gfx_passthru ${quoteText(value)}"), not as a kind`, {
      hint: 'write gfx_passthru = 1 for xm; the kind is xl\'s (type = "hvm", gfx_passthru = "igd")',
    });
  }
  return value;
}
