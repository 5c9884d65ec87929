/**
 * A VNC display given twice (vncdisplay and the port part of vnclisten) is libxl's refusal ("vncdisplay
 * set, vnclisten contains display"): XM0220 for the top-level options, XM0217 in a vfb spec, in xl
 * only. xend handed qemu-dm `-vnc LISTEN:DISPLAY` as written (image.py) and refused neither, so the
 * xm dialect has no such finding, as for the other libxl refusals (timer_mode on PV, XM0221).
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import type { Dialect } from '../../src/syntax/value.js';
import { findingSpans } from '../normalize/helpers.js';

const spans = (text: string, dialect: Dialect) => findingSpans(text, checkText(text, { dialect }).diagnostics);

describe('a VNC display given twice follows the dialect', () => {
  it('top-level vncdisplay with a display in vnclisten: XM0220 in xl, nothing in an xm HVM guest', () => {
    expect(spans('name = "t"\ntype = "hvm"\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3\n', 'xl')).toEqual(['XM0220@4:14-4:15']);
    expect(spans('name = "t"\nbuilder = "hvm"\nvnclisten = "0.0.0.0:3"\nvncdisplay = 3\n', 'xm')).toEqual([]);
  });
  it('in a vfb spec: XM0217 in xl, nothing in xm (type=vnc turns VNC on there)', () => {
    const vfb = 'name = "t"\nkernel = "/k"\nvfb = ["type=vnc,vncdisplay=2,vnclisten=0.0.0.0:3"]\n';
    expect(spans(vfb.replace('type=vnc,', ''), 'xl')).toEqual(['XM0217@3:20-3:21']);
    expect(spans(vfb, 'xm')).toEqual([]);
  });
});
