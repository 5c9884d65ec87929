/**
 * @fileoverview What the xl disk reader (disk-xl.ts) finds about an item after reading it: blanks
 * libxlu_disk_l.l keeps in a value, and disk parameters swallowed by `target=`.
 */
import type { DiskSpec } from './catalogue/spec-types.js';
import type { SpecItem } from './spec-items.js';
import type { SpecParse } from './spec-result.js';
import { DISK_FIELDS, DISK_FLAGS } from './disk-fields.js';

/** The reader's state these checks read and update. */
export interface XlLexState {
  readonly r: SpecParse<DiskSpec>;
  /** Set when the lexer stops: nothing after is read. */
  readonly stopped: boolean;
  /** Problems that are not lexer errors (blanks kept in a value, a vdev libxl refuses). */
  notLexer: number;
}

/**
 * Blanks libxlu_disk_l.l keeps in an item: it skips blanks before an item (`[ \t\n]+/…`), but its
 * rules read a value up to the comma (`vdev=[^,]*,?`, the positional `[^=,]*,`, `target=.*`), so
 * a blank before the comma or the end, or right after "=", is part of the value: "w " is "unknown
 * value for access" (xl exits), "xvda " is a vdev libxl refuses ("Invalid or unsupported virtual
 * disk identifier"), "/dev/vg/a " a path that does not exist. `rawEnd` is the next comma (-1: the end).
 */
export function keptBlanks(d: XlLexState, spec: string, it: SpecItem, rawEnd: number, eq: number): void {
  if (it.text === '' || d.stopped) return;
  const end = rawEnd === -1 ? spec.length : rawEnd;
  const after = eq === -1 ? -1 : it.start + eq + 1;
  const blankAfterEq = after !== -1 && after < it.end && /[ \t]/.test(spec[after]!);
  if (end === it.end && !blankAfterEq) return;
  d.notLexer++;
  d.r.problems.push({
    start: it.start,
    end,
    message: `"${spec.slice(it.start, end)}": xl keeps the blank${blankAfterEq ? ' after "="' : rawEnd === -1 ? ' at the end' : ' before the comma'} as part of the value (libxlu_disk_l.l reads a value up to the comma)`,
    hint: 'remove the blank (blanks before an item are fine)',
  });
}

/**
 * The first item after target= that reads as a disk parameter (a known `key=` or flag): xl takes it
 * as part of the target (`target=.*`), which is then a path other than meant (XM0251, a warning).
 */
export function swallowed(d: XlLexState, later: readonly SpecItem[], target: string): void {
  const it = later.find((l) => {
    const eq = l.text.indexOf('=');
    return eq === -1 ? DISK_FLAGS.includes(l.text) : Object.hasOwn(DISK_FIELDS, l.text.slice(0, eq));
  });
  if (it === undefined) return;
  d.r.problems.push({
    start: it.start,
    end: it.end,
    message: `"${it.text}" follows target=`,
    xlWarns: {
      code: 'XM0251',
      message: `"${it.text}" comes after target=, which takes the rest of the string, commas included (libxlu_disk_l.l: target=.*): xl reads the target "${target}" and never sees ${it.text} as a disk parameter`,
      hint: `move target= to the end of the disk string, after ${it.text}`,
    },
  });
}
