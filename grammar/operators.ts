/**
 * @fileoverview The operator levels of the expression grammar (Python precedence: tuples,
 * conditional expressions, lambda, or/and/not, comparisons, bit, arithmetic and unary operators,
 * power), as an abstract Chevrotain EmbeddedActionsParser building the Expr nodes of
 * grammar/tree.ts. The operands (atoms with their trailers, literals, displays) are
 * grammar/expressions.ts; grammar/parser.ts adds the statements and runs the self-analysis.
 */
import { EarlyExitException, EmbeddedActionsParser, MismatchedTokenException, NoViableAltException, type IRecognitionException, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { CompareOp, Expr, ExprParts } from './tree.js';
import * as T from './tokens.js';
import { messages } from './messages.js';

type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

const NO_SPAN: Span = { start: 0, end: 0 };

/** The parts of Chevrotain's recognizer (not in its typings) that the error overrides below call. */
interface RecognizerInternals {
  getCurrRuleFullName(): string;
  SAVE_ERROR(e: IRecognitionException): IRecognitionException;
  onAfterParse(ruleName: string): void;
  isAtEndOfInput(): boolean;
}

/** The exceptions a parse error is reported with. */
type RecognitionExceptionType = typeof NoViableAltException | typeof EarlyExitException | typeof MismatchedTokenException;

const exceptionNames = new Map<RecognitionExceptionType, string>();
/** The `name` an exception class gives its instances (set by its constructor; read once from a real one). */
function exceptionName(type: RecognitionExceptionType): string {
  let name = exceptionNames.get(type);
  if (name === undefined) exceptionNames.set(type, (name = new type('', undefined as unknown as IToken, undefined as unknown as IToken).name));
  return name;
}

/** Chevrotain's own versions of the recognizer methods overridden below. */
const CHEVROTAIN = EmbeddedActionsParser.prototype as unknown as RecognizerInternals;

/**
 * Thrown past every rule once a statement's first syntax error is saved (see
 * {@link OperatorParser.stopAtFirstError}). Not an Error (no stack to capture) and not a
 * recognition exception, so no rule tries to recover from it: Chevrotain rethrows what it does not know.
 */
export const STOP_PARSE: { readonly name: string } = Object.freeze({ name: 'XmcfgStopParse' });

// Alternatives of OR are written as methods (`ALT(this: OperatorParser) { ... }`), not arrow
// properties (`ALT: () => ...`): the build's esbuild keepNames wraps every arrow that is a property
// value in a __name() call, an Object.defineProperty per alternative each time an OR's array is
// built, which was ~40% of the CPU of parsing a 46 KB host JSON (fixtures/hosts/seventy-two-node.json)
// through the grammar. Chevrotain calls ALT and GATE with the parser as `this`, so a method sees
// the same `this` an arrow did. test/perf/grammar-alts.test.ts keeps arrows from coming back.
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
    throw self.SAVE_ERROR(this.exception(NoViableAltException, message, this.LA(1), this.LA(0)));
  }

  /** As {@link raiseNoAltException}, for a mandatory repetition that found nothing. */
  raiseEarlyExitException(_occurrence: number, _prodType: unknown, userDefinedErrMsg: string | undefined): never {
    const self = this as unknown as RecognizerInternals;
    const ruleName = self.getCurrRuleFullName();
    const message = messages.buildEarlyExitMessage({ expectedIterationPaths: [], actual: this.lookahead(), previous: this.LA(0), customUserDescription: userDefinedErrMsg ?? '', ruleName });
    throw self.SAVE_ERROR(this.exception(EarlyExitException, message, this.LA(1), this.LA(0)));
  }

  /** Chevrotain's, with the exception made by {@link exception} (the grammar sets no ERR_MSG). */
  consumeInternalError(tokType: TokenType, nextToken: IToken, options: { ERR_MSG?: string } | undefined): never {
    const self = this as unknown as RecognizerInternals;
    const previous = this.LA(0);
    const message = options?.ERR_MSG || messages.buildMismatchTokenMessage({ expected: tokType, actual: nextToken, previous, ruleName: self.getCurrRuleFullName() });
    throw self.SAVE_ERROR(this.exception(MismatchedTokenException, message, nextToken, previous));
  }

  /**
   * Stop parsing at the statement's first syntax error (thrown as {@link STOP_PARSE}; the caller
   * catches it). Callers read only the first error and make the statement an ErrorStmt, so the
   * re-sync and recovery Chevrotain does after it only cost time: each rule level on the way up
   * computed follow sets (~45 us a statement; 8.2 of 9.9 s of parsing 1 MiB of `a = =` lines).
   * Recovery stays enabled so the first error is the one it always was (in-repetition recovery saves
   * the error it foresees before the failing step runs).
   */
  stopAtFirstError = false;
  /** Whether a statement's first error was saved since the input was set. */
  private stopped = false;
  /** Inside Chevrotain's end-of-parse hook, which must run to its end (it unpads the input array). */
  private ending = false;

  SAVE_ERROR(e: IRecognitionException): IRecognitionException {
    if (!this.stopAtFirstError) return CHEVROTAIN.SAVE_ERROR.call(this, e);
    // Errors after the first are not read: not saved, so the first stays the only one.
    if (this.stopped) return e;
    CHEVROTAIN.SAVE_ERROR.call(this, e);
    this.stopped = true;
    if (this.ending) return e;
    throw STOP_PARSE;
  }

  onAfterParse(ruleName: string): void {
    this.ending = true;
    try {
      CHEVROTAIN.onAfterParse.call(this, ruleName);
    } finally {
      this.ending = false;
    }
  }

  /** Stopped, the end-of-parse hook takes the input as read: its "not all input parsed" error would not be read. */
  isAtEndOfInput(): boolean {
    return this.stopped || CHEVROTAIN.isAtEndOfInput.call(this);
  }

  override reset(): void {
    super.reset();
    this.stopped = false;
  }

  /**
   * A recognition exception of `type`. Stopping at the first error, it is made without running
   * Error's constructor: Chevrotain's sets the prototype again and captures a stack trace, 18% of
   * parsing a file of `)` lines; only `name` (how Chevrotain tells its exceptions), `message` and
   * `token` are read.
   */
  private exception(type: RecognitionExceptionType, message: string, token: IToken, previousToken: IToken): IRecognitionException {
    if (!this.stopAtFirstError) return new type(message, token, previousToken);
    const e = Object.create(type.prototype) as IRecognitionException & { previousToken: IToken };
    e.name = exceptionName(type);
    e.message = message;
    e.token = token;
    e.resyncedTokens = [];
    e.previousToken = previousToken;
    return e;
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
  /** A node the grammar only parses; `parts`: the operands of a form xm's evaluator reads. */
  protected unsupported(span: Span, what: 'call' | 'attribute' | 'subscript' | 'dict' | 'other', parts?: ExprParts): Expr {
    return parts === undefined ? { kind: 'unsupported', span, what } : { kind: 'unsupported', span, what, parts };
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
      { ALT(this: OperatorParser) { return this.SUBRULE(this.lambdef); } },
      {
        ALT(this: OperatorParser) {
          const e = this.SUBRULE(this.orTest);
          let cond: Expr | undefined;
          let end: Expr | undefined;
          this.OPTION(() => {
            this.CONSUME(T.If);
            cond = this.SUBRULE2(this.orTest);
            this.CONSUME(T.Else);
            end = this.SUBRULE(this.test);
          });
          return this.ACTION((): Expr => {
            if (end === undefined || cond === undefined) return e;
            return this.unsupported(this.join(e.span, end.span), 'other', { form: 'conditional', body: e, test: cond, orelse: end });
          });
        },
      },
    ]);
  });

  private lambdef = this.RULE('lambdef', (): Expr => {
    const l = this.CONSUME(T.Lambda);
    this.MANY(() => {
      this.OR([
        {
          ALT(this: OperatorParser) {
            this.CONSUME(T.Identifier);
            this.OPTION(() => {
              this.CONSUME(T.Equals);
              this.SUBRULE(this.test);
            });
          },
        },
        { ALT(this: OperatorParser) { return this.CONSUME(T.Comma); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.Star); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.DoubleStar); } },
      ]);
    });
    this.CONSUME(T.Colon);
    const body = this.SUBRULE2(this.test);
    return this.ACTION(() => this.unsupported(this.join(this.tspan(l), body.span), 'other'));
  });

  /** `a or b or c`: one node with every operand (flat, as Python's BoolOp: no nesting however long the chain). */
  protected orTest = this.RULE('orTest', (): Expr => {
    const first = this.SUBRULE(this.andTest);
    let operands: Expr[] | undefined;
    this.MANY(() => {
      this.CONSUME(T.Or);
      (operands ??= [first]).push(this.SUBRULE2(this.andTest));
    });
    return this.ACTION(() => (operands === undefined ? first : this.unsupported(this.join(first.span, operands.at(-1)!.span), 'other', { form: 'bool', op: 'or', operands: operands.slice() })));
  });

  private andTest = this.RULE('andTest', (): Expr => {
    const first = this.SUBRULE(this.notTest);
    let operands: Expr[] | undefined;
    this.MANY(() => {
      this.CONSUME(T.And);
      (operands ??= [first]).push(this.SUBRULE2(this.notTest));
    });
    return this.ACTION(() => (operands === undefined ? first : this.unsupported(this.join(first.span, operands.at(-1)!.span), 'other', { form: 'bool', op: 'and', operands: operands.slice() })));
  });

  private notTest = this.RULE('notTest', (): Expr => {
    return this.OR([
      {
        ALT(this: OperatorParser) {
          const n = this.CONSUME(T.Not);
          const r = this.SUBRULE(this.notTest);
          return this.ACTION(() => this.unsupported(this.join(this.tspan(n), r.span), 'other', { form: 'not', operand: r }));
        },
      },
      { ALT(this: OperatorParser) { return this.SUBRULE(this.comparison); } },
    ]);
  });

  /** A comparison chain `a == b != c`: one unsupported node keeping its operands and operators (`parts`). */
  private comparison = this.RULE('comparison', (): Expr => {
    const first = this.SUBRULE(this.bitExpr);
    // Made only when there is a comparison: every operand of every expression passes through here.
    let operands: Expr[] | undefined;
    let ops: CompareOp[] | undefined;
    this.MANY(() => {
      const op = this.OR([
        { ALT(this: OperatorParser) { return this.CONSUME(T.CompareOp).image as CompareOp; } },
        { ALT(this: OperatorParser) { this.CONSUME(T.In); return 'in' as const; } },
        {
          ALT(this: OperatorParser) {
            this.CONSUME(T.Not);
            this.CONSUME2(T.In);
            return 'not in' as const;
          },
        },
        {
          ALT(this: OperatorParser) {
            this.CONSUME(T.Is);
            return this.OPTION(() => this.CONSUME2(T.Not)) === undefined ? ('is' as const) : ('is not' as const);
          },
        },
      ]);
      (ops ??= []).push(op);
      (operands ??= [first]).push(this.SUBRULE2(this.bitExpr));
    });
    return this.ACTION((): Expr => {
      if (ops === undefined || operands === undefined) return first;
      return this.unsupported(this.join(first.span, operands[operands.length - 1]!.span), 'other', { form: 'compare', operands: operands.slice(), ops: ops.slice() });
    });
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
      const o = this.OR([
        { ALT(this: OperatorParser) { return this.CONSUME(T.Plus); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.Minus); } },
      ]);
      const r = this.SUBRULE2(this.term);
      e = this.ACTION(() => this.binary(e, o, r));
    });
    return e;
  });

  private term = this.RULE('term', (): Expr => {
    let e = this.SUBRULE(this.factor);
    this.MANY(() => {
      const o = this.OR([
        { ALT(this: OperatorParser) { return this.CONSUME(T.Star); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.Slash); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.DoubleSlash); } },
        { ALT(this: OperatorParser) { return this.CONSUME(T.Percent); } },
      ]);
      const r = this.SUBRULE2(this.factor);
      e = this.ACTION(() => this.binary(e, o, r));
    });
    return e;
  });

  private factor = this.RULE('factor', (): Expr => {
    return this.OR([
      {
        ALT(this: OperatorParser) {
          const o = this.OR2([
            { ALT(this: OperatorParser) { return this.CONSUME(T.Plus); } },
            { ALT(this: OperatorParser) { return this.CONSUME(T.Minus); } },
            { ALT(this: OperatorParser) { return this.CONSUME(T.Tilde); } },
          ]);
          const operand = this.SUBRULE(this.factor);
          return this.ACTION((): Expr => {
            const span = this.join(this.tspan(o), operand.span);
            if (o.tokenType === T.Tilde) return this.unsupported(span, 'other');
            return { kind: 'unary', span, op: o.image as '+' | '-', opSpan: this.tspan(o), operand };
          });
        },
      },
      { ALT(this: OperatorParser) { return this.SUBRULE(this.power); } },
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
