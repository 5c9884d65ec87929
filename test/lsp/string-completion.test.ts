/**
 * Completion inside string values that are not device specs (`extra`, `cmdline`, `root`, a path, a
 * free string): nothing is offered there, no key names and no kernel arguments (decision 091). The
 * caret line may also be a later line of a string or expression that began earlier (an xm
 * triple-quoted string, a backslash-newline inside a string, a parenthesised concatenation).
 */
import { describe, expect, it } from 'vitest';
import { analyze, completeAt } from '../../src/lsp/service/index.js';
import { caret } from './helpers.js';

const INSIDE_STRINGS = [
  'extra = "|',
  'extra += "|',
  'extra = "con|',
  'extra = "console=hvc0 |',
  'extra = "console=hvc0 mem|',
  "extra = 'ro |",
  'extra = r"mem|',
  'extra = u"|',
  'cmdline = "root=/dev/xvda1 |',
  'root = "/dev/xvda1 |',
  'kernel = "/boot/|',
  'name = "mem|',
  'bogus = "mem|',
  'extra = "a #b mem|',
  'extra = "x"; memory = "|',
  'extra = "a" + "mem|',
  'bootloader_args = ["-q", "mem|"]',
  'extra = """console=hvc0\nmem|',
  'extra = """console=hvc0\nmem|\n"""\n',
  'name = "a"\nextra = "a \\\nmem|',
  'extra = ("console=hvc0 "\n  "mem|")',
];

describe('no completion inside a string value that is not a device spec', () => {
  for (const dialect of ['xl', 'xm'] as const) {
    it.each(INSIDE_STRINGS)(`%j (${dialect})`, (src) => {
      const { text, offset } = caret(src);
      const r = analyze(text, { dialect });
      expect(completeAt(text, r.lineIndex, offset, r.dialect, r.tree.statements)).toEqual([]);
    });
  }
  it('while keys are still offered on the next line after a one-line string, and values after `=` of an enum', () => {
    const a = caret('extra = "console=hvc0"\nmem|');
    const r = analyze(a.text);
    expect(completeAt(a.text, r.lineIndex, a.offset, r.dialect, r.tree.statements).map((i) => i.label)).toContain('memory');
    const b = caret('on_crash = "|');
    const s = analyze(b.text);
    expect(completeAt(b.text, s.lineIndex, b.offset, s.dialect, s.tree.statements).map((i) => i.label)).toContain('coredump-restart');
  });
});
