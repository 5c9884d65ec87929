/**
 * @fileoverview Test helper: a tiny hand-written builder of lossless syntax trees for the subset
 * the formatter tests use (assignments, strings, numbers, names, lists, tuples, + * %, comments).
 * It lets the formatter be tested on exact trees independent of the real parser.
 */
import { Tok, type Expr, type Stmt, type SyntaxTree } from '../../src/syntax/tree.js';

interface T {
  kind: Tok;
  start: number;
  end: number;
}

function lex(text: string): T[] {
  const out: T[] = [];
  let i = 0;
  const isId = (c: string) => /[A-Za-z0-9_.]/.test(c);
  while (i < text.length) {
    const c = text[i]!;
    const s = i;
    if (c === ' ' || c === '\t') {
      while (text[i] === ' ' || text[i] === '\t') i++;
      out.push({ kind: Tok.Whitespace, start: s, end: i });
    } else if (c === '\n') {
      out.push({ kind: Tok.Newline, start: s, end: ++i });
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      out.push({ kind: Tok.Comment, start: s, end: i });
    } else if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      out.push({ kind: Tok.Continuation, start: s, end: i });
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      i += q.length;
      while (i < text.length && !text.startsWith(q, i)) i += text[i] === '\\' ? 2 : 1;
      i += q.length;
      out.push({ kind: Tok.String, start: s, end: i });
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9a-fx.]/.test(text[i]!)) i++;
      out.push({ kind: Tok.Number, start: s, end: i });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && isId(text[i]!)) i++;
      out.push({ kind: Tok.Identifier, start: s, end: i });
    } else if (c === '+' && text[i + 1] === '=') {
      i += 2;
      out.push({ kind: Tok.PlusEquals, start: s, end: i });
    } else {
      i++;
      const k = ({ '=': Tok.Equals, ',': Tok.Comma, ';': Tok.Semicolon, '[': Tok.LBracket, ']': Tok.RBracket, '(': Tok.LParen, ')': Tok.RParen } as Record<string, Tok>)[c];
      out.push({ kind: k ?? Tok.Operator, start: s, end: i });
    }
  }
  return out;
}

/** Build a SyntaxTree for `text` (valid inputs of the test subset only). */
export function miniTree(text: string): SyntaxTree {
  const all = lex(text);
  const sig = all.filter((t) => t.kind !== Tok.Whitespace && t.kind !== Tok.Comment && t.kind !== Tok.Continuation);
  let p = 0;
  let depth = 0;
  const skipNl = () => {
    while (depth > 0 && sig[p]?.kind === Tok.Newline) p++;
  };
  const peek = () => {
    skipNl();
    return sig[p];
  };
  const txt = (t: T) => text.slice(t.start, t.end);
  const primary = (): Expr => {
    const t = peek()!;
    if (t.kind === Tok.String) {
      const parts = [];
      while (peek()?.kind === Tok.String) {
        const u = sig[p++]!;
        const raw = txt(u);
        const quote = raw.startsWith('"""') || raw.startsWith("'''") ? raw.slice(0, 3) : raw[0]!;
        parts.push({ span: { start: u.start, end: u.end }, quote, prefix: '' });
      }
      return { kind: 'string', span: { start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end }, parts };
    }
    p++;
    if (t.kind === Tok.Number) return { kind: 'number', span: { start: t.start, end: t.end }, text: txt(t) };
    if (t.kind === Tok.Identifier) return { kind: 'name', span: { start: t.start, end: t.end }, name: txt(t) };
    if (t.kind === Tok.Operator && txt(t) === '-') {
      const operand = primary();
      return { kind: 'unary', op: '-', opSpan: { start: t.start, end: t.end }, operand, span: { start: t.start, end: operand.span.end } };
    }
    if (t.kind === Tok.LBracket || t.kind === Tok.LParen) {
      depth++;
      const close = t.kind === Tok.LBracket ? Tok.RBracket : Tok.RParen;
      const items: Expr[] = [];
      const commas = [];
      let sawComma = false;
      while (peek()?.kind !== close) {
        items.push(expr());
        if (peek()?.kind === Tok.Comma) {
          const c = sig[p++]!;
          commas.push({ start: c.start, end: c.end });
          sawComma = true;
        }
      }
      depth--;
      const e = sig[p++]!;
      const span = { start: t.start, end: e.end };
      if (close === Tok.RBracket) return { kind: 'list', span, items, commas };
      if (items.length === 1 && !sawComma) return { kind: 'paren', span, inner: items[0]! };
      return { kind: 'tuple', span, parens: true, items, commas };
    }
    return { kind: 'error', span: { start: t.start, end: t.end } };
  };
  const expr = (): Expr => {
    let left = primary();
    while (peek()?.kind === Tok.Operator) {
      const o = sig[p++]!;
      const right = primary();
      left = { kind: 'binary', op: txt(o) as '+', opSpan: { start: o.start, end: o.end }, left, right, span: { start: left.span.start, end: right.span.end } };
    }
    return left;
  };
  const statements: Stmt[] = [];
  while (p < sig.length) {
    const t = sig[p]!;
    if (t.kind === Tok.Newline || t.kind === Tok.Semicolon) {
      p++;
      continue;
    }
    p++;
    const op = sig[p++]!;
    let value = expr();
    if (sig[p]?.kind === Tok.Comma) {
      const items = [value];
      const commas = [];
      while (sig[p]?.kind === Tok.Comma) {
        const c = sig[p++]!;
        commas.push({ start: c.start, end: c.end });
        if (sig[p] && sig[p]!.kind !== Tok.Newline && sig[p]!.kind !== Tok.Semicolon) items.push(expr());
      }
      value = { kind: 'tuple', parens: false, items, commas, span: { start: items[0]!.span.start, end: (commas.length >= items.length ? commas[commas.length - 1]! : items[items.length - 1]!.span).end } };
    }
    statements.push({
      kind: 'assign',
      span: { start: t.start, end: value.span.end },
      key: { name: txt(t), span: { start: t.start, end: t.end } },
      op: op.kind === Tok.PlusEquals ? '+=' : '=',
      opSpan: { start: op.start, end: op.end },
      value,
    });
  }
  const tokens = {
    count: all.length,
    kinds: Uint8Array.from(all.map((t) => t.kind)),
    starts: Int32Array.from(all.map((t) => t.start)),
    ends: Int32Array.from(all.map((t) => t.end)),
  };
  return { text, tokens, statements };
}
