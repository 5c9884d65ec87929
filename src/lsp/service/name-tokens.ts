/**
 * @fileoverview The name tokens spelled as a key, and the edits renaming them: one mechanism for the
 * misspelt-key and deprecated-key quick fixes and for textDocument/rename.
 */
import type { TextEdit } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { Tok, type SyntaxTree } from '../../syntax/tree.js';

/** Spans of the name tokens spelled `key` (assignments of it and, in xm, reads of it); strings and comments are other tokens. */
export function nameTokens(tree: SyntaxTree, key: string): Span[] {
  const { tokens, text } = tree;
  const out: Span[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.starts[i]!;
    const end = tokens.ends[i]!;
    if (tokens.kinds[i] === Tok.Identifier && end - start === key.length && text.startsWith(key, start)) out.push({ start, end });
  }
  return out;
}

/**
 * Edits renaming `key` to `to` at every name token spelled `key`: each assignment of it (`+=` and
 * chained ones too) and each xm expression that reads it (`maxmem = memroy * 2`). Strings and
 * comments are other tokens, so `"memroy"` and `# memroy` stay.
 */
export function renameEverywhere(tree: SyntaxTree, key: string, to: string): TextEdit[] {
  return nameTokens(tree, key).map((span) => ({ span, text: to }));
}
