/**
 * @fileoverview Hover: the option's documentation from the catalogue when the caret is on a key,
 * a spec key's value kind when it is on a key inside a device spec string, and what the value
 * means when it is on a value (./value-hover.ts).
 */
import type { Hover } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { keyAt, statementStartAt } from './analysis.js';
import { keyDoc, keyDocMarkdown } from './docs.js';
import { toRange } from './positions.js';
import { specHoverAt } from './spec-completion.js';
import { valueHoverAt } from './value-hover.js';

/**
 * Hover at `offset`: a known key's documentation, a spec key's (when `text` is given), else what
 * the value there means; null where there is nothing to say. Written for the file's dialect, as
 * completion is.
 */
export function hoverAt(result: CheckResult, offset: number, text?: string): Hover | null {
  const key = keyAt(result.tree, offset);
  // The spec string is read from the caret's statement on, not from the file's start (a 6 MB file: 60 ms a hover).
  if (!key) return (text === undefined ? null : specHoverAt(text, result.lineIndex, offset, result.dialect, statementStartAt(result.tree.statements, offset))) ?? valueHoverAt(result, offset);
  const doc = keyDoc(key.name);
  if (!doc) return null;
  return { contents: { kind: 'markdown', value: keyDocMarkdown(doc, result.dialect) }, range: toRange(result.lineIndex, key.span) };
}
