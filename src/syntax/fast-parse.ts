/**
 * @fileoverview A hand-written parser for the statements nearly every config consists of:
 * `key = value` / `key += value` where the value is built from strings, numbers, names, lists,
 * parentheses, tuples and arithmetic. It builds exactly the tree the Chevrotain grammar
 * (grammar/expressions.ts) builds for the same tokens, about ten times faster, and gives up
 * (returns undefined) on anything else — other operators, calls, keywords, errors — so the grammar
 * stays the one authority for everything unusual and for every error message.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Span } from '../diagnostics/span.js';
import type { AssignStmt, Expr, StringPart, UnsupportedStmt } from './tree.js';
import * as T from '../../grammar/tokens.js';
import { stringPart } from '../../grammar/string-part.js';

type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

/** Parser state for one statement; `fail` makes every rule unwind. */
class FastParser {
  pos = 0;
  constructor(
    private readonly toks: readonly IToken[],
    private readonly base: number,
  ) {}

  private type(): TokenType | undefined {
    return this.toks[this.pos]?.tokenType;
  }

  private span(t: IToken): Span {
    const start = t.startOffset + this.base;
    return { start, end: start + t.image.length };
  }

  /** `testlist` of the grammar: one test or a bare tuple. */
  testlist(): Expr | undefined {
    const first = this.test();
    if (!first) return undefined;
    if (this.type() !== T.Comma) return first;
    const items: Expr[] = [first];
    const commas: Span[] = [];
    while (this.type() === T.Comma) {
      commas.push(this.span(this.toks[this.pos++]!));
      // A trailing comma ends the statement; anything else after a comma must be another item.
      if (this.pos >= this.toks.length) break;
      const e = this.test();
      if (!e) return undefined;
      items.push(e);
    }
    const last = commas.length >= items.length ? commas[commas.length - 1]! : items[items.length - 1]!.span;
    return { kind: 'tuple', span: join(first.span, last), parens: false, items: items.slice(), commas: commas.slice() };
  }

  /** `test` restricted to arithmetic: a following `if`, `or`, comparison... is not handled here. */
  private test(): Expr | undefined {
    const e = this.arith();
    if (!e) return undefined;
    const t = this.type();
    // The caller checks that what follows may follow it there (`:` and `}` only inside a dict).
    if (t !== undefined && t !== T.Comma && t !== T.RBracket && t !== T.RParen && t !== T.Colon && t !== T.RBrace) return undefined;
    return e;
  }

  private arith(): Expr | undefined {
    let e = this.term();
    while (e) {
      const t = this.type();
      if (t !== T.Plus && t !== T.Minus) break;
      const o = this.toks[this.pos++]!;
      const r = this.term();
      if (!r) return undefined;
      e = this.binary(e, o, r);
    }
    return e;
  }

  private term(): Expr | undefined {
    let e = this.factor();
    while (e) {
      const t = this.type();
      if (t !== T.Star && t !== T.Slash && t !== T.DoubleSlash && t !== T.Percent) break;
      const o = this.toks[this.pos++]!;
      const r = this.factor();
      if (!r) return undefined;
      e = this.binary(e, o, r);
    }
    return e;
  }

  private binary(left: Expr, o: IToken, right: Expr): Expr {
    return { kind: 'binary', span: join(left.span, right.span), op: o.image as BinOp, opSpan: this.span(o), left, right };
  }

  private factor(): Expr | undefined {
    const t = this.type();
    if (t === T.Plus || t === T.Minus) {
      const o = this.toks[this.pos++]!;
      const operand = this.factor();
      if (!operand) return undefined;
      const opSpan = this.span(o);
      return { kind: 'unary', span: join(opSpan, operand.span), op: o.image as '+' | '-', opSpan: this.span(o), operand };
    }
    // power: an atom, optionally `** factor`.
    const base = this.atom();
    if (!base) return undefined;
    const n = this.type();
    // Calls, subscripts and attributes after an atom are the grammar's business.
    if (n === T.LParen || n === T.LBracket || n === T.Dot) return undefined;
    if (n !== T.DoubleStar) return base;
    const o = this.toks[this.pos++]!;
    const exp = this.factor();
    if (!exp) return undefined;
    return this.binary(base, o, exp);
  }

  private atom(): Expr | undefined {
    const t = this.toks[this.pos];
    if (!t) return undefined;
    const tt = t.tokenType;
    if (tt === T.StringLit) return this.strings();
    if (tt === T.NumberLit) {
      this.pos++;
      return { kind: 'number', span: this.span(t), text: t.image };
    }
    if (tt === T.Identifier) {
      // A dotted name is an attribute access (reported by the grammar's path).
      if (t.image.includes('.')) return undefined;
      this.pos++;
      return { kind: 'name', span: this.span(t), name: t.image };
    }
    if (tt === T.LBracket) return this.sequence(T.RBracket);
    if (tt === T.LParen) return this.sequence(T.RParen);
    if (tt === T.LBrace) return this.dict();
    return undefined;
  }

  private strings(): Expr {
    const t0 = this.toks[this.pos++]!;
    const first = stringPart(t0.image, this.span(t0));
    // Exact-size arrays: a pushed-to array keeps 17+ slots, which adds up over a 10 MB file; and
    // one string (nearly always) needs no array to collect the parts in at all.
    if (this.type() !== T.StringLit) return { kind: 'string', span: first.span, parts: [first] };
    const parts: StringPart[] = [first];
    while (this.type() === T.StringLit) {
      const t = this.toks[this.pos++]!;
      parts.push(stringPart(t.image, this.span(t)));
    }
    return { kind: 'string', span: join(parts[0]!.span, parts[parts.length - 1]!.span), parts: parts.slice() };
  }

  /** `[a, b,]` or `( )`, `(a)`, `(a,)`, `(a, b)`; comprehensions are left to the grammar. */
  private sequence(close: TokenType): Expr | undefined {
    const l = this.toks[this.pos++]!;
    const items: Expr[] = [];
    const commas: Span[] = [];
    if (this.type() !== close) {
      for (;;) {
        const e = this.test();
        if (!e) return undefined;
        items.push(e);
        if (this.type() !== T.Comma) break;
        commas.push(this.span(this.toks[this.pos++]!));
        if (this.type() === close) break;
      }
    }
    const r = this.toks[this.pos];
    if (!r || r.tokenType !== close) return undefined;
    this.pos++;
    const span = join(this.span(l), this.span(r));
    if (close === T.RBracket) return { kind: 'list', span, items: items.slice(), commas: commas.slice() };
    if (items.length === 1 && commas.length === 0) return { kind: 'paren', span, inner: items[0]! };
    return { kind: 'tuple', span, parens: true, items: items.slice(), commas: commas.slice() };
  }

  /**
   * `{}`, `{k: v, ...}` or `{a, b}` (the grammar's dictItem: a test with an optional `: test`):
   * one unsupported node spanning the braces, as the grammar builds; the items are parsed only to
   * know the braces hold nothing the grammar would reject.
   */
  private dict(): Expr | undefined {
    const l = this.toks[this.pos++]!;
    if (this.type() !== T.RBrace) {
      for (;;) {
        if (!this.test()) return undefined;
        if (this.type() === T.Colon) {
          this.pos++;
          if (!this.test()) return undefined;
        }
        if (this.type() !== T.Comma) break;
        this.pos++;
        if (this.type() === T.RBrace) break;
      }
    }
    const r = this.toks[this.pos];
    if (!r || r.tokenType !== T.RBrace) return undefined;
    this.pos++;
    return { kind: 'unsupported', span: join(this.span(l), this.span(r)), what: 'dict' };
  }
}

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * Parse `key = value` / `key += value` (a statement's significant tokens, offsets relative to
 * `base`) into the same AssignStmt the grammar builds, or undefined when the statement needs the
 * grammar (anything outside the common subset, or an error).
 */
export function fastAssignment(toks: readonly IToken[], base: number): AssignStmt | undefined {
  if (toks.length < 3) return undefined;
  const k = toks[0]!;
  const op = toks[1]!;
  if (k.tokenType !== T.Identifier || (op.tokenType !== T.Equals && op.tokenType !== T.PlusEquals)) return undefined;
  const p = new FastParser(toks, base);
  p.pos = 2;
  const value = p.testlist();
  if (!value || p.pos !== toks.length) return undefined;
  const kStart = k.startOffset + base;
  const key = { name: k.image, span: { start: kStart, end: kStart + k.image.length } };
  const oStart = op.startOffset + base;
  return {
    kind: 'assign',
    span: join(key.span, value.span),
    key,
    op: op.tokenType === T.PlusEquals ? '+=' : '=',
    opSpan: { start: oStart, end: oStart + op.image.length },
    value,
  };
}

/**
 * A statement that is a bare value starting with a bracket, a string, a number or a sign (a JSON
 * document checked as a config, say): the grammar's exprStatement, an unsupported 'expression'
 * statement spanning the value, or undefined when the grammar is needed. Statements starting with
 * a name are left to the grammar (calls, keywords, targets).
 */
export function fastExpression(toks: readonly IToken[], base: number): UnsupportedStmt | undefined {
  const t = toks[0]?.tokenType;
  if (t !== T.LBrace && t !== T.LBracket && t !== T.LParen && t !== T.StringLit && t !== T.NumberLit && t !== T.Plus && t !== T.Minus) return undefined;
  const p = new FastParser(toks, base);
  const value = p.testlist();
  if (!value || p.pos !== toks.length) return undefined;
  return { kind: 'unsupported', span: value.span, keyword: 'expression', body: [] };
}
