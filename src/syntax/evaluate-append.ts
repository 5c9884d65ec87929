/**
 * @fileoverview xl's `+=` (libxlu, Xen 4.13+): string + string concatenates, list + list appends,
 * a mix is an error. Numbers are strings inside libxlu, so `512` += `256` stores the text `512256`;
 * the setting is marked `appended` and numeric getters refuse it.
 */
import type { Span } from '../diagnostics/span.js';
import type { Value } from './value.js';
import { strtolBase0 } from './python-number.js';

/** libxlu's text of a scalar value (numbers are kept as their NUMBER text). */
function scalarText(v: Value): string | null {
  if (v.kind === 'string' || v.kind === 'word') return v.value;
  if (v.kind === 'number') return v.text;
  return null;
}

/** The combined value of `prev += next`, or libxlu's error message for a list/string mix. */
export function appendXl(prev: Value, next: Value, span: Span): Value | string {
  if (prev.kind === 'list' && next.kind === 'list') return { kind: 'list', items: [...prev.items, ...next.items], tuple: false, span };
  const a = scalarText(prev);
  const b = scalarText(next);
  if (a === null || b === null) {
    return prev.kind === 'list' ? "can't add a string to a list" : "can't add a list to a string";
  }
  const text = a + b;
  if (prev.kind === 'number' && next.kind === 'number') {
    const r = strtolBase0(text);
    return { kind: 'number', text, value: r.ok ? r.value : null, span };
  }
  return { kind: 'string', value: text, span };
}
