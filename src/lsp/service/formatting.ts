/** @fileoverview Document formatting: the `fmt` engine, as one whole-document edit (none when refused). */
import type { TextEdit } from 'vscode-languageserver';
import { formatText, type LayoutOptions } from '../../format/index.js';
import { LineIndex } from '../../diagnostics/line-index.js';
import type { ServiceSettings } from './analysis.js';
import { toRange } from './positions.js';

/** Edits that turn `text` into its canonical layout; empty when unchanged or not safely formattable. */
export function formatDocument(text: string, settings: ServiceSettings = {}, layout: LayoutOptions = {}): TextEdit[] {
  const r = formatText(text, { ...layout, dialect: settings.dialect ?? 'auto', defines: settings.defines });
  if (r.refused || !r.changed) return [];
  return [{ range: toRange(new LineIndex(text), { start: 0, end: text.length }), newText: r.text }];
}
