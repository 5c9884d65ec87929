/**
 * @fileoverview Values xm dropped: create.py copied only variables whose type is exactly str, list,
 * int or float into its options, so a True/False, None, a tuple, a long (1L) or a unicode string
 * (u'...') left the option
 * unset. xmcfg reads such a value as its author meant it (True as 1, a tuple as a list; None as
 * unset); when the option refuses it even so (`name = ("a", "b")`), that refusal is the one finding,
 * and its hint says what xm did with the value.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Setting, Value } from '../syntax/value.js';
import type { UnknownValues } from './unknown-values.js';

/** Why xm dropped a value (it copied only str, list, int and float variables into the options, not unicode), or null. */
export function xmDropped(v: Value): string | null {
  if (v.kind === 'bool') return v.value ? 'True' : 'False';
  if (v.kind === 'none') return 'None';
  if (v.kind === 'list' && v.tuple) return 'a tuple';
  if (v.kind === 'number' && v.pyType === 'long') return 'a long';
  if (v.kind === 'string' && v.unicode) return 'a unicode string';
  return null;
}

/**
 * The hint of a refusal of a value xm dropped (an error at the whole value of a key whose value was
 * refused): xm ignored it, xl refuses it, so the fix is a value of the option's type. Findings that
 * have a hint keep it. Changes the findings in place; only the few refused keys are looked at.
 */
export function hintDroppedRefusals(diagnostics: readonly Diagnostic[], effective: ReadonlyMap<string, Setting>, unknown: UnknownValues): void {
  const at = new Map<number, { end: number; what: string }>();
  for (const [key, u] of unknown) {
    if (u.why !== 'rejected') continue;
    const s = effective.get(key);
    const what = s && xmDropped(s.value);
    if (s && what) at.set(s.value.span.start, { end: s.value.span.end, what });
  }
  if (at.size === 0) return;
  for (const d of diagnostics) {
    const v = d.severity === 'error' && d.hint === undefined ? at.get(d.span.start) : undefined;
    if (v !== undefined && v.end === d.span.end) d.hint = `xm ignored this value (${v.what} is not copied into its options) and xl refuses it: write a value of the option's type`;
  }
}
