/** @fileoverview Document formatting: the `fmt` engine, as one whole-document edit (none when refused). */
import type { TextEdit } from 'vscode-languageserver';
import { formatText, type LayoutOptions } from '../../format/index.js';
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
  const r = formatText(text, { ...layout, dialect: settings.dialect ?? 'auto', defines: settings.defines });
  if (r.refused || !r.changed) return [];
  return [{ range: toRange(new LineIndex(text), { start: 0, end: text.length }), newText: r.text }];
}
