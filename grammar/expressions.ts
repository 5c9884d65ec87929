/**
 * @fileoverview The expression half of the superset grammar (Python precedence), as an abstract
 * Chevrotain EmbeddedActionsParser building the Expr nodes of src/syntax/tree.ts; grammar/parser.ts
 * adds the statements and runs the self-analysis. Calls, attributes, subscripts, dicts,
 * comparisons, lambdas and comprehensions are parsed only so they can be reported precisely.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { Expr, StringPart } from '../src/syntax/tree.js';
import * as T from './tokens.js';
import { messages } from './messages.js';
import { stringPart } from './string-part.js';

type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';


const NO_SPAN: Span = { start: 0, end: 0 };

/** Expression rules; subclassed by XmParser (grammar/parser.ts), which calls performSelfAnalysis. */
export abstract class ExpressionParser extends EmbeddedActionsParser {
  /** Offset of the current chunk in the whole text: token offsets are chunk-relative. */
  base = 0;

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      skipValidations: !process.env['XMCFG_VALIDATE_GRAMMAR'],
      errorMessageProvider: messages,
    });
  }

  /**
   * After an error, recovery may hand actions undefined values; the statement becomes an ErrorStmt
   * anyway, so an action that trips over one just yields an error expression.
   */
  protected override ACTION<T>(impl: () => T): T {
    if (this.errors.length === 0) return super.ACTION(impl);
    try {
      return super.ACTION(impl);
    } catch {
      return this.err() as T;
    }
  }

  // ----- span helpers (defensive: recovery may hand us virtual tokens or undefined values) -----
  protected tspan(t: IToken | undefined): Span {
    if (!t || !(t.startOffset >= 0)) return NO_SPAN;
    return { start: t.startOffset + this.base, end: t.startOffset + this.base + t.image.length };
  }
  protected join(a: Span | undefined, b: Span | undefined): Span {
    if (!a || a === NO_SPAN) return b ?? NO_SPAN;
    if (!b || b === NO_SPAN) return a;
    return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
  }
  protected err(): Expr {
    return { kind: 'error', span: NO_SPAN };
  }
  protected unsupported(span: Span, what: 'call' | 'attribute' | 'subscript' | 'dict' | 'other'): Expr {
    return { kind: 'unsupported', span, what };
  }


  /** `a` or a tuple `a, b` / `a, b,` without parentheses. */
  testlist = this.RULE('testlist', (): Expr => {
    const items: Expr[] = [];
    const commas: Span[] = [];
    items.push(this.SUBRULE(this.test));
    this.MANY(() => {
      commas.push(this.tspan(this.CONSUME(T.Comma)));
      items.push(this.SUBRULE2(this.test));
    });
    this.OPTION(() => commas.push(this.tspan(this.CONSUME2(T.Comma))));
    return this.ACTION(() => {
      if (commas.length === 0) return items[0] ?? this.err();
      const span = this.join(items[0]?.span, commas.length >= items.length ? commas[commas.length - 1] : items[items.length - 1]?.span);
      return { kind: 'tuple' as const, span, parens: false, items: items.slice(), commas: commas.slice() };
    });
  });

  /** A full expression: lambda, or a conditional expression. */
  test = this.RULE('test', (): Expr => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.lambdef) },
      {
        ALT: () => {
          const e = this.SUBRULE(this.orTest);
          let end: Expr | undefined;
          this.OPTION(() => {
            this.CONSUME(T.If);
            this.SUBRULE2(this.orTest);
            this.CONSUME(T.Else);
            end = this.SUBRULE(this.test);
          });
          return this.ACTION(() => (end ? this.unsupported(this.join(e.span, end.span), 'other') : e));
        },
      },
    ]);
  });

  private lambdef = this.RULE('lambdef', (): Expr => {
    const l = this.CONSUME(T.Lambda);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Identifier);
            this.OPTION(() => {
              this.CONSUME(T.Equals);
              this.SUBRULE(this.test);
            });
          },
        },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.DoubleStar) },
      ]);
    });
    this.CONSUME(T.Colon);
    const body = this.SUBRULE2(this.test);
    return this.ACTION(() => this.unsupported(this.join(this.tspan(l), body.span), 'other'));
  });

  private orTest = this.RULE('orTest', (): Expr => {
    let e = this.SUBRULE(this.andTest);
    this.MANY(() => {
      this.CONSUME(T.Or);
      const r = this.SUBRULE2(this.andTest);
      e = this.ACTION(() => this.unsupported(this.join(e.span, r.span), 'other'));
    });
    return e;
  });

  private andTest = this.RULE('andTest', (): Expr => {
    let e = this.SUBRULE(this.notTest);
    this.MANY(() => {
      this.CONSUME(T.And);
      const r = this.SUBRULE2(this.notTest);
      e = this.ACTION(() => this.unsupported(this.join(e.span, r.span), 'other'));
    });
    return e;
  });

  private notTest = this.RULE('notTest', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const n = this.CONSUME(T.Not);
          const r = this.SUBRULE(this.notTest);
          return this.ACTION(() => this.unsupported(this.join(this.tspan(n), r.span), 'other'));
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE('comparison', (): Expr => {
    let e = this.SUBRULE(this.bitExpr);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.CompareOp) },
        { ALT: () => this.CONSUME(T.In) },
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.CONSUME2(T.In);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION(() => this.CONSUME2(T.Not));
          },
        },
      ]);
      const r = this.SUBRULE2(this.bitExpr);
      e = this.ACTION(() => this.unsupported(this.join(e.span, r.span), 'other'));
    });
    return e;
  });

  private bitExpr = this.RULE('bitExpr', (): Expr => {
    let e = this.SUBRULE(this.arith);
    this.MANY(() => {
      this.CONSUME(T.BitOp);
      const r = this.SUBRULE2(this.arith);
      e = this.ACTION(() => this.unsupported(this.join(e.span, r.span), 'other'));
    });
    return e;
  });

  private binary(left: Expr, opTok: IToken, right: Expr): Expr {
    return { kind: 'binary', span: this.join(left.span, right.span), op: opTok.image as BinOp, opSpan: this.tspan(opTok), left, right };
  }

  private arith = this.RULE('arith', (): Expr => {
    let e = this.SUBRULE(this.term);
    this.MANY(() => {
      const o = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const r = this.SUBRULE2(this.term);
      e = this.ACTION(() => this.binary(e, o, r));
    });
    return e;
  });

  private term = this.RULE('term', (): Expr => {
    let e = this.SUBRULE(this.factor);
    this.MANY(() => {
      const o = this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.DoubleSlash) },
        { ALT: () => this.CONSUME(T.Percent) },
      ]);
      const r = this.SUBRULE2(this.factor);
      e = this.ACTION(() => this.binary(e, o, r));
    });
    return e;
  });

  private factor = this.RULE('factor', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const o = this.OR2([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Tilde) }]);
          const operand = this.SUBRULE(this.factor);
          return this.ACTION((): Expr => {
            const span = this.join(this.tspan(o), operand.span);
            if (o.tokenType === T.Tilde) return this.unsupported(span, 'other');
            return { kind: 'unary', span, op: o.image as '+' | '-', opSpan: this.tspan(o), operand };
          });
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  private power = this.RULE('power', (): Expr => {
    const base = this.SUBRULE(this.atomExpr);
    let result = base;
    this.OPTION(() => {
      const o = this.CONSUME(T.DoubleStar);
      const exp = this.SUBRULE(this.factor);
      result = this.ACTION(() => this.binary(base, o, exp));
    });
    return result;
  });

  /** An atom followed by calls `()`, subscripts `[]` and attributes `.x`. */
  private atomExpr = this.RULE('atomExpr', (): Expr => {
    let e = this.SUBRULE(this.atom);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.OPTION(() => this.SUBRULE(this.callArgs));
            const r = this.CONSUME(T.RParen);
            e = this.ACTION(() => this.unsupported(this.join(e.span, this.tspan(r)), 'call'));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            this.SUBRULE(this.subscripts);
            const r = this.CONSUME(T.RBracket);
            e = this.ACTION(() => this.unsupported(this.join(e.span, this.tspan(r)), 'subscript'));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            const n = this.OR2([{ ALT: () => this.CONSUME2(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }]);
            e = this.ACTION(() => this.unsupported(this.join(e.span, this.tspan(n)), 'attribute'));
          },
        },
      ]);
    });
    return e;
  });

  private callArgs = this.RULE('callArgs', (): void => {
    this.SUBRULE(this.argument);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.argument);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  private argument = this.RULE('argument', (): void => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.DoubleStar) }]);
          this.SUBRULE(this.test);
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.test);
          this.OPTION(() => {
            this.OR3([
              {
                ALT: () => {
                  this.CONSUME(T.Equals);
                  this.SUBRULE3(this.test);
                },
              },
              { ALT: () => this.SUBRULE(this.compFor) },
            ]);
          });
        },
      },
    ]);
  });

  private subscripts = this.RULE('subscripts', (): void => {
    this.SUBRULE(this.subscript);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.subscript);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  private subscript = this.RULE('subscript', (): void => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.test);
          this.OPTION(() => this.SUBRULE(this.sliceRest));
        },
      },
      { ALT: () => this.SUBRULE2(this.sliceRest) },
    ]);
  });

  private sliceRest = this.RULE('sliceRest', (): void => {
    this.CONSUME(T.Colon);
    this.OPTION(() => this.SUBRULE(this.test));
    this.OPTION2(() => {
      this.CONSUME2(T.Colon);
      this.OPTION3(() => this.SUBRULE2(this.test));
    });
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
        { ALT: () => this.SUBRULE(this.compFor) },
        {
          ALT: () => {
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
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.listExpr) },
      { ALT: () => this.SUBRULE(this.dictExpr) },
      {
        ALT: () => {
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
        ALT: () => {
          const t = this.CONSUME(T.NumberLit);
          return this.ACTION((): Expr => ({ kind: 'number', span: this.tspan(t), text: t.image }));
        },
      },
      { ALT: () => this.SUBRULE(this.strings) },
      {
        ALT: () => {
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
          ALT: () => {
            this.SUBRULE(this.compFor);
            gen = true;
          },
        },
        {
          ALT: () => {
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
          ALT: () => {
            this.SUBRULE(this.compFor);
            comp = true;
          },
        },
        {
          ALT: () => {
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
