/**
 * @fileoverview Where Python 2's parser stack overflows, line by line, for the token scan of
 * ./dialect-findings.ts: a cheap bound of each logical line's depth until the line could come near
 * the limit, then ./py2-stack.ts's machine from the line's first token (decision 055). Also the
 * line's block depth, from Python's stack of indentation columns.
 */
import { Tok } from './tree.js';
import { Py2Stack } from './py2-stack.js';
import { PY2_STACK } from './py2-frames.js';

/**
 * An upper bound of what a token adds to the stack depth of its line, so that the machine runs only
 * on lines that could come near the limit: a bracket (`(` `[` `{` `` ` ``, or any other punctuation)
 * at most 16, a keyword, operator or `:` at most 3 (`**` 2, a comprehension's clause 2 a keyword).
 */
function py2Cost(kind: number): number {
  return kind === Tok.LParen || kind === Tok.LBracket || kind === Tok.Punct ? 16 : kind === Tok.Identifier || kind === Tok.Operator || kind === Tok.Colon ? 3 : 0;
}

/** The deepest a statement starts (yield after a header's `:`: 3 + 22) and 4 a block: with the costs, a bound of any depth on the line. */
function py2Slack(blocks: number): number {
  return PY2_STACK - 25 - 4 * blocks;
}

/** Whether a token kind is trivia the parser never sees (blanks, comments, continuations, line ends inside brackets). */
function trivia(kind: number): boolean {
  return kind === Tok.Whitespace || kind === Tok.Comment || kind === Tok.Continuation || kind === Tok.Newline;
}

/**
 * Run `stack` (started on its line) over the significant tokens from `from` to `to` inclusive; the
 * index of the token at which Python 2's stack overflows, or -1.
 */
function py2Replay(stack: Py2Stack, text: string, kinds: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number): number {
  for (let j = from; j <= to; j++) {
    const k = kinds[j]!;
    if (!trivia(k) && stack.step(text, k, starts[j]!, ends[j]!)) return j;
  }
  return -1;
}

/**
 * Python's indentation column of the line whose first token starts at `at` (tabs to the next
 * multiple of 8; a form feed sets it back to 0, as Python's tokenizer does).
 */
function py2Column(text: string, at: number): number {
  let from = at;
  for (let c = text.charCodeAt(from - 1); from > 0 && (c === 32 || c === 9 || c === 12); c = text.charCodeAt(--from - 1));
  let col = 0;
  for (let j = from; j < at; j++) {
    const c = text.charCodeAt(j);
    col = c === 9 ? (Math.floor(col / 8) + 1) * 8 : c === 12 ? 0 : col + 1;
  }
  return col;
}

/** Space, tab or form feed: Python's indentation blanks. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12;

/** Python 2's parser stack over a text's tokens, as the token scan meets them: one overflow a logical line at most. */
export class Py2Lines {
  /** First significant token of the logical line; -1: the next one is. */
  private lineFirst = -1;
  private blocks = 0;
  /** Python's indentation stack (columns). */
  private readonly indents = [0];
  private cost = 0;
  private stack: Py2Stack | null = null;
  private done = false;

  constructor(
    private readonly text: string,
    private readonly kinds: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  /** A line end outside brackets: the next significant token starts a logical line. */
  lineEnd(): void {
    this.lineFirst = -1;
    this.cost = 0;
    this.stack = null;
    this.done = false;
  }

  /** The significant token `i`; the index of the token at which Python 2's stack overflows, or -1. */
  token(i: number, kind: number, start: number, end: number): number {
    if (this.lineFirst < 0) {
      this.lineFirst = i;
      // The line's block depth: dedents pop Python's stack of indentation columns.
      const col = start > 0 && isBlank(this.text.charCodeAt(start - 1)) ? py2Column(this.text, start) : 0;
      const indents = this.indents;
      while (indents[indents.length - 1]! > col) indents.pop();
      if (col > indents[indents.length - 1]!) indents.push(col);
      this.blocks = indents.length - 1;
    }
    if (this.done) return -1;
    let at = -1;
    if (this.stack !== null) at = this.stack.step(this.text, kind, start, end) ? i : -1;
    else if ((this.cost += py2Cost(kind)) > py2Slack(this.blocks)) {
      this.stack = new Py2Stack();
      this.stack.line(this.blocks);
      at = py2Replay(this.stack, this.text, this.kinds, this.starts, this.ends, this.lineFirst, i);
    }
    if (at >= 0) this.done = true;
    return at;
  }

  /** Where to report an overflow at token `at`: that token when it is a bracket or none is open, else the innermost open bracket. */
  spanAt(at: number): { start: number; end: number } {
    const k = this.kinds[at]!;
    const bracket = k === Tok.LParen || k === Tok.LBracket || k === Tok.Punct;
    return (!bracket && this.stack?.innermost()) || { start: this.starts[at]!, end: this.ends[at]! };
  }
}
