/** @fileoverview Document formatting: the `fmt` engine, as one whole-document edit (none when refused, with the reason). */
import type { TextEdit } from 'vscode-languageserver';
import { formatText, refusalText, type FormatResult, type LayoutOptions } from '../../format/index.js';
import { LineIndex } from '../../diagnostics/line-index.js';
import type { ServiceSettings } from './analysis.js';
import { toRange } from './positions.js';

/**
 * The list indentation for the client's FormattingOptions: `tabSize` spaces when it is a whole
 * number from 1 (16 at most, as `fmt --indent`), else the default 4. The layout never indents with
 * tabs, so `insertSpaces: false` also gets the default. A `tabSize` of 0, -3 or 2.5 is no size of
 * a tab (the protocol's is a positive integer): clamping it gave list items a 1- or 2-space indent.
 */
export function indentFor(options: { tabSize?: unknown; insertSpaces?: unknown } | null | undefined): number {
  const size = options?.tabSize;
  if (options?.insertSpaces === false || typeof size !== 'number' || !Number.isInteger(size) || size < 1) return 4;
  return Math.min(16, size);
}

/** Edits that turn `text` into its canonical layout; empty when unchanged or not safely formattable. */
export function formatDocument(text: string, settings: ServiceSettings = {}, layout: LayoutOptions = {}): TextEdit[] {
  return formatWithReason(text, settings, layout).edits;
}

/**
 * formatDocument's edits and, when the formatter refused the text, why (for `window/showMessage`:
 * an empty answer alone looked like a formatter that did nothing). The reasons are `xmcfg fmt`'s.
 */
export function formatWithReason(text: string, settings: ServiceSettings = {}, layout: LayoutOptions = {}): { edits: TextEdit[]; refused?: string } {
  const r = formatText(text, { ...layout, dialect: settings.dialect ?? 'auto', defines: settings.defines });
  if (r.refused) return { edits: [], refused: refusalReason(r, text) };
  if (!r.changed) return { edits: [] };
  return { edits: [{ range: toRange(new LineIndex(text), { start: 0, end: text.length }), newText: r.text }] };
}

/** Why `fmt` left the text alone, with the code and line of the first finding that stopped it (lines count from 1, as `check` prints them). */
function refusalReason(r: FormatResult, text: string): string {
  const first = r.diagnostics.length ? r.diagnostics.reduce((a, b) => (b.span.start < a.span.start ? b : a)) : undefined;
  const where = first ? ` (${first.code} on line ${new LineIndex(text).position(first.span.start).line})` : '';
  return refusalText(r.refused, r.dialectReason, 'the dialect setting "xm"', where);
}
