/**
 * @fileoverview Form feeds between tokens of a converted file. Python skips a form feed as a blank
 * (at a line's start it sets the column back to 0: a page break, "for Emacs users"), but libxlu's
 * lexer knows only space and tab and rejects the file at one. Each such form feed becomes a space:
 * the same length, so the converted text's spans still map back to the input's.
 */
import { parseTree } from '../syntax/index.js';
import { Tok } from '../syntax/tree.js';

/** `text` with every form feed outside strings and comments replaced by a space. */
export function withoutFormFeeds(text: string): string {
  if (!text.includes('\f')) return text;
  const { tokens } = parseTree(text).tree;
  let changed = false;
  // Offsets are UTF-16 units: rebuild from slices rather than code points.
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] !== Tok.Whitespace) continue;
    for (let at = tokens.starts[i]!; at < tokens.ends[i]!; at++) {
      if (text[at] !== '\f') continue;
      parts.push(text.slice(from, at), ' ');
      from = at + 1;
      changed = true;
    }
  }
  return changed ? parts.join('') + text.slice(from) : text;
}
