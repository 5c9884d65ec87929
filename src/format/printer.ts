/**
 * @fileoverview Prints a whole syntax tree in the canonical layout (docs/format.md): one statement
 * per line, no indentation, ` = ` / ` += `, comments kept (a comment on a statement's line stays on
 * it after two spaces), runs of blank lines folded to one, LF line ends, one final newline.
 * The statements carry the structure; the trivia between them (comments, blank lines, `;`) is
 * read from the lossless token stream.
 */
import { Tok, type AssignStmt, type SyntaxTree } from '../syntax/tree.js';
import { resolveLayout, type LayoutOptions } from './options.js';
import { printExpr, type PrintContext } from './print-expr.js';
import { tokenAtOrAfter } from '../syntax/token-lookup.js';
import { displayWidth } from './width.js';

/** Raised when the tree holds something the printer must not reshape; callers refuse the file. */
export class UnformattableError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Print a tree of assignments in the canonical layout; throws UnformattableError on other statements. */
export function printTree(tree: SyntaxTree, options: LayoutOptions = {}): string {
  const ctx: PrintContext = { text: tree.text, tokens: tree.tokens, layout: resolveLayout(options) };
  const lines: string[] = [];
  let newlines = 0; // newlines seen since the last printed content
  let lastWasStatement = false;

  const gap = (from: number, to: number): void => {
    const { tokens, text } = tree;
    for (let i = tokenAtOrAfter(tokens, from); i < tokens.count && tokens.starts[i]! < to; i++) {
      const kind = tokens.kinds[i];
      if (kind === Tok.Newline) newlines++;
      else if (kind === Tok.Comment) {
        const c = text.slice(tokens.starts[i]!, tokens.ends[i]!).trimEnd();
        if (newlines === 0 && lastWasStatement) lines[lines.length - 1] += '  ' + c;
        else {
          if (newlines >= 2 && lines.length > 0) lines.push('');
          lines.push(c);
        }
        newlines = 0;
        lastWasStatement = false;
      } else if (kind !== Tok.Whitespace && kind !== Tok.Semicolon && kind !== Tok.Continuation) {
        throw new UnformattableError('text outside any statement', tokens.starts[i]!);
      }
    }
  };

  let pos = 0;
  for (const st of tree.statements) {
    if (st.kind !== 'assign') throw new UnformattableError(`cannot format a ${st.kind} statement`, st.span.start);
    gap(pos, st.span.start);
    if (newlines >= 2 && lines.length > 0) lines.push('');
    // One flat string per statement: its lines are indentation prefixed once per nesting level, and
    // kept as such they were a string tree per line (2.3 million of them for 13,000 statements
    // nested 90 deep) until the final join: printTree's time grew 5.9 times for 3 times the
    // statements. A comment after the statement is appended to its last line all the same.
    lines.push(printAssign(ctx, st).join('\n'));
    newlines = 0;
    lastWasStatement = true;
    pos = Math.max(pos, st.span.end);
  }
  gap(pos, tree.text.length);
  return lines.length ? lines.join('\n') + '\n' : '';
}

function printAssign(ctx: PrintContext, st: AssignStmt): string[] {
  const name = (n: { span: { start: number; end: number } }) => ctx.text.slice(n.span.start, n.span.end);
  let head = name(st.key) + ' ' + st.op + ' ';
  for (const n of st.chained ?? []) head += name(n) + ' = ';
  const v = st.value;
  // Fast path for the common scalar values (no line array needed).
  if (v.kind === 'number' || v.kind === 'name' || (v.kind === 'string' && v.parts.length === 1 && ctx.layout.quote === 'keep')) {
    return [head + ctx.text.slice(v.span.start, v.span.end)];
  }
  // A list's items are indented once and followed by a comma: their lines have that much less room.
  const { lineWidth, indent } = ctx.layout;
  // Columns as an editor shows them (./width.ts): a CJK string takes two per character.
  const value = printExpr(ctx, v, lineWidth - displayWidth(head), lineWidth - indent.length - 1);
  return [head + value[0], ...value.slice(1)];
}
