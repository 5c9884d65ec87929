/**
 * @fileoverview The operands of the expression grammar: atoms with their trailers, literals, string
 * concatenation, parenthesised forms, lists, dicts and comprehensions. Calls, attributes,
 * subscripts, dicts, lambdas and comprehensions are parsed only so they can be reported precisely.
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { Expr, StringPart, Subscript } from './tree.js';
import { OperatorParser } from './operators.js';
import * as T from './tokens.js';
import { stringPart } from './string-part.js';

/** Operand rules on top of the operator levels; subclassed by XmParser (grammar/parser.ts), which calls performSelfAnalysis. */
export abstract class ExpressionParser extends OperatorParser {
  /** An atom followed by calls `()`, subscripts `[]` and attributes `.x`. */
  protected atomExpr = this.RULE('atomExpr', (): Expr => {
    let e = this.SUBRULE(this.atom);
    this.MANY(() => {
      this.OR([
        {
          ALT(this: ExpressionParser) {
            this.CONSUME(T.LParen);
            const args = this.OPTION(() => this.SUBRULE(this.callArgs));
            const r = this.CONSUME(T.RParen);
            e = this.ACTION(() => {
              const callee = e;
              const call = this.unsupported(this.join(callee.span, this.tspan(r)), 'call');
              // Only plain positional arguments are kept: `len(x)` is the one call xm's evaluator reads.
              const plain = args ?? [];
              if (plain.every((a): a is Expr => a !== null)) return { ...call, parts: { form: 'call', callee, args: plain.slice() } } as Expr;
              return call;
            });
          },
        },
        {
          ALT(this: ExpressionParser) {
            this.CONSUME(T.LBracket);
            const sub = this.SUBRULE(this.subscripts);
            const r = this.CONSUME(T.RBracket);
            e = this.ACTION(() => {
              const target = e;
              const node = this.unsupported(this.join(target.span, this.tspan(r)), 'subscript');
              return sub === null ? node : ({ ...node, parts: { form: 'subscript', target, sub } } as Expr);
            });
          },
        },
        {
          ALT(this: ExpressionParser) {
            this.CONSUME(T.Dot);
            const n = this.OR2([
              { ALT(this: ExpressionParser) { return this.CONSUME2(T.Identifier); } },
              { ALT(this: ExpressionParser) { return this.CONSUME(T.Keyword); } },
            ]);
            e = this.ACTION(() => this.unsupported(this.join(e.span, this.tspan(n)), 'attribute'));
          },
        },
      ]);
    });
    return e;
  });

  /** A call's arguments, each a plain positional one or null (`*a`, `**k`, `k=v`, a generator). */
  private callArgs = this.RULE('callArgs', (): (Expr | null)[] => {
    const args: (Expr | null)[] = [];
    args.push(this.SUBRULE(this.argument));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      args.push(this.SUBRULE2(this.argument));
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    return args;
  });

  private argument = this.RULE('argument', (): Expr | null => {
    return this.OR([
      {
        ALT(this: ExpressionParser) {
          this.OR2([
            { ALT(this: ExpressionParser) { return this.CONSUME(T.Star); } },
            { ALT(this: ExpressionParser) { return this.CONSUME(T.DoubleStar); } },
          ]);
          this.SUBRULE(this.test);
          return null;
        },
      },
      {
        ALT(this: ExpressionParser) {
          const value = this.SUBRULE2(this.test);
          let plain = true;
          this.OPTION(() => {
            this.OR3([
              {
                ALT(this: ExpressionParser) {
                  this.CONSUME(T.Equals);
                  this.SUBRULE3(this.test);
                },
              },
              { ALT(this: ExpressionParser) { return this.SUBRULE(this.compFor); } },
            ]);
            plain = false;
          });
          return plain ? value : null;
        },
      },
    ]);
  });

  /** What is inside `[...]`: one subscript, or null for several (`x[1, 2]`) or a trailing comma. */
  private subscripts = this.RULE('subscripts', (): Subscript | null => {
    const first = this.SUBRULE(this.subscript);
    let one = true;
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.subscript);
      one = false;
    });
    this.OPTION(() => {
      this.CONSUME2(T.Comma);
      one = false;
    });
    return one ? first : null;
  });

  private subscript = this.RULE('subscript', (): Subscript => {
    return this.OR([
      {
        ALT(this: ExpressionParser): Subscript {
          const index = this.SUBRULE(this.test);
          const rest = this.OPTION(() => this.SUBRULE(this.sliceRest));
          return rest === undefined ? { index } : { ...rest, lower: index };
        },
      },
      { ALT(this: ExpressionParser) { return this.SUBRULE2(this.sliceRest); } },
    ]);
  });

  /** `:upper` and `:step` of a slice (its lower bound, if any, is read before the colon). */
  private sliceRest = this.RULE('sliceRest', (): { lower: null; upper: Expr | null; step: Expr | null } => {
    this.CONSUME(T.Colon);
    const upper = this.OPTION(() => this.SUBRULE(this.test)) ?? null;
    let step: Expr | null = null;
    this.OPTION2(() => {
      this.CONSUME2(T.Colon);
      step = this.OPTION3(() => this.SUBRULE2(this.test)) ?? null;
    });
    return { lower: null, upper, step };
  });

  /** `for x in xs` (`if cond`)* inside a comprehension. */
  private compFor = this.RULE('compFor', (): void => {
    this.CONSUME(T.For);
    this.SUBRULE(this.bitExpr);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.bitExpr);
    });
    this.CONSUME(T.In);
    this.SUBRULE(this.orTest);
    this.OPTION(() => {
      this.OR([
        { ALT(this: ExpressionParser) { return this.SUBRULE(this.compFor); } },
        {
          ALT(this: ExpressionParser) {
            this.CONSUME(T.If);
            this.SUBRULE2(this.orTest);
            this.OPTION2(() => this.SUBRULE2(this.compFor));
          },
        },
      ]);
    });
  });

  private atom = this.RULE('atom', (): Expr => {
    return this.OR([
      { ALT(this: ExpressionParser) { return this.SUBRULE(this.parenExpr); } },
      { ALT(this: ExpressionParser) { return this.SUBRULE(this.listExpr); } },
      { ALT(this: ExpressionParser) { return this.SUBRULE(this.dictExpr); } },
      {
        ALT(this: ExpressionParser) {
          const t = this.CONSUME(T.Identifier);
          return this.ACTION((): Expr => {
            const span = this.tspan(t);
            // The superset identifier swallows dots: `os.path` is an attribute access in Python.
            if (t.image.includes('.')) return this.unsupported(span, 'attribute');
            return { kind: 'name', span, name: t.image };
          });
        },
      },
      {
        ALT(this: ExpressionParser) {
          const t = this.CONSUME(T.NumberLit);
          return this.ACTION((): Expr => ({ kind: 'number', span: this.tspan(t), text: t.image }));
        },
      },
      { ALT(this: ExpressionParser) { return this.SUBRULE(this.strings); } },
      {
        ALT(this: ExpressionParser) {
          // Python 2 backquotes `x` (repr).
          const a = this.CONSUME(T.OtherPunct);
          const e = this.SUBRULE(this.testlist);
          const b = this.CONSUME2(T.OtherPunct);
          return this.ACTION(() => this.unsupported(this.join(this.tspan(a), this.join(e.span, this.tspan(b))), 'other'));
        },
      },
    ]);
  });

  /** One or more adjacent string literals (xm concatenates them). */
  private strings = this.RULE('strings', (): Expr => {
    const parts: StringPart[] = [];
    this.AT_LEAST_ONE(() => {
      const t = this.CONSUME(T.StringLit);
      this.ACTION(() => parts.push(stringPart(t.image, this.tspan(t))));
    });
    // Exact-size arrays (a pushed-to array keeps 17+ slots) and one shared span object for a
    // one-part string: this adds up over a 10 MB file. Spans are never mutated.
    return this.ACTION(() => {
      if (parts.length === 1) return { kind: 'string' as const, span: parts[0]!.span, parts: [parts[0]!] };
      return { kind: 'string' as const, span: this.join(parts[0]?.span, parts[parts.length - 1]?.span), parts: parts.slice() };
    });
  });

  /** `( )`, `(a)`, `(a,)`, `(a, b)`, generator `(x for x in y)`. */
  private parenExpr = this.RULE('parenExpr', (): Expr => {
    const l = this.CONSUME(T.LParen);
    const items: Expr[] = [];
    const commas: Span[] = [];
    let gen = false;
    this.OPTION(() => {
      items.push(this.SUBRULE(this.test));
      this.OR([
        {
          ALT(this: ExpressionParser) {
            this.SUBRULE(this.compFor);
            gen = true;
          },
        },
        {
          ALT(this: ExpressionParser) {
            this.MANY(() => {
              commas.push(this.tspan(this.CONSUME(T.Comma)));
              items.push(this.SUBRULE2(this.test));
            });
            this.OPTION2(() => commas.push(this.tspan(this.CONSUME2(T.Comma))));
          },
        },
      ]);
    });
    const r = this.CONSUME(T.RParen);
    return this.ACTION((): Expr => {
      const span = this.join(this.tspan(l), this.tspan(r));
      if (gen) return this.unsupported(span, 'other');
      if (items.length === 1 && commas.length === 0) return { kind: 'paren', span, inner: items[0]! };
      return { kind: 'tuple', span, parens: true, items: items.slice(), commas: commas.slice() };
    });
  });

  /** `[a, b,]` with newlines and comments allowed anywhere inside; list comprehensions are unsupported. */
  private listExpr = this.RULE('listExpr', (): Expr => {
    const l = this.CONSUME(T.LBracket);
    const items: Expr[] = [];
    const commas: Span[] = [];
    let comp = false;
    this.OPTION(() => {
      items.push(this.SUBRULE(this.test));
      this.OR([
        {
          ALT(this: ExpressionParser) {
            this.SUBRULE(this.compFor);
            comp = true;
          },
        },
        {
          ALT(this: ExpressionParser) {
            this.MANY(() => {
              commas.push(this.tspan(this.CONSUME(T.Comma)));
              items.push(this.SUBRULE2(this.test));
            });
            this.OPTION2(() => commas.push(this.tspan(this.CONSUME2(T.Comma))));
          },
        },
      ]);
    });
    const r = this.CONSUME(T.RBracket);
    return this.ACTION((): Expr => {
      const span = this.join(this.tspan(l), this.tspan(r));
      if (comp) return this.unsupported(span, 'other');
      return { kind: 'list', span, items: items.slice(), commas: commas.slice() };
    });
  });

  /** `{k: v, ...}` or a set `{a, b}`: parsed, never evaluated. */
  private dictExpr = this.RULE('dictExpr', (): Expr => {
    const l = this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.dictItem);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.dictItem);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    const r = this.CONSUME(T.RBrace);
    return this.ACTION(() => this.unsupported(this.join(this.tspan(l), this.tspan(r)), 'dict'));
  });

  private dictItem = this.RULE('dictItem', (): void => {
    this.SUBRULE(this.test);
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.test);
    });
  });
}
