/** @fileoverview Hover: the option's documentation from the catalogue when the caret is on a key. */
import type { Hover } from 'vscode-languageserver';
import type { CheckResult } from '../../check/check.js';
import { keyAt } from './analysis.js';
import { keyDoc, keyDocMarkdown } from './docs.js';
import { toRange } from './positions.js';

/** Hover for the key at `offset`, or null when the caret is not on a known key. */
export function hoverAt(result: CheckResult, offset: number): Hover | null {
  const key = keyAt(result.tree, offset);
  if (!key) return null;
  const doc = keyDoc(key.name);
  if (!doc) return null;
  return { contents: { kind: 'markdown', value: keyDocMarkdown(doc) }, range: toRange(result.lineIndex, key.span) };
}
