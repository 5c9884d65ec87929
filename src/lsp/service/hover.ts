/**
 * @fileoverview Hover: the option's documentation from the catalogue when the caret is on a key,
 * and a spec key's value kind when it is on a key inside a device spec string.
 */
import type { Hover } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { keyAt } from './analysis.js';
import { keyDoc, keyDocMarkdown } from './docs.js';
import { toRange } from './positions.js';
import { specHoverAt } from './spec-completion.js';

/**
 * Hover for the key at `offset` (an option, or a spec key when `text` is given), or null when the
 * caret is not on a known key. Written for the file's dialect, as completion is.
 */
export function hoverAt(result: CheckResult, offset: number, text?: string): Hover | null {
  const key = keyAt(result.tree, offset);
  if (!key) return text === undefined ? null : specHoverAt(text, result.lineIndex, offset, result.dialect);
  const doc = keyDoc(key.name);
  if (!doc) return null;
  return { contents: { kind: 'markdown', value: keyDocMarkdown(doc, result.dialect) }, range: toRange(result.lineIndex, key.span) };
}
