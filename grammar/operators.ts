/**
 * @fileoverview The operator levels of the expression grammar (Python precedence: tuples,
 * conditional expressions, lambda, or/and/not, comparisons, bit, arithmetic and unary operators,
 * power), as an abstract Chevrotain EmbeddedActionsParser building the Expr nodes of
 * grammar/tree.ts. The operands (atoms with their trailers, literals, displays) are
 * grammar/expressions.ts; grammar/parser.ts adds the statements and runs the self-analysis.
 */
import { EarlyExitException, EmbeddedActionsParser, NoViableAltException, type IRecognitionException, type IToken, type ParserMethod } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { Expr } from './tree.js';
import * as T from './tokens.js';
import { messages } from './messages.js';

type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';


const NO_SPAN: Span = { start: 0, end: 0 };

/** The parts of Chevrotain's recognizer (not in its typings) that the error overrides below call. */
interface RecognizerInternals {
  getCurrRuleFullName(): string;
  SAVE_ERROR(e: IRecognitionException): IRecognitionException;
}

/** Operator rules; subclassed by ExpressionParser (the operands), then XmParser, which calls performSelfAnalysis. */
export abstract class OperatorParser extends EmbeddedActionsParser {
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

  /**
   * Chevrotain's own version first computes every alternative's lookahead paths for the message
   * provider; ours (grammar/messages.ts) reads only the rule name and the next token, and those
   * paths were 70% of checking 1 MiB of random text (6.0 of 8.8 s; ~200 µs per `a = =` line).
   * Same exception, same message, without the paths.
   */
  raiseNoAltException(_occurrence: number, errMsgTypes: string | undefined): never {
    const self = this as unknown as RecognizerInternals;
    const ruleName = self.getCurrRuleFullName();
    const message = messages.buildNoViableAltMessage({ expectedPathsPerAlt: [], actual: this.lookahead(), previous: this.LA(0), customUserDescription: errMsgTypes ?? '', ruleName });
    throw self.SAVE_ERROR(new NoViableAltException(message, this.LA(1), this.LA(0)));
  }

  /** As {@link raiseNoAltException}, for a mandatory repetition that found nothing. */
  raiseEarlyExitException(_occurrence: number, _prodType: unknown, userDefinedErrMsg: string | undefined): never {
    const self = this as unknown as RecognizerInternals;
    const ruleName = self.getCurrRuleFullName();
    const message = messages.buildEarlyExitMessage({ expectedIterationPaths: [], actual: this.lookahead(), previous: this.LA(0), customUserDescription: userDefinedErrMsg ?? '', ruleName });
    throw self.SAVE_ERROR(new EarlyExitException(message, this.LA(1), this.LA(0)));
  }

  /** The next tokens up to maxLookahead (3), as Chevrotain passes them to the message provider. */
  private lookahead(): IToken[] {
    return [this.LA(1), this.LA(2), this.LA(3)];
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

  protected orTest = this.RULE('orTest', (): Expr => {
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

  protected bitExpr = this.RULE('bitExpr', (): Expr => {
    let e = this.SUBRULE(this.arith);
    this.MANY(() => {
      this.CONSUME(T.BitOp);
      const r = this.SUBRULE2(this.arith);
      e = this.ACTION(() => this.unsupported(this.join(e.span, r.span), 'other'));
    });
    return e;
  });

  protected binary(left: Expr, opTok: IToken, right: Expr): Expr {
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

  /** An operand with its trailers: grammar/expressions.ts. */
  protected abstract atomExpr: ParserMethod<[], Expr>;
}
