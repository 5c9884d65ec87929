/**
 * @fileoverview Test-only builder of syntax trees: a tiny parser for the Python subset the evaluator
 * reads, producing exactly the tree.ts shapes with exact spans. It lets evaluator tests be written as
 * source text without depending on the real parser (which is developed in parallel).
 */
import type { AssignStmt, Expr, Name, Stmt, StringPart, SyntaxTree } from '../../src/syntax/tree.js';

interface Token {
  kind: 'name' | 'number' | 'string' | 'op' | 'newline' | 'eof';
  text: string;
  start: number;
  end: number;
  indent?: number;
}

const OPS = ['**', '//', '+=', '+', '-', '*', '/', '%', ',', '(', ')', '[', ']', '{', '}', '.', '=', ';', ':'];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let lineStart = true;
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (lineStart) {
      let k = i;
      while (text[k] === ' ' || text[k] === '\t') k++;
      if (text[k] === '\n' || text[k] === '#' || k >= text.length) {
        while (k < text.length && text[k] !== '\n') k++;
        i = k + 1;
        continue;
      }
      out.push({ kind: 'newline', text: '', start: i, end: i, indent: k - i });
      i = k;
      lineStart = false;
      continue;
    }
    if (c === ' ' || c === '\t') i++;
    else if (c === '\\' && text[i + 1] === '\n') i += 2;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '\n') {
      i++;
      if (depth === 0) lineStart = true;
    } else if (/[A-Za-z_]/.test(c)) {
      let k = i;
      while (k < text.length && /[A-Za-z0-9_]/.test(text[k]!)) k++;
      const word = text.slice(i, k);
      if ((text[k] === '"' || text[k] === "'") && /^(r|u|b|ur|br|ub|rb)$/i.test(word)) {
        k = scanString(text, k);
        out.push({ kind: 'string', text: text.slice(i, k), start: i, end: k });
      } else out.push({ kind: 'name', text: word, start: i, end: k });
      i = k;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let k = i;
      while (k < text.length && (/[0-9A-Za-z_.]/.test(text[k]!) || ((text[k] === '+' || text[k] === '-') && /[eE]/.test(text[k - 1]!) && !/^0[xX]/.test(text.slice(i, k))))) k++;
      out.push({ kind: 'number', text: text.slice(i, k), start: i, end: k });
      i = k;
    } else if (c === '"' || c === "'") {
      const k = scanString(text, i);
      out.push({ kind: 'string', text: text.slice(i, k), start: i, end: k });
      i = k;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op) throw new Error(`mini-parse: unexpected ${c} at ${i}`);
      if (op === '(' || op === '[' || op === '{') depth++;
      if (op === ')' || op === ']' || op === '}') depth--;
      out.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  out.push({ kind: 'newline', text: '', start: text.length, end: text.length, indent: 0 });
  out.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return out;
}

function scanString(text: string, q0: number): number {
  const triple = text.startsWith(text[q0]!.repeat(3), q0) ? text[q0]!.repeat(3) : text[q0]!;
  let k = q0 + triple.length;
  while (k < text.length && !text.startsWith(triple, k)) k += text[k] === '\\' ? 2 : 1;
  return Math.min(text.length, k + triple.length);
}

class Parser {
  pos = 0;
  constructor(
    readonly text: string,
    readonly toks: Token[],
  ) {}
  peek(): Token {
    return this.toks[this.pos]!;
  }
  next(): Token {
    return this.toks[this.pos++]!;
  }
  isOp(t: string): boolean {
    const p = this.peek();
    return p.kind === 'op' && p.text === t;
  }
  expect(t: string): Token {
    if (!this.isOp(t)) throw new Error(`mini-parse: expected ${t} at ${this.peek().start}`);
    return this.next();
  }

  block(indent: number): Stmt[] {
    const out: Stmt[] = [];
    while (this.peek().kind === 'newline' && this.peek().indent! >= indent) {
      if (this.peek().indent! > indent && out.length === 0) indent = this.peek().indent!;
      if (this.peek().indent! !== indent || this.toks[this.pos + 1]!.kind === 'eof') break;
      this.next();
      out.push(...this.line(indent));
    }
    return out;
  }

  line(indent: number): Stmt[] {
    const t = this.peek();
    if (t.kind === 'name' && ['if', 'def', 'for', 'while', 'else', 'import', 'try', 'except'].includes(t.text)) {
      const start = t.start;
      while (!this.isOp(':') && this.peek().kind !== 'newline') this.next();
      let body: Stmt[] = [];
      let end = this.peek().end;
      if (this.isOp(':')) {
        end = this.next().end;
        if (this.peek().kind === 'newline' && this.peek().indent! > indent) body = this.block(this.peek().indent!);
        else body = this.line(indent);
        const last = body[body.length - 1];
        if (last) end = last.span.end;
      }
      return [{ kind: 'unsupported', span: { start, end }, keyword: t.text, body }];
    }
    const out: Stmt[] = [];
    for (;;) {
      out.push(this.statement());
      if (!this.isOp(';')) break;
      this.next();
      if (this.peek().kind === 'newline') break;
    }
    return out;
  }

  statement(): Stmt {
    const k = this.next();
    const key: Name = { name: k.text, span: { start: k.start, end: k.end } };
    const opTok = this.next();
    const op = opTok.text as '=' | '+=';
    const chained: Name[] = [];
    let value = this.exprList();
    while (op === '=' && this.isOp('=') && value.kind === 'name') {
      chained.push({ name: value.name, span: value.span });
      this.next();
      value = this.exprList();
    }
    const s: AssignStmt = { kind: 'assign', span: { start: k.start, end: value.span.end }, key, op, opSpan: { start: opTok.start, end: opTok.end }, value };
    if (chained.length) s.chained = chained;
    return s;
  }

  /** Bare tuple `a, b` or a single expression. */
  exprList(): Expr {
    const first = this.expr();
    if (!this.isOp(',')) return first;
    const items = [first];
    const commas = [];
    while (this.isOp(',')) {
      const c = this.next();
      commas.push({ start: c.start, end: c.end });
      if (this.peek().kind === 'newline' || this.isOp(';') || this.isOp(')') || this.isOp('=')) break;
      items.push(this.expr());
    }
    const last = commas[commas.length - 1]!.end > items[items.length - 1]!.span.end ? commas[commas.length - 1]!.end : items[items.length - 1]!.span.end;
    return { kind: 'tuple', span: { start: first.span.start, end: last }, parens: false, items, commas };
  }

  expr(): Expr {
    return this.additive();
  }
  binaryLevel(ops: string[], sub: () => Expr): Expr {
    let left = sub();
    while (this.peek().kind === 'op' && ops.includes(this.peek().text)) {
      const o = this.next();
      const right = sub();
      left = { kind: 'binary', span: { start: left.span.start, end: right.span.end }, op: o.text as '+', opSpan: { start: o.start, end: o.end }, left, right };
    }
    return left;
  }
  additive(): Expr {
    return this.binaryLevel(['+', '-'], () => this.term());
  }
  term(): Expr {
    return this.binaryLevel(['*', '/', '//', '%'], () => this.factor());
  }
  factor(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const o = this.next();
      const operand = this.factor();
      return { kind: 'unary', span: { start: o.start, end: operand.span.end }, op: o.text as '-', opSpan: { start: o.start, end: o.end }, operand };
    }
    return this.power();
  }
  power(): Expr {
    const base = this.postfix();
    if (!this.isOp('**')) return base;
    const o = this.next();
    const right = this.factor();
    return { kind: 'binary', span: { start: base.span.start, end: right.span.end }, op: '**', opSpan: { start: o.start, end: o.end }, left: base, right };
  }
  postfix(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp('(')) {
        this.skipGroup('(', ')');
        e = { kind: 'unsupported', span: { start: e.span.start, end: this.toks[this.pos - 1]!.end }, what: 'call' };
      } else if (this.isOp('[')) {
        this.skipGroup('[', ']');
        e = { kind: 'unsupported', span: { start: e.span.start, end: this.toks[this.pos - 1]!.end }, what: 'subscript' };
      } else if (this.isOp('.')) {
        this.next();
        const n = this.next();
        e = { kind: 'unsupported', span: { start: e.span.start, end: n.end }, what: 'attribute' };
      } else return e;
    }
  }
  skipGroup(open: string, close: string): void {
    let d = 0;
    do {
      const t = this.next();
      if (t.kind === 'op' && t.text === open) d++;
      if (t.kind === 'op' && t.text === close) d--;
    } while (d > 0);
  }
  atom(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.next();
      return { kind: 'number', span: { start: t.start, end: t.end }, text: t.text };
    }
    if (t.kind === 'name') {
      this.next();
      return { kind: 'name', span: { start: t.start, end: t.end }, name: t.text };
    }
    if (t.kind === 'string') {
      const parts: StringPart[] = [];
      while (this.peek().kind === 'string') {
        const s = this.next();
        let p = 0;
        while (/[A-Za-z]/.test(s.text[p]!)) p++;
        const q = s.text.startsWith(s.text[p]!.repeat(3), p) ? s.text[p]!.repeat(3) : s.text[p]!;
        parts.push({ span: { start: s.start, end: s.end }, quote: q, prefix: s.text.slice(0, p).toLowerCase() });
      }
      return { kind: 'string', span: { start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end }, parts };
    }
    if (this.isOp('{')) {
      const s = this.peek().start;
      this.skipGroup('{', '}');
      return { kind: 'unsupported', span: { start: s, end: this.toks[this.pos - 1]!.end }, what: 'dict' };
    }
    if (this.isOp('[') || this.isOp('(')) {
      const open = this.next();
      const close = open.text === '[' ? ']' : ')';
      const items: Expr[] = [];
      const commas = [];
      let sawComma = false;
      while (!this.isOp(close)) {
        items.push(this.expr());
        if (this.isOp(',')) {
          const c = this.next();
          commas.push({ start: c.start, end: c.end });
          sawComma = true;
        } else break;
      }
      const end = this.expect(close).end;
      const span = { start: open.start, end };
      if (open.text === '[') return { kind: 'list', span, items, commas };
      if (items.length === 1 && !sawComma) return { kind: 'paren', span, inner: items[0]! };
      return { kind: 'tuple', span, parens: true, items, commas };
    }
    throw new Error(`mini-parse: unexpected token ${t.text} at ${t.start}`);
  }
}

/** Parse test source into a SyntaxTree (statements only; the token stream is left empty). */
export function miniParse(text: string): SyntaxTree {
  const p = new Parser(text, tokenize(text));
  const statements = p.block(0);
  if (p.peek().kind !== 'eof' && !(p.peek().kind === 'newline')) throw new Error(`mini-parse: trailing input at ${p.peek().start}`);
  return { text, tokens: { count: 0, kinds: new Uint8Array(0), starts: new Int32Array(0), ends: new Int32Array(0) }, statements };
}
