/**
 * Cases of scripts/py2-diff.mjs at Python 2's limit of indentation levels (tokenizer.c MAXINDENT =
 * 100, the top level's among them: "IndentationError: too many levels of indentation"; XM0023). For
 * each layout, blocks nested one level less than Python 2.7.18 reads, exactly as deep, and one more;
 * and lines that do not open a level (comments, lines inside brackets, a way back out).
 */

/** `n` nested `if 1:` headers, each `step` deeper, with `inner` (lines) inside the innermost, then `after`. */
const nest = (n, step, inner, after = 'y = 2\n') => {
  let out = '';
  for (let i = 0; i < n; i++) out += `${step.repeat(i)}if 1:\n`;
  for (const line of inner) out += `${step.repeat(n)}${line}\n`;
  return out + after;
};

/** The deepest nesting Python 2.7.18 reads: 99 blocks (levels 1..99 below the top level's). */
const MAX = 99;

export const INDENT_CASES = [
  // one blank a level, a tab a level, two blanks a level
  ...[MAX - 1, MAX, MAX + 1].map((n) => nest(n, ' ', ['x = 1'])),
  ...[MAX, MAX + 1].map((n) => nest(n, '\t', ['x = 1'])),
  ...[MAX, MAX + 1].map((n) => nest(n, '  ', ['x = 1'])),
  // comment and blank lines deeper than any level, and a bracket's lines, open none
  nest(MAX, ' ', ['x = 1', `${' '.repeat(40)}# deeper`, '', 'z = [1,', `${' '.repeat(200)}2]`]),
  // back out to the top level and as deep again: the levels were freed
  nest(MAX, ' ', ['x = 1'], nest(MAX, ' ', ['w = 3'])),
  // back out one level, then in again: still 99
  nest(MAX, ' ', ['x = 1'], `${' '.repeat(MAX - 1)}if 1:\n${' '.repeat(MAX)}v = 4\ny = 2\n`),
  // the line past the limit after a way back out, further down the file
  nest(MAX, ' ', ['x = 1'], `${' '.repeat(MAX - 1)}if 1:\n${' '.repeat(MAX)}if 1:\n${' '.repeat(MAX + 1)}v = 4\ny = 2\n`),
  // a header followed by its statement on the same line opens no level
  nest(MAX, ' ', ['if 1: x = 1']),
];
