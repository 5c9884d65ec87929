/** @fileoverview Codes `xmcfg convert` alone reports (a conversion's losses); XM0555 and up. */
import { defineCodes } from '../registry.js';

export const convertCodes = defineCodes({
  XM0555: {
    severity: 'warning',
    title: 'the conversion commented out a statement xl cannot take as xm read it',
    explanation:
      'convert --to xl keeps every statement it cannot carry over as a comment, and says where: a Python statement (if, for, import, def…), which xl has no form for and xmcfg never runs; an assignment whose value reads a name such a statement may set, so the value folded from the earlier one may not be what xm read; a value xl cannot express (None, a string with a NUL character); the earlier assignments of a key whose last one went; a key xm did not read that a renamed key now sets; timer_mode on a PV guest, which xl refuses. The span is the whole statement (a block with its body). The converted guest lacks what it set: put it back by hand in xl form, or give the names with --define. Statements xl would ignore anyway (xm-only keys) are not reported: one note lists them. --to json reports the same, as its JSON is made from that conversion.',
    bad: 'if vmid > 2:\n    memory = 1024',
    good: 'memory = 1024',
  },
});
