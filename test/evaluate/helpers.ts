/** @fileoverview Shared helpers of the evaluator tests: evaluate source text and pick results. */
import { evaluate } from '../../src/syntax/evaluate.js';
import type { Dialect, Setting } from '../../src/syntax/value.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { miniParse } from './mini-parse.js';

/** Evaluate source text (parsed by the test mini parser) in a dialect. */
export function run(src: string, dialect: Dialect = 'xm', defines?: Record<string, string | number>): { settings: Setting[]; diagnostics: Diagnostic[] } {
  return evaluate(miniParse(src), defines ? { dialect, defines } : { dialect });
}

/** The last setting of a key (last one wins), or undefined. */
export function lastSetting(settings: Setting[], key: string): Setting | undefined {
  for (let i = settings.length - 1; i >= 0; i--) if (settings[i]!.key === key) return settings[i];
  return undefined;
}

/** Span of the n-th (0-based) occurrence of `needle` in `src`. */
export function spanOf(src: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  return { start: at, end: at + needle.length };
}

/** Diagnostics reduced to code and span, for exact comparison. */
export function codesAndSpans(diags: Diagnostic[]): { code: string; start: number; end: number }[] {
  return diags.map((d) => ({ code: d.code, start: d.span.start, end: d.span.end }));
}
