/**
 * @fileoverview Python's indentation errors inside blocks (XM0066). xmcfg never runs an `if`/`for`
 * block (XM0020, XM0061), but Python 2 compiles the whole file before running any of it, so a block
 * indented inconsistently makes xm refuse the file (IndentationError) even when the block itself
 * would never run. An indented line at the top level is XM0532 (dialect-findings.ts). Nested 100
 * blocks deep, Python 2's tokenizer runs out of indentation levels (XM0023).
 */
import { COMPOUND_KEYWORDS } from '../../grammar/tokens.js';
import type { Stmt, UnsupportedStmt } from './tree.js';
import type { Finding } from './dialect-findings.js';

/**
 * Python 2's tokenizer.c MAXINDENT: its stack of indentation columns has 100 entries, the first the
 * top level's 0, so a line that would open a 100th indented level is "IndentationError: too many
 * levels of indentation" (checked against Python 2.7.18: 99 nested blocks run, 100 do not).
 */
export const PY2_MAX_INDENT = 100;

/** Column of the statement starting at `at` when it starts its physical line (Python 2's tokenizer:
 * a tab advances to the next multiple of 8, a form feed resets to 0), else -1 (after `;`). */
function lineIndent(text: string, at: number): { col: number; from: number } | null {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\f')) i--;
  if (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r' && !(i === 1 && text.charCodeAt(0) === 0xfeff)) return null;
  let col = 0;
  let from = i;
  for (let j = i; j < at; j++) {
    const c = text[j];
    if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
    else if (c === '\f') {
      col = 0;
      from = j + 1;
    } else col++;
  }
  return { col, from };
}

/** A compound header ending with `:`, whose block must follow on the next lines. */
function opensBlock(text: string, s: Stmt): s is UnsupportedStmt {
  return s.kind === 'unsupported' && COMPOUND_KEYWORDS.includes(s.keyword) && text[s.span.end - 1] === ':';
}

/** Statements in source order, blocks flattened. */
function* inOrder(stmts: readonly Stmt[]): Generator<Stmt> {
  for (const s of stmts) {
    yield s;
    if (s.kind === 'unsupported') yield* inOrder(s.body);
  }
}

/**
 * XM0066 findings for `stmts` (top-level statements with their blocks): Python's indentation stack
 * replayed over the lines that start a statement. Each problem is reported once, and the stack then
 * goes on as if the line were right, so one bad line does not flag every line after it. A header
 * with no block is reported at its colon: the next statement may be in the next chunk of a streamed
 * parse, and the findings must not depend on where chunks are cut (they start at column 0 lines).
 */
export function blockIndentFindings(text: string, stmts: readonly Stmt[], out: Finding[]): void {
  // Every finding needs a block, and only an unsupported (Python) statement opens one: a file of
  // assignments is left at once, without an indentation object and a generator step per statement.
  if (!stmts.some((s) => s.kind === 'unsupported')) return;
  const stack = [0];
  let opened = false;
  let tooDeep = false;
  for (const s of inOrder(stmts)) {
    const at = lineIndent(text, s.span.start);
    if (at === null) continue;
    const { col, from } = at;
    const span = { start: from, end: s.span.start };
    const top = stack[stack.length - 1]!;
    // The tokenizer refuses the level before the parser looks at the line (so before "unexpected
    // indent"). Reported once; the stack goes on growing so that later dedents still match.
    if (col > top && stack.length >= PY2_MAX_INDENT && !tooDeep) {
      tooDeep = true;
      out.push(tooManyLevels(span));
    }
    if (opened && col > top) stack.push(col);
    else if (col > top) {
      // At the top level the line is XM0532's ("unexpected indent" there too).
      if (stack.length > 1) {
        out.push(finding(span, 'unexpected indent', 'the line is indented more than the lines before it in its block'));
        stack.push(col);
      }
    } else if (col < top) {
      while (col < stack[stack.length - 1]!) stack.pop();
      if (col !== stack[stack.length - 1]) {
        out.push(finding(span, 'unindent does not match any outer indentation level', 'the line is indented less than its block but more than the block around it'));
        stack.push(col);
      }
    }
    opened = opensBlock(text, s);
    if (opened && s.kind === 'unsupported' && s.body.length === 0) {
      const colon = { start: s.span.end - 1, end: s.span.end };
      out.push(finding(colon, 'expected an indented block', 'no indented line follows this header'));
      opened = false;
    }
  }
}

/** XM0023 at the blanks of the line that would open Python 2's 100th indentation level. */
function tooManyLevels(span: { start: number; end: number }): Finding {
  return {
    only: 'xl',
    code: 'XM0023',
    span,
    what: 'too many levels of indentation',
    message: `Python 2 (xm) refuses the file: IndentationError: too many levels of indentation (its tokenizer keeps ${PY2_MAX_INDENT} indentation levels, the top level's among them, and this line would open one more)`,
    hint: 'nest fewer blocks',
  };
}

function finding(span: { start: number; end: number }, python: string, why: string): Finding {
  return {
    only: 'xl',
    code: 'XM0066',
    span: span.end > span.start ? span : { start: span.start, end: span.start + 1 },
    what: 'inconsistent indentation',
    message: `Python 2 (xm) refuses the file: IndentationError: ${python} (${why})`,
    hint: 'indent every line of a block by the same blanks',
  };
}
