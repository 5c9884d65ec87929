/**
 * @fileoverview Rename (textDocument/prepareRename and rename): a key renamed at every name token
 * spelled as it, the assignments (`+=` and chained ones too) and, in xm, the expressions that read
 * it; strings and comments are other tokens and stay. The same edits as the misspelt-key fix.
 */
import type { CheckResult } from '../../check/check.js';
import type { TextEdit } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { Tok } from '../../syntax/tree.js';
import { tokenAtOrAfter } from '../../syntax/token-lookup.js';
import { PY_KEYWORDS } from '../../syntax/dialect-findings.js';
import { renameEverywhere } from './name-tokens.js';

/** A letter or `_`, then letters, digits and `_` (ASCII): a name both dialects read. */
const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PY_CONSTANTS: ReadonlySet<string> = new Set(['None', 'True', 'False']);

/** True when `name` can be assigned to in both dialects. */
function isKeyName(name: string): boolean {
  // Python 2's keywords and constants (xm runs the file as Python 2): no name can be one. libxlu
  // would take `if = 0` in an xl file, but the file could then no longer be read as xm.
  return KEY_NAME.test(name) && !PY_KEYWORDS.has(name) && !PY_CONSTANTS.has(name);
}

/** The names the file assigns (keys, chained targets included). */
function assignedNames(result: CheckResult): Set<string> {
  const out = new Set<string>();
  for (const s of result.tree.statements) {
    if (s.kind !== 'assign') continue;
    out.add(s.key.name);
    for (const t of s.chained ?? []) out.add(t.name);
  }
  return out;
}

/**
 * The name token at `offset` (a caret just after a name is on it) of a name the file assigns, or
 * null where nothing can be renamed: strings, comments, numbers, Python keywords (the token stream
 * calls them names too) and names the file reads but never sets (an xm `--define`).
 */
export function renameTarget(result: CheckResult, offset: number): { span: Span; name: string } | null {
  const { tokens, text } = result.tree;
  // The token starting at the caret, else the one before it (the caret at a name's end).
  const next = tokenAtOrAfter(tokens, offset);
  for (const i of [next, next - 1]) {
    if (i < 0 || i >= tokens.count || tokens.kinds[i] !== Tok.Identifier) continue;
    const span = { start: tokens.starts[i]!, end: tokens.ends[i]! };
    if (span.start > offset || offset > span.end) continue;
    const name = text.slice(span.start, span.end);
    return assignedNames(result).has(name) ? { span, name } : null;
  }
  return null;
}

/**
 * The edits renaming the name at `offset` to `newName` everywhere; null where nothing can be
 * renamed, `invalid` when `newName` is no key name (the client is told so, nothing changes).
 */
export function renameEdits(result: CheckResult, offset: number, newName: string): TextEdit[] | null | 'invalid' {
  const target = renameTarget(result, offset);
  if (!target) return null;
  if (!isKeyName(newName)) return 'invalid';
  return renameEverywhere(result.tree, target.name, newName);
}
