/**
 * @fileoverview The Chevrotain grammar of the superset language: the statement rules on top of the
 * expression rules (grammar/expressions.ts), building the tree of grammar/tree.ts directly.
 *
 * The parser is fed ONE statement at a time: src/syntax/split.ts cuts the token stream into
 * statements (newline or `;` outside brackets) and drops trivia, so a broken statement can never
 * swallow the next one, and recursion is bounded by the bracket-depth pre-scan.
 */
import type { TokenType, IToken } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { AssignStmt, Expr, Name, UnsupportedStmt } from './tree.js';
import { ExpressionParser } from './expressions.js';
import * as T from './tokens.js';

export { describeToken } from './messages.js';
export { STOP_PARSE } from './operators.js';
export { stringPart } from './string-part.js';

/** The superset parser. Use the shared instance from `getParser()` (building one costs milliseconds). */
export class XmParser extends ExpressionParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  /** Entry: one statement (no terminator). */
  statement = this.RULE('statement', (): AssignStmt | UnsupportedStmt => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE(this: XmParser) {
            const t2 = this.LA(2).tokenType;
            return t2 === T.Equals || t2 === T.PlusEquals;
          },
          ALT(this: XmParser) {
            return this.SUBRULE(this.assignment);
          },
        },
        { ALT(this: XmParser) { return this.SUBRULE(this.pythonStatement); } },
        { ALT(this: XmParser) { return this.SUBRULE(this.exprStatement); } },
      ],
    });
  });

  /** `key = value`, `key += value`, chained `a = b = value`. */
  assignment = this.RULE('assignment', (): AssignStmt => {
    const keyTok = this.OR([
      { ALT(this: XmParser) { return this.CONSUME(T.Identifier); } },
      { ALT(this: XmParser) { return this.CONSUME(T.Keyword); } },
    ]);
    const opTok = this.OR2([
      { ALT(this: XmParser) { return this.CONSUME(T.Equals); } },
      { ALT(this: XmParser) { return this.CONSUME(T.PlusEquals); } },
    ]);
    const values: Expr[] = [];
    const eqs: IToken[] = [];
    values.push(this.SUBRULE(this.testlist));
    this.MANY(() => {
      eqs.push(this.CONSUME2(T.Equals));
      values.push(this.SUBRULE2(this.testlist));
    });
    return this.ACTION(() => {
      const key: Name = { name: keyTok.image, span: this.tspan(keyTok) };
      const value = values[values.length - 1] ?? this.err();
      const stmt: AssignStmt = {
        kind: 'assign',
        span: this.join(key.span, value.span),
        key,
        op: opTok.tokenType === T.PlusEquals ? '+=' : '=',
        opSpan: this.tspan(opTok),
        value,
      };
      if (values.length > 1) {
        stmt.chained = [];
        for (let i = 0; i < values.length - 1; i++) {
          const v = values[i]!;
          if (v.kind !== 'name' || stmt.op === '+=') {
            // `a = 1 = 2`, `a += b = 1`: Python rejects these; report at the bad target.
            this.targetErrors.push({ span: v.span, message: stmt.op === '+=' ? "'+=' cannot be chained" : "only a name can be assigned to" });
          } else stmt.chained.push({ name: v.name, span: v.span });
        }
      }
      return stmt;
    });
  });

  /** Errors found by actions (invalid assignment targets); reset with the input. */
  targetErrors: { span: Span; message: string }[] = [];

  /** `import os`, `def f():`, `if x: ...`: a keyword and the rest of the statement, not parsed further. */
  pythonStatement = this.RULE('pythonStatement', (): UnsupportedStmt => {
    const kw = this.OR([
      { ALT(this: XmParser) { return this.CONSUME(T.StmtKeyword); } },
      { ALT(this: XmParser) { return this.CONSUME(T.If); } },
      { ALT(this: XmParser) { return this.CONSUME(T.Else); } },
      { ALT(this: XmParser) { return this.CONSUME(T.For); } },
    ]);
    let last: IToken | undefined;
    this.MANY(() => {
      last = this.CONSUME(T.AnyToken);
    });
    return this.ACTION(() => ({ kind: 'unsupported' as const, span: this.join(this.tspan(kw), this.tspan(last)), keyword: kw.image, body: [] }));
  });

  /** An expression used as a statement (a call...) or assigned to something that is not a key. */
  exprStatement = this.RULE('exprStatement', (): UnsupportedStmt => {
    const first = this.SUBRULE(this.testlist);
    let last = first;
    let assigned = false;
    this.MANY(() => {
      this.OR([
        { ALT(this: XmParser) { return this.CONSUME(T.Equals); } },
        { ALT(this: XmParser) { return this.CONSUME(T.PlusEquals); } },
        { ALT(this: XmParser) { return this.CONSUME(T.AugAssign); } },
      ]);
      last = this.SUBRULE2(this.testlist);
      assigned = true;
    });
    return this.ACTION(() => {
      const keyword = assigned ? 'assignment' : first.kind === 'unsupported' && first.what === 'call' ? 'call' : 'expression';
      return { kind: 'unsupported' as const, span: this.join(first.span, last.span), keyword, body: [] };
    });
  });

}

let instance: XmParser | undefined;
/** The one parser instance of the process, built on first use. */
export function getParser(): XmParser {
  return (instance ??= new XmParser());
}

/** Token types for the lexer-facing modules (re-exported for convenience). */
export const tokenTypes: readonly TokenType[] = T.allTokens;
