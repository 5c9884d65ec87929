/**
 * @fileoverview Prints one value expression in the canonical layout. The result is a list of
 * lines; lines after the first are relative to the statement's indentation, so a parent list
 * indents them once more. An element may contain '\n' when source text is kept verbatim (a
 * triple-quoted string, an expression with a comment inside): such text is never re-indented,
 * because changing it could change a string's value.
 */
import { Tok, type Expr, type StringPart, type TokenStream } from '../syntax/tree.js';
import type { Span } from '../diagnostics/span.js';
import type { ResolvedLayout } from './options.js';
import { hasTokenOutside, tokenAtOrAfter } from '../syntax/token-lookup.js';
import { displayWidth } from './width.js';

/** What the expression printer needs from the file. */
export interface PrintContext {
  text: string;
  tokens: TokenStream;
  layout: ResolvedLayout;
}

/**
 * Print an expression; `width` is the room left on its first line for a one-line layout, `inner`
 * the room on the line of an item of a list it opens (its indentation and comma taken off).
 */
export function printExpr(ctx: PrintContext, e: Expr, width: number, inner: number): string[] {
  switch (e.kind) {
    case 'string':
      return [e.parts.map((p) => printStringPart(ctx, p)).join(' ')];
    case 'number':
    case 'name':
      return [ctx.text.slice(e.span.start, e.span.end)];
    case 'list':
      return printSeq(ctx, e.span, e.items, '[', ']', false, width, inner);
    case 'tuple':
      if (e.parens) return printSeq(ctx, e.span, e.items, '(', ')', e.items.length === 1, width, inner);
      if (hasComment(ctx, e.span)) return verbatim(ctx, e.span);
      return [e.items.map((i) => oneLine(ctx, i)).join(', ') + (e.items.length === 1 ? ',' : '')];
    case 'paren':
      if (hasComment(ctx, e.span)) return verbatim(ctx, e.span);
      return ['(' + oneLine(ctx, e.inner) + ')'];
    case 'unary':
      if (hasComment(ctx, e.span)) return verbatim(ctx, e.span);
      return [e.op + oneLine(ctx, e.operand)];
    case 'binary':
      if (hasComment(ctx, e.span)) return verbatim(ctx, e.span);
      return [oneLine(ctx, e.left) + ' ' + e.op + ' ' + oneLine(ctx, e.right)];
    default:
      // Unsupported constructs and recovery holes: never reshaped (the caller refuses such files).
      return verbatim(ctx, e.span);
  }
}

/** Print an expression that must stay on one line (operands of operators); lists inside fall back to their text. */
function oneLine(ctx: PrintContext, e: Expr): string {
  const lines = printExpr(ctx, e, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return lines.length === 1 ? lines[0]! : ctx.text.slice(e.span.start, e.span.end);
}

function verbatim(ctx: PrintContext, span: Span): string[] {
  return [ctx.text.slice(span.start, span.end)];
}

function hasComment(ctx: PrintContext, span: Span): boolean {
  return hasTokenOutside(ctx.tokens, span, Tok.Comment, []);
}

/** A string piece as written, or re-quoted when asked and nothing inside could change meaning. */
function printStringPart(ctx: PrintContext, p: StringPart): string {
  const raw = ctx.text.slice(p.span.start, p.span.end);
  const want = ctx.layout.quote === 'double' ? '"' : ctx.layout.quote === 'single' ? "'" : null;
  if (!want || p.quote === want || p.quote.length !== 1 || p.prefix) return raw;
  const body = raw.slice(1, -1);
  // Only bodies without quotes or escapes are swapped: their value is the same in both styles.
  if (body.includes('"') || body.includes("'") || body.includes('\\')) return raw;
  return want + body + want;
}

/** Comments of a list that are not inside one of its items, by where they belong. */
interface SeqComments {
  /** On the line of the opening bracket. */
  open: string[];
  /** Own-line comments before item i. */
  leading: string[][];
  /** Comments on the line where item i ends. */
  trailing: string[][];
  /** Own-line comments after the last item. */
  dangling: string[];
}

/** Scan a list's own tokens (not its items'): comments by where they belong, and whether a newline was written. */
function scanSeq(ctx: PrintContext, span: Span, items: Expr[]): { comments: SeqComments | null; newline: boolean } {
  const { tokens, text } = ctx;
  let res: SeqComments | null = null;
  let anyNewline = false;
  let item = 0; // items passed so far
  let newline = false; // a newline since the last item (or the bracket)
  for (let i = tokenAtOrAfter(tokens, span.start + 1); i < tokens.count && tokens.ends[i]! <= span.end; i++) {
    const s = tokens.starts[i]!;
    while (item < items.length && items[item]!.span.end <= s) {
      item++;
      newline = false;
    }
    if (item < items.length && items[item]!.span.start <= s) {
      i = skipTo(tokens, i, items[item]!.span.end) - 1; // the item's own tokens
      continue;
    }
    const k = tokens.kinds[i];
    if (k === Tok.Newline) newline = anyNewline = true;
    else if (k === Tok.Comment) {
      res ??= { open: [], leading: items.map(() => []), trailing: items.map(() => []), dangling: [] };
      const c = text.slice(s, tokens.ends[i]!).trimEnd();
      if (!newline) (item === 0 ? res.open : res.trailing[item - 1]!).push(c);
      else if (item < items.length) res.leading[item]!.push(c);
      else res.dangling.push(c);
    }
  }
  return { comments: res, newline: anyNewline };
}

/** Index of the first token starting at or after `end`, from token `i` on (items are short: a linear walk). */
function skipTo(tokens: TokenStream, i: number, end: number): number {
  while (i < tokens.count && tokens.starts[i]! < end) i++;
  return i;
}

/**
 * A list or parenthesised tuple: one line when it fits in `width` and was written on one line, else
 * one item per line, each fitting in `inner` (the columns its item lines have left).
 */
function printSeq(ctx: PrintContext, span: Span, items: Expr[], open: string, close: string, forceComma: boolean, width: number, inner: number): string[] {
  const { indent } = ctx.layout;
  const { comments, newline: writtenMultiline } = scanSeq(ctx, span, items);
  const printed = items.map((it) => printExpr(ctx, it, inner, inner - indent.length));
  const flat = printed.every((l) => l.length === 1 && !l[0]!.includes('\n'));
  if (!comments && flat && !writtenMultiline) {
    const line = open + printed.map((l) => l[0]).join(', ') + (forceComma ? ',' : '') + close;
    if (displayWidth(line) <= width || items.length === 0) return [line];
  }
  const out: string[] = [open + (comments?.open.length ? '  ' + comments.open.join(' ') : '')];
  printed.forEach((lines, i) => {
    for (const c of comments?.leading[i] ?? []) out.push(indent + c);
    lines.forEach((l, j) => out.push(indent + l + (j === lines.length - 1 ? ',' : '')));
    const trailing = comments?.trailing[i] ?? [];
    if (trailing.length) {
      out[out.length - 1] += '  ' + trailing[0];
      for (const c of trailing.slice(1)) out.push(indent + c);
    }
  });
  for (const c of comments?.dangling ?? []) out.push(indent + c);
  out.push(close);
  return out;
}
