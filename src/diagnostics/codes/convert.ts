/** @fileoverview Codes `xmcfg convert` alone reports (a conversion's losses); XM0555 and up. */
import { defineCodes } from '../registry.js';

export const convertCodes = defineCodes({
  XM0555: {
    severity: 'warning',
    title: 'the conversion commented out a statement xl cannot take as xm read it',
    explanation:
      'convert --to xl keeps every statement it cannot carry over as a comment, and says where: a Python statement (if, for, import, def…), which xl has no form for and xmcfg never runs; an assignment whose value reads a name such a statement may set, so the value folded from the earlier one may not be what xm read; a value xl cannot express (None, a string with a NUL character); the earlier assignments of a key whose last one went; a key xm did not read that a renamed key now sets; timer_mode on a PV guest, which xl refuses; a display key of an xm HVM guest that xend read otherwise (vnc or sdl under nographic = 1, a top-level VNC setting or keymap its first vfb overrode: decisions 030 and 041). The span is the whole statement (a block with its body). The converted guest lacks what it set: put it back by hand in xl form, or give the names with --define. Statements xl would ignore anyway (xm-only keys) are not reported: one note lists them. --to json reports the same, as its JSON is made from that conversion.',
    bad: 'if vmid > 2:\n    memory = 1024',
    good: 'memory = 1024',
  },
  XM0556: {
    severity: 'warning',
    title: "an xm HVM guest's display that the conversion cannot write for xl",
    explanation:
      "xend gave an xm HVM guest its display from nographic, vnc, sdl and the guest's first vfb (image.py: nographic = 1 won over all of them; the first vfb's type=vnc|sdl turned VNC or SDL on, its VNC settings replaced the top-level ones, its keymap won), where xl reads an HVM guest's display from the top-level keys alone and turns VNC on by default. convert --to xl comments out a top-level key xl would read otherwise (XM0555) and writes the value xend used (decisions 030 and 041); a key set in a chained assignment (vnc = sdl = 1) is kept, since the conversion writes such a chain as it stands, and this finding marks it: the xl guest gets that key's value, not the display the xm guest had. Write the assignment on its own line, or the key as xend used it.",
    bad: 'builder = "hvm"\nnographic = 1\nvnc = sdl = 1',
    good: 'builder = "hvm"\nnographic = 1\nvnc = 0',
  },
});
