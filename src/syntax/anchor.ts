/**
 * @fileoverview Where a finding about the whole file points: one about something the file lacks
 * (no name, nothing to boot) when no key of the file makes the requirement (decision 051). The
 * stages that judge the config know no text and place such a finding at `{start: 0, end: 0}`;
 * check moves it here (src/diagnostics/file-anchor.ts). The anchor is never empty unless the file
 * is (or is only blanks), and never starts or ends inside a comment.
 */
import type { Span } from '../diagnostics/span.js';
import type { Stmt, SyntaxTree } from './tree.js';

/** The anchor of a tree: its parser's (the statements may be gone), else from its first statement, else from its text. */
export function fileAnchor(tree: SyntaxTree): Span {
  if (tree.anchor) return tree.anchor;
  const first = tree.statements[0];
  return first ? statementAnchor(tree.text, first) : textAnchor(tree.text);
}

/**
 * The anchor of a file whose first statement is `first`: the whole statement when it fits on its
 * first line (a statement's span leaves out a trailing comment); else its key (an assignment) or
 * its first word, since the rest of that first line may end in a comment.
 */
export function statementAnchor(text: string, first: Stmt): Span {
  const { start, end } = first.span;
  const eol = lineEnd(text, start);
  if (end <= eol && end > start) return { start, end };
  if (first.kind === 'assign' && first.key.span.end > first.key.span.start) return { ...first.key.span };
  return { start, end: wordEnd(text, start, eol) };
}

/**
 * The anchor of a file without statements: its first line that is not blank, without its trailing
 * blanks (a comment, covered whole); an empty or all-blank file has no character to point at: {0,0}.
 */
export function textAnchor(text: string): Span {
  let i = 0;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (i === text.length) return { start: 0, end: 0 };
  let end = lineEnd(text, i);
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  return { start: i, end };
}

/** The offset of the line break (LF or CR) that ends the line holding `at`, or the text's end. */
function lineEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The end of the word (letters, digits, `_`) starting at `start`; one character (a whole surrogate pair) when none starts there. */
function wordEnd(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit && /[A-Za-z0-9_]/.test(text[i]!)) i++;
  if (i > start) return i;
  const c = text.charCodeAt(start);
  return Math.min(text.length, start + (c >= 0xd800 && c <= 0xdbff ? 2 : 1));
}

/** Whitespace, line breaks and a byte-order mark: nothing an editor can underline. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xfeff;
}
